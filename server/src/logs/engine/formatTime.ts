/**
 * Timestamps of the log formats whose lines do not start with a syslog time, for the viewer's
 * charts and time filter once it knows a file's format (explain/detect.ts). Pure and browser-safe.
 */
import type { SyslogHeader } from './syslog';

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const MON = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DOW = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

/** A format's time: the regular expression and which groups hold year, month, day, hour, minute, second. */
interface TimeForm {
  re: RegExp;
  /** Group numbers of year, month (name or number), day, hour, minute, second. */
  at: [number, number, number, number, number, number];
}

const ACCESS: TimeForm = { re: new RegExp(String.raw`^\S+ (?:\S+ )?\S+ \S+ \[(\d\d)/${MON}/(\d{4}):(\d\d):(\d\d):(\d\d)`), at: [3, 2, 1, 4, 5, 6] };
const CTIME_BRACKET: TimeForm = { re: new RegExp(String.raw`^\[${DOW} ${MON} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\d{4})\]`), at: [6, 1, 2, 3, 4, 5] };

const ISO_BRACKET: TimeForm = { re: /^\[(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/, at: [1, 2, 3, 4, 5, 6] };

/** By format name (formats.json, appFormats.json). Formats whose lines start with a syslog or ISO time need none. */
const FORMS: Record<string, TimeForm> = {
  'access-combined': ACCESS,
  'access-common': ACCESS,
  'apache-error': CTIME_BRACKET,
  'dmesg-T': CTIME_BRACKET,
  'nginx-error': { re: /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) /, at: [1, 2, 3, 4, 5, 6] },
  'vsftpd-log': { re: new RegExp(String.raw`^${DOW} ${MON} +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) `), at: [6, 1, 2, 3, 4, 5] },
  bind: { re: new RegExp(String.raw`^(\d\d)-${MON}-(\d{4}) (\d\d):(\d\d):(\d\d)\.\d{3} `), at: [3, 2, 1, 4, 5, 6] },
  asterisk: ISO_BRACKET,
  'rust-log': ISO_BRACKET,
  'python-bracket': ISO_BRACKET,
  'bracket-dmy': { re: new RegExp(String.raw`^\[(\d\d)/${MON}/(\d{4}) (\d\d):(\d\d):(\d\d)\]`), at: [3, 2, 1, 4, 5, 6] },
  'suricata-fast': { re: /^(\d\d)\/(\d\d)\/(\d{4})-(\d\d):(\d\d):(\d\d)/, at: [3, 1, 2, 4, 5, 6] },
  directadmin: { re: /^(\d{4}):(\d\d):(\d\d)-(\d\d):(\d\d):(\d\d)/, at: [1, 2, 3, 4, 5, 6] },
  'lighttpd-error': { re: /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d): \(/, at: [1, 2, 3, 4, 5, 6] },
};

/** Whether the viewer reads times of `format` lines with a parser of its own (else as syslog). */
export const hasFormatTime = (format: string | undefined): boolean => format !== undefined && FORMS[format] !== undefined;

/**
 * The time at the start of a line of `format`, as a header with a year and no host or program;
 * undefined when the line does not have that format's time (a continuation line).
 */
export function formatTime(format: string | undefined, s: string): SyslogHeader | undefined {
  const f = format !== undefined ? FORMS[format] : undefined;
  const m = f?.re.exec(s);
  if (!f || !m) return undefined;
  const [y, mo, d, h, mi, se] = f.at.map((i) => m[i]);
  const month = MONTHS[mo] ?? Number(mo) - 1;
  const end = m[0].length;
  return { year: Number(y), month, day: Number(d), hour: Number(h), minute: Number(mi), second: Number(se), tsEnd: end, hostStart: end, hostEnd: end, progStart: -1, progEnd: -1, pidStart: -1, pidEnd: -1, msgStart: end };
}
