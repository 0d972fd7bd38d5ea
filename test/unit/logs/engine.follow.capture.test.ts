import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { Follower } from '../../../server/src/logs/engine';
import { tempDir, until } from './engineHelpers';

// copytruncate as logrotate does it (copy, then truncate a few ms later), while the thread that runs
// the follower is busy with something else: everything below happens in one synchronous stretch, so
// only the follower's own reading thread can see the lines written between the copy and the
// truncation. They are in no file afterwards.
const line = (tag: string, i: number) => `Dec  7 02:00:00 host app[1]: ${tag} ${i}\n`;
const lines = (tag: string, from: number, to: number) => Array.from({ length: to - from }, (_, k) => line(tag, from + k)).join('');

/** Blocks this thread until the follower's reading thread has read `size` bytes (or 30 s passed). */
function waitForReadingThread(f: Follower, size: number): void {
  const give = Date.now() + 30_000;
  while (f.captured < size && Date.now() < give) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
}

describe('log engine: follow keeps lines written between copy and truncation while its thread is busy', function () {
  this.timeout(60_000);

  for (const compress of [false, true]) {
    it(`copytruncate${compress ? ' + compress' : ''}: the lines written after the copy arrive once, in order`, async () => {
      const T = tempDir();
      const file = T.file('app.log', lines('before', 0, 20));
      const got: string[] = [];
      const lost: boolean[] = [];
      const f = new Follower(file, { lines: (b, s, e) => void got.push(...b.toString('latin1', s, e).split('\n').filter(Boolean)), rotated: (_k, i) => void lost.push(!!i.lost) }, { start: 0 });
      try {
        await f.open();
        f.start();
        await until(() => got.length === 20);
        // One synchronous stretch: the follower's callbacks cannot run until it ends.
        fs.appendFileSync(file, lines('copied', 0, 30));
        fs.copyFileSync(file, file + '.1');
        fs.appendFileSync(file, lines('after-copy', 0, 7));
        waitForReadingThread(f, fs.statSync(file).size);
        fs.truncateSync(file, 0);
        if (compress) {
          fs.writeFileSync(file + '.1.gz', zlib.gzipSync(fs.readFileSync(file + '.1')));
          fs.unlinkSync(file + '.1');
        }
        fs.appendFileSync(file, lines('new', 0, 3));
        await until(() => got.includes(line('new', 2).trimEnd())); // the last line written
      } finally {
        await f.close();
        T.cleanup();
      }
      assert.deepEqual(got, [...lines('before', 0, 20), ...lines('copied', 0, 30), ...lines('after-copy', 0, 7), ...lines('new', 0, 3)].join('').split('\n').filter(Boolean));
      assert.deepEqual(lost, [false]);
    });
  }
});
