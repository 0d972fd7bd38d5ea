// Value kinds the catalog generator learnt from the tool that need more than one option's text or
// the rule's family: xtables' prefix length or network mask (connlimit --connlimit-mask, hashlimit
// --hashlimit-srcmask, HMARK --hmark-src-prefix), judged per family.
import { lineRange } from '../common/text';
import type { Finding, Localized } from '../common/types';
import type { Family } from './catalog';
import type { GeneratedOption, Relation } from './generated';
import { cNumber } from './grammars';
import type { RuleItem } from './tree';
import { inetAton, isIPv6 } from './valueSyntax';

const L = (en: string, ja: string): Localized => ({ en, ja });

/** An IPv6 address (checked by isIPv6) as a 128-bit number. */
export function ipv6Value(s: string): bigint | undefined {
  if (!isIPv6(s)) return undefined;
  let text = s;
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const v4 = inetAton(tail) ?? 0;
    text = `${text.slice(0, text.lastIndexOf(':') + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const a = head ? head.split(':') : [];
  const b = rest === undefined ? [] : rest ? rest.split(':') : [];
  const groups = rest === undefined ? a : [...a, ...new Array(8 - a.length - b.length).fill('0'), ...b];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Whether the mask's ones all come first (a prefix). */
function contiguous(mask: bigint, bits: number): boolean {
  const holes = ~mask & ((1n << BigInt(bits)) - 1n);
  return (holes & (holes + 1n)) === 0n;
}

/** A prefix length or a network mask: a whole number up to the family's width, else a mask address of the family. */
export function checkPlen(p: NonNullable<GeneratedOption['plen']>, family: Family | undefined, it: RuleItem | undefined, line: number, out: Finding[]): void {
  const v = it?.first;
  if (!it || !v || !family || it.args.length !== 1 || v.text === '') return;
  const width = p[family];
  if (width === undefined) return;
  const text = v.text;
  const n = cNumber(text);
  if (n !== undefined && n <= width) return;
  // Blanks and a plus sign (strtoul and inet_aton skip them) and IPv6 zone names are left to the tool.
  if (/[\s+%]/.test(text)) return;
  // getaddrinfo gives an IPv4-mapped IPv6 address (::ffff:1.2.3.4) to IPv4 as well.
  if (family === 'ipv4' && text.includes(':') && text.includes('.')) return;
  const bits = family === 'ipv6' ? 128 : 32;
  const four = family === 'ipv4' ? inetAton(text) : undefined;
  const mask = four !== undefined ? BigInt(four) : family === 'ipv6' ? ipv6Value(text) : undefined;
  const push = (reason: Localized) => out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: text, reason } });
  if (mask === undefined) {
    const form = family === 'ipv6' ? 'an IPv6 mask such as ffff:ffff::' : 'an IPv4 mask such as 255.255.0.0';
    const formJa = family === 'ipv6' ? 'ffff:ffff:: のような IPv6 のマスク' : '255.255.0.0 のような IPv4 のマスク';
    push(L(`a prefix length from 0 to ${width} or ${form} is expected`, `0〜${width} のプレフィックス長か${formJa}が必要です`));
  } else if (p.contiguous && !contiguous(mask, bits)) {
    // IPv4 reads a number above 32 as an address (33 is 0.0.0.33), which is no prefix either.
    push(L(`iptables takes it as the mask ${four !== undefined ? maskText(four) : text}, but the kernel refuses a mask that is not a prefix (more than /${width}, or with holes) when the rules are loaded`, `iptables はマスク ${four !== undefined ? maskText(four) : text} として受け付けますが、プレフィックスにならないマスク（/${width} 超や穴のあるもの）はルールの読み込み時にカーネルが拒否します`));
  }
}

function maskText(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

const TIME_UNITS: Record<string, number> = { s: 1e6, sec: 1e6, secs: 1e6, ms: 1e3, msec: 1e3, msecs: 1e3, us: 1, usec: 1, usecs: 1, '': 1 };

/**
 * A RATEEST time as the tool reads it (strtod, then an optional unit; bare numbers are
 * microseconds), in whole microseconds stored in 32 bits: every reading the platforms give (a value
 * out of 32 bits wraps on x86-64 and saturates on arm64); `bad` when refused, undefined when left to
 * the tool (hexadecimal, inf, nan, and values beyond 2^53).
 */
export function tcTimes(v: string): number[] | 'bad' | undefined {
  if (/^\s*[+-]?(0x[0-9a-f.]|inf|nan)/i.test(v)) return undefined;
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/.exec(v);
  if (!m) return 'bad';
  const unit = TIME_UNITS[m[2].toLowerCase()];
  if (unit === undefined) return 'bad';
  const t = Math.trunc(Number(m[1]) * unit);
  if (t >= 0 && t < 2 ** 32) return [t];
  if (!(Math.abs(t) < 2 ** 53)) return undefined;
  const wrapped = ((t % 2 ** 32) + 2 ** 32) % 2 ** 32;
  return [wrapped, t < 0 ? 0 : 2 ** 32 - 1];
}

/** An option of the `tctime` kind (RATEEST --rateest-interval): its syntax and its largest value. */
export function checkTcTime(o: GeneratedOption, it: RuleItem | undefined, line: number, out: Finding[]): void {
  const v = it?.first;
  if (!it || !v || it.args.length !== 1) return;
  const t = tcTimes(v.text);
  const max = o.value?.max;
  let reason: Localized | undefined;
  if (t === 'bad') reason = L('a time is a number with an optional unit s, ms or us (a bare number is in microseconds)', '時間は数値に単位 s・ms・us を付けて書きます（単位がなければマイクロ秒）');
  else if (t !== undefined && max !== undefined && t.every((x) => x > max)) reason = L(`it is at most ${max / 1e6} s`, `最大 ${max / 1e6} 秒です`);
  if (reason) out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, reason } });
}

/** Seconds of the day of hh:mm[:ss] (plain digits only; anything else is judged by the value's own check). */
function daySeconds(v: string): number[] | undefined {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(v);
  return m ? [Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)] : undefined;
}

/** Every reading of a value the tool may make (one, except where platforms differ). */
const READERS: Record<string, (v: string) => number[] | undefined> = {
  daytime: daySeconds,
  tctime: (v) => {
    const t = tcTimes(v);
    return t === 'bad' ? undefined : t;
  },
};

/** The conditions between two options' values that the generator verified (time --contiguous, RATEEST's times); an error only where every reading breaks them. */
export function checkRelations(relations: Relation[], find: (name: string) => RuleItem | undefined, line: number, out: Finding[]): void {
  for (const r of relations) {
    const read = READERS[r.values];
    if (!read) continue;
    const value = (name: string, fallback?: string) => {
      const text = find(name)?.first?.text ?? fallback;
      return text === undefined ? undefined : read(text);
    };
    if (r.kind === 'order') {
      const when = find(r.when);
      const low = value(r.low, r.defaults?.[r.low]);
      const high = value(r.high, r.defaults?.[r.high]);
      if (!when || !low || !high || low.some((a) => high.some((b) => a <= b))) continue;
      const options = `\`${r.low}\` no later than \`${r.high}\``;
      out.push({ code: 'iptables/option-needs-option', range: lineRange(line, when.token.start, when.token.end), args: { name: when.token.text, options, message: r.message } });
    } else {
      const num = find(r.num);
      const as = value(r.num);
      const bs = value(r.den);
      // A little slack at both ends: the tool computes in floating point.
      const fits = (a: number, b: number) => a >= b * r.min * (1 - 1e-9) && a < b * r.below * (1 - 1e-9);
      if (!num || !as || !bs || as.every((a) => bs.every((b) => fits(a, b)))) continue;
      const options = `\`${r.den}\` such that ${r.num} / ${r.den} is from ${r.min.toFixed(3)} to below ${r.below}`;
      const range = lineRange(line, num.token.start, num.token.end);
      // Readings that differ by processor (a value past 32 bits), some fitting: the machine decides.
      if (as.some((a) => bs.some((b) => fits(a, b)))) out.push({ code: 'iptables/platform-dependent-value', range, args: { name: num.token.text, value: num.first?.text ?? '', options } });
      else out.push({ code: 'iptables/option-needs-option', range, args: { name: num.token.text, options, message: r.message } });
    }
  }
}
