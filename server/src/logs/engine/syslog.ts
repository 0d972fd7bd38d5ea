/**
 * Syslog line structure, pure and browser-safe (the webview bundles it): timestamps in the
 * traditional `Jan  7 17:59:17` form and in ISO 8601 (rsyslog's high-precision format), the host,
 * the program and its PID, plus tokens worth following (Postfix queue IDs, IP addresses, users).
 */

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** The parsed start of a line; offsets are UTF-16 indices into the string. */
export interface SyslogHeader {
  /** Month 0-11, day 1-31, hour 0-23; year only when the line says it (ISO form). */
  year?: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  tsEnd: number;
  hostStart: number;
  hostEnd: number;
  program?: string;
  progStart: number;
  progEnd: number;
  pid?: string;
  pidStart: number;
  pidEnd: number;
  /** Index where the message text starts. */
  msgStart: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const num2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/** Parses the timestamp at the start of a line; undefined when there is none. */
function parseTimestamp(s: string): { year?: number; month: number; day: number; hour: number; minute: number; second: number; end: number } | undefined {
  if (s.length >= 15 && s.charCodeAt(3) === 32 && s.charCodeAt(9) === 58 && s.charCodeAt(12) === 58) {
    const month = MONTHS[s.slice(0, 3)];
    if (month === undefined) return undefined;
    const d1 = s.charCodeAt(4);
    const day = (d1 === 32 ? 0 : d1 - 48) * 10 + (s.charCodeAt(5) - 48);
    if (!isDigit(s.charCodeAt(5)) || day < 1 || day > 31) return undefined;
    const hour = num2(s, 7);
    return { year: undefined, month, day, hour, minute: num2(s, 10), second: num2(s, 13), end: 15 };
  }
  if (s.length >= 19 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && (s[10] === 'T' || s[10] === ' ') && s.charCodeAt(13) === 58) {
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) if (!isDigit(s.charCodeAt(i))) return undefined;
    let end = 19;
    if (s[end] === '.' || s[end] === ',') {
      end++;
      while (end < s.length && isDigit(s.charCodeAt(end))) end++;
    }
    if (s[end] === 'Z') end++;
    else if ((s[end] === '+' || s[end] === '-') && isDigit(s.charCodeAt(end + 1))) {
      end += 3;
      if (s[end] === ':') end++;
      while (end < s.length && isDigit(s.charCodeAt(end))) end++;
    }
    return { year: +s.slice(0, 4), month: num2(s, 5) - 1, day: num2(s, 8), hour: num2(s, 11), minute: num2(s, 14), second: num2(s, 17), end };
  }
  return undefined;
}

/** Parses `TIMESTAMP HOST PROGRAM[PID]: message`; undefined when the line does not start with a timestamp. */
export function parseSyslogHeader(s: string): SyslogHeader | undefined {
  const ts = parseTimestamp(s);
  if (!ts) return undefined;
  let i = ts.end;
  while (s.charCodeAt(i) === 32) i++;
  const hostStart = i;
  while (i < s.length && s.charCodeAt(i) !== 32) i++;
  const hostEnd = i;
  while (s.charCodeAt(i) === 32) i++;
  const progStart = i;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 91 /* [ */ || c === 58 /* : */ || c === 32) break;
    i++;
  }
  const progEnd = i;
  let pidStart = -1;
  let pidEnd = -1;
  if (s.charCodeAt(i) === 91) {
    const close = s.indexOf(']', i);
    if (close > i && close - i < 12) {
      pidStart = i + 1;
      pidEnd = close;
      i = close + 1;
    }
  }
  const colon = s.charCodeAt(i) === 58;
  const msgStart = colon ? (s.charCodeAt(i + 1) === 32 ? i + 2 : i + 1) : progStart;
  const hasProg = colon && progEnd > progStart;
  return {
    year: ts.year,
    month: ts.month,
    day: ts.day,
    hour: ts.hour,
    minute: ts.minute,
    second: ts.second,
    tsEnd: ts.end,
    hostStart,
    hostEnd,
    program: hasProg ? s.slice(progStart, progEnd) : undefined,
    progStart: hasProg ? progStart : -1,
    progEnd: hasProg ? progEnd : -1,
    pid: pidStart >= 0 && hasProg ? s.slice(pidStart, pidEnd) : undefined,
    pidStart: hasProg ? pidStart : -1,
    pidEnd: hasProg ? pidEnd : -1,
    msgStart,
  };
}

/** Kinds of span the viewer colours; `kw:<category>` for keyword-table hits. */
export type TokenKind = 'ts' | 'host' | 'prog' | 'pid' | 'ip' | 'qid' | 'user' | `kw:${string}` | `rule:${string}`;

export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** For traceable tokens: the text to search for. */
  trace?: string;
}

const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
// IPv6 candidates: hex groups joined by colons (bounded repeats, each starting at a colon, so no
// backtracking blow-up); isIpv6() then keeps only the shapes an address can have.
const IPV6 = /(?<![\w:.])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])/g;
// Postfix queue IDs: short hex (e.g. BD551C9D845) or the long form (e.g. 4Xy7Zk0cQ2zBv1).
const QID = /^(?:[0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,15}[a-z0-9]?)(?=:)/;
const USER = /(?:\b(?:password|publickey|keyboard-interactive\/pam) for (?:invalid user )?|\bfor user |\b[Ii]nvalid user |\bsasl_username=|\buser=)([A-Za-z_][\w.-]{0,31})/g;

/**
 * An IPv6 address is written with `::` or as all eight groups. Times (`12:34:56`), MAC addresses
 * (`00:1a:2b:3c:4d:5e`) and PCI addresses (`0000:00:19.0`) have the same characters but not
 * that shape.
 */
function isIpv6(text: string, next: number): boolean {
  if (next === 46 /* . */ || !/[0-9a-fA-F]/.test(text)) return false;
  const gap = text.indexOf('::');
  if (gap >= 0) return !text.includes(':::') && text.indexOf('::', gap + 1) < 0;
  let colons = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 58) colons++;
  return colons === 7 && !text.startsWith(':') && !text.endsWith(':');
}

/** Structure tokens of a line (no keyword hits): timestamp, host, program, pid, queue id, IPs, users. */
export function syslogTokens(s: string): Token[] {
  const out: Token[] = [];
  const h = parseSyslogHeader(s);
  let msg = 0;
  if (h) {
    out.push({ start: 0, end: h.tsEnd, kind: 'ts' });
    if (h.hostEnd > h.hostStart) out.push({ start: h.hostStart, end: h.hostEnd, kind: 'host', trace: s.slice(h.hostStart, h.hostEnd) });
    if (h.progStart >= 0) out.push({ start: h.progStart, end: h.progEnd, kind: 'prog' });
    if (h.pidStart >= 0) out.push({ start: h.pidStart, end: h.pidEnd, kind: 'pid', trace: `[${h.pid}]` });
    msg = h.msgStart;
    if (h.program?.startsWith('postfix')) {
      const m = QID.exec(s.slice(msg, msg + 20));
      if (m) out.push({ start: msg, end: msg + m[0].length, kind: 'qid', trace: m[0] });
    }
  }
  const body = s.length > 65536 ? s.slice(0, 65536) : s;
  for (const re of [IPV4, IPV6]) {
    re.lastIndex = msg;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (re === IPV6 && !isIpv6(m[0], body.charCodeAt(m.index + m[0].length))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'ip', trace: m[0] });
    }
  }
  USER.lastIndex = msg;
  for (let m = USER.exec(body); m; m = USER.exec(body)) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: m.index + m[0].length, kind: 'user', trace: m[1] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Infers the year of traditional timestamps, which have none: starts from a given year and
 * moves to the next one when the month goes backwards by more than a month (Dec → Jan).
 */
export class YearTracker {
  /** Month of the last line seen (-1: none). */
  lastMonth = -1;
  constructor(public year: number) {}
  /** The year of a line in `month` (0-11). */
  yearOf(month: number): number {
    if (this.lastMonth >= 0 && month < this.lastMonth - 1) this.year++;
    this.lastMonth = month;
    return this.year;
  }
}

/** The year a traditional log most likely started in, from its first month and the file's mtime. */
export function startYear(firstMonth: number, mtime: Date): number {
  return firstMonth > mtime.getMonth() ? mtime.getFullYear() - 1 : mtime.getFullYear();
}

/** Hours since the epoch, for the wall-clock time written in the log (no zone conversion). */
export function hourKey(year: number, month: number, day: number, hour: number): number {
  return Date.UTC(year, month, day, hour) / 3_600_000;
}
