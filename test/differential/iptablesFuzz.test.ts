/**
 * Differential tier for iptables: rules generated from the catalog (every option of every
 * extension, valid and broken, plus random rules from a fixed seed and from one rotating seed,
 * printed for replay with FUZZ_SEED) through iptables-restore in a private network namespace and
 * through our checker. Needs root (unshare -n); under CI a missing tool fails instead of skipping.
 */
import * as assert from 'node:assert/strict';
import { allCases, randomCases } from './iptablesCases';
import { available, cleanup, disagreements, formatSummary, runCases, runsSoFar, summarize, type Result } from './iptablesFuzz';

const FIXED_SEED = 1;
const ROTATING_SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Date.now() / 86_400_000));

describe('differential: iptables rules from the catalog against iptables-restore', function () {
  this.timeout(180_000);
  let results: Result[] = [];

  before(function () {
    const why = available();
    if (why) {
      if (process.env.CI) throw new Error(why);
      console.log(`  skipped: ${why}`);
      this.skip();
    }
    const started = Date.now();
    console.log(`  seeds: fixed ${FIXED_SEED}, rotating ${ROTATING_SEED} (replay: FUZZ_SEED=${ROTATING_SEED})`);
    results = runCases([...allCases(FIXED_SEED, 400), ...randomCases(ROTATING_SEED, 400)]);
    console.log(`\n${formatSummary(summarize(results))}`);
    console.log(`  ${results.length} cases, ${runsSoFar()} iptables-restore runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const dis = disagreements(results, 25);
    if (dis.length) console.log(`  disagreements (shrunk):\n  ${dis.join('\n  ')}`);
  });

  after(() => cleanup());

  it('no error on a rule iptables-restore accepts', () => {
    const bad = results.filter((r) => r.verdict === 'false-error').map((r) => `[${r.c.family} ${r.c.table}] -A ${r.c.chain} ${r.c.rule}: ${r.ours.errors[0].code}`);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} false error(s)`);
  });

  it('flags at least 95% of the rules iptables-restore refuses, on their line', () => {
    const all = summarize(results).find((r) => r.family === 'all')!;
    assert.ok(all.catchRate >= 0.95, `caught ${all.caught} of ${all.rejects} (${(all.catchRate * 100).toFixed(1)}%)`);
  });
});
