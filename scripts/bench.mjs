// Runs every benchmark in test/bench (each prints its own table). Each benchmark is bundled with
// esbuild exactly as scripts/build.mjs bundles the server, so it measures the code that ships
// rather than TypeScript compiled on the fly. `npm run bench -- rsyslog lsp` picks some.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const pick = process.argv.slice(2);
// The LSP benchmarks start dist/server.js: build it first.
spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => pick.length === 0 || pick.some((p) => f.startsWith(p)))
  .sort();
const out = '.cache/bench/js';
mkdirSync(out, { recursive: true });
let failed = 0;
for (const f of files) {
  const name = f.replace('.bench.ts', '');
  console.log(`\n## ${name}`);
  const outfile = `${out}/${name}.cjs`;
  await esbuild.build({ entryPoints: [`test/bench/${f}`], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const r = spawnSync('node', ['--expose-gc', outfile], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
