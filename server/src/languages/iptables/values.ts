import { lineRange } from '../common/text';
import type { Localized } from '../common/types';
import {
  ICMP6_TYPES,
  ICMP_TYPES,
  LOG_LEVELS,
  logLevel,
  protocol,
  PROTOCOLS,
  REJECT_ALIASES6,
  REJECT_TYPES,
  rejectType,
  SERVICES,
  type Family,
} from './catalog';
import { checkSctpChunks } from './sctpChunks';
import { checkBpf, checkClassId, checkDate, checkDaytime, checkIp6Opts, checkNames, checkU32, cNumber } from './grammars';
import { backwards, bad, checkLeadingNumber, L, unknown, type Check, type ValueContext } from './valueReport';
import { checkServiceName, HOST_CHECKS, kernelAbove, kernelRefuses } from './hostValues';
import { isDigits, isDigitsIn, digitsValue, isServiceName, isIPv4, isIPv4In, isIPv6, isHostname, isInetAton } from './valueSyntax';
import type { RuleItem, Token } from './tree';

export type { ValueContext } from './valueReport';
export { shapeOf } from './valueReport';

/** checkPort for the part of `v` from `from` to `to`; the part is cut out only when it is not a plain number. */
function checkPortIn(v: string, from: number, to: number, tok: Token, item: RuleItem, vc: ValueContext): number | undefined {
  if (isDigitsIn(v, from, to)) {
    const n = digitsValue(v, from, to);
    if (n > 0 && n <= 65535) return n;
  }
  return checkPort(from === 0 && to === v.length ? v : v.slice(from, to), tok, item, vc);
}

/** One port: a number 0–65535 or a service name. Returns the number, or undefined. */
function checkPort(p: string, tok: Token, item: RuleItem, vc: ValueContext): number | undefined {
  if (isDigits(p)) {
    const n = Number(p);
    if (n > 65535) {
      // iptables' udp match accepts such a port and keeps only its low 16 bits (99999 → 34463);
      // tcp and the others refuse it. Surely a mistake either way, but only an error where the
      // tool refuses the file.
      if (item.entry?.wraps) vc.out.push({ code: 'iptables/port-wraps', range: lineRange(vc.line, tok.start, tok.end), args: { value: p, wrapped: n % 65536 } });
      else bad(vc, tok, item, L(`port ${p} is above 65535`, `ポート ${p} は 65535 を超えています`));
      return undefined;
    }
    if (n === 0) vc.out.push({ code: 'iptables/port-zero', range: lineRange(vc.line, tok.start, tok.end) });
    return n;
  }
  if (isServiceName(p)) {
    checkServiceName(p, SERVICES[p] !== undefined, tok, item, vc);
    return SERVICES[p];
  }
  bad(vc, tok, item, L('a port is a number from 0 to 65535 or a service name', 'ポートは 0〜65535 の番号かサービス名です'));
  return undefined;
}

function checkPortRange(v: string, tok: Token, item: RuleItem, vc: ValueContext, sep = ':', bothEnds = sep === '-'): void {
  const at = v.indexOf(sep);
  if (at === -1) {
    checkPortIn(v, 0, v.length, tok, item, vc);
    return;
  }
  if (v.indexOf(sep, at + 1) !== -1) {
    bad(vc, tok, item, L(`a range is written first${sep}last`, `範囲は 開始${sep}終了 と書きます`));
    return;
  }
  // `:5` and `5:` run from 0 or to 65535; `-5`, `5-` (MASQUERADE/REDIRECT) and `5:` in a multiport list are refused.
  if (bothEnds && (at === 0 || at === v.length - 1)) {
    bad(vc, tok, item, L(`a port range is written FIRST${sep}LAST, both ports given`, `ポート範囲は 開始${sep}終了 と両方を書きます`));
    return;
  }
  const a = at === 0 ? 0 : checkPortIn(v, 0, at, tok, item, vc);
  const b = at === v.length - 1 ? 65535 : checkPortIn(v, at + 1, v.length, tok, item, vc);
  if (a !== undefined && b !== undefined && a > b) backwards(vc, tok, item, a, b);
}

function checkPortList(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  let count = 0;
  // The entries between commas (as split(',') gives them), read in place.
  for (let from = 0; ; ) {
    const comma = v.indexOf(',', from);
    const to = comma === -1 ? v.length : comma;
    if (to === from) {
      bad(vc, tok, item, L('empty entry in the port list', 'ポートのリストに空の要素があります'));
      return;
    }
    const colon = v.indexOf(':', from);
    if (colon !== -1 && colon < to) {
      count += 2;
      checkPortRange(v.slice(from, to), tok, item, vc, ':', true);
    } else {
      count += 1;
      checkPortIn(v, from, to, tok, item, vc);
    }
    if (comma === -1) break;
    from = comma + 1;
  }
  if (count > 15) bad(vc, tok, item, L('multiport takes at most 15 ports (a range counts as two)', 'multiport に書けるポートは最大 15 個です（範囲は 2 個と数えます）'));
}

/** `ADDRESS[/MASK]` of either family, or a host name. Reports family mismatches. */
function checkAddress(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const slash = v.indexOf('/');
  // The common case read in place: an IPv4 address, with a prefix length or none, in a file
  // whose family is IPv4 or unknown.
  if (vc.family !== 'ipv6' && isIPv4In(v, 0, slash === -1 ? v.length : slash)) {
    if (slash === -1) return;
    if (isDigitsIn(v, slash + 1, v.length)) {
      if (digitsValue(v, slash + 1, v.length) <= 32) return;
    } else if (isIPv4In(v, slash + 1, v.length)) {
      return;
    }
  }
  const host = slash === -1 ? v : v.slice(0, slash);
  const mask = slash === -1 ? undefined : v.slice(slash + 1);
  let fam: Family | undefined;
  if (isIPv4(host)) fam = 'ipv4';
  else if (isIPv6(host)) fam = 'ipv6';
  else if (vc.family !== 'ipv6' && isInetAton(host)) fam = 'ipv4';
  else if (isHostname(host)) {
    // /etc/hosts always answers for localhost; other names need the resolver at load time.
    if (!/^(ip6-)?localhost(\.localdomain)?$/i.test(host)) vc.out.push({ code: 'iptables/host-name', range: lineRange(vc.line, tok.start, tok.end), args: { value: host } });
  } else {
    bad(vc, tok, item, L(`'${host}' is not an IPv4 or IPv6 address nor a host name`, `'${host}' は IPv4／IPv6 アドレスでもホスト名でもありません`));
    return;
  }
  const max = fam === 'ipv6' || (!fam && vc.family === 'ipv6') ? 128 : 32;
  const most = item.entry?.maxPrefix;
  if (most !== undefined && (fam || vc.family) && (mask === undefined ? max : isDigits(mask) ? Number(mask) : 0) > most) {
    // No prefix length is the whole address.
    bad(vc, tok, item, L(`the kernel takes a prefix of at most /${most} here (without a length the prefix is /${max})`, `ここでカーネルが受け付けるプレフィックスは /${most} までです（長さを書かないと /${max} です）`));
  }
  if (mask !== undefined) {
    if (isDigits(mask)) {
      if (Number(mask) > max) bad(vc, tok, item, L(`the prefix length must be 0 to ${max}`, `プレフィックス長は 0〜${max} です`));
    } else if (!(fam !== 'ipv6' && isIPv4(mask)) && !(max === 128 && isIPv6(mask))) {
      // A mask may be written as an address too: ffff:ff00:: in IPv6 as 255.255.0.0 in IPv4.
      bad(vc, tok, item, L(`'${mask}' is not a prefix length (0 to ${max})`, `'${mask}' はプレフィックス長（0〜${max}）ではありません`));
    }
  }
  if (fam && vc.family && fam !== vc.family) {
    vc.out.push({
      code: 'iptables/address-family',
      range: lineRange(vc.line, tok.start, tok.end),
      args: { value: host, found: fam === 'ipv4' ? 'IPv4' : 'IPv6', family: vc.family === 'ipv4' ? 'IPv4' : 'IPv6', file: vc.familySource },
    });
  }
}

function checkEnumList(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const info = item.info!;
  if (v.indexOf(',') === -1) {
    if (info.valueSet.has(v)) return;
  }
  for (const p of v.split(',')) {
    if (!info.valueSet.has(p) && !info.lowerValues.has(p.toLowerCase())) {
      unknown(vc, tok, item, p, info.values);
      return;
    }
  }
}

const RATE_UNITS = ['second', 'minute', 'hour', 'day'];

/** hashlimit's rate: a packet rate, or bytes per time unit (`10mb/s`, `512kb/minute`, `100b`). */
function checkHashRate(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const m = /^(\d{1,15})([kKmM]?[bB])(\/.*)?$/.exec(v);
  if (!m) {
    checkRate(v, tok, item, vc);
    return;
  }
  const unit = m[3]?.slice(1);
  const ok = Number(m[1]) > 0 && (unit === undefined || (unit.length > 0 && RATE_UNITS.some((u) => u.startsWith(unit))));
  if (!ok) bad(vc, tok, item, L('a byte rate is written NUMBER followed by b, kb or mb, then /second, /minute, /hour or /day', 'バイト単位の頻度は 数値 に b・kb・mb を付け、/second、/minute、/hour、/day を続けて書きます'));
}

function checkRate(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const slash = v.indexOf('/');
  const num = slash === -1 ? v : v.slice(0, slash);
  const unit = slash === -1 ? undefined : v.slice(slash + 1);
  const ok = isDigits(num) && Number(num) > 0 && (unit === undefined || (unit.length > 0 && !unit.includes('/') && RATE_UNITS.some((u) => u.startsWith(unit))));
  if (!ok) bad(vc, tok, item, L('a rate is written NUMBER/second, /minute, /hour or /day (or a prefix: 5/min)', '頻度は 数/second、/minute、/hour、/day（先頭部分だけでも可: 5/min）と書きます'));
  const max = item.entry?.maxPerSecond;
  const per = [1, 60, 3600, 86400][unit === undefined ? 0 : RATE_UNITS.findIndex((u) => u.startsWith(unit))];
  if (ok && max !== undefined && per !== undefined && Number(num) > max * per) {
    bad(vc, tok, item, L(`the rate is too fast: at most ${max}/second`, `頻度が大きすぎます（最大 ${max}/second）`));
  }
}

/** A numeric ICMP type: TYPE[/CODE[:CODE]], each 0–255 as strtoul(…, 0) reads it (a code range may run backwards). */
function checkIcmpNumbers(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const slash = v.indexOf('/');
  const codes = slash === -1 ? [] : v.slice(slash + 1).split(':');
  const byte = (s: string) => (cNumber(s) ?? 256) <= 255;
  if (byte(slash === -1 ? v : v.slice(0, slash)) && codes.length <= 2 && codes.every(byte)) return;
  // Not through bad(): the tool takes other N/N shapes here (lenient), not numbers above 255.
  const reason = L('a numeric ICMP type is TYPE, TYPE/CODE or TYPE/CODE:CODE, each 0 to 255', '数値の ICMP タイプは TYPE・TYPE/CODE・TYPE/CODE:CODE（それぞれ 0〜255）で書きます');
  vc.out.push({ code: 'iptables/invalid-value', range: lineRange(vc.line, tok.start, tok.end), args: { name: item.token.text, value: tok.text, reason } });
}

function checkInt(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const n = /^0x[0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : isDigits(v) ? Number(v) : NaN;
  const { min, max } = item.info!;
  if (Number.isNaN(n)) bad(vc, tok, item, L('a whole number is expected', '整数が必要です'));
  // The generator's bounds stop at 2^32; past it some parsers wrap (hashlimit --hashlimit-rate-interval 99999999999).
  else if (n > 4294967296 && item.entry?.wraps) return;
  else if (n < min || n > max) bad(vc, tok, item, L(`the value must be ${min} to ${max}`, `値は ${min}〜${max} です`));
  else if (item.entry?.kernelMax !== undefined && n > item.entry.kernelMax) {
    bad(vc, tok, item, kernelAbove(item.entry.kernelMax));
  }
}

function checkRange(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const parts = v.split(':');
  // Numbers as xtables reads them: decimal, 0x hexadecimal, 0 octal (length 0x10).
  if (parts.length > 2 || !parts.every((p) => p === '' || cNumber(p) !== undefined)) {
    bad(vc, tok, item, L('a number or a range min:max is expected', '数値または範囲 最小:最大 が必要です'));
    return;
  }
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '' && cNumber(parts[0])! > cNumber(parts[1])!) {
    backwards(vc, tok, item, cNumber(parts[0])!, cNumber(parts[1])!);
  }
  const span = item.entry?.maxSpan;
  if (span !== undefined && parts.length === 2 && parts[0] !== '' && parts[1] !== '' && cNumber(parts[1])! - cNumber(parts[0])! + 1 > span) {
    bad(vc, tok, item, L(`the range covers more than ${span} values; the kernel refuses it when the rules are loaded`, `範囲が ${span} 個を超えています。ルールの読み込み時にカーネルが拒否します`));
  }
}

function checkMark(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const slash = v.indexOf('/');
  const ok = slash === -1 ? isMarkPart(v) : isMarkPart(v.slice(0, slash)) && isMarkPart(v.slice(slash + 1));
  if (!ok) bad(vc, tok, item, L('a mark is VALUE or VALUE/MASK, decimal or 0x hexadecimal, 32 bits', 'マークは 値 または 値/マスク（10 進か 0x で始まる 16 進、32 ビット）です'));
}

/** `0x` and 1 to 8 hex digits, or 1 to 10 decimal digits; at most 0xffffffff. */
function isMarkPart(p: string): boolean {
  const n = p.length;
  if (n > 2 && p.charCodeAt(0) === 48 && p.charCodeAt(1) === 120 /* 0x */) {
    if (n > 10) return false;
    for (let i = 2; i < n; i++) {
      const c = p.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
    }
    return true; // 8 hex digits never exceed 0xffffffff
  }
  if (n === 0 || n > 10) return false;
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(p) <= 0xffffffff;
}

/** The protocols DNAT/SNAT and REDIRECT/MASQUERADE ports are allowed with (`! -p` counts too). */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp', 'dccp', 'icmp', 'icmpv6', 'ipv6-icmp']);

function portsNeedProtocol(tok: Token, item: RuleItem, vc: ValueContext): void {
  const p = vc.anyProtocol;
  if (p !== undefined && (PORT_PROTOCOLS.has(p) || isDigits(p) || !protocol(p))) return;
  bad(vc, tok, item, L('ports need -p tcp, udp, sctp or dccp in the rule', 'ポートを書くにはルールに -p tcp・udp・sctp・dccp が必要です'));
}

/** One NAT port part: PORT[-PORT[/BASE]] (numbers or service names). */
function checkNatPorts(ports: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const m = /^([^-/]*)(?:-([^/]*)(?:\/(.*))?)?$/.exec(ports);
  const port = (s: string) => (isDigits(s) ? (Number(s) <= 65535 ? Number(s) : -1) : isServiceName(s) ? (SERVICES[s] ?? -2) : -1);
  const a = m ? port(m[1]) : -1;
  const b = m?.[2] === undefined ? a : port(m[2]);
  const base = m?.[3] === undefined ? 1 : port(m[3]);
  if (a === -2 || b === -2 || base === -2) return; // a service name this machine may not know
  if (a < 0 || b < 0 || base < 1) bad(vc, tok, item, L('ports are PORT[-PORT[/BASE]], numbers up to 65535', 'ポートは PORT[-PORT[/BASE]]（65535 まで）で書きます'));
  else if (a > b) bad(vc, tok, item, L(`the port range starts above its end (${a} > ${b})`, `ポート範囲の開始が終了より大きくなっています（${a} > ${b}）`));
  else portsNeedProtocol(tok, item, vc);
}

/** DNAT --to-destination / SNAT --to-source: ADDR[-ADDR][:PORTS], IPv6 as [ADDR[-ADDR]]:PORTS. */
function checkNatRange(v: string, tok: Token, item: RuleItem, vc: ValueContext): void {
  const six = vc.family === 'ipv6' || (vc.family === undefined && (v.startsWith('[') || v.indexOf(':') !== v.lastIndexOf(':')));
  const addrs = (s: string, ok: (a: string) => boolean) => s.split('-').length <= 2 && s.split('-').every(ok);
  const badAddr = () => bad(vc, tok, item, L(`a NAT address is ${six ? '[ADDR[-ADDR]]:PORTS or ADDR[-ADDR] (IPv6)' : 'ADDR[-ADDR][:PORTS] (IPv4)'}`, `NAT のアドレスは ${six ? '[ADDR[-ADDR]]:PORTS または ADDR[-ADDR]（IPv6）' : 'ADDR[-ADDR][:PORTS]（IPv4）'} で書きます`));
  if (six) {
    if (v.startsWith(':') && !v.startsWith('::')) return checkNatPorts(v.slice(1), tok, item, vc);
    if (v.startsWith('[')) {
      const end = v.indexOf(']');
      if (end === -1 || !addrs(v.slice(1, end), (a) => a === '' || isIPv6(a))) return badAddr();
      if (v[end + 1] === ':') checkNatPorts(v.slice(end + 2), tok, item, vc);
      return;
    }
    if (!addrs(v, isIPv6)) badAddr();
    return;
  }
  const colon = v.indexOf(':');
  const host = colon === -1 ? v : v.slice(0, colon);
  if (host !== '' && !addrs(host, isIPv4)) return badAddr();
  if (colon !== -1) checkNatPorts(v.slice(colon + 1), tok, item, vc);
}

/** Reports what a grammar of grammars.ts says about a value. */
function byGrammar(read: (v: string) => Localized | undefined): Check {
  return (v, tok, item, vc) => {
    const why = read(v);
    if (why) bad(vc, tok, item, why);
  };
}

const CONNLABEL_CONF = '/etc/xtables/connlabel.conf';

/** The label names of connlabel.conf (`BIT NAME` lines, `#` comments); none for a missing file. */
function connlabelNames(conf: string | null): Set<string> {
  const out = new Set<string>();
  for (const line of (conf ?? '').split('\n')) {
    const m = /^\s*(\d+)\s+(\S+)/.exec(line);
    if (m && Number(m[1]) <= 127) out.add(m[2]);
  }
  return out;
}

const ICMP_TYPE_SET = new Set(ICMP_TYPES);
const ICMP6_TYPE_SET = new Set(ICMP6_TYPES);

const CHECKS: Record<string, Check> = {
  protocol(v, tok, item, vc) {
    if (isDigits(v)) {
      if (Number(v) > 255) bad(vc, tok, item, L('a protocol number is 0 to 255', 'プロトコル番号は 0〜255 です'));
      return;
    }
    if (!protocol(v)) unknown(vc, tok, item, v, PROTOCOLS.map((p) => p.name));
  },
  // A label name is looked up in connlabel.conf on the machine that loads the rules: this one,
  // when the rules are checked where they run (Remote-SSH); a warning where it cannot be read.
  connlabel(v, tok, item, vc) {
    // A number as strtoul reads the whole word (blanks and '+' first); the kernel keeps 128 labels
    // and sees the low 16 bits (65536 is label 0). Numbers of 64 bits are left to the tool.
    const num = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(v)?.[1];
    const n = num === undefined ? undefined : BigInt(/^0[0-7]+$/.test(num) ? `0o${num.slice(1)}` : num);
    if (n !== undefined) {
      if (n < 2n ** 63n && n % 65536n > 127n) bad(vc, tok, item, L('iptables takes it, but the kernel refuses a label number above 127 when the rules are loaded', 'iptables は受け付けますが、ルールの読み込み時にカーネルが 127 を超えるラベル番号を拒否します'));
      return;
    }
    const range = lineRange(vc.line, tok.start, tok.end);
    const conf = vc.host?.readConfig?.(CONNLABEL_CONF);
    if (conf === undefined) vc.out.push({ code: 'iptables/connlabel-name', range, args: { value: v } });
    else if (!connlabelNames(conf).has(v)) vc.out.push({ code: 'iptables/connlabel-unknown', range, args: { value: v, file: CONNLABEL_CONF, why: conf === null ? L('the file does not exist', 'ファイルがありません') : L('the file does not name it', 'ファイルに記載がありません') } });
  },
  // An address of the other family only (policy --tunnel-src: the tool's own parser takes the rest).
  hostfamily(v, tok, item, vc) {
    const slash = v.indexOf('/');
    const host = slash === -1 ? v : v.slice(0, slash);
    const fam: Family | undefined = isIPv4(host) ? 'ipv4' : isIPv6(host) ? 'ipv6' : undefined;
    if (!fam || !vc.family || fam === vc.family) return;
    vc.out.push({
      code: 'iptables/address-family',
      range: lineRange(vc.line, tok.start, tok.end),
      args: { value: host, found: fam === 'ipv4' ? 'IPv4' : 'IPv6', family: vc.family === 'ipv4' ? 'IPv4' : 'IPv6', file: vc.familySource },
    });
  },
  address(v, tok, item, vc) {
    if (!v.includes(',')) checkAddress(v, tok, item, vc);
    else for (const a of v.split(',')) checkAddress(a, tok, item, vc);
  },
  iface(v, tok, item, vc) {
    if (v.length > 15) bad(vc, tok, item, L('an interface name has at most 15 characters', 'インターフェース名は最大 15 文字です'));
    else if (v.length === 0 || /[\s/]/.test(v)) bad(vc, tok, item, L('not an interface name', 'インターフェース名ではありません'));
  },
  port: (v, tok, item, vc) => void checkPort(v, tok, item, vc),
  portrange(v, tok, item, vc) {
    // MASQUERADE/REDIRECT --to-ports write ranges with '-', and need a protocol with ports; they
    // refuse "" (matches such as udp --sport take it as no port).
    if (v === '' && item.owner !== 'target') return;
    const n = vc.out.length;
    checkPortRange(v, tok, item, vc, item.owner === 'target' ? '-' : ':');
    if (item.owner === 'target' && vc.out.length === n) portsNeedProtocol(tok, item, vc);
  },
  portlist: checkPortList,
  enumlist: checkEnumList,
  enum(v, tok, item, vc) {
    const info = item.info!;
    if (!info.valueSet.has(v) && !info.lowerValues.has(v.toLowerCase())) unknown(vc, tok, item, v, info.values);
  },
  rate: checkRate,
  hashrate: checkHashRate,
  int: checkInt,
  range: checkRange,
  mark: checkMark,
  loglevel(v, tok, item, vc) {
    if (isDigits(v)) {
      if (Number(v) > 7) bad(vc, tok, item, L('a log level number is 0 to 7', 'ログレベルの番号は 0〜7 です'));
      return;
    }
    if (!logLevel(v)) unknown(vc, tok, item, v, LOG_LEVELS.map((l) => l.name));
  },
  logprefix(v, tok, _item, vc) {
    if (v.length > 29) vc.out.push({ code: 'iptables/log-prefix-too-long', range: lineRange(vc.line, tok.start, tok.end), args: { length: v.length } });
  },
  rejecttype(v, tok, item, vc) {
    const fam = vc.family;
    const rt = (fam === 'ipv6' && REJECT_ALIASES6[v] ? rejectType(REJECT_ALIASES6[v]) : undefined) ?? rejectType(v);
    const allowed = REJECT_TYPES.filter((x) => !fam || x.family === 'any' || x.family === fam).map((x) => x.name);
    if (!rt) unknown(vc, tok, item, v, allowed);
    else if (fam && rt.family !== 'any' && rt.family !== fam) {
      vc.out.push({
        code: 'iptables/module-family',
        range: lineRange(vc.line, tok.start, tok.end),
        args: { name: v, found: rt.family === 'ipv4' ? 'IPv4 (iptables)' : 'IPv6 (ip6tables)', family: fam === 'ipv4' ? 'IPv4' : 'IPv6' },
      });
    }
  },
  icmptype(v, tok, item, vc) {
    if (isDigitsIn(v, 0, 1)) checkIcmpNumbers(v, tok, item, vc);
    else if (!ICMP_TYPE_SET.has(v)) unknown(vc, tok, item, v, ICMP_TYPES);
  },
  icmp6type(v, tok, item, vc) {
    if (isDigitsIn(v, 0, 1)) checkIcmpNumbers(v, tok, item, vc);
    else if (!ICMP6_TYPE_SET.has(v)) unknown(vc, tok, item, v, ICMP6_TYPES);
  },
  // Numeric addresses only (no host names, no prefix length); inet_aton's short forms in IPv4.
  iprange(v, tok, item, vc) {
    const sides = v.split('-');
    // An address of the other family is reported by checkAddress.
    const numeric = (a: string) => (vc.family !== 'ipv6' && (isIPv4(a) || isInetAton(a))) || isIPv6(a);
    if (sides.length > 2 || !sides.every(numeric)) bad(vc, tok, item, L('a range is FROM[-TO], numeric addresses without a prefix length', '範囲は 開始[-終了] で、プレフィックス長のない数値のアドレスで書きます'));
    else for (const a of sides) checkAddress(a, tok, item, vc);
  },
  mac(v, tok, item, vc) {
    if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(v)) bad(vc, tok, item, L('a MAC address is six hexadecimal pairs separated by colons', 'MAC アドレスはコロン区切りの 16 進 6 組です'));
  },
  comment(v, tok, item, vc) {
    if (v.length > 256) bad(vc, tok, item, L('a comment has at most 256 characters', 'コメントは最大 256 文字です'));
  },
  names(v, tok, item, vc) {
    const g = item.entry?.grammar;
    if (!g) return;
    const r = checkNames(v, g, vc.family);
    if (!r) return;
    if ('unknown' in r) unknown(vc, tok, item, r.unknown, g.values);
    else if ('reason' in r) bad(vc, tok, item, r.reason);
    else {
      const args = { name: `${item.token.text} ${r.name}`, found: r.family === 'ipv6' ? 'IPv4 (iptables)' : 'IPv6 (ip6tables)', family: r.family === 'ipv6' ? 'IPv6' : 'IPv4' };
      vc.out.push({ code: 'iptables/module-family', range: lineRange(vc.line, tok.start, tok.end), args });
    }
  },
  date: byGrammar(checkDate),
  daytime: byGrammar(checkDaytime),
  classid: byGrammar(checkClassId),
  bpf: byGrammar(checkBpf),
  u32: byGrammar(checkU32),
  ip6opts: byGrammar(checkIp6Opts),
  natrange: checkNatRange,
  sctpchunks: checkSctpChunks,
  tcpflags(v, tok, item, vc) {
    const info = item.info!;
    for (const f of v.split(',')) if (!info.valueSet.has(f.toUpperCase())) return unknown(vc, tok, item, f, info.values);
  },
  ...HOST_CHECKS,
};

/** Value types of iptables' own options that refuse "" (unknown protocol, host/network not found, empty interface). */
const EMPTY_REFUSED = new Set(['protocol', 'address', 'iface']);
/** Value types whose checks judge "" themselves (u32, bpf and hbh/dst options refuse it, target ports too). */
const EMPTY_JUDGED = new Set(['u32', 'ip6opts', 'portrange', 'bpf']);

/** Checks the arguments of one option against its value type. */
const CHECK_BY_TYPE = new Map(Object.entries(CHECKS));

export function checkValues(item: RuleItem, vc: ValueContext): void {
  const info = item.info;
  if (!info) return;
  let check = info.valueCheck as Check | null | undefined;
  if (check === undefined) {
    check = (info.type ? CHECK_BY_TYPE.get(info.type) : undefined) ?? null;
    info.valueCheck = check;
  }
  const first = item.first ?? item.args[0];
  if (first?.text === '' && item.entry?.kernelRefusesEmpty) {
    const reason = L('iptables takes it, but the kernel refuses an empty value when the rules are loaded', 'iptables は受け付けますが、ルールの読み込み時にカーネルが空の値を拒否します');
    vc.out.push({ code: 'iptables/invalid-value', range: lineRange(vc.line, first.start, first.end), args: { name: item.token.text, value: '', reason } });
    return;
  }
  if (first && kernelRefuses(first.text, first, item, vc)) return;
  if (check === null) return;
  const type = info.type;
  if (type === 'tcpflags') {
    for (const a of item.args) check(a.text, a, item, vc);
    return;
  }
  // An empty argument ("") is taken as no value by most extensions; the generated checks judge it.
  // iptables' own -p, -s, -d, -i and -o refuse it.
  if (first && first.text === '' && item.owner === 'rule' && type && EMPTY_REFUSED.has(type)) {
    bad(vc, first, item, L('iptables-restore refuses an empty value here', 'iptables-restore はここで空の値を拒否します'));
  } else if (first && first.text === '' && type && EMPTY_JUDGED.has(type)) check('', first, item, vc);
  else if (first && first.text !== '') {
    check(first.text, first, item, vc);
    checkLeadingNumber(first, item, vc, check);
  }
}
