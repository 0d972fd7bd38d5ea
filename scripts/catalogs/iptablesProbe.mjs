// Runs candidate rules through the installed iptables-restore inside a private network namespace
// (`unshare -n`), so nothing touches the host firewall. Used by iptables-extensions.mjs to learn
// what the tool accepts where its help text does not say.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const TABLE_CHAINS = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ipt-probe-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
let runs = 0;
export const probeRuns = () => runs;

/** Fails with a clear message when a program the generator needs is missing. */
export function requireProgram(name, pkg) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${name} is not installed: install the Debian package '${pkg}' (apt-get install ${pkg}) and run again.`);
    process.exit(2);
  }
}

/** One iptables-restore run on `text`; `load` also commits into the namespace so the kernel checks too. */
export function restore(family, text, load = false) {
  const tool = family === 'ipv6' ? 'ip6tables-restore' : 'iptables-restore';
  const file = path.join(tmp, 'rules');
  fs.writeFileSync(file, text);
  runs++;
  const args = load ? ['-n', tool, file] : ['-n', tool, '--test', file];
  const r = spawnSync('unshare', args, { encoding: 'utf8', env: { ...process.env, XTABLES_LOCKFILE: path.join(tmp, 'lock') } });
  if (r.error || (r.status !== 0 && /unshare: /.test(r.stderr))) {
    console.error(`cannot run ${tool} in a private network namespace (unshare -n needs root): ${r.error?.message ?? r.stderr}`);
    process.exit(2);
  }
  const out = (r.stderr || '') + (r.stdout || '');
  if (r.status === 0) return { ok: true, lines: [], message: '', kernel: false };
  const kernel = /RULE_(APPEND|INSERT|REPLACE)|CHAIN_USER_ADD|TABLE_ADD/.test(out);
  // Parse errors: "MESSAGE\n\nError occurred at line: N"; kernel errors: "line N: RULE_APPEND failed ...".
  const lines = [];
  for (const m of out.matchAll(/Error occurred at line: (\d+)|^line (\d+): /gm)) lines.push(Number(m[1] ?? m[2]));
  const message = out
    .split('\n')
    .filter((l) => l.trim() && !/^Try `|^Error occurred at line/.test(l))
    .map((l) => l.replace(/^i?p?6?tables-restore v[\d.]+ \([^)]*\): ?/, '').replace(/^line \d+: /, ''))
    .join(' ')
    .trim();
  return { ok: false, lines, message, kernel };
}

/**
 * The verdict on each rule of a list (rule text without `-A CHAIN`), all in `table`/`chain`:
 * one file per round, resuming after the line the tool stopped at.
 */
export function probeEach(family, rules, { table = 'filter', chain = 'INPUT', load = false } = {}) {
  const results = new Array(rules.length);
  let from = 0;
  while (from < rules.length) {
    const body = rules.slice(from).map((r) => `-A ${chain} ${r}`);
    const res = restore(family, `*${table}\n${body.join('\n')}\nCOMMIT\n`, load);
    if (res.ok) {
      for (let i = from; i < rules.length; i++) results[i] = { ok: true };
      break;
    }
    const bad = res.lines.map((l) => from + l - 2).filter((i) => i >= from && i < rules.length);
    if (bad.length === 0) {
      // Not tied to a line: judge each rule alone.
      for (let i = from; i < rules.length; i++) results[i] = probeOne(family, rules[i], table, chain, load);
      break;
    }
    if (res.kernel) {
      // Kernel errors name every failing line at once.
      for (const i of bad) results[i] = { ok: false, message: res.message };
      for (let i = from; i < rules.length; i++) if (!results[i]) results[i] = { ok: true };
      break;
    }
    const at = Math.min(...bad);
    for (let i = from; i < at; i++) results[i] = { ok: true };
    results[at] = { ok: false, message: res.message };
    from = at + 1;
  }
  return results;
}

export function probeOne(family, rule, table = 'filter', chain = 'INPUT', load = false) {
  const res = restore(family, `*${table}\n-A ${chain} ${rule}\nCOMMIT\n`, load);
  return res.ok ? { ok: true } : { ok: false, message: res.message };
}

/** Where (table → built-in chains) a rule loads, checked by the kernel in the namespace. */
export function whereLoads(family, rule) {
  const where = {};
  for (const [table, chains] of Object.entries(TABLE_CHAINS)) {
    const body = chains.map((c) => `-A ${c} ${rule}`).join('\n');
    const res = restore(family, `*${table}\n${body}\nCOMMIT\n`, true);
    if (res.ok) where[table] = [...chains];
    else if (res.kernel && res.lines.length) {
      const badChains = new Set(res.lines.map((l) => chains[l - 2]));
      const ok = chains.filter((c) => !badChains.has(c));
      if (ok.length) where[table] = ok;
    }
  }
  return where;
}
