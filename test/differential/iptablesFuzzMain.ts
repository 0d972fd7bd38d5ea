// The long iptables differential run (`npm run fuzz -- differential` runs it next to the other
// languages): the catalog's systematic cases once, then random rules until FUZZ_SECONDS (default
// 60) are up; prints the agreement table, how many cases were tried and each disagreement shrunk.
// Replays a run with FUZZ_SEED.
import { allCases, randomCases } from './iptablesCases';
import { available, cleanup, disagreements, formatSummary, hostWarnedKinds, runCases, runsSoFar, summarize, type Result } from './iptablesFuzz';

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

function main(): number {
  const why = available();
  if (why) {
    console.error(why);
    return 2;
  }
  const deadline = Date.now() + seconds * 1000;
  const results: Result[] = runCases(allCases(seed, 0));
  for (let round = 0; Date.now() < deadline; round++) results.push(...runCases(randomCases(seed + round, 500)));
  console.log(`differential fuzzing of iptables: seed ${seed} (replay with FUZZ_SEED=${seed}), ${seconds} s, ${results.length} cases, ${runsSoFar()} iptables-restore runs`);
  console.log(formatSummary(summarize(results)));
  const warned = hostWarnedKinds(results);
  if (warned.length) console.log(`refused, flagged only by a warning that the verdict depends on the machine (not counted as caught):\n${warned.join('\n')}`);
  const dis = disagreements(results, 60);
  if (dis.length) console.log(`disagreements (shrunk):\n${dis.join('\n')}`);
  const all = summarize(results).find((r) => r.family === 'all')!;
  const failed = all.falseErrors + all.missed + all.otherLine > 0;
  console.log(JSON.stringify({ target: 'differential iptables', cases: results.length, failed, seed }));
  cleanup();
  return failed ? 1 : 0;
}

process.exit(main());
