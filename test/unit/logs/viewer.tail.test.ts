// The last lines of a log read from its end (what End shows while the index has not got there).
import * as assert from 'node:assert/strict';
import { LogSet } from '../../../server/src/logs/engine';
import { tailLines } from '../../../client/src/logViewer/tail';
import { tempDir } from './engineHelpers';

describe('log viewer: the last lines, read from the end of the file', () => {
  const T = tempDir();
  after(() => T.cleanup());

  async function tail(name: string, data: string | Buffer, count: number, maxLineBytes?: number) {
    const set = await LogSet.open([T.file(name, data)]);
    if (maxLineBytes) set.maxLineBytes = maxLineBytes;
    try {
      return await tailLines(set, count);
    } finally {
      await set.close();
    }
  }

  it('gives the last whole lines, with or without a final newline, and CRLF endings stripped', async () => {
    assert.deepEqual((await tail('a.log', 'one\ntwo\nthree\n', 2)).map((l) => l.text), ['two', 'three']);
    assert.deepEqual((await tail('b.log', 'one\ntwo\nthree', 2)).map((l) => l.text), ['two', 'three']);
    assert.deepEqual((await tail('c.log', 'one\r\ntwo\r\n', 5)).map((l) => l.text), ['one', 'two']);
    assert.deepEqual((await tail('d.log', '\nlast\n', 5)).map((l) => l.text), ['', 'last']);
    assert.deepEqual(await tail('e.log', '', 5), []);
  });

  it('reads further back for lines longer than its first window, and cuts them like the viewer does', async () => {
    const long = 'x'.repeat(200_000);
    const lines = await tail('long.log', `first\n${long}\nend\n`, 2, 1000);
    assert.deepEqual(lines.map((l) => [l.text.length, l.bytes, l.cut]), [[1000, 200_000, true], [3, 3, false]]);
    assert.equal(lines[0].offset, 6, 'the long line starts after "first\\n"');
    assert.ok(lines.every((l) => l.n === -1), 'no line numbers before the index gets there');
  });

  it('decodes the file\'s encoding', async () => {
    const sjis = Buffer.from([0x82, 0xa0, 0x0a, 0x93, 0xfa, 0x96, 0x7b, 0x0a]); // "あ\n日本\n" in Shift_JIS
    const set = await LogSet.open([T.file('sjis.log', sjis)], 'shift_jis');
    try {
      assert.deepEqual((await tailLines(set, 1)).map((l) => l.text), ['日本']);
    } finally {
      await set.close();
    }
  });
});
