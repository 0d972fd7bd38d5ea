/**
 * The differential fuzzer's engine: runs generated files through the real tool and our checker,
 * judges each pair as the agreement suite does, and shrinks every disagreement to the fewest
 * lines that still show it.
 */
import * as os from 'node:os';
import { judge, ourVerdict, pool, toolVerdict, type Case, type Outcome } from './agreement';
import type { Lang } from './corpus';

export interface GenCase {
  text: string;
  /** 0-based line of the statement under test. */
  line: number;
  desc: string;
  /** What is being varied (module:parameter, `if`, `set` …), for the report. */
  family: string;
  /** Extra files of the same configuration (firewalld: services a zone names). */
  file?: string;
}

export interface FuzzOutcome {
  c: GenCase;
  tool: Outcome['tool'];
  ours: Outcome['ours'];
  verdict: Outcome['verdict'];
  /** The smallest text that still disagrees, for false errors and misses. */
  shrunk?: string;
}

/** A seed that changes every run (printed, and replayed with FUZZ_SEED). */
export function rotatingSeed(): number {
  return process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
}

function asCase(lang: Lang, file: string, g: GenCase, text = g.text): Case {
  return { lang, file: g.file ?? file, origin: g.desc, op: g.family, mutantLine: g.line, surelyWrong: false, text };
}

async function verdictOf(lang: Lang, file: string, g: GenCase, text?: string): Promise<Omit<FuzzOutcome, 'c'>> {
  const c = asCase(lang, file, g, text);
  const tool = await toolVerdict(c);
  const ours = ourVerdict(c, []);
  return { tool, ours, verdict: judge(lang, tool, ours, c.text) };
}

const DISAGREE = new Set(['false-error', 'missed', 'caught-other-line']);

/** Drops lines one at a time while the same disagreement stays. */
async function shrink(lang: Lang, file: string, g: GenCase, verdict: string): Promise<string> {
  let lines = g.text.split('\n');
  // XML keeps its declaration, root element and <short> (lines 0–2) and the closing tag.
  const keep = (i: number) => lang === 'firewalld' && (i <= 2 || i >= lines.length - 2);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines.length <= 1) break;
    if (keep(i)) continue;
    const next = lines.filter((_, k) => k !== i);
    const v = await verdictOf(lang, file, g, next.join('\n'));
    if (v.verdict === verdict) lines = next;
  }
  return lines.join('\n');
}

/** Runs every case through both checkers; `deadline` (ms since epoch) stops early. */
export async function runCases(lang: Lang, file: string, cases: GenCase[], deadline = Infinity): Promise<FuzzOutcome[]> {
  const n = Math.max(2, os.cpus().length);
  const out = await pool(cases, n, async (c): Promise<FuzzOutcome | undefined> => {
    if (Date.now() > deadline) return undefined;
    const v = await verdictOf(lang, file, c);
    const o: FuzzOutcome = { c, ...v };
    if (DISAGREE.has(v.verdict)) o.shrunk = await shrink(lang, file, c, v.verdict);
    return o;
  });
  return out.filter((o): o is FuzzOutcome => o !== undefined);
}

export interface FuzzTally {
  lang: string;
  tried: number;
  toolAccepts: number;
  toolRejects: number;
  falseErrors: number;
  caught: number;
  otherLine: number;
  missed: number;
  unavailable: number;
}

export function tally(lang: string, outcomes: FuzzOutcome[]): FuzzTally {
  const count = (v: string) => outcomes.filter((o) => o.verdict === v).length;
  return {
    lang,
    tried: outcomes.length,
    toolAccepts: count('agree-accept') + count('false-error'),
    toolRejects: count('caught') + count('caught-other-line') + count('missed'),
    falseErrors: count('false-error'),
    caught: count('caught'),
    otherLine: count('caught-other-line'),
    missed: count('missed'),
    unavailable: count('tool-unavailable'),
  };
}

export function formatTally(rows: FuzzTally[]): string {
  const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : 'n/a');
  const head = '| language | cases | tool accepts | false errors | tool rejects | caught same line | other line | missed | catch rate | tool unavailable |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows.map((r) => `| ${r.lang} | ${r.tried} | ${r.toolAccepts} | ${r.falseErrors} | ${r.toolRejects} | ${r.caught} | ${r.otherLine} | ${r.missed} | ${pct(r.caught, r.toolRejects)} | ${r.unavailable} |`);
  return [head, sep, ...body].join('\n');
}

/** Each disagreement with its shrunk reproduction, tool message and our first finding. */
export function formatFuzzDisagreements(outcomes: FuzzOutcome[], max = 40): string {
  const bad = outcomes.filter((o) => DISAGREE.has(o.verdict));
  return bad
    .slice(0, max)
    .map((o) => {
      const ours = [...o.ours.errors.map((e) => `error L${e.line + 1} ${e.code}`), ...o.ours.warnings.map((w) => `warning L${w.line + 1} ${w.code}`)].slice(0, 2).join(', ') || 'nothing';
      const tool = o.tool.errors.map((e) => `L${e.line + 1} ${e.message}`).slice(0, 2).join(' | ') || 'accepted';
      const repro = (o.shrunk ?? o.c.text).trimEnd().split('\n').map((l) => `        ${l}`).join('\n');
      return `  ${o.verdict} — ${o.c.desc}\n      tool: ${tool}\n      ours: ${ours}\n${repro}`;
    })
    .join('\n') + (bad.length > max ? `\n  … and ${bad.length - max} more` : '');
}
