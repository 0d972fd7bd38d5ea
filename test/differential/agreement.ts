/**
 * Compares our validator's verdict on each file (an error or not, and its line) with the real
 * tool's, over real Debian files and their mutants, and prints the agreement table.
 */
import * as os from 'node:os';
import { pathToFileURL } from 'node:url';
import { nodeHost } from '../../server/src/host';
import { diagnose } from '../../server/src/languages/common/diagnose';
import type { ParsedDocument, WorkspaceView } from '../../server/src/languages/common/types';
import { facadeFor } from '../../server/src/languages/index';
import { checkWithTool } from '../../server/src/tools/index';
import type { Corpus, CorpusFile, Lang } from './corpus';
import { mutantsOf } from './mutants';

export interface Case {
  lang: Lang;
  file: string;
  origin: string;
  /** 'base' for the real file, else the mutation applied. */
  op: string;
  mutantLine?: number;
  surelyWrong: boolean;
  text: string;
}

export interface Outcome {
  c: Case;
  tool: { status: string; errors: { line: number; message: string; inferred?: boolean }[]; hostDependent: { line: number; message: string }[] };
  ours: { errors: { line: number; code: string; message: string }[]; warnings: { line: number; code: string; message: string }[] };
  verdict: 'agree-accept' | 'false-error' | 'caught' | 'caught-other-line' | 'missed' | 'tool-unavailable';
}

/** Tool errors that depend on the host (users, groups, folders) rather than the file. */
const HOST_DEPENDENT = /error verifying olddir|error verifying log file path|stat of .* failed|has insecure permissions|Failed to load '.*firewalld\.conf'/i;

const LANGUAGE_ID: Record<Lang, string> = { rsyslog: 'rsyslog', logrotate: 'logrotate', firewalld: 'firewalld', iptables: 'iptables' };

/** Our own verdict, in process, with the other files of the configuration as the workspace. */
export function ourVerdict(c: Case, workspaceFiles: { file: string; text: string }[]): Outcome['ours'] {
  const facade = facadeFor(LANGUAGE_ID[c.lang])!;
  const docs = new Map<string, ParsedDocument<unknown>>();
  const uri = pathToFileURL(c.file).href;
  try {
    docs.set(uri, facade.parse(c.text));
    for (const w of workspaceFiles) {
      const u = pathToFileURL(w.file).href;
      if (!docs.has(u)) docs.set(u, facade.parse(w.text));
    }
  } catch (e) {
    return { errors: [{ line: -1, code: 'CRASH', message: String((e as Error)?.message ?? e) }], warnings: [] };
  }
  const workspace: WorkspaceView = {
    *documents(languageId: string) {
      if (languageId !== facade.id) return;
      for (const [u, parsed] of docs) yield { uri: u, parsed };
    },
  };
  let diags;
  try {
    diags = diagnose(facade, docs.get(uri)!, { locale: 'en', uri, workspace, host: nodeHost() });
  } catch (e) {
    // A crash of our validator is a disagreement to report, not a reason to stop the suite.
    return { errors: [{ line: -1, code: 'CRASH', message: String((e as Error)?.message ?? e) }], warnings: [] };
  }
  const pick = (sev: number) => diags.filter((d) => d.severity === sev).map((d) => ({ line: d.range.start.line, code: String(d.code ?? ''), message: d.message }));
  return { errors: pick(1), warnings: pick(2) };
}

/** The real tool's verdict on the file, through the same runners the extension uses. */
export async function toolVerdict(c: Case): Promise<Outcome['tool']> {
  const r = await checkWithTool({ languageId: LANGUAGE_ID[c.lang], file: c.file, text: c.text, timeoutMs: 60_000 });
  const mine = r.findings.filter((f) => f.file === c.file && f.severity === 'error');
  return {
    status: r.status,
    errors: mine.filter((f) => !HOST_DEPENDENT.test(f.message)).map((f) => ({ line: f.line, message: f.message, inferred: f.inferred })),
    hostDependent: mine.filter((f) => HOST_DEPENDENT.test(f.message)).map((f) => ({ line: f.line, message: f.message })),
  };
}

/**
 * Whether our line is the tool's line. rsyslog says "on or before line N", so up to 3 lines
 * before N count; an XML parser notices an unclosed element only at a later closing tag, and
 * logrotate a missing '{' only at the closing '}'.
 */
export function sameLine(lang: Lang, tool: { line: number; message: string }, ours: number): boolean {
  // The measure: the same line, give or take one.
  if (Math.abs(ours - tool.line) <= 1) return true;
  // A syntax error (an unterminated string, say) is noticed where the parser gives up.
  if (lang === 'rsyslog' && /syntax error/.test(tool.message)) return ours <= tool.line && ours >= tool.line - 10;
  if (lang === 'rsyslog') return ours <= tool.line && ours >= tool.line - 3;
  // logrotate notices a missing '{' only at the block's closing '}' (and miscounts the lines
  // it read as file names on the way): the header line before it is the mistake.
  if (lang === 'logrotate' && /missing previous '\{'/.test(tool.message)) return ours <= tool.line;
  if (lang === 'firewalld' && /line \d+, column/.test(tool.message)) return ours <= tool.line && ours >= tool.line - 10;
  return false;
}

/**
 * rsyslogd messages that name no line (it says them once the whole file is read), with the
 * finding of ours that is the same verdict: caught when we give it, wherever we place it.
 */
const PLACELESS: [RegExp, string][] = [
  [/queue\.discardMark \d+ is set larger than queue\.size/, 'rsyslog/queue-discard-mark'],
  [/imfile: no working or state file directory set/, 'rsyslog/no-work-directory'],
  [/ruleset '.*' specified more than once/, 'rsyslog/duplicate-ruleset'],
  [/module loaded, but no listeners defined|no files configured to be monitored/, 'rsyslog/no-listener'],
  [/Invalid number of bits \(\d+\) in IPv[46] address/, 'rsyslog/allowed-sender-bits'],
  [/environment variable entry is missing equal sign|environment variable name too long/, 'rsyslog/invalid-value'],
  [/unknown priority name/, 'rsyslog/unknown-priority'],
  [/module '.*' already in this config, cannot be added/, 'rsyslog/duplicate-module'],
  [/template error: invalid field option/, 'rsyslog/unknown-value'],
  [/lookup table file '.*' could not be opened/, 'rsyslog/relative-path'],
  [/lookup table file '.*' could not be opened/, 'rsyslog/missing-file'],
];

/**
 * The lines of `text` that name the module an rsyslogd message without a line starts with
 * ("mmsequence: …"; liblognorm speaks for mmnormalize and pmnormalize): the statements it is about.
 */
function moduleLines(message: string, text: string | undefined): Set<number> {
  const out = new Set<number>();
  if (text === undefined) return out;
  const mods = /^liblognorm error/.test(message) ? ['mmnormalize', 'pmnormalize'] : [/^(\w+): /.exec(message)?.[1]].filter((m): m is string => !!m);
  if (!mods.length) return out;
  text.split('\n').forEach((l, i) => {
    if (mods.some((m) => l.includes(`"${m}"`))) out.add(i);
  });
  return out;
}

export function judge(lang: Lang, tool: Outcome['tool'], ours: Outcome['ours'], text?: string): Outcome['verdict'] {
  if (!['ok', 'problems'].includes(tool.status)) return 'tool-unavailable';
  if (tool.errors.length === 0) return ours.errors.length ? 'false-error' : 'agree-accept';
  // A rejection counts as caught when we flag that line, as an error or as a warning: some
  // checks are warnings on purpose because the tool knows more than the file shows (a
  // third-party module, a template defined in a file outside the workspace).
  const flagged = [...ours.errors, ...ours.warnings];
  if (flagged.length === 0) return 'missed';
  // "No active actions" names no line (a broken quote swallowed the rest): any error of ours counts.
  const placeless = (t: { message: string; inferred?: boolean }) =>
    t.inferred && ((/no active actions configured/.test(t.message) && ours.errors.length > 0) || PLACELESS.some(([re, code]) => re.test(t.message) && flagged.some((o) => o.code === code)));
  const aboutModule = (t: { message: string; inferred?: boolean }) => {
    if (!t.inferred || lang !== 'rsyslog') return false;
    const lines = moduleLines(t.message, text);
    return flagged.some((o) => lines.has(o.line));
  };
  return tool.errors.some((t) => placeless(t) || aboutModule(t) || flagged.some((o) => sameLine(lang, t, o.line))) ? 'caught' : 'caught-other-line';
}

/** Runs `fn` over `items`, at most `n` at a time; the results in the order of `items`. */
export async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Mutants per language at most (firewall-offline-cmd takes about two seconds a run). */
const MAX_MUTANTS: Record<Lang, number> = { rsyslog: 400, logrotate: 400, firewalld: 48, iptables: 400 };

export async function runLanguage(lang: Lang, corpus: Corpus): Promise<Outcome[]> {
  const base = corpus.files.filter((f) => f.lang === lang);
  const cases: Case[] = [];
  for (const f of base) cases.push({ lang, file: f.file, origin: f.origin, op: 'base', surelyWrong: false, text: f.text });
  const outcomes: Outcome[] = [];
  const concurrency = Math.max(2, os.cpus().length);
  const wsFor = (c: Case): { file: string; text: string }[] => (lang === 'rsyslog' || lang === 'firewalld' ? base.filter((b) => b.file !== c.file) : []);

  // Base files. firewalld: one run checks the whole tree, so run it once and judge each file.
  let baseTool: Outcome['tool'][];
  if (lang === 'firewalld' && cases.length) {
    const whole = await checkWithTool({ languageId: 'firewalld', file: cases[0].file, text: cases[0].text, timeoutMs: 120_000 });
    baseTool = cases.map((c) => {
      const mine = whole.findings.filter((f) => f.file === c.file && f.severity === 'error');
      return { status: whole.status, errors: mine.map((f) => ({ line: f.line, message: f.message, inferred: f.inferred })), hostDependent: [] };
    });
  } else {
    baseTool = await pool(cases, concurrency, toolVerdict);
  }
  cases.forEach((c, i) => {
    const ours = ourVerdict(c, wsFor(c));
    outcomes.push({ c, tool: baseTool[i], ours, verdict: judge(lang, baseTool[i], ours, c.text) });
  });

  // Mutants of the files the tool accepts.
  let mutants: Case[] = [];
  outcomes.forEach((o, i) => {
    if (o.verdict !== 'agree-accept' && o.verdict !== 'false-error') return;
    const f: CorpusFile = base[i];
    for (const m of mutantsOf(lang, f.origin, f.text)) {
      mutants.push({ lang, file: f.file, origin: f.origin, op: m.op, mutantLine: m.line, surelyWrong: m.surelyWrong, text: m.text });
    }
  });
  if (mutants.length > MAX_MUTANTS[lang]) {
    // Keep every operator represented: round-robin over operators, in a fixed pseudo-random order.
    const byOp = new Map<string, Case[]>();
    for (const m of mutants.sort((a, b) => hash(a.origin + a.op) - hash(b.origin + b.op))) byOp.set(m.op, [...(byOp.get(m.op) ?? []), m]);
    const picked: Case[] = [];
    while (picked.length < MAX_MUTANTS[lang]) {
      let added = false;
      for (const list of byOp.values()) {
        const m = list.shift();
        if (m && picked.length < MAX_MUTANTS[lang]) {
          picked.push(m);
          added = true;
        }
      }
      if (!added) break;
    }
    mutants = picked;
  }
  const mutantTool = await pool(mutants, concurrency, toolVerdict);
  mutants.forEach((c, i) => {
    const ours = ourVerdict(c, wsFor(c));
    outcomes.push({ c, tool: mutantTool[i], ours, verdict: judge(lang, mutantTool[i], ours, c.text) });
  });
  return outcomes;
}

export interface Summary {
  lang: Lang;
  files: number;
  base: number;
  mutants: number;
  toolAccepts: number;
  toolRejects: number;
  falseErrorsBase: number;
  falseErrorsMutant: number;
  caught: number;
  caughtOtherLine: number;
  missed: number;
  unavailable: number;
  hostDependent: number;
  /** Accepted by the tool although surely wrong, and we warn (or err). */
  acceptedWrongWarned: number;
  acceptedWrong: number;
  catchRate: number;
}

export function summarize(lang: Lang, outcomes: Outcome[]): Summary {
  const count = (p: (o: Outcome) => boolean) => outcomes.filter(p).length;
  const rejects = count((o) => ['caught', 'caught-other-line', 'missed'].includes(o.verdict));
  const caught = count((o) => o.verdict === 'caught');
  const acceptedWrong = outcomes.filter((o) => o.c.op !== 'base' && o.c.surelyWrong && (o.verdict === 'agree-accept' || o.verdict === 'false-error'));
  return {
    lang,
    files: outcomes.length,
    base: count((o) => o.c.op === 'base'),
    mutants: count((o) => o.c.op !== 'base'),
    toolAccepts: count((o) => o.verdict === 'agree-accept' || o.verdict === 'false-error'),
    toolRejects: rejects,
    falseErrorsBase: count((o) => o.verdict === 'false-error' && o.c.op === 'base'),
    falseErrorsMutant: count((o) => o.verdict === 'false-error' && o.c.op !== 'base'),
    caught,
    caughtOtherLine: count((o) => o.verdict === 'caught-other-line'),
    missed: count((o) => o.verdict === 'missed'),
    unavailable: count((o) => o.verdict === 'tool-unavailable'),
    hostDependent: count((o) => o.tool.hostDependent.length > 0),
    acceptedWrong: acceptedWrong.length,
    acceptedWrongWarned: acceptedWrong.filter((o) => o.ours.errors.length + o.ours.warnings.length > 0).length,
    // Nothing rejected is nothing measured, not a perfect score.
    catchRate: rejects ? caught / rejects : 0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatTable(rows: Summary[]): string {
  const head = ['language', 'files', 'base', 'mutants', 'tool ok', 'tool rejects', 'false err (base)', 'false err (mutant)', 'caught same line', 'caught other line', 'missed', 'catch rate', 'tool-ok mistakes warned', 'host-dep.'];
  const body = rows.map((r) => [r.lang, r.files, r.base, r.mutants, r.toolAccepts, r.toolRejects, r.falseErrorsBase, r.falseErrorsMutant, r.caught, r.caughtOtherLine, r.missed, pct(r.catchRate), `${r.acceptedWrongWarned}/${r.acceptedWrong}`, r.hostDependent].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

/** One line per disagreement: file, mutation, our line/code versus the tool's line/message. */
export function formatDisagreements(outcomes: Outcome[], limit = 200): string {
  const bad = outcomes.filter((o) => ['false-error', 'caught-other-line', 'missed'].includes(o.verdict));
  const fmt = (o: Outcome) => {
    const ours = o.ours.errors.slice(0, 2).map((e) => `L${e.line + 1} ${e.code}`).join(', ') || '-';
    const tool = o.tool.errors.slice(0, 2).map((e) => `L${e.line + 1}${e.inferred ? '~' : ''} ${e.message.slice(0, 90)}`).join(' / ') || 'accepts';
    const where = o.c.op === 'base' ? 'base' : `${o.c.op} @L${(o.c.mutantLine ?? 0) + 1}`;
    return `  ${o.verdict.padEnd(17)} ${o.c.origin} [${where}]\n      ours: ${ours}\n      tool: ${tool}`;
  };
  const lines = bad.slice(0, limit).map(fmt);
  if (bad.length > limit) lines.push(`  … and ${bad.length - limit} more`);
  return lines.join('\n');
}

/** Mutants the tool accepts although they are surely mistakes, and whether we warn. */
export function formatAcceptedMistakes(outcomes: Outcome[]): string {
  return outcomes
    .filter((o) => o.c.op !== 'base' && o.c.surelyWrong && (o.verdict === 'agree-accept' || o.verdict === 'false-error'))
    .map((o) => {
      const ours = [...o.ours.errors.map((e) => `error L${e.line + 1} ${e.code}`), ...o.ours.warnings.map((w) => `warning L${w.line + 1} ${w.code}`)].slice(0, 2).join(', ') || 'NOTHING';
      return `  ${o.c.op.padEnd(28)} ${o.c.origin} @L${(o.c.mutantLine ?? 0) + 1}: ours ${ours}`;
    })
    .join('\n');
}
