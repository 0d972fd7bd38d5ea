import { LineIndex, lineRange } from '../common/text';
import type { Finding, ParsedDocument } from '../common/types';

/** One `"PATH" YEAR-MONTH-DAY-HOUR:MINUTE:SECOND` line of logrotate's state file. */
export interface StatusEntry {
  path: string;
  line: number;
  /** Columns of the path as written (quotes included). */
  pathStart: number;
  pathEnd: number;
  dateStart: number;
  dateEnd: number;
  /** The time of the last rotation as written (local time of the host), or undefined when malformed. */
  rotated?: { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

export interface StatusTree {
  entries: StatusEntry[];
}

export type StatusDocument = ParsedDocument<StatusTree>;

const HEADER = /^logrotate state -- version [0-9]+\s*$/;
const DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:-([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}))?$/;

/** The path of a line: quoted with backslash escapes (as logrotate writes it) or a bare word. */
function readPath(text: string): { path: string; end: number } | undefined {
  if (text[0] !== '"') {
    const sp = text.search(/\s/);
    return sp <= 0 ? undefined : { path: text.slice(0, sp), end: sp };
  }
  let path = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) path += text[++i];
    else if (c === '"') return { path, end: i + 1 };
    else path += c;
  }
  return undefined;
}

/** Parses /var/lib/logrotate/status: a version header, then one line per log file. Never throws. */
export function parseStatus(text: string): StatusDocument {
  const lines = new LineIndex(text);
  const problems: Finding[] = [];
  const entries: StatusEntry[] = [];
  for (let n = 0; n < lines.lineCount; n++) {
    const raw = lines.line(n);
    if (raw.trim() === '') continue;
    if (n === 0) {
      if (!HEADER.test(raw)) problems.push({ code: 'logrotate-status/bad-header', range: lineRange(0, 0, raw.length) });
      else continue;
    }
    const p = readPath(raw);
    if (!p) {
      problems.push({ code: 'logrotate-status/bad-line', range: lineRange(n, 0, raw.length) });
      continue;
    }
    let ds = p.end;
    while (ds < raw.length && /\s/.test(raw[ds])) ds++;
    const date = raw.slice(ds).trimEnd();
    const m = DATE.exec(date);
    const e: StatusEntry = { path: p.path, line: n, pathStart: 0, pathEnd: p.end, dateStart: ds, dateEnd: ds + date.length };
    if (m) {
      const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0));
      e.rotated = { year, month, day, hour, minute, second };
    } else problems.push({ code: 'logrotate-status/bad-date', range: lineRange(n, ds, Math.max(ds, e.dateEnd)), args: { text: date } });
    entries.push(e);
  }
  return { text, lines, tree: { entries }, problems };
}
