/**
 * Differential tier for iptables: rules generated from the catalog (every option of every
 * extension, valid and broken, plus random rules from a fixed seed and from one rotating seed,
 * printed for replay with FUZZ_SEED) through iptables-restore in a private network namespace and
 * through our checker. Needs root (unshare -n); under CI a missing tool fails instead of skipping.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementCases } from '../unit/helpers/iptablesAgreement';
import { toolVerdicts } from './iptablesFuzz';
import type { RuleCase } from './iptablesCases';
import { allCases, randomCases } from './iptablesCases';
import { available, cleanup, disagreements, formatSummary, runCases, runsSoFar, summarize, type Result } from './iptablesFuzz';

const FIXED_SEED = 1;
const ROTATING_SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Date.now() / 86_400_000));

describe('differential: iptables rules from the catalog against iptables-restore', function () {
  // Bounded: about 10 000 rules in some 6 000 iptables-restore runs (2–3 minutes on a busy machine).
  this.timeout(360_000);
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
    results = runCases([...allCases(FIXED_SEED, 200, 3), ...randomCases(ROTATING_SEED, 200)]);
    console.log(`\n${formatSummary(summarize(results))}`);
    console.log(`  ${results.length} cases, ${runsSoFar()} iptables-restore runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const dis = disagreements(results, 12);
    if (dis.length) console.log(`  disagreements (shrunk):\n  ${dis.join('\n  ')}`);
  });

  after(() => cleanup());

  it('the agreement fixtures say what iptables-restore says', () => {
    const dir = path.join(__dirname, '../fixtures/iptables/agreement');
    const cases: (RuleCase & { expect: boolean })[] = [];
    for (const file of fs.readdirSync(dir).filter((n) => n.includes('.rules.'))) {
      const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
      const table = lines[0].slice(1);
      for (const c of agreementCases(lines.join('\n'))) {
        const m = /^-A (\S+) (.*)$/.exec(lines[c.line])!;
        cases.push({ family: file.endsWith('v6') ? 'ipv6' : 'ipv4', table, chain: m[1], rule: m[2], op: `${file}:${c.line + 1}`, expect: c.ok });
      }
    }
    const tool = toolVerdicts(cases, 1);
    const wrong = cases.flatMap((c, i) => (tool[i].ok === c.expect ? [] : [`${c.op}: fixture says ${c.expect ? 'accepted' : 'refused'}, tool: ${tool[i].message || 'accepts'}`]));
    assert.deepEqual(wrong, []);
  });

  it('no error on a rule iptables-restore accepts', () => {
    const bad = results.filter((r) => r.verdict === 'false-error').map((r) => `[${r.c.family} ${r.c.table}] -A ${r.c.chain} ${r.c.rule}: ${r.ours.errors[0].code}`);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} false error(s)`);
  });

  // The target: at least 95% of the rejections flagged on their line, in each family —
  // by an error, or by a warning that the verdict depends on the machine (the table's catch rate
  // counts only the errors).
  for (const family of ['ipv4', 'ipv6']) {
    it(`flags at least 95% of the ${family} rules iptables-restore refuses, on their line`, () => {
      const row = summarize(results).find((r) => r.family === family)!;
      const flagged = row.caught + row.hostWarned;
      assert.ok(flagged >= 0.95 * row.rejects, `flagged ${flagged} of ${row.rejects} (${row.caught} caught, ${row.hostWarned} warned as host-dependent)`);
    });
  }
});
