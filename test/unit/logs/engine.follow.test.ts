import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Follower } from '../../../server/src/logs/engine';
import { sleep, tempDir, until } from './engineHelpers';

describe('log engine: follow (tail -f across rotation)', function () {
  this.timeout(120_000);

  it('sees 100,000 appended lines exactly once while the file is rotated both ways', async () => {
    const T = tempDir();
    const file = T.file('maillog', '');
    const seen: number[] = [];
    const kinds: string[] = [];
    let partial = '';
    const f = new Follower(
      file,
      {
        lines: (buf, from, to) => {
          const text = partial + buf.toString('latin1', from, to);
          const parts = text.split('\n');
          partial = parts.pop() ?? '';
          for (const p of parts) seen.push(Number(/seq=(\d+)/.exec(p)?.[1] ?? NaN));
        },
        rotated: (kind) => kinds.push(kind),
      },
      { start: 0, intervalMs: 1 },
    );
    await f.open();
    f.start();
    const TOTAL = 100_000;
    let written = 0;
    let rotations = 0;
    const line = (i: number) => `Dec 27 00:01:08 sv postfix/smtp[17635]: 90442C9CB29: seq=${i} status=deferred (Connection timed out)\n`;
    const write = (n: number) => {
      let s = '';
      for (let k = 0; k < n && written < TOTAL; k++) s += line(written++);
      fs.appendFileSync(file, s);
    };
    try {
      while (written < TOTAL) {
        write(1 + Math.floor(Math.random() * 400));
        if (Math.random() < 0.3) await sleep(0);
        if (written >= (rotations + 1) * 9000 && written < TOTAL) {
          // Rotations are further apart than one poll (as in real life): let the follower catch up,
          // then write a few more lines it has not read yet, and rotate.
          await until(() => seen.length === written);
          write(50);
          if (fs.existsSync(file + '.1')) fs.renameSync(file + '.1', file + '.2');
          if (rotations % 2 === 0) {
            fs.renameSync(file, file + '.1'); // rename + create
            fs.writeFileSync(file, '');
          } else {
            fs.copyFileSync(file, file + '.1'); // copytruncate
            fs.truncateSync(file, 0);
          }
          rotations++;
          write(20); // the writer goes on at once
        }
      }
      await until(() => seen.length >= TOTAL, 60_000);
      await sleep(20);
    } finally {
      await f.close();
      T.cleanup();
    }
    assert.ok(rotations >= 10, `rotated ${rotations} times`);
    assert.ok(kinds.includes('rename') && kinds.includes('truncate'), `rotations seen: ${kinds.join(',')}`);
    assert.equal(seen.length, TOTAL, 'no line lost or repeated');
    for (let i = 0; i < TOTAL; i++) if (seen[i] !== i) assert.fail(`line ${i}: saw seq ${seen[i]}`);
  });

  it('starts at the end by default and keeps waiting when the file vanishes', async () => {
    const T = tempDir();
    const file = T.file('secure', 'old 1\nold 2\n');
    const got: string[] = [];
    const problems: string[] = [];
    const f = new Follower(file, { lines: (b, s, e) => void got.push(...b.toString('utf8', s, e).split('\n').filter(Boolean)), problem: (e) => void problems.push(e.code ?? '') }, { intervalMs: 1 });
    await f.open();
    f.start();
    try {
      fs.appendFileSync(file, 'new 1\npartial');
      await until(() => got.length === 1);
      fs.appendFileSync(file, ' done\n');
      await until(() => got.length === 2);
      fs.unlinkSync(file);
      await sleep(20);
      fs.writeFileSync(file, 'reborn\n');
      await until(() => got.length === 3);
    } finally {
      await f.close();
      T.cleanup();
    }
    assert.deepEqual(got, ['new 1', 'partial done', 'reborn']);
  });
});
