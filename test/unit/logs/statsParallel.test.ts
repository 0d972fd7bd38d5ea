import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { compileFilter, countRange, joinParts, lineStartCuts, parallelCount, parallelStatsOf, StatsAccumulator, statsOf, statsPartOf } from '../../../server/src/logs/engine';
import { syslogText } from '../../fixtures/logs/generate';
import { tempDir } from './engineHelpers';

const T = tempDir();
after(() => T.cleanup());
const ROOT = path.resolve(__dirname, '../../..');

async function onePass(file: string, year: number) {
  const acc = new StatsAccumulator(year);
  await statsOf(file, acc, { chunkSize: 4096 });
  return acc.result(50);
}

// Traditional lines in December, ISO lines, lines without a timestamp, many programs.
const mixed = () =>
  syslogText(6000, 3) +
  '2025-12-20T10:00:00+00:00 host app[1]: iso line\nno timestamp here\n\n' +
  syslogText(6000, 4, 351 * 86400);

describe('stats in parallel: the same counts as one pass', () => {
  it('joins parts cut at line starts into exactly the one-pass counts', async () => {
    const file = T.file('mixed.log', mixed());
    const size = (await import('node:fs')).statSync(file).size;
    for (const n of [2, 3, 7]) {
      const cuts = lineStartCuts(file, size, n);
      assert.equal(cuts.length, n + 1);
      const parts = [];
      for (let k = 0; k + 1 < cuts.length; k++) parts.push(await statsPartOf(file, cuts[k], cuts[k + 1], 2025));
      const acc = new StatsAccumulator(2025);
      assert.ok(joinParts(acc, parts));
      assert.deepEqual(acc.result(50), await onePass(file, 2025), `${n} parts`);
    }
  });

  it('refuses to join when a new year begins inside the file (its years depend on the parts before)', async () => {
    // From Dec 31 into January.
    const file = T.file('newyear.log', syslogText(20000, 5, 364 * 86400 + 80000));
    const size = (await import('node:fs')).statSync(file).size;
    const cuts = lineStartCuts(file, size, 2);
    const parts = [await statsPartOf(file, cuts[0], cuts[1], 2025), await statsPartOf(file, cuts[1], cuts[2], 2025)];
    const acc = new StatsAccumulator(2025);
    assert.equal(joinParts(acc, parts), false);
    assert.equal(acc.lines, 0, 'untouched');
  });

  it('counts through worker threads to the one-pass result, new year or not', async function () {
    this.timeout(60000);
    const script = path.join(T.dir, 'statsWorker.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'server/src/logs/engine/statsWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    for (const [name, text] of [['mixed2.log', mixed()], ['newyear2.log', syslogText(20000, 5, 364 * 86400 + 80000)]]) {
      const file = T.file(name, text);
      const acc = new StatsAccumulator(2025);
      let progress = 0;
      await parallelStatsOf(file, acc, 2025, { workerScript: script, workers: 3, minBytes: 0, onProgress: (b) => (progress = b) });
      const r = acc.result(50);
      assert.deepEqual(r, await onePass(file, 2025), name);
      assert.ok(r.hours.length > 1 && r.programs.length > 3);
      assert.ok(progress >= 0);
    }
  });

  it('counts the lines a filter keeps in worker threads to the one-pass count (grep --count without rg)', async function () {
    this.timeout(60000);
    const script = path.join(T.dir, 'statsWorker.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'server/src/logs/engine/statsWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    const file = T.file('count.log', mixed());
    for (const spec of [{ include: [{ pattern: 'sshd' }] }, { include: [{ pattern: 'fail(ed|ure)', regex: true }], exclude: [{ pattern: 'root' }] }, { exclude: [{ pattern: 'a' }] }]) {
      const c = compileFilter(spec);
      assert.ok(c.ok);
      if (!c.ok) continue;
      const one = await countRange(file, 0, Infinity, c.filter);
      assert.ok(one > 0);
      assert.equal(await parallelCount(file, c.filter, { workerScript: script, workers: 3, minBytes: 0 }), one, JSON.stringify(spec));
    }
  });
});
