// The long differential run of one language (`npm run fuzz -- differential`): generated files
// through the real tool and our checker for FUZZ_SECONDS (default 60), printing the agreement
// table and every disagreement shrunk. Replays a run with FUZZ_SEED.
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram } from '../../server/src/tools/exec';
import { formatFuzzDisagreements, formatTally, rotatingSeed, runCases, tally, type FuzzOutcome, type GenCase } from './differentialFuzz';
import { firewalldCases } from './firewalldCases';
import { logrotateCatalogCases, logrotateRandomCases } from './logrotateCases';
import { rsyslogCatalogCases, rsyslogRandomCases } from './rsyslogCases';
import paramRules from '../../server/data/rsyslog/paramRules.json';
import { rsyslogParamRuleCases, rsyslogShapeCases } from './rsyslogShapes';

const lang = process.argv[2];
const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const seed = rotatingSeed();
const TOOL: Record<string, string> = { rsyslog: 'rsyslogd', firewalld: 'firewall-offline-cmd', logrotate: 'logrotate' };
const FILE: Record<string, string> = { rsyslog: 'fuzz.conf', firewalld: 'zones/fuzz.xml', logrotate: 'logrotate.d/fuzz' };

async function main(): Promise<number> {
  if (!TOOL[lang]) {
    console.error(`differential fuzzing knows ${Object.keys(TOOL).join(', ')}, not '${lang}'`);
    return 2;
  }
  if (!findProgram(TOOL[lang])) {
    console.error(`${TOOL[lang]} is not installed (node scripts/setup.mjs installs it as root)`);
    return 2;
  }
  const deadline = Date.now() + seconds * 1000;
  const file = path.join(os.tmpdir(), 'lac-fuzz', FILE[lang]);
  const outcomes: FuzzOutcome[] = [];
  let round = 0;
  // The catalog cases once, then random rounds until the time is up.
  const first: Record<string, () => GenCase[]> = {
    rsyslog: () => [...rsyslogCatalogCases('server/data/rsyslog'), ...rsyslogParamRuleCases(paramRules.rules)],
    firewalld: () => firewalldCases(seed, 0),
    logrotate: () => logrotateCatalogCases('server/data/logrotate'),
  };
  let cases: GenCase[] = first[lang]();
  while (Date.now() < deadline) {
    outcomes.push(...(await runCases(lang as 'rsyslog' | 'firewalld' | 'logrotate', file, cases, deadline)));
    round++;
    // rsyslog: single statements and whole test-like configurations, round by round.
    if (lang === 'firewalld') cases = firewalldCases(seed + round, 40);
    else if (lang === 'logrotate') cases = logrotateRandomCases(seed + round, 100);
    else cases = round % 2 ? rsyslogShapeCases(seed + round, 100) : rsyslogRandomCases(seed + round, 200);
  }
  console.log(`differential fuzzing of ${lang}: seed ${seed} (replay with FUZZ_SEED=${seed}), ${seconds} s`);
  console.log(formatTally([tally(lang, outcomes)]));
  const dis = formatFuzzDisagreements(outcomes);
  if (dis) console.log(`disagreements (shrunk):\n${dis}`);
  const t = tally(lang, outcomes);
  console.log(JSON.stringify({ target: `differential ${lang}`, cases: t.tried, failed: t.falseErrors + t.missed + t.otherLine > 0, seed }));
  return t.falseErrors + t.missed + t.otherLine > 0 ? 1 : 0;
}

main().then((c) => process.exit(c));
