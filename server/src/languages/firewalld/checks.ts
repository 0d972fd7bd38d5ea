import shippedJson from '../../../data/firewalld/shipped.json';
import type { Localized } from '../common/types';

/**
 * Value checks shared by the XML files and firewalld.conf. Each returns undefined when the
 * value is fine, or the reason it is not, in both documentation languages.
 * All loops are linear; no regular expression here can backtrack badly.
 */

const DIGITS = /^[0-9]+$/;

/** A dotted-quad IPv4 address (scanned by hand: this runs for every address of a big zone). */
export function isIPv4(s: string): boolean {
  let dots = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (++digits > 3 || value > 255) return false;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

/** An IPv6 address, with `::` compression and an optional trailing IPv4 part. */
export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const pct = s.indexOf('%');
  if (pct !== -1) s = s.slice(0, pct);
  const dbl = s.indexOf('::');
  if (dbl !== -1 && s.indexOf('::', dbl + 1) !== -1) return false;
  const groups = (part: string): string[] | null => (part === '' ? [] : part.split(':'));
  const head = dbl === -1 ? groups(s) : groups(s.slice(0, dbl));
  const tail = dbl === -1 ? [] : groups(s.slice(dbl + 2));
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      count += 2;
      continue;
    }
    if (g.length < 1 || g.length > 4 || !/^[0-9a-fA-F]+$/.test(g)) return false;
    count++;
  }
  return dbl === -1 ? count === 8 : count <= 7;
}

/** Six pairs of hex digits separated by colons. */
export function isMac(s: string): boolean {
  return s.length === 17 && /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(s);
}

function isIPv4Mask(m: string): boolean {
  if (DIGITS.test(m)) return m.length <= 2 && Number(m) <= 32;
  if (!isIPv4(m)) return false;
  // A dotted mask must be a run of ones followed by zeros.
  const n = m.split('.').reduce((acc, b) => acc * 256 + Number(b), 0);
  const inv = 0xffffffff - n;
  return (inv & (inv + 1)) === 0;
}

/** IPv4 address with an optional `/prefix` or `/dotted.mask`. */
export function isIPv4WithMask(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash === -1) return isIPv4(s);
  return isIPv4(s.slice(0, slash)) && isIPv4Mask(s.slice(slash + 1));
}

/** IPv6 address with an optional `/prefix`. */
export function isIPv6WithMask(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash === -1) return isIPv6(s);
  const m = s.slice(slash + 1);
  return isIPv6(s.slice(0, slash)) && DIGITS.test(m) && m.length <= 3 && Number(m) <= 128;
}

const R = (en: string, ja: string): Localized => ({ en, ja });

/** Port names firewalld resolves through /etc/services (netbase's list, see shipped.json). */
const PORT_NAMES = new Set((shippedJson as { portNames?: { names: string[] } }).portNames?.names ?? []);

function portPart(p: string): Localized | undefined {
  if (DIGITS.test(p)) {
    const n = Number(p);
    if (n > 65535) return R(`port number ${p} is too big (maximum 65535)`, `ポート番号 ${p} が大きすぎます（最大 65535）`);
    if (n < 1) return R('port numbers start at 1', 'ポート番号は 1 以上です');
    return undefined;
  }
  if (PORT_NAMES.has(p)) return undefined;
  return R(
    `'${p}' is neither a port number nor a service name of /etc/services (firewalld looks names up there, on the machine it runs on)`,
    `'${p}' はポート番号でも /etc/services のサービス名でもありません（firewalld は動作するマシンの /etc/services で名前を引きます）`,
  );
}

/**
 * A single port `N` or range `N-M`, numbers 1–65535 or names of /etc/services, as firewalld
 * reads it: the whole value as a name first, then the two ends of a range.
 */
export function checkPort(value: string): Localized | undefined {
  if (value.length <= 5 && DIGITS.test(value)) {
    const n = Number(value);
    if (n >= 1 && n <= 65535) return undefined;
  }
  const v = value.trim();
  if (v === '') return R('the port is empty', 'ポートが空です');
  if (PORT_NAMES.has(v)) return undefined;
  const parts = v.split('-');
  if (parts.length > 2 || parts.some((p) => p === '')) return R(`'${v}' is not a port or a range FROM-TO`, `'${v}' はポートでも 開始-終了 の範囲でもありません`);
  // A reversed range (8080-80) is accepted (and warned about by the port checks).
  for (const p of parts) {
    const bad = portPart(p);
    if (bad) return bad;
  }
  return undefined;
}

/** A protocol name from /etc/protocols or a number 0–255. */
export function checkProtocol(value: string, known: Set<string>): Localized | undefined {
  if (DIGITS.test(value)) return Number(value) <= 255 ? undefined : R('protocol numbers go up to 255', 'プロトコル番号は 255 までです');
  if (known.has(value)) return undefined;
  return R(`'${value}' is not a protocol name from /etc/protocols`, `'${value}' は /etc/protocols にあるプロトコル名ではありません`);
}

const LONG_UNITS = new Set(['second', 'minute', 'hour', 'day']);
const UNITS = new Set(['s', 'm', 'h', 'd']);
const BOOLS = new Set(['yes', 'no', 'true', 'false']);
const INTERFACE_BAD = [' ', '/', '!', '*'];

function badLimit(): Localized {
  return R('write RATE/DURATION with a duration of s, m, h or d, e.g. 3/m', '回数/単位 の形で、単位は s、m、h、d のいずれかです（例: 3/m）');
}

/** Rate limit `N/s|m|h|d` (long unit names are accepted as firewalld does). */
export function checkLimit(value: string): Localized | undefined {
  const slash = value.indexOf('/');
  if (slash === -1 || value.indexOf('/', slash + 1) !== -1) return badLimit();
  const rate = value.slice(0, slash);
  let unit = value.slice(slash + 1);
  if (LONG_UNITS.has(unit)) unit = unit[0];
  if (!/^-?[0-9]+$/.test(rate) || !UNITS.has(unit)) return badLimit();
  if (Number(rate) < 1) return R('the rate must be at least 1', '回数は 1 以上です');
  if (Number(rate) === 1 && unit === 'd') return R('1/d is too slow; the slowest rate is 2/d', '1/d は遅すぎます。最も遅い値は 2/d です');
  return undefined;
}

function isUint(s: string, max: number): boolean {
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^[0-9]+$/.test(s)) n = Number(s);
  else return false;
  return n >= 0 && n <= max;
}

export function checkUint16(value: string): Localized | undefined {
  return isUint(value, 65535) ? undefined : R('expected a number from 0 to 65535', '0〜65535 の数値を指定します');
}

/** `MARK` or `MARK/MASK`, unsigned 32-bit numbers. */
export function checkMark(value: string): Localized | undefined {
  const parts = value.split('/');
  if (parts.length <= 2 && parts.every((p) => isUint(p, 0xffffffff))) return undefined;
  return R('expected MARK or MARK/MASK with unsigned 32-bit numbers', 'MARK または MARK/MASK（32 ビット符号なし整数）を指定します');
}

export function checkLogPrefix(value: string): Localized | undefined {
  if (value.length === 0) return R('the prefix is empty', 'プレフィックスが空です');
  if (value.length > 127) return R(`the prefix has ${value.length} characters; at most 127 are allowed`, `プレフィックスが ${value.length} 文字あります。127 文字までです`);
  return undefined;
}

export function checkInterface(value: string): Localized | undefined {
  if (!value || value.length > 16) return R('an interface name has 1 to 16 characters', 'インターフェース名は 1〜16 文字です');
  for (const ch of INTERFACE_BAD) if (value.includes(ch)) return R(`an interface name cannot contain '${ch}'`, `インターフェース名に '${ch}' は使えません`);
  return undefined;
}

export function checkMss(value: string): Localized | undefined {
  if (value === 'pmtu' || value === 'None') return undefined;
  if (DIGITS.test(value) && Number(value) >= 536) return undefined;
  return R("expected 'pmtu' or a number of at least 536", "'pmtu' または 536 以上の数値を指定します");
}

export function checkBool(value: string): Localized | undefined {
  return BOOLS.has(value.toLowerCase()) ? undefined : R('expected yes or no', 'yes または no を指定します');
}

export function checkInteger(value: string, min?: number, max?: number, exclude?: number[]): Localized | undefined {
  if (!/^[-+]?[0-9]+$/.test(value.trim())) return R('expected an integer', '整数を指定します');
  const n = Number(value);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) return R(`expected a number from ${min} to ${max}`, `${min}〜${max} の数値を指定します`);
  if (exclude?.includes(n)) return R(`${n} is reserved`, `${n} は予約されていて使えません`);
  return undefined;
}

export function checkSelinuxContext(value: string): Localized | undefined {
  return value.split(':').length >= 3 ? undefined : R('expected user:role:type[:level]', 'user:role:type[:level] の形で指定します');
}

export function checkCommand(value: string): Localized | undefined {
  return value.startsWith('/') || value === '*' ? undefined : R('a command starts with an absolute path', 'コマンドは絶対パスで始めます');
}

export function checkModule(value: string): Localized | undefined {
  return value.startsWith('nf_conntrack_') && value.length > 'nf_conntrack_'.length
    ? undefined
    : R("a helper module name starts with 'nf_conntrack_'", "ヘルパーモジュール名は 'nf_conntrack_' で始まります");
}

/** An ipset entry for the set types whose entries are plain addresses. */
export function checkIpsetEntry(entry: string, type: string, family: string | undefined): Localized | undefined {
  const v6 = family === 'inet6';
  const okAddr = (s: string, withMask: boolean) => {
    if (v6) return withMask ? isIPv6WithMask(s) : isIPv6(s);
    // hash:ip accepts a range FROM-TO or a network as well.
    if (!withMask && s.includes('-')) return s.split('-').length === 2 && s.split('-').every(isIPv4);
    return withMask ? isIPv4WithMask(s) : isIPv4WithMask(s);
  };
  if (type === 'hash:mac') return isMac(entry) ? undefined : R(`'${entry}' is not a MAC address`, `'${entry}' は MAC アドレスではありません`);
  if (type === 'hash:ip' || type === 'hash:net') {
    if (okAddr(entry, type === 'hash:net')) return undefined;
    return v6
      ? R(`'${entry}' is not an IPv6 address for this inet6 set`, `'${entry}' はこの inet6 セット用の IPv6 アドレスではありません`)
      : R(`'${entry}' is not an IPv4 address for this set (family inet)`, `'${entry}' はこのセット（family inet）用の IPv4 アドレスではありません`);
  }
  return undefined;
}
