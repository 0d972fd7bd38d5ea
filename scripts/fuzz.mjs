// The long robustness run: property-based and mutation fuzzing of every parser, the log engine
// and explain (test/fuzz), one process per target. Prints a table of cases tried, failures, the
// slowest input, the worst size scaling and peak memory, and exits 1 when anything failed.
//
//   npm run fuzz                         20,000 cases per target
//   FUZZ_RUNS=100000 npm run fuzz        more cases
//   FUZZ_SECONDS=60 npm run fuzz         a time budget per target instead (cases up to FUZZ_RUNS)
//   FUZZ_SEED=42 npm run fuzz -- rsyslog  replay one seed on some targets
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

//   npm run fuzz -- differential [rsyslog|firewalld|logrotate|iptables]
//                                        generated files through the real tools and our checker,
//                                        FUZZ_SECONDS (default 60) per language; disagreements shrunk

if (process.argv[2] === 'differential') {
  const DIFF = { rsyslog: ['test/differential/fuzzMain.ts', 'rsyslog'], firewalld: ['test/differential/fuzzMain.ts', 'firewalld'], logrotate: ['test/differential/fuzzMain.ts', 'logrotate'], iptables: ['test/differential/iptablesFuzzMain.ts'] };
  const langs = process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(DIFF);
  let failed = 0;
  for (const l of langs) {
    if (!DIFF[l] || !fs.existsSync(DIFF[l][0])) {
      console.error(`no differential fuzzer for '${l}' (known: ${Object.keys(DIFF).join(', ')})`);
      failed++;
      continue;
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', ...DIFF[l]], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

const TARGETS = ['rsyslog', 'logrotate', 'journald', 'firewalld', 'firewalld-conf', 'iptables', 'syslog-log', 'log engine', 'explain'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const targets = chosen.length ? TARGETS.filter((t) => chosen.includes(t)) : TARGETS;
if (process.env.FUZZ_SECONDS && !process.env.FUZZ_RUNS) process.env.FUZZ_RUNS = '100000000';

function runOne(target) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fuzz/run.ts', target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').pop();
      try {
        resolve(JSON.parse(line));
      } catch {
        resolve({ target, crashed: true, failed: true, failure: `process ended (${signal ?? code}): ${err.slice(-2000)}` });
      }
    });
  });
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const results = [];
const started = Date.now();
console.log(`fuzzing ${targets.length} targets (${process.env.FUZZ_SECONDS ? `${process.env.FUZZ_SECONDS} s each` : `${process.env.FUZZ_RUNS ?? 20000} cases each`})`);
for (const t of targets) {
  process.stdout.write(`  ${pad(t, 15)} ...`);
  const r = await runOne(t);
  results.push(r);
  process.stdout.write(` ${r.crashed ? 'CRASHED' : r.failed ? 'FAILED' : 'ok'} (${r.cases ?? 0} cases, ${(r.seconds ?? 0).toFixed(1)} s)\n`);
}

console.log('\n| target | cases | result | slowest input (chars, ms) | worst 10x scaling (shape, ratio) | 1 MB line (ms CPU) | peak RSS (MB) |');
console.log('|---|---:|---|---|---|---:|---:|');
for (const r of results) {
  const worst = (r.scaling ?? []).filter((x) => Number.isFinite(x.ratio) && x.ms10N >= 25).sort((a, b) => b.ratio - a.ratio)[0];
  const broken = (r.scaling ?? []).filter((x) => !x.ok);
  console.log(
    `| ${r.target} | ${lpad(r.cases ?? 0, 6)} | ${r.crashed ? 'crashed' : r.failed ? 'FAILED' : broken.length ? `${broken.length} shape(s) bad` : 'ok'} | ${r.slowest ? `${r.slowest.size}, ${r.slowest.ms.toFixed(1)}` : '-'} | ${worst ? `${worst.shape}, x${worst.ratio.toFixed(1)}` : 'all < 25 ms'} | ${r.megabyteLineMs?.toFixed(0) ?? '-'} | ${r.peakRssMb?.toFixed(0) ?? '-'} |`,
  );
}
let bad = 0;
for (const r of results) {
  if (r.failed) {
    bad++;
    console.log(`\n${r.target}: ${r.failure}`);
  }
  for (const x of (r.scaling ?? []).filter((x) => !x.ok)) {
    bad++;
    console.log(`\n${r.target}: ${x.shape} at ${x.n} chars: ${x.error ?? `${x.msN.toFixed(1)} ms -> ${x.ms10N.toFixed(1)} ms at 10x (x${x.ratio.toFixed(1)})`}`);
  }
}
// Keep the slowest inputs so that they can be replayed and profiled.
const keep = path.join(os.tmpdir(), 'linux-admin-configs-fuzz');
fs.mkdirSync(keep, { recursive: true });
for (const r of results) if (r.slowest?.input !== undefined) fs.writeFileSync(path.join(keep, `${r.target.replace(/\W+/g, '-')}.slowest.txt`), r.slowest.input);
console.log(`\nslowest inputs saved in ${keep}/`);
const cases = results.reduce((n, r) => n + (r.cases ?? 0), 0);
console.log(`\nfuzz: ${cases} cases on ${results.length} targets in ${((Date.now() - started) / 1000).toFixed(0)} s; ${bad} problem(s)`);
process.exitCode = bad ? 1 : 0;
