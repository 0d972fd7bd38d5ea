// How a value check reports: the context of the rule, and the findings for a bad, unknown or
// backward value (none where the generated catalog says the tool takes the value's shape).
import { lineRange } from '../common/text';
import type { Finding, HostView, Localized } from '../common/types';
import type { Family } from './catalog';
import { suggested } from './interpret';
import type { RuleItem, Token } from './tree';

export interface ValueContext {
  line: number;
  family?: Family;
  /** Why the family is known, for messages (`rules.v6`). */
  familySource: string;
  /** Protocol of the rule being checked (`-p udp` → 'udp'), if it names one. */
  protocol?: string;
  /** The rule's `-p` value even when negated (`! -p tcp` → 'tcp'), if it has one. */
  anyProtocol?: string;
  out: Finding[];
  /** The machine the rules are checked on (connlabel names); absent in pure tests and the browser. */
  host?: HostView;
}

export const L = (en: string, ja: string): Localized => ({ en, ja });

export type Check = (value: string, tok: Token, item: RuleItem, vc: ValueContext) => void;

/** The shape of a malformed-looking value, as the generator names them (lenient). */
export function shapeOf(v: string): string | undefined {
  if (v === '') return 'empty';
  if (/^[A-Za-z]+$/.test(v)) return 'word';
  if (/^\d+(\.\d+)+$/.test(v)) return 'dotted';
  if (/^\d+\/\d+$/.test(v)) return 'slash';
  // Digits then anything else: parsers that stop at the first character they do not want.
  if (/^\d+[A-Za-z]+$/.test(v) || /^\d+[^\d./:]/.test(v)) return 'junk';
  if (/^\d+:$/.test(v)) return 'colon';
  return undefined;
}

/** The tool takes values of this shape for the option (generated): no error from a hand-written check. */
function tolerated(item: RuleItem, tok: Token, family?: Family): boolean {
  const l = (family && item.entry?.lenientIn?.[family]) || item.entry?.lenient;
  if (!l) return false;
  const s = shapeOf(tok.text);
  return s !== undefined && l.includes(s);
}

/** A range whose start is above its end: an error where the tool refuses it, else a warning (it matches nothing). */
export function backwards(vc: ValueContext, tok: Token, item: RuleItem, a: number, b: number): void {
  if (item.entry?.descending) vc.out.push({ code: 'iptables/range-backwards', range: lineRange(vc.line, tok.start, tok.end), args: { name: item.token.text, value: tok.text, a, b } });
  else bad(vc, tok, item, L(`the range starts above its end (${a} > ${b})`, `範囲の開始が終了より大きくなっています（${a} > ${b}）`));
}

export function bad(vc: ValueContext, tok: Token, item: RuleItem, reason: Localized): void {
  if (tolerated(item, tok, vc.family)) return;
  vc.out.push({ code: 'iptables/invalid-value', range: lineRange(vc.line, tok.start, tok.end), args: { name: item.token.text, value: tok.text, reason } });
}

export function unknown(vc: ValueContext, tok: Token, item: RuleItem, value: string, candidates: string[]): void {
  if (tolerated(item, tok, vc.family)) return;
  // Options whose values may be shortened to any unambiguous-or-not prefix (addrtype's types).
  if (item.entry?.prefixValues && value && item.entry.values?.some((v) => v.toLowerCase().startsWith(value.toLowerCase()))) return;
  const h = suggested(value, candidates);
  // The fix rewrites the whole token, so a misspelt member of a list (`NEW,ESTABLSHED`) keeps the others.
  const at = tok.text.indexOf(value);
  const whole = at >= 0 && tok.text.indexOf(value, at + 1) < 0 ? h.suggestions.map((x) => tok.text.slice(0, at) + x + tok.text.slice(at + value.length)) : [];
  vc.out.push({
    code: 'iptables/unknown-value',
    range: lineRange(vc.line, tok.start, tok.end),
    args: { name: item.token.text, value, suggestion: h.suggestion },
    data: { suggestions: tok.quoted ? [] : whole },
  });
}

/**
 * The leading number of a `junk` value, as every parser reads it: decimal, or a lone 0 (atoi and
 * strtoul(…, 0) differ on `0x10` and `010`, so those are left to the tool).
 */
export function leadingNumber(v: string): string | undefined {
  if (shapeOf(v) !== 'junk') return undefined;
  const lead = /^\d+/.exec(v)![0];
  if (lead.length > 1 && lead.startsWith('0')) return undefined;
  if (lead === '0' && /^0[xX][0-9a-fA-F]/.test(v)) return undefined;
  return lead;
}

/**
 * A value the tool takes because its parser stops after the leading number (`1x` reads as 1): that
 * number is still judged, so `0x` is refused where 0 is. Only errors are kept, worded for the whole value.
 */
export function checkLeadingNumber(tok: Token, item: RuleItem, vc: ValueContext, check: Check): void {
  const lead = leadingNumber(tok.text);
  if (lead === undefined || !tolerated(item, tok, vc.family)) return;
  const from = vc.out.length;
  check(lead, { ...tok, text: lead }, item, vc);
  const found = vc.out.splice(from).filter((f) => f.code === 'iptables/invalid-value');
  for (const f of found) {
    const why = f.args?.reason as Localized | undefined;
    f.args = { ...f.args, value: tok.text, reason: L(`iptables reads only its leading number, ${lead}: ${why?.en ?? ''}`, `iptables は先頭の数値 ${lead} だけを読みます: ${why?.ja ?? ''}`) };
  }
  vc.out.push(...found);
}
