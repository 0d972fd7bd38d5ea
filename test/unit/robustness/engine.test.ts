import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex, compileFilter, runFilter, StatsAccumulator, statsOf, type FileChange } from '../../../server/src/logs/engine/index';
import { rng } from '../../helpers/random';

/** A hostile log file: random bytes (NUL, invalid UTF-8, lone CR), CRLF lines, a 3 MB line. */
function hostileLog(): { buf: Buffer; newlines: number; needles: number } {
  const r = rng(4242);
  const parts: Buffer[] = [];
  let needles = 0;
  for (let i = 0; i < 2000; i++) {
    const kind = r();
    if (kind < 0.3) parts.push(Buffer.from(Array.from({ length: Math.floor(r() * 200) }, () => Math.floor(r() * 256))));
    else if (kind < 0.6) parts.push(Buffer.from(`Jan ${1 + (i % 28)} 10:00:00 host sshd[${i}]: Failed password\r\n`));
    else if (kind < 0.62) {
      parts.push(Buffer.from('Jan  2 00:00:00 h needle: ' + 'x'.repeat(3 * 1024 * 1024) + '\n'));
      needles++;
    } else parts.push(Buffer.from(`\u202e\x1b[31m needle \0 ${'\ufffd'.repeat(3)}\n`)), needles++;
  }
  const buf = Buffer.concat(parts);
  let newlines = 0;
  for (const b of buf) if (b === 10) newlines++;
  // Random bytes may hold "needle" by chance only with negligible odds; count what is really there.
  let lines = 0;
  let start = 0;
  for (let i = buf.indexOf(10); ; i = buf.indexOf(10, start)) {
    const end = i === -1 ? buf.length : i;
    if (buf.subarray(start, end).includes('needle')) lines++;
    if (i === -1) break;
    start = i + 1;
  }
  return { buf, newlines, needles: lines };
}

describe('robustness: the log engine on hostile files', function () {
  this.timeout(60_000);
  let dir: string;
  let log: ReturnType<typeof hostileLog>;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-engine-'));
    log = hostileLog();
    fs.writeFileSync(path.join(dir, 'messages'), log.buf);
    fs.writeFileSync(path.join(dir, 'messages.1.gz'), gzipSync(log.buf));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const name of ['messages', 'messages.1.gz']) {
    it(`${name}: the index counts every line, whatever bytes they hold, with small read blocks`, async () => {
      const ix = await buildIndex(path.join(dir, name), { chunkSize: 64 * 1024 });
      assert.equal(ix.complete, log.newlines);
    });

    it(`${name}: a search finds exactly the lines holding the word, the 3 MB lines included`, async () => {
      const c = compileFilter({ include: [{ pattern: 'needle', caseSensitive: true }] });
      assert.ok(c.ok);
      let found = 0;
      await runFilter(path.join(dir, name), c.filter, () => {
        found++;
      }, { chunkSize: 64 * 1024 });
      assert.equal(found, log.needles);
    });

    it(`${name}: statistics count every line and do not choke on the binary ones`, async () => {
      const acc = new StatsAccumulator(2024);
      await statsOf(path.join(dir, name), acc, { chunkSize: 64 * 1024 });
      const st = acc.result();
      assert.equal(st.lines, log.newlines + (log.buf[log.buf.length - 1] === 10 ? 0 : 1));
      assert.ok(st.programs.some((p) => p.program === 'sshd'));
    });
  }

  it('a truncated .gz file ends the scan with what was read or a clear error, never a hang', async () => {
    const gz = gzipSync(log.buf);
    const f = path.join(dir, 'cut.log.gz');
    fs.writeFileSync(f, gz.subarray(0, gz.length >> 1));
    const outcome = await buildIndex(f, { chunkSize: 64 * 1024 }).then(
      (ix) => `indexed ${ix.lines}`,
      (e: Error) => `error ${e.message}`,
    );
    assert.match(outcome, /^(indexed \d+|error .+)$/);
  });

  it('statistics of a file truncated while they are counted are reported as partial; a file renamed away is read whole', async () => {
    const text = 'Jan  2 00:00:00 h cron[1]: tick\n'.repeat(10_000);
    for (const [how, expected] of [
      ['truncate', 'shrank'],
      ['rename', 'replaced'],
    ] as const) {
      const f = path.join(dir, `busy-${how}.log`);
      fs.writeFileSync(f, text);
      const acc = new StatsAccumulator(2024);
      const changes: FileChange[] = [];
      let first = true;
      await statsOf(f, acc, {
        chunkSize: 16 * 1024,
        onChanged: (c) => void changes.push(c),
        onProgress: () => {
          if (!first) return;
          first = false;
          if (how === 'truncate') fs.truncateSync(f, 0);
          else {
            fs.renameSync(f, f + '.1'); // rotated by rename + create while the scan goes on
            fs.writeFileSync(f, '');
          }
        },
      });
      assert.deepEqual(changes.map((c) => c.kind), [expected], how);
      assert.equal(changes[0].sizeBefore, text.length);
      if (how === 'truncate') assert.ok(acc.lines < 10_000 && changes[0].scanned < text.length);
      else assert.equal(acc.lines, 10_000);
    }
  });
});
