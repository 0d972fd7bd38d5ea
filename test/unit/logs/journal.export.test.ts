// journalctl's export format, which the viewer's text filters and charts read (far cheaper for
// journalctl than JSON): text and binary fields, chunks cut anywhere, stopping, and the same
// entries as JSON over a real journal holding a message of several lines.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExportReader } from '../../../server/src/logs/journal/exportFormat';
import type { JournalEntry } from '../../../server/src/logs/journal/journalctl';
import { JournalSource } from '../../../server/src/logs/journal/source';
import { exportEntry, JOURNAL_REMOTE, standardEntry } from '../../fixtures/journal/generate';
import { tempDir } from './engineHelpers';

/** A field whose value holds a newline, as export format writes it. */
function binaryField(key: string, value: string): Buffer {
  const data = Buffer.from(value, 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(data.length));
  return Buffer.concat([Buffer.from(`${key}\n`), len, data, Buffer.from('\n')]);
}

const MULTI = 'first line\nsecond line with ünïcode = and more';

function sample(): Buffer {
  return Buffer.concat([
    Buffer.from('__CURSOR=s=a;i=1\n__REALTIME_TIMESTAMP=1\nMESSAGE=plain = text\n_PID=7\n\n'),
    Buffer.from('__CURSOR=s=a;i=2\n__REALTIME_TIMESTAMP=2\n'),
    binaryField('MESSAGE', MULTI),
    Buffer.from('PRIORITY=3\n\n__CURSOR=s=a;i=3\n__REALTIME_TIMESTAMP=3\nMESSAGE=last\n\n'),
  ]);
}

describe('journal export format', function () {
  this.timeout(60_000);

  it('reads text and binary fields the same whatever the chunks are cut into', () => {
    const bytes = sample();
    for (const size of [1, 2, 3, 7, 16, bytes.length]) {
      const r = new ExportReader();
      const got: JournalEntry[] = [];
      for (let i = 0; i < bytes.length; i += size) assert.equal(r.push(bytes.subarray(i, i + size), (e) => void got.push(e)), true);
      r.end((e) => void got.push(e));
      assert.deepEqual(
        got.map((e) => [e.__CURSOR, e.MESSAGE]),
        [
          ['s=a;i=1', 'plain = text'],
          ['s=a;i=2', MULTI],
          ['s=a;i=3', 'last'],
        ],
        `chunks of ${size}`,
      );
      assert.equal(got[1].PRIORITY, '3');
    }
  });

  it('stops at the entry whose callback says so', () => {
    const r = new ExportReader();
    const got: string[] = [];
    assert.equal(r.push(sample(), (e) => (got.push(e.__CURSOR), got.length < 2)), false);
    assert.deepEqual(got, ['s=a;i=1', 's=a;i=2']);
  });

  it('scans a real journal to the same entries as JSON, a message of several lines included', async function () {
    if (!JOURNAL_REMOTE) this.skip();
    const T = tempDir();
    try {
      const dir = path.join(T.dir, 'journal');
      fs.mkdirSync(dir);
      const input = Buffer.concat([
        ...Array.from({ length: 300 }, (_, i) => Buffer.from(exportEntry(standardEntry(i, 300)))),
        Buffer.from('__REALTIME_TIMESTAMP=1714600000000000\n__MONOTONIC_TIMESTAMP=999999\n_BOOT_ID=3333333333333333333333333333333c\n_HOSTNAME=web1\nSYSLOG_IDENTIFIER=app\nPRIORITY=2\n'),
        binaryField('MESSAGE', MULTI),
        Buffer.from('\n'),
      ]);
      const r = spawnSync(JOURNAL_REMOTE!, ['-o', path.join(dir, 'system.journal'), '-'], { input });
      assert.equal(r.status, 0, String(r.stderr));
      const fields = ['MESSAGE', '_HOSTNAME', 'SYSLOG_IDENTIFIER', '_PID', '_SYSTEMD_UNIT', 'PRIORITY'];
      const src = new JournalSource({ directory: dir });
      const json = await src.page(1000, undefined, fields);
      const scanned: JournalEntry[] = [];
      await src.scan((e) => void scanned.push(e), fields);
      assert.equal(scanned.length, 301);
      const pick = (e: JournalEntry) => [e.__CURSOR, e.__REALTIME_TIMESTAMP, ...fields.map((f) => e[f])];
      assert.deepEqual(scanned.map(pick), json.map(pick));
      assert.equal(scanned[300].MESSAGE, MULTI);
      // From a cursor, without the cursor's own entry.
      const after: JournalEntry[] = [];
      await src.scan((e) => void after.push(e), fields, json[297].__CURSOR);
      assert.deepEqual(after.map((e) => e.__CURSOR), json.slice(298).map((e) => e.__CURSOR));
    } finally {
      T.cleanup();
    }
  });
});
