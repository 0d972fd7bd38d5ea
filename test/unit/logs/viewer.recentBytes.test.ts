import * as assert from 'node:assert/strict';
import { OverlayReader, RecentBytes } from '../../../client/src/logViewer/recentBytes';
import type { RandomReader } from '../../../server/src/logs/engine';

/** A reader over a buffer (what the copy holds). */
const over = (data: Buffer, path = 'copy'): RandomReader => ({
  path,
  gz: false,
  size: async () => data.length,
  read: async (pos, len) => data.subarray(pos, pos + len),
  close: async () => undefined,
});

describe('log viewer: the bytes follow mode read last (copytruncate window)', () => {
  it('keeps at most its budget of the newest bytes, and starts over when the offsets jump', () => {
    const r = new RecentBytes(10);
    for (let i = 0; i < 6; i++) r.add(Buffer.from(`ab${i}\n`), 0, 4, i * 4);
    const kept = r.take();
    // Whole chunks are dropped from the front while the rest still holds the budget.
    assert.equal(kept.start, 12);
    assert.equal(kept.bytes.toString(), 'ab3\nab4\nab5\n');
    r.add(Buffer.from('xy\n'), 0, 3, 100);
    r.add(Buffer.from('zz\n'), 0, 3, 500);
    assert.deepEqual(r.take(), { start: 500, bytes: Buffer.from('zz\n') });
  });

  it('reads the copy up to where memory starts, then memory; waits for the copy before reading', async () => {
    const live = over(Buffer.from('NEW CONTENT AFTER TRUNCATION\n'), 'live');
    const o = new OverlayReader(live, Buffer.from('two\nthree\n'), 4);
    let open: (r: RandomReader) => void = () => undefined;
    o.setBase(new Promise((res) => (open = res)));
    const reading = o.read(0, 100);
    open(over(Buffer.from('one\ntwo\n')));
    assert.equal((await reading).toString(), 'one\ntwo\nthree\n');
    assert.equal(await o.size(), 14);
    assert.equal((await o.read(6, 5)).toString(), 'o\nthr');
    // A copy shorter than where memory starts: what it has, no gap filled with other bytes.
    const short = new OverlayReader(over(Buffer.from('on')), Buffer.from('two\n'), 4);
    assert.equal((await short.read(0, 8)).toString(), 'on');
    // Nothing in memory: just the base.
    assert.equal((await new OverlayReader(over(Buffer.from('abc')), Buffer.alloc(0), 0).read(1, 5)).toString(), 'bc');
  });
});
