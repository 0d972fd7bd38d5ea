/**
 * Differential tier for rsyslog, firewalld and logrotate (bounded: under 3 minutes each,
 * logrotate under 2): files generated from the catalogs — every rsyslog module parameter with
 * good and broken values, the constraints between parameters, RainerScript expressions, `set`,
 * selectors and whole configurations shaped like rsyslog's own tests; every firewalld element
 * and attribute of zones and services; every logrotate directive with good and broken values,
 * in and out of its place, and whole files with blocks, globs, scripts, include, su and create
 * (logrotate -d -s STATE in a temporary folder) — through the real tool and our checker. The
 * fixed cases plus one rotating seed, printed for replay (FUZZ_SEED=N). Each disagreement is
 * printed shrunk. The long run is `npm run fuzz -- differential`.
 */
import { strict as assert } from 'node:assert';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram } from '../../server/src/tools/exec';
import { formatFuzzDisagreements, formatTally, rotatingSeed, runCases, tally, type FuzzOutcome, type GenCase } from './differentialFuzz';
import { firewalldFixedCases, firewalldRandomCases } from './firewalldCases';
import { logrotateCatalogCases, logrotateRandomCases } from './logrotateCases';
import { rsyslogCatalogCases, rsyslogRandomCases } from './rsyslogCases';
import paramRules from '../../server/data/rsyslog/paramRules.json';
import { rsyslogParamRuleCases, rsyslogShapeCases } from './rsyslogShapes';

const FIXED_SEED = 1;
const BUDGET_MS = 170_000;

const LANGS: { lang: 'rsyslog' | 'firewalld' | 'logrotate'; tool: string; file: string; cases: (seed: number) => GenCase[]; budgetMs?: number }[] = [
  {
    lang: 'rsyslog',
    tool: 'rsyslogd',
    file: path.join(os.tmpdir(), 'lac-fuzz', 'fuzz.conf'),
    cases: (seed) => [
      ...rsyslogCatalogCases(path.join(__dirname, '../../server/data/rsyslog')),
      ...rsyslogParamRuleCases(paramRules.rules),
      ...rsyslogShapeCases(FIXED_SEED, 60),
      ...rsyslogRandomCases(FIXED_SEED, 150),
      ...rsyslogShapeCases(seed, 40),
      ...rsyslogRandomCases(seed, 150),
    ],
  },
  {
    lang: 'firewalld',
    tool: 'firewall-offline-cmd',
    file: path.join(os.tmpdir(), 'lac-fuzz', 'etc/firewalld/zones/fuzz.xml'),
    cases: (seed) => [...firewalldFixedCases(), ...firewalldRandomCases(seed, 16)],
  },
  {
    lang: 'logrotate',
    tool: 'logrotate',
    file: path.join(os.tmpdir(), 'lac-fuzz', 'logrotate.d', 'fuzz'),
    cases: (seed) => [...logrotateCatalogCases(path.join(__dirname, '../../server/data/logrotate')), ...logrotateRandomCases(FIXED_SEED, 100), ...logrotateRandomCases(seed, 100)],
    budgetMs: 100_000,
  },
];

describe('differential: generated rsyslog, firewalld and logrotate files against the real tools', function () {
  this.timeout(BUDGET_MS + 60_000);
  for (const { lang, tool, file, cases, budgetMs = BUDGET_MS } of LANGS) {
    describe(lang, () => {
      let outcomes: FuzzOutcome[] = [];
      before(async function () {
        if (!findProgram(tool)) {
          if (process.env.CI) throw new Error(`${tool} is not installed (node scripts/setup.mjs installs it as root)`);
          console.log(`  skipped: ${tool} is not installed`);
          this.skip();
        }
        const seed = rotatingSeed();
        const all = cases(seed);
        const started = Date.now();
        outcomes = await runCases(lang, file, all, started + budgetMs);
        console.log(`  seeds: fixed ${FIXED_SEED}, rotating ${seed} (replay: FUZZ_SEED=${seed}); ${outcomes.length} of ${all.length} cases in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        console.log(formatTally([tally(lang, outcomes)]));
        const dis = formatFuzzDisagreements(outcomes, 25);
        if (dis) console.log(`  disagreements (shrunk):\n${dis}`);
      });

      it('there is something to measure: files the tool accepts and files it refuses', () => {
        const t = tally(lang, outcomes);
        assert.equal(t.unavailable, 0, `${t.unavailable} case(s) could not be run through ${tool}`);
        assert.ok(t.toolAccepts > 0 && t.toolRejects > 0, `tool accepted ${t.toolAccepts}, refused ${t.toolRejects}`);
      });

      it(`no error on a file ${tool} accepts`, () => {
        const bad = outcomes.filter((o) => o.verdict === 'false-error').map((o) => `${o.c.desc}: L${o.ours.errors[0].line + 1} ${o.ours.errors[0].code}`);
        assert.deepEqual(bad, []);
      });

      it(`flags at least 95% of the files ${tool} refuses, on their line`, () => {
        const t = tally(lang, outcomes);
        const rate = t.toolRejects ? t.caught / t.toolRejects : 0;
        assert.ok(rate >= 0.95, `caught ${t.caught} of ${t.toolRejects} (${(rate * 100).toFixed(1)}%)`);
      });
    });
  }
});
