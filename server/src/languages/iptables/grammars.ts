/**
 * Value grammars of xtables options that are more than a word or a number: the kinds the catalog
 * generator attaches to options (scripts/catalogs/iptablesSeeds.mjs VALUE_TYPES, kept only where
 * the installed tool agrees with every example). Each reader returns why a value is refused, or
 * undefined when the tool takes it — or when the value is outside what the reader can judge
 * (signs and blanks that C's number parsers skip), so that a doubt never becomes an error.
 */
import type { Localized } from '../common/types';

const L = (en: string, ja: string): Localized => ({ en, ja });

/** A names grammar: words from a set, or numbers in a range, alone or as a comma-separated list. */
export interface NamesGrammar {
  values: string[];
  list?: boolean;
  /** FIRST[:LAST], either side may be left out (mh --mh-type). */
  range?: boolean;
  /** Empty list members are skipped (`hop,,dst`). */
  allowEmpty?: boolean;
  /** One comma at the end closes the list; any other empty entry is refused (time --weekdays). */
  trailingComma?: boolean;
  caseInsensitive?: boolean;
  /** The value may go on after a name (DSCP classes: `EFx` is EF). */
  startsWith?: boolean;
  /** The value may be any start of a name; the first name in order wins (addrtype: `x` is XRESOLVE). */
  prefix?: boolean;
  /** `maxDigits`: longer numbers are read in part by the tool, and left to it. */
  numbers?: { min: number; max: number; mask?: boolean; maxDigits?: number };
  /** Per family, the names the kernel refuses there. */
  refusedIn?: Record<string, string[]>;
  /** The tool reads only this many characters of each entry (time --monthdays: 2, so 300 is the 30th). */
  firstChars?: number;
}

export type NamesVerdict = { unknown: string } | { reason: Localized } | { family: string; name: string } | undefined;

/** A whole number as C's strtoul(…, 0) reads it all: decimal, 0x hexadecimal or 0 octal. */
export function cNumber(s: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]{1,8}$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0[0-7]{0,11}$/.test(s)) return parseInt(s, 8);
  if (/^[1-9][0-9]{0,10}$/.test(s)) return Number(s);
  return undefined;
}

const NUMBERISH = /^(0[xX][0-9a-fA-F]+|[0-9]+)(\/(0[xX][0-9a-fA-F]+|[0-9]+))?$/;

function oneName(whole: string, g: NamesGrammar, family: string | undefined): NamesVerdict {
  const e = g.firstChars ? whole.slice(0, g.firstChars) : whole;
  // Numbers only: what the tool reads of the entry must be one whole number (0x1f is read as `0x`).
  if (g.numbers && g.firstChars && g.values.length === 0) {
    // As strtoul reads it: blanks and a sign first (-0 is 0, any other negative number is huge).
    const [, sign, body] = /^\s*([+-]?)(.*)$/s.exec(e)!;
    const n = cNumber(body);
    if (n !== undefined && (sign !== '-' || n === 0) && n >= g.numbers.min && n <= g.numbers.max) return undefined;
    const { min, max } = g.numbers;
    return { reason: L(`each entry is a number from ${min} to ${max}, of which iptables reads the first ${g.firstChars} characters ('${e}' here)`, `各要素は ${min}〜${max} の数値で、iptables は先頭 ${g.firstChars} 文字（ここでは '${e}'）だけを読みます`) };
  }
  if (g.numbers && NUMBERISH.test(e)) {
    if (g.numbers.maxDigits && e.length > g.numbers.maxDigits) return undefined;
    const [a, m] = e.split('/');
    const n = cNumber(a);
    const mask = m === undefined ? 0 : cNumber(m);
    const { min, max } = g.numbers;
    if ((m !== undefined && !g.numbers.mask) || n === undefined || mask === undefined || n < min || n > max || mask > max) {
      return { reason: L(`a number from ${min} to ${max}${g.numbers.mask ? ' (or NUMBER/MASK)' : ''} is expected`, `${min}〜${max} の数値${g.numbers.mask ? '（または 数値/マスク）' : ''}が必要です`) };
    }
    return undefined;
  }
  const low = g.caseInsensitive ? e.toLowerCase() : e;
  const norm = (v: string) => (g.caseInsensitive ? v.toLowerCase() : v);
  let name: string | undefined;
  if (g.prefix) {
    // Every name starts with '': the tool refuses an empty entry instead (addrtype `LOCAL,`, HMARK `src,,dst`).
    if (e === '') return { reason: L('an entry of the list is empty', 'リストに空の要素があります') };
    name = g.values.find((v) => norm(v).startsWith(low));
  } else if (g.startsWith) name = g.values.find((v) => low.startsWith(norm(v)));
  else name = g.values.find((v) => norm(v) === low);
  if (name === undefined) return { unknown: e };
  if (family && g.refusedIn?.[family]?.includes(name)) return { family, name };
  return undefined;
}

export function checkNames(value: string, g: NamesGrammar, family: string | undefined): NamesVerdict {
  if (g.trailingComma && value === '') return undefined;
  const v = g.trailingComma && value.endsWith(',') ? value.slice(0, -1) : value;
  const entries = g.list ? v.split(',') : g.range && v.indexOf(':') === v.lastIndexOf(':') ? v.split(':') : [v];
  for (const e of entries) {
    if (e === '' && g.allowEmpty) continue;
    const r = oneName(e, g, family);
    if (r) return r;
  }
  return undefined;
}

/** C number parsers skip blanks and take a sign: such values are left to the tool. */
const UNSURE = /[\s+]/;

const DATE = /^(\d+)(?:-(\d*)(?:-(\d*)(?:T(\d*)(?::(\d*)(?::(\d*))?)?)?)?)?$/;

/** time --datestart/--datestop: YYYY[-MM[-DD[Thh[:mm[:ss]]]]], 1970 to 2038. */
export function checkDate(v: string): Localized | undefined {
  if (UNSURE.test(v)) return undefined;
  const m = DATE.exec(v);
  const limits = [[1970, 2038], [0, 12], [0, 31], [0, 23], [0, 59], [0, 59]];
  const ok = !!m && m.slice(1).every((p, i) => p === undefined || p === '' || (Number(p) >= limits[i][0] && Number(p) <= limits[i][1]));
  return ok ? undefined : L('a date is YYYY[-MM[-DD[Thh[:mm[:ss]]]]], from 1970 to 2038', '日付は YYYY[-MM[-DD[Thh[:mm[:ss]]]]]（1970〜2038 年）で書きます');
}

/** time --timestart/--timestop: hh:mm[:ss] within a day. */
export function checkDaytime(v: string): Localized | undefined {
  if (UNSURE.test(v)) return undefined;
  // strtoul takes a sign: -0 is 0, any other negative number is far out of range.
  const bad = /-(?!0+(?![0-9]))/.test(v);
  const m = bad ? null : /^(\d*):(\d*)(?::(\d*))?$/.exec(v.replace(/-(?=0)/g, ''));
  const ok = !!m && Number(m[1] || 0) <= 23 && Number(m[2] || 0) <= 59 && Number(m[3] || 0) <= 59;
  return ok ? undefined : L('a time of day is hh:mm[:ss], from 00:00:00 to 23:59:59', '時刻は hh:mm[:ss]（00:00:00〜23:59:59）で書きます');
}

/** CLASSIFY --set-class: MAJOR:MINOR, both hexadecimal (what follows them is ignored). */
export function checkClassId(v: string): Localized | undefined {
  // Without a colon there is no MINOR; with 0x the tool's reading of the rest is left to it.
  if (/^\s*[+-]?(0[xX])?[0-9a-fA-F]+:\s*[+-]?(0[xX])?[0-9a-fA-F]+/.test(v) || (/0[xX]/.test(v) && v.includes(':'))) return undefined;
  return L('a class is MAJOR:MINOR in hexadecimal (1:10)', 'クラスは 16 進の MAJOR:MINOR（1:10 など）で書きます');
}

/** bpf --bytecode: `N,` then N instructions `code jt jf k` separated by commas. */
export function checkBpf(v: string): Localized | undefined {
  // A '+' is read; a '-' makes the length zero or far too large.
  const head = /^\s*\+?(\d+),/.exec(v);
  if (!head) return L('the program starts with its length and a comma (4,48 0 0 9,…)', 'プログラムは長さとコンマで始まります（4,48 0 0 9,…）');
  const n = Number(head[1]);
  if (n === 0 || n > 4096) return L('a program has 1 to 4096 instructions', 'プログラムの命令数は 1〜4096 です');
  const parts = v.slice(head[0].length).split(',');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  for (const p of parts) {
    if (/[+-]/.test(p)) return undefined;
    if (!/^\s*\d+\s+\d+\s+\d+\s+\d+/.test(p)) return L('each instruction is four numbers: code jt jf k', '各命令は 4 つの数値（code jt jf k）です');
  }
  if (parts.length !== n) return L(`the program says ${n} instructions but has ${parts.length}`, `命令数 ${n} に対して実際は ${parts.length} 個です`);
  return undefined;
}

/** u32 --u32: tests `LOCATION=VALUE[:VALUE][,…]` joined by `&&`; a location is numbers joined by & << >> @. */
export function checkU32(v: string): Localized | undefined {
  const bad = L('a u32 test is LOCATION=RANGE[,RANGE…], tests joined by &&; locations use & << >> @ between numbers up to 0xFFFFFFFF', 'u32 のテストは 位置=範囲[,範囲…] で、&& でつなぎます。位置は 0xFFFFFFFF までの数値を & << >> @ でつなぎます');
  let i = 0;
  const ws = () => {
    while (i < v.length && /\s/.test(v[i])) i++;
  };
  const num = (): boolean => {
    ws();
    // strtoul skips a '+'; the tool refuses a '-' (even -0) as out of range.
    if (v[i] === '+') i++;
    else if (v[i] === '-') return false;
    const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(v.slice(i));
    if (!m) return false;
    const n = /^0[xX]/.test(m[1]) ? parseInt(m[1].slice(2), 16) : /^0[0-7]+$/.test(m[1]) ? parseInt(m[1], 8) : /^0\d/.test(m[1]) ? NaN : Number(m[1]);
    if (!(n <= 0xffffffff)) return false;
    i += m[1].length;
    return true;
  };
  let tests = 0;
  for (;;) {
    if (++tests > 10) return bad;
    if (!num()) return bad;
    for (let ops = 1; ; ops++) {
      ws();
      const op = /^(<<|>>|&|@)/.exec(v.slice(i))?.[1];
      if (!op) break;
      if (ops >= 10) return bad;
      i += op.length;
      if (!num()) return bad;
    }
    ws();
    if (v[i] !== '=') return bad;
    i++;
    for (let values = 1; ; values++) {
      if (values > 10 || !num()) return bad;
      ws();
      if (v[i] === ':') {
        i++;
        if (!num()) return bad;
        ws();
      }
      if (v[i] !== ',') break;
      i++;
    }
    if (i >= v.length) return undefined;
    if (v.slice(i, i + 2) !== '&&') return bad;
    i += 2;
  }
}

/** A number as strtoul(…, 0) reads a whole word: blanks and a sign first; undefined when it stops early. */
function cWord(s: string): bigint | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const n = BigInt(/^0[0-7]+$/.test(m[2]) ? `0o${m[2].slice(1)}` : m[2]);
  return m[1] === '-' ? -n : n;
}

const ULONG_MAX = 2n ** 64n - 1n;

/** hbh --hbh-opts / dst --dst-opts: up to 16 entries TYPE[:LENGTH] joined by commas; a type 0 (PAD0) takes no length. */
export function checkIp6Opts(v: string): Localized | undefined {
  const bad = L('the options are TYPE[:LENGTH] numbers joined by commas, at most 16, and type 0 (PAD0) has no length', 'オプションは TYPE[:LENGTH] の数値をコンマでつなぎます（最大 16 個、タイプ 0（PAD0）に長さは付けられません）');
  const entries = v.split(',');
  if (entries.length > 16) return bad;
  for (let k = 0; k < entries.length; k++) {
    const colon = entries[k].indexOf(':');
    const type = cWord(colon === -1 ? entries[k] : entries[k].slice(0, colon));
    const length = colon === -1 ? 0n : cWord(entries[k].slice(colon + 1));
    if (type === undefined || length === undefined) return bad;
    if (type > ULONG_MAX || type < -ULONG_MAX || length > ULONG_MAX || length < -ULONG_MAX) return bad;
    // The last of the 16 entries has no room for a length; the type is kept as its low byte.
    if (colon !== -1 && (k === 15 || BigInt.asUintN(8, type) === 0n)) return bad;
  }
  return undefined;
}
