// The long differential run of one language (`npm run fuzz -- differential`): generated files
// through the real tool and our checker for FUZZ_SECONDS (default 60), printing the agreement
// table and every disagreement shrunk. Replays a run with FUZZ_SEED.
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram } from '../../server/src/tools/exec';
import { formatFuzzDisagreements, formatTally, rotatingSeed, runCases, tally, type FuzzOutcome, type GenCase } from './differentialFuzz';
import { firewalldCases } from './firewalldCases';
import { rsyslogCatalogCases, rsyslogRandomCases } from './rsyslogCases';

const lang = process.argv[2];
const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const seed = rotatingSeed();
const TOOL: Record<string, string> = { rsyslog: 'rsyslogd', firewalld: 'firewall-offline-cmd' };

async function main(): Promise<number> {
  if (!TOOL[lang]) {
    console.error(`differential fuzzing knows rsyslog and firewalld, not '${lang}'`);
    return 2;
  }
  if (!findProgram(TOOL[lang])) {
    console.error(`${TOOL[lang]} is not installed (node scripts/setup.mjs installs it as root)`);
    return 2;
  }
  const deadline = Date.now() + seconds * 1000;
  const file = path.join(os.tmpdir(), 'lac-fuzz', lang === 'rsyslog' ? 'fuzz.conf' : 'zones/fuzz.xml');
  const outcomes: FuzzOutcome[] = [];
  let round = 0;
  // The catalog cases once, then random rounds until the time is up.
  let cases: GenCase[] = lang === 'rsyslog' ? rsyslogCatalogCases('server/data/rsyslog') : firewalldCases(seed, 0);
  while (Date.now() < deadline) {
    outcomes.push(...(await runCases(lang as 'rsyslog', file, cases, deadline)));
    round++;
    cases = lang === 'rsyslog' ? rsyslogRandomCases(seed + round, 200) : firewalldCases(seed + round, 40);
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
