import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { Follower } from '../../../server/src/logs/engine';
import { rng } from '../../helpers/random';
import { sleep, tempDir, until } from './engineHelpers';

// The random batch sizes come from a seeded generator: FOLLOW_SEED=N repeats a run.
const SEED = Number(process.env.FOLLOW_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe('log engine: follow (tail -f across rotation)', function () {
  this.timeout(120_000);

  it('sees 100,000 appended lines exactly once while the file is rotated both ways', async () => {
    console.log(`      (seed ${SEED}: FOLLOW_SEED=${SEED} repeats this run)`);
    const random = rng(SEED);
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
        write(1 + Math.floor(random() * 400));
        if (random() < 0.3) await sleep(0);
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
    assert.ok(rotations >= 10, `rotated ${rotations} times (seed ${SEED})`);
    assert.ok(kinds.includes('rename') && kinds.includes('truncate'), `rotations seen: ${kinds.join(',')} (seed ${SEED})`);
    assert.equal(seen.length, TOTAL, `no line lost or repeated (seed ${SEED})`);
    for (let i = 0; i < TOTAL; i++) if (seen[i] !== i) assert.fail(`line ${i}: saw seq ${seen[i]} (seed ${SEED})`);
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

  // Lines of one length whose last 64 bytes are all alike: the bytes before the read position look
  // the same after a copytruncate, so only size and identity can tell that the file was replaced.
  const sameTail = (tag: string, i: number) => `${tag}${String(i).padStart(4, '0')} ${'x'.repeat(70)} same tail\n`;
  const lines = (tag: string, from: number, to: number) => Array.from({ length: to - from }, (_, k) => sameTail(tag, from + k)).join('');

  for (const [what, again] of [
    ['smaller than the copy', 12],
    ['larger than the copy', 30],
  ] as const) {
    it(`notices a copytruncate when lines of the same length and tail were written again before it looked (file now ${what})`, async () => {
      const T = tempDir();
      const file = T.file('app.log', lines('old', 0, 10));
      const got: string[] = [];
      const kinds: string[] = [];
      const f = new Follower(file, { lines: (b, s, e) => void got.push(...b.toString('latin1', s, e).split('\n').filter(Boolean)), rotated: (k) => void kinds.push(k) }, { start: 0 });
      try {
        await f.open();
        await f.poll();
        fs.appendFileSync(file, lines('old', 10, 15)); // written, not read yet
        fs.copyFileSync(file, file + '.1'); // copytruncate
        fs.truncateSync(file, 0);
        fs.appendFileSync(file, lines('new', 0, again)); // past our position before we look
        await f.poll();
      } finally {
        await f.close();
        T.cleanup();
      }
      assert.deepEqual(kinds, ['truncate']);
      assert.deepEqual(got, [...lines('old', 0, 15).split('\n'), ...lines('new', 0, again).split('\n')].filter(Boolean));
    });
  }

  it('recovers the lines it had not read from a copy compressed right after the truncation (.gz)', async () => {
    const T = tempDir();
    const file = T.file('app.log', lines('old', 0, 10));
    const got: string[] = [];
    const copies: (string | undefined)[] = [];
    const f = new Follower(file, { lines: (b, s, e) => void got.push(...b.toString('latin1', s, e).split('\n').filter(Boolean)), rotated: (_k, i) => void copies.push(i.copyPath) }, { start: 0 });
    try {
      await f.open();
      await f.poll();
      fs.appendFileSync(file, lines('old', 10, 40)); // written, not read yet
      fs.copyFileSync(file, file + '.1'); // copytruncate + compress without delaycompress
      fs.truncateSync(file, 0);
      fs.writeFileSync(file + '.1.gz', zlib.gzipSync(fs.readFileSync(file + '.1')));
      fs.unlinkSync(file + '.1');
      fs.appendFileSync(file, lines('new', 0, 3));
      await f.poll();
    } finally {
      await f.close();
      T.cleanup();
    }
    assert.deepEqual(copies, [file + '.1.gz']);
    assert.deepEqual(got, [...lines('old', 0, 40).split('\n'), ...lines('new', 0, 3).split('\n')].filter(Boolean));
  });
});
