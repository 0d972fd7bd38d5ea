// Runs every test tier in order and prints one closing line: "tests: N passed, N failed, N pending".
// Tiers: type check, build, unit (mocha), grammar (vscode-tmgrammar-test), LSP with a real
// client (Neovim), end-to-end in a real VS Code (code-server), differential (our verdicts against
// the real tools on Debian's files). `--only unit,lsp` (or `--only=unit,lsp`) picks tiers. Under
// CI a pending (skipped) test fails the run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureSystemPackages } from './setup.mjs';
import { isCI, mochaCounts, parseOnly, verdict } from './testSummary.mjs';

let only;
try {
  only = parseOnly(process.argv.slice(2));
} catch (e) {
  console.error(`test: ${e.message}`);
  process.exit(2);
}
const bin = (name) => `node_modules/.bin/${name}`;
const grammarTests = existsSync('test/grammar') ? readdirSync('test/grammar').filter((f) => /\.test\./.test(f)) : [];
const hasE2e = existsSync('test/e2e') && readdirSync('test/e2e').some((f) => f.endsWith('.e2e.ts'));

const tiers = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', '.'], count: exitCount },
  { name: 'build', cmd: 'node', args: ['scripts/build.mjs'], count: exitCount },
  { name: 'unit', cmd: bin('mocha'), args: ['test/unit/**/*.test.ts'], count: mochaCounts },
  {
    name: 'grammar',
    cmd: bin('vscode-tmgrammar-test'),
    args: grammarTests.map((f) => `test/grammar/${f}`),
    count: grammarCounts,
    skip: grammarTests.length === 0,
  },
  { name: 'lsp', cmd: bin('mocha'), args: ['test/lsp/**/*.test.ts'], count: mochaCounts },
  { name: 'e2e', cmd: 'npm', args: ['run', '--silent', 'test:e2e'], count: mochaCounts, skip: !hasE2e },
  // Agreement with the real tools on Debian's own files (apt-get download; network needed).
  {
    name: 'differential',
    cmd: bin('mocha'),
    args: ['--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '600000', 'test/differential/**/*.test.ts'],
    count: mochaCounts,
  },
];

/** A step that is not a test runner counts as one test: passed when it exits 0. */
function exitCount(_out, code) {
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

function grammarCounts(out, code) {
  const passed = (out.match(/✓|✔/g) ?? []).length;
  const failed = (out.match(/✖|✗/g) ?? []).length;
  return { passed, failed: failed || (code !== 0 ? 1 : 0) };
}

function run(tier) {
  return new Promise((resolve) => {
    const child = spawn(tier.cmd, tier.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (stream, sink) =>
      stream.on('data', (d) => {
        out += d;
        sink.write(d);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
    child.on('error', (e) => resolve({ code: 1, out: String(e) }));
  });
}

if (!only.length || only.some((t) => ['unit', 'lsp', 'e2e', 'differential'].includes(t))) ensureSystemPackages();

let passed = 0;
let failed = 0;
let pending = 0;
const summary = [];
for (const tier of tiers) {
  if (only.length && !only.includes(tier.name)) continue;
  if (tier.skip) {
    summary.push(`${tier.name}: nothing to run`);
    continue;
  }
  console.log(`\n=== ${tier.name} ===`);
  const started = Date.now();
  const { code, out } = await run(tier);
  const c = tier.count(out, code);
  passed += c.passed;
  failed += c.failed;
  pending += c.pending ?? 0;
  summary.push(`${tier.name}: ${c.passed} passed, ${c.failed} failed${c.pending ? `, ${c.pending} pending` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if ((tier.name === 'typecheck' || tier.name === 'build') && code !== 0) break;
}
console.log('\n' + summary.join('\n'));
const v = verdict({ passed, failed, pending }, isCI(process.env));
console.log(v.line);
process.exitCode = v.code;
