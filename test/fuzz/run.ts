// One long fuzzing run of one target (scripts/fuzz.mjs starts one process per target, so each
// gets its own peak-memory figure and a crash cannot hide the others). Prints one JSON line.
import { fuzzTarget, megabyteLine, scaling } from './runner';
import { allTargets } from './targets';

const name = process.argv[2];
const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seconds = process.env.FUZZ_SECONDS ? Number(process.env.FUZZ_SECONDS) : undefined;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const scaleN = Number(process.env.FUZZ_SCALE_N ?? 5000);

const t = allTargets().find((x) => x.name === name);
if (!t) {
  console.error(`unknown target '${name}'; known: ${allTargets().map((x) => x.name).join(', ')}`);
  process.exit(2);
}
const report = fuzzTarget(t, { numRuns: runs, seconds, seed });
const rows = scaling(t, scaleN, { runs: 5, floorMs: 50 });
const mb = megabyteLine(t);
console.log(
  JSON.stringify({
    ...report,
    seed,
    megabyteLineMs: mb.ms,
    scaling: rows,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
