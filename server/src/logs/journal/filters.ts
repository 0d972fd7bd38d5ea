/**
 * The journal filters the handbooks use with journalctl (unit, priority, boot, time range,
 * identifier) as one query: turned into journalctl's arguments, shown as a command line ready to
 * copy, and read from the CLI's options. Pure: no process is started here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the entries come from: a journal directory, one journal file, or the host's own journal. */
export interface JournalPlace {
  directory?: string;
  file?: string;
}

export interface JournalQuery extends JournalPlace {
  /** `-u`: entries of these units (any of them). */
  units?: string[];
  /** `-t`: entries with these syslog identifiers (any of them). */
  identifiers?: string[];
  /** `-p`: a level (`err`, `3`) or a range (`warning..emerg`). */
  priority?: string;
  /** `-b`: a boot offset (`0`, `-1`) or a boot ID; empty string = the current boot. */
  boot?: string;
  /** `--since` / `--until`, in any form journalctl takes (`2024-05-01 10:00`, `yesterday`, `-1h`). */
  since?: string;
  until?: string;
  /** `-g`: a pattern journalctl itself matches against MESSAGE (PCRE2). */
  grep?: string;
  caseSensitive?: boolean;
}

export const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;

/** Priority number of a name or digit, undefined when it is neither. */
export function priorityNumber(p: string): number | undefined {
  const s = p.trim().toLowerCase();
  if (/^[0-7]$/.test(s)) return Number(s);
  const i = PRIORITIES.indexOf(s as (typeof PRIORITIES)[number]);
  if (i >= 0) return i;
  return { error: 3, warn: 4, panic: 0 }[s];
}

/** Why a priority is not one journalctl takes, or undefined when it is fine. */
export function priorityProblem(p: string): string | undefined {
  const parts = p.split('..');
  if (parts.length > 2 || parts.some((x) => x !== '' && priorityNumber(x) === undefined) || parts.every((x) => x === ''))
    return `priority '${p}' is not one of ${PRIORITIES.join(', ')} (or 0-7), nor a range such as warning..emerg`;
  return undefined;
}

/** Chooses --file for a journal file and --directory for anything else (a directory, a machine-id folder). */
export function placeOf(p: string): JournalPlace {
  let dir = true;
  try {
    dir = fs.statSync(p).isDirectory();
  } catch {
    dir = !/\.journal~?$/.test(p);
  }
  return dir ? { directory: p } : { file: p };
}

/** journalctl's arguments for the query (without the output format). */
export function journalArgs(q: JournalQuery): string[] {
  const a: string[] = [];
  if (q.directory) a.push('--directory', q.directory);
  if (q.file) a.push('--file', q.file);
  for (const u of q.units ?? []) a.push('-u', u);
  for (const t of q.identifiers ?? []) a.push('-t', t);
  if (q.priority) a.push('-p', q.priority);
  if (q.boot !== undefined) a.push(q.boot === '' ? '-b' : `--boot=${q.boot}`);
  if (q.since) a.push('--since', q.since);
  if (q.until) a.push('--until', q.until);
  if (q.grep) a.push('-g', q.grep, `--case-sensitive=${q.caseSensitive ? 'yes' : 'no'}`);
  return a;
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The equivalent `journalctl …` line, ready to paste in a terminal. */
export function commandLine(q: JournalQuery, extra: string[] = []): string {
  return ['journalctl', ...journalArgs(q), ...extra].map(shellQuote).join(' ');
}

/** A short title for the viewer's tab: the place and the filters that narrow it. */
export function describeQuery(q: JournalQuery): string {
  const place = q.file ? path.basename(q.file) : q.directory ? `journal ${q.directory}` : 'journal';
  const bits = [...(q.units ?? []), ...(q.identifiers ?? []).map((t) => `-t ${t}`)];
  if (q.priority) bits.push(`-p ${q.priority}`);
  if (q.boot !== undefined) bits.push(q.boot === '' ? '-b' : `-b ${q.boot}`);
  return bits.length ? `${place} (${bits.join(', ')})` : place;
}

/**
 * Reads the journal options of a CLI command out of its arguments: `--journal [DIR|FILE]` (no
 * value: the host's journal), `-u/--unit`, `-t/--identifier`, `-p/--priority`, `-b/--boot [ID]`,
 * `-S/--since`, `-U/--until` (each may repeat where journalctl lets it). Returns the query (or
 * undefined when there is no --journal) and the other arguments, untouched and in order.
 */
export function takeJournalOptions(args: string[]): { query?: JournalQuery; rest: string[]; problem?: string } {
  const i = args.indexOf('--journal');
  const eq = args.findIndex((a) => a.startsWith('--journal='));
  if (i < 0 && eq < 0) return { rest: args };
  const q: JournalQuery = {};
  const rest: string[] = [];
  const valued: Record<string, (v: string) => void> = {
    '-u': (v) => (q.units ??= []).push(v),
    '--unit': (v) => (q.units ??= []).push(v),
    '-t': (v) => (q.identifiers ??= []).push(v),
    '--identifier': (v) => (q.identifiers ??= []).push(v),
    '-p': (v) => (q.priority = v),
    '--priority': (v) => (q.priority = v),
    '-S': (v) => (q.since = v),
    '--since': (v) => (q.since = v),
    '-U': (v) => (q.until = v),
    '--until': (v) => (q.until = v),
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const [name, inline] = a.split(/=(.*)/s, 2);
    if (name === '--journal') {
      const v = inline ?? args[k + 1];
      // The value is optional: a following word is the journal only when it names a journal place.
      if (inline !== undefined) Object.assign(q, placeOf(v));
      else if (v !== undefined && !v.startsWith('-') && (fs.existsSync(v) || /\.journal~?$/.test(v))) {
        Object.assign(q, placeOf(v));
        k++;
      }
    } else if (name === '-b' || name === '--boot') {
      const v = inline ?? args[k + 1];
      if (inline !== undefined) q.boot = inline;
      else if (v !== undefined && /^(-?\d+|[0-9a-f]{32}([+-]?\d+)?)$/i.test(v)) {
        q.boot = v;
        k++;
      } else q.boot = '';
    } else if (name in valued) {
      const v = inline ?? args[++k];
      if (v === undefined) return { rest, problem: `option '${name}' needs a value` };
      valued[name](v);
    } else rest.push(a);
  }
  if (q.priority !== undefined) {
    const p = priorityProblem(q.priority);
    if (p) return { rest, problem: p };
  }
  return { query: q, rest };
}

/** A text term as the viewer and grep take it: a literal or a regular expression (PCRE2, as journalctl -g reads it), case-insensitive unless said. */
export interface TextTerm {
  pattern: string;
  regex?: boolean;
  caseSensitive?: boolean;
}

/** A literal as a PCRE2 pattern for journalctl -g. */
export const pcreLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Text terms as one `journalctl -g` pattern, so that journalctl itself does the matching (against
 * MESSAGE, in PCRE2) and only matching entries are read back. One include term is passed as it is;
 * several terms (each include must match, no exclude may) become lookaheads from the start of
 * MESSAGE. Terms that differ in case sensitivity carry it inline as `(?i:…)`. Undefined when there
 * is no term.
 */
export function grepPattern(include: TextTerm[] = [], exclude: TextTerm[] = []): { grep: string; caseSensitive: boolean } | undefined {
  const all = [...include, ...exclude];
  if (!all.length) return undefined;
  const same = all.every((t) => !!t.caseSensitive === !!all[0].caseSensitive);
  const caseSensitive = same ? !!all[0].caseSensitive : true;
  const term = (t: TextTerm) => {
    const p = t.regex ? t.pattern : pcreLiteral(t.pattern);
    return same || t.caseSensitive ? p : `(?i:${p})`;
  };
  if (include.length === 1 && !exclude.length) return { grep: term(include[0]), caseSensitive };
  const parts = [...include.map((t) => `(?=.*?(?:${term(t)}))`), ...exclude.map((t) => `(?!.*?(?:${term(t)}))`)];
  return { grep: `(?s)^${parts.join('')}`, caseSensitive };
}

/** The query narrowed by text terms through journalctl -g (the query itself when there is none). */
export function withText(q: JournalQuery, include: TextTerm[] = [], exclude: TextTerm[] = []): JournalQuery {
  const g = grepPattern(include, exclude);
  return g ? { ...q, ...g } : q;
}
