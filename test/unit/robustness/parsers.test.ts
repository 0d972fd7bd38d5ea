import { strict as assert } from 'node:assert';
import { LANGUAGES } from '../../../server/src/languages/index';
import { fuzzTarget, megabyteLine, scaling } from '../../fuzz/runner';
import { allTargets, facadeTarget } from '../../fuzz/targets';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

describe('robustness: fuzzing every parser, the log engine and explain (bounded run)', function () {
  this.timeout(120_000);
  const targets = allTargets();

  for (const t of targets) {
    it(`${t.name}: ${RUNS} random, mutated and hostile inputs give well-formed answers and never throw`, () => {
      const r = fuzzTarget(t, { numRuns: RUNS, seed: SEED });
      assert.equal(r.failed, false, `${t.name}: ${r.failure}`);
      assert.equal(r.cases, RUNS);
    });
  }

  for (const t of targets) {
    it(`${t.name}: ten times the input costs at most about twenty times the CPU time (no super-linear blow-up)`, function () {
      const rows = scaling(t, 2000);
      const bad = rows.filter((r) => !r.ok);
      assert.deepEqual(
        bad.map((r) => `${r.shape}: ${r.error ?? `${r.msN.toFixed(1)} ms -> ${r.ms10N.toFixed(1)} ms (x${r.ratio.toFixed(1)})`}`),
        [],
      );
    });
  }

  for (const t of targets) {
    it(`${t.name}: a 1 MB line is handled in reasonable time`, () => {
      const { ms } = megabyteLine(t);
      assert.ok(ms < 20_000, `${t.name} took ${ms.toFixed(0)} ms of CPU on a 1 MB line`);
    });
  }

  describe('nesting 10,000 deep', () => {
    const shapes: [string, string][] = [
      ['{{{', '{'.repeat(10_000)],
      ['(((', '('.repeat(10_000)],
      ['<a><a>', '<a>'.repeat(10_000)],
      ['if', 'if $msg contains "x" then {\n'.repeat(10_000)],
      ['[[[', '['.repeat(10_000)],
    ];
    for (const [id, facade] of LANGUAGES) {
      for (const [name, text] of shapes) {
        it(`${id}: ${name} × 10,000 parses, validates and outlines without throwing`, () => {
          const t = facadeTarget(facade, id);
          t.timed(text);
          // The outline of something this deep must not be deeper than VS Code can show.
          const depth = (list: any[] | undefined, d = 0): number => (list?.length ? Math.max(...list.map((s) => depth(s.children, d + 1))) : d);
          assert.ok(depth(facade.symbols(facade.parse(text))) <= 10_001);
        });
      }
    }
  });
});
