/**
 * The iptables differential fuzzer: rules from iptablesCases.ts through iptables-restore in a
 * private network namespace and through our checker; every disagreement shrunk to a minimal rule.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeHost } from '../../server/src/host';
import { diagnose } from '../../server/src/languages/common/diagnose';
import { facadeFor } from '../../server/src/languages/index';
import type { Family, RuleCase } from './iptablesCases';

export interface ToolSays {
  ok: boolean;
  message: string;
}
export interface OursSays {
  errors: { line: number; code: string; message: string }[];
  warnings: { line: number; code: string; message: string }[];
}
export type Verdict = 'agree-accept' | 'false-error' | 'caught' | 'caught-other-line' | 'host-warned' | 'missed';
export interface Result {
  c: RuleCase;
  tool: ToolSays;
  ours: OursSays;
  verdict: Verdict;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ipt-fuzz-'));
let toolRuns = 0;
export const runsSoFar = () => toolRuns;
export function cleanup(): void {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Whether the fuzzer can run here: iptables-restore and a private network namespace. */
export function available(): string | undefined {
  const r = spawnSync('unshare', ['-n', 'iptables-restore', '--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `iptables-restore in a private network namespace is not available (${(r.error?.message ?? r.stderr).trim()}); it needs root and the iptables package`;
  return undefined;
}

function restore(family: Family, text: string): { ok: boolean; lines: number[]; message: string; parse: boolean } {
  const file = path.join(tmp, 'rules');
  fs.writeFileSync(file, text);
  toolRuns++;
  // The same verdict as the extension's tool check: --test, then a real load into the namespace.
  const tool = family === 'ipv6' ? 'ip6tables-restore' : 'iptables-restore';
  const r = spawnSync('unshare', ['-n', tool, file], { encoding: 'utf8', env: { ...process.env, XTABLES_LOCKFILE: path.join(tmp, 'lock') } });
  const out = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  if (r.status === 0) return { ok: true, lines: [], message: '', parse: false };
  const parse = /Error occurred at line: (\d+)/.exec(out);
  const lines = parse ? [Number(parse[1])] : [...out.matchAll(/^line (\d+): /gm)].map((m) => Number(m[1]));
  const message = out
    .split('\n')
    .filter((l) => l.trim() && !/^Try `|^Error occurred/.test(l))
    .map((l) => l.replace(/^i?p?6?tables-restore v[\d.]+ \([^)]*\): ?/, ''))
    .join(' ')
    .trim();
  return { ok: false, lines, message, parse: !!parse };
}

const fileOf = (c: RuleCase) => `*${c.table}\n-A ${c.chain} ${c.rule}\nCOMMIT\n`;

/** The tool's verdict on each case; cases of one family and table share runs (resumed after a refused line). */
export function toolVerdicts(cases: RuleCase[], batch = 150): ToolSays[] {
  const out: ToolSays[] = new Array(cases.length);
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const k = `${c.family} ${c.table}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  for (const idx of groups.values()) {
    for (let s = 0; s < idx.length; s += batch) {
      let left = idx.slice(s, s + batch);
      while (left.length) {
        const c0 = cases[left[0]];
        const text = `*${c0.table}\n${left.map((i) => `-A ${cases[i].chain} ${cases[i].rule}`).join('\n')}\nCOMMIT\n`;
        const r = restore(c0.family, text);
        if (r.ok) {
          for (const i of left) out[i] = { ok: true, message: '' };
          break;
        }
        const bad = r.lines.map((l) => l - 2).filter((k) => k >= 0 && k < left.length);
        if (bad.length === 0) {
          // Not tied to a rule (or to several): one run per rule.
          for (const i of left) {
            const one = restore(cases[i].family, fileOf(cases[i]));
            out[i] = { ok: one.ok, message: one.message };
          }
          break;
        }
        if (r.parse) {
          out[left[bad[0]]] = { ok: false, message: r.message };
          left = left.filter((_, k) => k !== bad[0]);
          continue;
        }
        // Kernel errors name every refused line; the rest loaded.
        for (const k of bad) out[left[k]] = { ok: false, message: r.message };
        left = left.filter((_, k) => !bad.includes(k));
        for (const i of left) out[i] = { ok: true, message: '' };
        break;
      }
    }
  }
  return out;
}

const facade = facadeFor('iptables')!;
const host = nodeHost();

/** Our verdict on one case, as the checker runs for a file named rules.v4 or rules.v6. */
export function ourVerdict(c: RuleCase): OursSays {
  const file = path.join(tmp, c.family === 'ipv6' ? 'rules.v6' : 'rules.v4');
  const uri = pathToFileURL(file).href;
  const text = fileOf(c);
  try {
    const diags = diagnose(facade, facade.parse(text), { locale: 'en', uri, workspace: { *documents() {} }, host });
    const pick = (sev: number) => diags.filter((d) => d.severity === sev).map((d) => ({ line: d.range.start.line, code: String(d.code ?? ''), message: d.message }));
    return { errors: pick(1), warnings: pick(2) };
  } catch (e) {
    return { errors: [{ line: -1, code: 'CRASH', message: String((e as Error)?.message ?? e) }], warnings: [] };
  }
}

/** What a warning says when the verdict depends on the machine that loads the rules (rules.ts). */
const HOST_DEPENDENT = /depends on the (machine|host|rules already on the host)/;

/**
 * The rule is line 2 of its file (±1 counts as the same line). A rejection flagged there only by
 * warnings that say the verdict depends on the machine is 'host-warned': counted apart, never caught.
 */
export function judge(tool: ToolSays, ours: OursSays): Verdict {
  if (tool.ok) return ours.errors.length ? 'false-error' : 'agree-accept';
  const near = (f: { line: number }) => Math.abs(f.line - 1) <= 1;
  if (ours.errors.some(near)) return 'caught';
  const warned = ours.warnings.filter(near);
  if (warned.length) return warned.every((w) => HOST_DEPENDENT.test(w.message)) ? 'host-warned' : 'caught';
  return ours.errors.length || ours.warnings.length ? 'caught-other-line' : 'missed';
}

/** Blocks the thread for `ms` (the fuzzer is synchronous). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs the cases in batches; a disagreement is confirmed by running its rule alone. A miss is run
 * alone once more after a pause: a namespace the kernel is still tearing down keeps its rules for
 * a moment, and objects that live machine-wide (IDLETIMER timers, by label) can refuse the next
 * load for a reason that belongs to an earlier case.
 */
export function runCases(cases: RuleCase[]): Result[] {
  const tool = toolVerdicts(cases);
  const alone = (c: RuleCase): ToolSays => {
    const one = restore(c.family, fileOf(c));
    return { ok: one.ok, message: one.message };
  };
  return cases.map((c, i) => {
    const ours = ourVerdict(c);
    let t = tool[i];
    let verdict = judge(t, ours);
    const agrees = (v: Verdict) => v === 'agree-accept' || v === 'caught' || v === 'host-warned';
    if (!agrees(verdict)) verdict = judge((t = alone(c)), ours);
    if (verdict === 'missed') {
      sleep(500);
      verdict = judge((t = alone(c)), ours);
    }
    return { c, tool: t, ours, verdict };
  });
}

/** How many disagreements of each kind: our code for false errors, the tool's message for misses. */
export function tallyKinds(results: Result[]): string[] {
  const m = new Map<string, number>();
  for (const r of results) {
    if (r.verdict === 'false-error') m.set(`false-error ${r.ours.errors[0]?.code}`, (m.get(`false-error ${r.ours.errors[0]?.code}`) ?? 0) + 1);
    else if (r.verdict === 'missed') {
      const k = `missed ${r.tool.message.replace(/Warning: [^?]*\? */g, '').replace(/\d+|"[^"]*"|`[^']*'/g, '#').slice(0, 90)}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${String(n).padStart(5)} ${k}`);
}

/** The host-dependent warnings that stood for a rejection, by code, with one rule each (no shrinking). */
export function hostWarnedKinds(results: Result[]): string[] {
  const m = new Map<string, { n: number; r: Result }>();
  for (const r of results) {
    if (r.verdict !== 'host-warned') continue;
    const k = r.ours.warnings.find((w) => Math.abs(w.line - 1) <= 1)?.code ?? '?';
    const e = m.get(k) ?? { n: 0, r };
    e.n++;
    m.set(k, e);
  }
  return [...m].sort((a, b) => b[1].n - a[1].n).map(([k, { n, r }]) => `${String(n).padStart(5)} ${k}, e.g. [${r.c.family} ${r.c.table}] -A ${r.c.chain} ${r.c.rule.slice(0, 100)}`);
}

/** Splits a rule into words, keeping quoted words whole. */
function words(rule: string): string[] {
  return rule.match(/"[^"]*"|\S+/g) ?? [];
}

/** The shortest rule (by dropping words) that still shows the same disagreement, checked alone. */
export function shrink(r: Result): Result {
  let best = r;
  let w = words(r.c.rule);
  let changed = true;
  while (changed) {
    changed = false;
    for (let span = 2; span >= 1; span--) {
      for (let i = 0; i + span <= w.length; i++) {
        const cand = [...w.slice(0, i), ...w.slice(i + span)];
        if (!cand.length) continue;
        const c = { ...r.c, rule: cand.join(' ') };
        const t = restore(c.family, fileOf(c));
        const tool = { ok: t.ok, message: t.message };
        const ours = ourVerdict(c);
        if (judge(tool, ours) === r.verdict) {
          best = { c, tool, ours, verdict: r.verdict };
          w = cand;
          changed = true;
          i--;
        }
      }
    }
  }
  return best;
}

export interface Table {
  family: string;
  cases: number;
  accepts: number;
  rejects: number;
  falseErrors: number;
  missed: number;
  /** Refused, and flagged only by a warning that says the verdict depends on the machine. */
  hostWarned: number;
  otherLine: number;
  caught: number;
  catchRate: number;
  /** (caught + hostWarned) / rejects: every rejection flagged at its line (±1), as issue 14 counts. */
  flaggedRate: number;
}

export function summarize(results: Result[]): Table[] {
  const rows: Table[] = [];
  for (const family of ['ipv4', 'ipv6', 'all']) {
    const rs = results.filter((r) => family === 'all' || r.c.family === family);
    const n = (v: Verdict) => rs.filter((r) => r.verdict === v).length;
    const rejects = n('caught') + n('caught-other-line') + n('host-warned') + n('missed');
    rows.push({ family, cases: rs.length, accepts: n('agree-accept') + n('false-error'), rejects, falseErrors: n('false-error'), missed: n('missed'), hostWarned: n('host-warned'), otherLine: n('caught-other-line'), caught: n('caught'), catchRate: rejects ? n('caught') / rejects : 1, flaggedRate: rejects ? (n('caught') + n('host-warned')) / rejects : 1 });
  }
  return rows;
}

export function formatSummary(rows: Table[]): string {
  const head = ['family', 'cases', 'tool accepts', 'tool rejects', 'false errors', 'missed', 'host-dependent, warned', 'other line', 'caught (±1 line)', 'catch rate', 'flagged (caught + host-warned)'];
  const body = rows.map((r) => [r.family, r.cases, r.accepts, r.rejects, r.falseErrors, r.missed, r.hostWarned, r.otherLine, r.caught, `${(r.catchRate * 100).toFixed(1)}%`, `${(r.flaggedRate * 100).toFixed(1)}%`].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

/** One minimal reproduction per kind of disagreement (our code or the tool's message). */
export function disagreements(results: Result[], limit = 40): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // False errors first: they are the worst disagreement.
  const order = (r: Result) => (r.verdict === 'false-error' ? 0 : 1);
  for (const r of [...results].sort((a, b) => order(a) - order(b))) {
    if (r.verdict !== 'false-error' && r.verdict !== 'missed' && r.verdict !== 'caught-other-line') continue;
    const key = `${r.verdict} ${r.verdict === 'false-error' ? r.ours.errors[0]?.code : r.tool.message.replace(/\d+|"[^"]*"|`[^']*'/g, '#')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= limit) continue;
    const s = shrink(r);
    const ours = s.ours.errors[0] ? `${s.ours.errors[0].code}: ${s.ours.errors[0].message.slice(0, 100)}` : 'nothing';
    out.push(`${s.verdict} [${s.c.family} ${s.c.table}] -A ${s.c.chain} ${s.c.rule}\n      tool: ${s.tool.ok ? 'accepts' : s.tool.message.slice(0, 120)}\n      ours: ${ours}`);
  }
  if (seen.size > out.length) out.push(`… ${seen.size - out.length} more kinds`);
  return out;
}
