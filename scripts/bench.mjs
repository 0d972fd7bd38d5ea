// Runs every benchmark in test/bench (each prints its own table), building first so the
// benchmarks that go through the real server use the current bundle.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const pick = process.argv.slice(2);
spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => pick.length === 0 || pick.some((p) => f.startsWith(p)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  const r = spawnSync('node', ['--expose-gc', '--import', 'tsx', `test/bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
