import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { MatchStore } from '../../../server/src/logs/engine';

const tempFiles = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('lac-matches-'));

describe('match store: any number of matches', () => {
  it('keeps every match past its memory budget, in order, and jumps to any of them', () => {
    const before = tempFiles().length;
    const s = new MatchStore(100_000);
    const total = 1_000_003;
    // Pushed in uneven batches, as the worker posts them.
    for (let n = 0; n < total; ) {
      const len = Math.min(total - n, 4096 + (n % 977));
      const a = new Uint32Array(len);
      for (let i = 0; i < len; i++) a[i] = (n + i) * 3;
      s.push(a);
      n += len;
    }
    assert.equal(s.length, total);
    assert.ok(s.spilled >= total - 100_000 - 65_536, `only ${s.spilled} spilled`);
    assert.equal(tempFiles().length, before + 1);
    for (const i of [0, 1, 65_535, 65_536, 123_457, 500_000, total - 1]) assert.equal(s.get(i), i * 3);
    assert.equal(s.get(total), undefined);
    assert.deepEqual(s.slice(65_530, 10), [...Array(10).keys()].map((k) => (65_530 + k) * 3));
    assert.deepEqual(s.slice(total - 2, 10), [(total - 2) * 3, (total - 1) * 3]);
    s.clear();
    assert.equal(s.length, 0);
    assert.equal(tempFiles().length, before);
  });

  it('stays in memory under its budget', () => {
    const s = new MatchStore(1_000_000);
    s.push(Uint32Array.from([5, 9, 12]));
    assert.equal(s.spilled, 0);
    assert.deepEqual(s.slice(0, 5), [5, 9, 12]);
    s.clear();
  });
});
