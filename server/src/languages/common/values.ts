/**
 * Shared value checkers: how systemd and logrotate read booleans, sizes, time spans, log
 * levels, modes and counts. Each parser returns the parsed value or undefined; none throws and
 * none uses a regular expression that could backtrack badly. Languages turn `undefined` into a
 * diagnostic that names the accepted form (see `FORMS`).
 */
import type { Localized } from './types';

const TRUE_WORDS = ['1', 'yes', 'y', 'true', 't', 'on'];
const FALSE_WORDS = ['0', 'no', 'n', 'false', 'f', 'off'];

/** The spellings offered in completion, in the order users expect them. */
export const SYSTEMD_BOOLEAN_WORDS = ['yes', 'no', 'true', 'false', 'on', 'off', '1', '0'];

/** A systemd boolean (parse_boolean): yes/no/true/false/on/off/1/0, also y/n/t/f, any case. */
export function parseSystemdBoolean(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return true;
  if (FALSE_WORDS.includes(s)) return false;
  return undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads an unsigned decimal number with an optional fraction at `i`; returns [value, next index]. */
function readDecimal(s: string, i: number): [number, number] | undefined {
  const start = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  let end = i;
  if (s[i] === '.') {
    i++;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    end = i;
  }
  if (end === start || (end === start + 1 && s[start] === '.')) return undefined;
  return [Number(s.slice(start, end)), end];
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

const IEC_FACTORS: Record<string, number> = {
  B: 1,
  K: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
  T: 1024 ** 4,
  P: 1024 ** 5,
  E: 1024 ** 6,
};

/**
 * A systemd size with base 1024 (parse_size): `512`, `64M`, `1.5G`, `1G 512M`; units B K M G T
 * P E (upper case). Returns the number of bytes.
 */
export function parseIecSize(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  let i = 0;
  let total = 0;
  while (i < s.length) {
    const num = readDecimal(s, i);
    if (!num) return undefined;
    i = skipBlanks(s, num[1]);
    let factor = 1;
    const u = s[i];
    if (u !== undefined && IEC_FACTORS[u] !== undefined) {
      factor = IEC_FACTORS[u];
      i++;
    } else if (u !== undefined && !isDigit(s.charCodeAt(i))) {
      return undefined;
    }
    if (factor === 1 && !Number.isInteger(num[0])) return undefined;
    total += num[0] * factor;
    i = skipBlanks(s, i);
  }
  return Math.floor(total);
}

const USEC = 1;
const MSEC = 1000;
const SEC = 1000 * MSEC;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2629800 * SEC;
const YEAR = 31557600 * SEC;

/** Time units systemd accepts (parse_sec / parse_time), longest first where prefixes overlap. */
const TIME_UNITS: [string, number][] = [
  ['seconds', SEC],
  ['second', SEC],
  ['sec', SEC],
  ['s', SEC],
  ['minutes', MIN],
  ['minute', MIN],
  ['min', MIN],
  ['months', MONTH],
  ['month', MONTH],
  ['M', MONTH],
  ['msec', MSEC],
  ['ms', MSEC],
  ['m', MIN],
  ['hours', HOUR],
  ['hour', HOUR],
  ['hr', HOUR],
  ['h', HOUR],
  ['days', DAY],
  ['day', DAY],
  ['d', DAY],
  ['weeks', WEEK],
  ['week', WEEK],
  ['w', WEEK],
  ['years', YEAR],
  ['year', YEAR],
  ['y', YEAR],
  ['usec', USEC],
  ['us', USEC],
  ['μs', USEC],
  ['µs', USEC],
  ['nsec', USEC / 1000],
  ['ns', USEC / 1000],
];

/** Units offered in completion and named in messages. */
export const TIME_UNIT_NAMES = ['us', 'ms', 's', 'min', 'h', 'd', 'w', 'month', 'y'];

/**
 * A systemd time span (parse_sec): `30s`, `5min 30s`, `1w`, `1.5h`, `infinity`; a bare number
 * uses `defaultUnit` (seconds unless told). Returns microseconds (Infinity for `infinity`).
 */
export function parseTimespan(text: string, defaultUnit = SEC): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (s === 'infinity') return Infinity;
  let i = 0;
  let total = 0;
  while (i < s.length) {
    const num = readDecimal(s, i);
    if (!num) return undefined;
    i = skipBlanks(s, num[1]);
    let factor = defaultUnit;
    let matched = false;
    for (const [name, f] of TIME_UNITS) {
      if (s.startsWith(name, i)) {
        const after = s.charCodeAt(i + name.length);
        // A unit ends at a blank, a digit or the end (so `min` is not read as `m` + `in`).
        if (Number.isNaN(after) || after === 32 || after === 9 || isDigit(after)) {
          factor = f;
          i += name.length;
          matched = true;
          break;
        }
      }
    }
    if (!matched && i < s.length && !isDigit(s.charCodeAt(i))) return undefined;
    total += num[0] * factor;
    i = skipBlanks(s, i);
  }
  return total;
}

/** Syslog level names in order 0–7, as systemd's log_level_from_string knows them. */
export const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** A log level by name or number 0–7; returns 0–7. */
export function parseLogLevel(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const byName = LOG_LEVELS.indexOf(s);
  if (byName !== -1) return byName;
  if (s.length === 1 && s >= '0' && s <= '7') return Number(s);
  return undefined;
}

/** An octal file mode of one to four digits (`640`, `0644`, `2775`). */
export function parseOctalMode(text: string): number | undefined {
  const s = text.trim();
  if (s.length === 0 || s.length > 4) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 55) return undefined;
  }
  return parseInt(s, 8);
}

/** Digit value of a character code in bases up to 16 (either case), or 99. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : 99;
}

/** True when `s` has white space at either end that `trim()` would remove. */
function needsTrim(s: string): boolean {
  if (s.length === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a <= 32 || b <= 32 || a >= 160 || b >= 160;
}

/**
 * parseCInteger on `s.slice(from, to)`, which is already trimmed. Works on the characters in
 * place: the checks run on every value of a large file.
 */
function cIntegerIn(s: string, from: number, to: number, allowSign: boolean): number | undefined {
  let sign = 1;
  if (allowSign && from < to) {
    const c = s.charCodeAt(from);
    if (c === 45 /* - */ || c === 43 /* + */) {
      if (c === 45) sign = -1;
      from++;
    }
  }
  const len = to - from;
  if (len <= 0) return undefined;
  let base = 10;
  let body = from;
  if (len > 2 && s.charCodeAt(from) === 48 && (s.charCodeAt(from + 1) | 32) === 120 /* x */) {
    base = 16;
    body = from + 2;
  } else if (len > 1 && s.charCodeAt(from) === 48) {
    base = 8;
    body = from + 1;
  }
  let value = 0;
  for (let i = body; i < to; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= base) return undefined;
    value = value * base + d;
  }
  // Up to 2^53 the sum above is exact; longer numbers are left to parseInt for the same rounding.
  if (value > Number.MAX_SAFE_INTEGER) value = parseInt(s.slice(body, to), base);
  return sign * value;
}

/**
 * A whole number as C's strtoul(…, 0) reads it (decimal, `0x` hex, leading-0 octal), optionally
 * signed. Returns undefined for anything else, including trailing text.
 */
export function parseCInteger(text: string, allowSign = false): number | undefined {
  const s = needsTrim(text) ? text.trim() : text;
  return cIntegerIn(s, 0, s.length, allowSign);
}

/** A count: a non-negative whole number, optionally bounded. */
export function parseCount(text: string, opts: { min?: number; max?: number; cStyle?: boolean } = {}): number | undefined {
  const s = text.trim();
  let n: number | undefined;
  if (opts.cStyle) n = parseCInteger(s, (opts.min ?? 0) < 0);
  else {
    let ok = s.length > 0;
    for (let i = 0; i < s.length && ok; i++) ok = isDigit(s.charCodeAt(i)) || (i === 0 && s[0] === '-' && (opts.min ?? 0) < 0 && s.length > 1);
    n = ok ? Number(s) : undefined;
  }
  if (n === undefined || Number.isNaN(n)) return undefined;
  if (n < (opts.min ?? 0)) return undefined;
  if (opts.max !== undefined && n > opts.max) return undefined;
  return n;
}

const LOGROTATE_FACTORS: Record<string, number> = { k: 1024, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** What trim() removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/**
 * A logrotate size (`size`, `minsize`, `maxsize`): a number as strtoul reads it, then at most one
 * unit letter k/K (KiB), M (MiB) or G (GiB), with nothing in between. Returns bytes.
 */
export function parseLogrotateSize(text: string): number | undefined {
  const s = needsTrim(text) ? text.trim() : text;
  if (s === '') return undefined;
  const last = s.charCodeAt(s.length - 1);
  // k, K, M, G: no other unit letter.
  const factor = last === 107 || last === 75 ? 1024 : last === 77 ? 1024 ** 2 : last === 71 ? 1024 ** 3 : 0;
  const end = factor ? s.length - 1 : s.length;
  // Nothing may stand between the number and its unit.
  if (end > 0 && isTrimmable(s.charCodeAt(end - 1))) return undefined;
  const num = cIntegerIn(s, 0, end, false);
  if (num === undefined) return undefined;
  return num * (factor || 1);
}

/** Why a logrotate size was refused: the unit letter logrotate does not know, if that is the cause. */
export function logrotateSizeUnitProblem(text: string): string | undefined {
  const s = text.trim();
  const last = s[s.length - 1];
  if (last === undefined || isDigit(last.charCodeAt(0)) || LOGROTATE_FACTORS[last]) return undefined;
  return last;
}

/** The accepted forms, for messages ("expected {form}"). */
export const FORMS: Record<string, Localized> = {
  boolean: {
    en: 'a boolean (yes/no, true/false, on/off, 1/0)',
    ja: '真偽値（yes/no、true/false、on/off、1/0）',
  },
  size: {
    en: 'a size in bytes, optionally with K, M, G, T, P or E (base 1024), e.g. 500M',
    ja: 'バイト数（K、M、G、T、P、E の単位付き可、1024 倍単位）。例: 500M',
  },
  timespan: {
    en: 'a time span such as 30s, 5min 30s, 1h, 1w, 1month or infinity (a bare number is seconds)',
    ja: '時間（30s、5min 30s、1h、1w、1month、infinity など。数値のみは秒）',
  },
  loglevel: {
    en: 'a log level: emerg, alert, crit, err, warning, notice, info, debug, or 0–7',
    ja: 'ログレベル（emerg、alert、crit、err、warning、notice、info、debug、または 0〜7）',
  },
  mode: { en: 'an octal mode such as 0640', ja: '0640 のような8進数のモード' },
  count: { en: 'a whole number (0 or more)', ja: '0 以上の整数' },
  logrotateSize: {
    en: 'a size in bytes, optionally followed directly by k, M or G (e.g. 100k, 10M)',
    ja: 'バイト数（直後に k、M、G を付けられます。例: 100k、10M）',
  },
};
