/**
 * Every message between the log viewer's host (extension) and its webview, as discriminated
 * unions, plus the validator the host runs on everything the webview sends. Browser-safe: the
 * webview bundle imports the types from here too.
 */

export type View = 'all' | 'filter';
export type Locale = 'en' | 'ja';

/** One line as the webview gets it. */
export interface WireLine {
  /** Line number in the whole (rotated) set, from 0. */
  n: number;
  text: string;
  /** Bytes in the line; larger than the text shows when `cut`. */
  bytes: number;
  cut: boolean;
}

export interface FilterTermMsg {
  pattern: string;
  regex: boolean;
  caseSensitive: boolean;
}

export interface FilterSpecMsg {
  include: FilterTermMsg[];
  exclude: FilterTermMsg[];
  programs: string[];
  /** Wall-clock milliseconds as written in the log (UTC arithmetic on the written time). */
  from?: number;
  to?: number;
}

/** A user highlight rule after validation: a category of the keyword table or a colour. */
export interface HighlightRuleMsg {
  pattern: string;
  regex: boolean;
  category?: string;
  color?: string;
}

export interface LegendEntry {
  name: string;
  label: string;
  docs: string;
  keywords: string[];
}

export interface StatsMsg {
  lines: number;
  unparsed: number;
  hours: { hour: number; lines: number; bytes: number; firstLine: number }[];
  programs: { program: string; lines: number }[];
  programDays: Record<string, Record<string, number>>;
}

export type HostMessage =
  | {
      type: 'init';
      files: string[];
      encoding: string;
      encodings: string[];
      locale: Locale;
      strings: Record<string, string>;
      legend: LegendEntry[];
      rules: HighlightRuleMsg[];
      lineCount: number;
      indexing: boolean;
      maxLineBytes: number;
      /** Other files of the rotated set this file belongs to (0 when it was opened as a set). */
      rotatedSiblings: number;
      /** Text to filter on at once (the viewer was opened from a LOG rule's prefix). */
      filter?: string;
      /** The file's dominant line format, in the viewer's language (none when no known format was seen). */
      format?: string;
      /** The first lines of the file (from line 0), so that the first screen needs no request. */
      first?: WireLine[];
    }
  | { type: 'lines'; req: number; view: View; from: number; lines: WireLine[] }
  /** The last lines of the file, read from its end while indexing (n is -1 until the index gets there). */
  | { type: 'tail'; req: number; lines: WireLine[] }
  | { type: 'count'; lineCount: number; indexing: boolean; appended?: boolean }
  | { type: 'progress'; task: 'index' | 'filter' | 'stats'; done: number; total: number }
  | { type: 'filterResult'; id: number; matches: number; done: boolean; error?: string; warning?: string; capped?: boolean; scanned?: number; stopped?: boolean }
  | { type: 'stats'; stats: StatsMsg }
  | { type: 'reveal'; line: number }
  | { type: 'lineSlice'; req: number; n: number; start: number; end: number; bytes: number; text: string }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  | { type: 'follow'; on: boolean }
  /** The file cannot be opened (say, a restored tab whose log is gone): the message, and words for a way out. */
  | { type: 'unavailable'; message: string; locale: Locale; strings: Record<string, string> }
  /** The settings changed while the viewer was open (from any source: Settings UI, settings.json …). */
  | { type: 'settings'; locale: Locale; strings: Record<string, string>; legend: LegendEntry[]; rules: HighlightRuleMsg[]; maxLineBytes: number };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'getLines'; req: number; view: View; from: number; count: number }
  /** The last `count` lines of the file (End while indexing). */
  | { type: 'tail'; req: number; count: number }
  | { type: 'filter'; id: number; spec: FilterSpecMsg | null }
  | { type: 'stats' }
  | { type: 'cancelFilter'; id: number }
  | { type: 'openRotated' }
  | { type: 'pickFile' }
  | { type: 'locate'; view: View; row: number }
  | { type: 'encoding'; encoding: string }
  | { type: 'follow'; on: boolean }
  | { type: 'lineSlice'; req: number; n: number; start: number; length: number }
  | { type: 'explain'; text: string }
  | { type: 'log'; level: 'info' | 'warning' | 'error'; message: string };

const MAX_STR = 1 << 20;
const MAX_LINES_PER_REQUEST = 2000;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const isStr = (x: unknown, max = MAX_STR): x is string => typeof x === 'string' && x.length <= max;
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
const isView = (x: unknown): x is View => x === 'all' || x === 'filter';
const hasOnly = (o: Obj, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function term(x: unknown): FilterTermMsg | undefined {
  if (!isObj(x) || !hasOnly(x, ['pattern', 'regex', 'caseSensitive'])) return undefined;
  if (!isStr(x.pattern, 10_000) || !isBool(x.regex) || !isBool(x.caseSensitive)) return undefined;
  return { pattern: x.pattern, regex: x.regex, caseSensitive: x.caseSensitive };
}

function terms(x: unknown): FilterTermMsg[] | undefined {
  if (!Array.isArray(x) || x.length > 32) return undefined;
  const out = x.map(term);
  return out.every((t): t is FilterTermMsg => !!t) ? out : undefined;
}

function spec(x: unknown): FilterSpecMsg | null | undefined {
  if (x === null) return null;
  if (!isObj(x) || !hasOnly(x, ['include', 'exclude', 'programs', 'from', 'to'])) return undefined;
  const include = terms(x.include);
  const exclude = terms(x.exclude);
  if (!include || !exclude) return undefined;
  if (!Array.isArray(x.programs) || x.programs.length > 200 || !x.programs.every((p) => isStr(p, 200))) return undefined;
  const time = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  if (!time(x.from) || !time(x.to)) return undefined;
  const out: FilterSpecMsg = { include, exclude, programs: x.programs as string[] };
  if (x.from !== undefined) out.from = x.from as number;
  if (x.to !== undefined) out.to = x.to as number;
  return out;
}

/**
 * Checks a message from the webview. Returns it (rebuilt from the checked fields only) or
 * undefined for anything unknown or malformed; the caller ignores and logs those.
 */
export function validateWebviewMessage(x: unknown): WebviewMessage | undefined {
  if (!isObj(x) || typeof x.type !== 'string') return undefined;
  switch (x.type) {
    case 'ready':
      return hasOnly(x, ['type']) ? { type: 'ready' } : undefined;
    case 'stats':
      return hasOnly(x, ['type']) ? { type: 'stats' } : undefined;
    case 'openRotated':
      return hasOnly(x, ['type']) ? { type: 'openRotated' } : undefined;
    case 'pickFile':
      return hasOnly(x, ['type']) ? { type: 'pickFile' } : undefined;
    case 'cancelFilter':
      return hasOnly(x, ['type', 'id']) && isInt(x.id) ? { type: 'cancelFilter', id: x.id } : undefined;
    case 'getLines':
      if (!hasOnly(x, ['type', 'req', 'view', 'from', 'count'])) return undefined;
      if (!isInt(x.req) || !isView(x.view) || !isInt(x.from) || !isInt(x.count, 1, MAX_LINES_PER_REQUEST)) return undefined;
      return { type: 'getLines', req: x.req, view: x.view, from: x.from, count: x.count };
    case 'tail':
      if (!hasOnly(x, ['type', 'req', 'count']) || !isInt(x.req) || !isInt(x.count, 1, MAX_LINES_PER_REQUEST)) return undefined;
      return { type: 'tail', req: x.req, count: x.count };
    case 'filter': {
      if (!hasOnly(x, ['type', 'id', 'spec']) || !isInt(x.id)) return undefined;
      const s = spec(x.spec);
      return s === undefined ? undefined : { type: 'filter', id: x.id, spec: s };
    }
    case 'locate':
      if (!hasOnly(x, ['type', 'view', 'row']) || !isView(x.view) || !isInt(x.row)) return undefined;
      return { type: 'locate', view: x.view, row: x.row };
    case 'encoding':
      if (!hasOnly(x, ['type', 'encoding']) || !isStr(x.encoding, 40)) return undefined;
      return { type: 'encoding', encoding: x.encoding };
    case 'follow':
      if (!hasOnly(x, ['type', 'on']) || !isBool(x.on)) return undefined;
      return { type: 'follow', on: x.on };
    case 'lineSlice':
      if (!hasOnly(x, ['type', 'req', 'n', 'start', 'length'])) return undefined;
      if (!isInt(x.req) || !isInt(x.n) || !isInt(x.start) || !isInt(x.length, 1, 4 * 1024 * 1024)) return undefined;
      return { type: 'lineSlice', req: x.req, n: x.n, start: x.start, length: x.length };
    case 'explain':
      if (!hasOnly(x, ['type', 'text']) || !isStr(x.text)) return undefined;
      return { type: 'explain', text: x.text };
    case 'log':
      if (!hasOnly(x, ['type', 'level', 'message']) || !isStr(x.message, 10_000)) return undefined;
      if (x.level !== 'info' && x.level !== 'warning' && x.level !== 'error') return undefined;
      return { type: 'log', level: x.level, message: x.message };
    default:
      return undefined;
  }
}
