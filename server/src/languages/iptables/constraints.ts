import { lineRange } from '../common/text';
import type { Finding } from '../common/types';
import { sameProtocol, type Family } from './catalog';
import { shapeOf } from './values';
import { leadingNumber } from './valueReport';
import { checkPlen, checkRelations, checkTcTime } from './generatedValues';
import { cNumber } from './grammars';
import { generatedOf, GENERATED_FROM, type GeneratedExtension } from './generated';
import { loadChecksOf } from './loadChecks';
import type { MatchUse, Rule, RuleItem, Token } from './tree';

/** Tables and chains the generator probes; a table it did not probe is never judged. */
const PROBED: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** The spellings an item answers to: as written, canonical, and the aliases of its entry. */
function spellings(it: RuleItem): string[] {
  return [it.token.text, it.name, ...(it.entry?.aliases ?? [])];
}

function findItem(items: RuleItem[], name: string): RuleItem | undefined {
  return items.find((it) => spellings(it).includes(name));
}

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The whole of a strtod number: 1 a decimal, 2 infinity (else hexadecimal or nan). */
const STRTOD = /^\s*[+-]?(?:(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|(inf(?:inity)?)|0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[+-]?\d+)?|nan(?:\(\w*\))?)$/i;

function checkNumber(n: NonNullable<GeneratedExtension['options'][number]['number']>, lenient: string[] | undefined, items: RuleItem[], name: string, line: number, out: Finding[]): void {
  const it = findItem(items, name);
  const v = it?.first;
  if (!it || !v || it.args.length !== 1) return;
  const sep = n.mask && v.text.includes('/') ? '/' : n.range && v.text.includes(':') ? ':' : undefined;
  const parts = sep ? v.text.split(sep) : [v.text];
  // An empty side of a range means the bound (`:100`, `5:`).
  if (reported(out, line, v)) return;
  // A side left out is the bound (`:` is all of 0:65535): a range the kernel refuses as too wide (NFQUEUE --queue-balance).
  const span = it.entry?.maxSpan;
  if (span !== undefined && sep === ':' && parts.length === 2 && (parts[0] === '' || parts[1] === '')) {
    const lo = parts[0] === '' ? BigInt(n.min) : bigNumber(parts[0]);
    const hi = parts[1] === '' ? BigInt(n.max) : bigNumber(parts[1]);
    if (lo !== undefined && hi !== undefined && hi - lo + 1n > BigInt(span)) {
      const reason = { en: `the range covers more than ${span} values; the kernel refuses it when the rules are loaded`, ja: `範囲が ${span} 個を超えています。ルールの読み込み時にカーネルが拒否します` };
      out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, reason } });
      return;
    }
  }
  const shape = shapeOf(v.text);
  if (shape && lenient?.includes(shape)) {
    // The tool takes it: its parser stops after the leading number (`1x` is 1), which must still be in range (`0x`).
    const lead = n.fraction ? undefined : leadingNumber(v.text);
    if (lead !== undefined && !inRange(lead, n)) out.push({ code: 'iptables/value-out-of-range', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, min: n.min, max: n.max } });
    return;
  }
  if (n.fraction) {
    // What strtod reads as a whole: a decimal within the bounds, a hexadecimal one or nan (left to
    // the tool); infinity is out of any range, and anything else is no number.
    const m = STRTOD.exec(v.text);
    const f = !m ? NaN : m[1] !== undefined ? Number(v.text.trim()) : m[2] !== undefined ? Infinity : undefined;
    if (f !== undefined && !(f >= Number(n.min) && f <= Number(n.max))) out.push({ code: 'iptables/value-out-of-range', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, min: n.min, max: n.max } });
    return;
  }
  if (n.rangeOnly && sep !== ':') {
    const reason = { en: 'iptables takes only a range FIRST:LAST here', ja: 'ここで iptables が受け付けるのは範囲 開始:終了 だけです' };
    out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, reason } });
    return;
  }
  // An empty side of a range is its bound; `:` alone is the whole range.
  const ok = parts.length <= 2 && parts.every((p) => (sep === ':' && p === '' && parts.length === 2) || inRange(p, n));
  if (ok && n.strict && parts.length === 2 && parts[0] !== '' && parts[1] !== '' && bigNumber(parts[0]) === bigNumber(parts[1])) {
    const reason = { en: 'the range must run from a lower to a higher number', ja: '範囲は小さい数から大きい数へ書きます' };
    out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, reason } });
    return;
  }
  // A range the tool wants rising (connbytes 1000:0 is refused).
  const falling = ok && n.ordered && sep === ':' && parts.length === 2 && parts[0] !== '' && parts[1] !== '' && bigNumber(parts[0])! > bigNumber(parts[1])!;
  if (!ok || falling) out.push({ code: 'iptables/value-out-of-range', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, min: n.min, max: n.max } });
}

/** N:M with N above M where the tool refuses a range written backwards (mh --mh-type 4:3). */
function checkRising(items: RuleItem[], name: string, line: number, out: Finding[]): void {
  const it = findItem(items, name);
  const v = it?.first;
  if (!it || !v || it.args.length !== 1 || reported(out, line, v)) return;
  const m = /^(\d{1,15}):(\d{1,15})$/.exec(v.text);
  if (!m || Number(m[1]) <= Number(m[2])) return;
  const reason = { en: `the range starts above its end (${m[1]} > ${m[2]})`, ja: `範囲の開始が終了より大きくなっています（${m[1]} > ${m[2]}）` };
  out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, reason } });
}

/** A value longer than the tool takes (string --string: 128 bytes), counted in UTF-8 bytes. */
function checkLength(items: RuleItem[], name: string, max: number, line: number, out: Finding[]): void {
  const it = findItem(items, name);
  const v = it?.first;
  if (!it || !v || v.text.length <= max / 4 || reported(out, line, v)) return;
  const bytes = new TextEncoder().encode(v.text).length;
  if (bytes <= max) return;
  const reason = { en: `it is ${bytes} bytes long; iptables takes at most ${max}`, ja: `${bytes} バイトあります。iptables が受け付けるのは ${max} バイトまでです` };
  out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text.length > 40 ? `${v.text.slice(0, 37)}...` : v.text, reason } });
}

/** `""` where the generator saw the tool refuse an empty value (it tried one for every option it found a value for). */
function checkEmpty(o: GeneratedExtension['options'][number], family: Family | undefined, items: RuleItem[], line: number, out: Finding[]): void {
  const it = findItem(items, o.name);
  const v = it?.first;
  if (!it || !v || v.text !== '' || reported(out, line, v)) return;
  const lenient = (family && o.lenientIn?.[family]) || o.lenient;
  if (lenient?.includes('empty')) return;
  const reason = { en: 'iptables-restore refuses an empty value here', ja: 'iptables-restore はここで空の値を拒否します' };
  out.push({ code: 'iptables/invalid-value', range: lineRange(line, v.start, v.end), args: { name: it.token.text, value: v.text, reason } });
}

/** A value the hand-written checks already reported is not reported twice. */
function reported(out: Finding[], line: number, v: Token): boolean {
  for (let k = out.length - 1; k >= 0 && k >= out.length - 8; k--) if (out[k].range.start.line === line && out[k].range.start.character === v.start) return true;
  return false;
}

/** A number as xtables reads it (strtoumax, base 0: 0x hex, leading 0 octal), exactly: 64-bit counters go past 2^53. */
function bigNumber(s: string): bigint | undefined {
  const t = s.replace(/^[ \t]*\+?/, '');
  if (/^0[xX][0-9a-fA-F]{1,16}$/.test(t) || /^[1-9][0-9]{0,19}$/.test(t)) return BigInt(t);
  if (/^0[0-7]{0,22}$/.test(t)) return BigInt(`0o${t.slice(1) || '0'}`);
  return undefined;
}

function inRange(p: string, n: { min: number | string; max: number | string }): boolean {
  const x = bigNumber(p);
  return x !== undefined && x >= BigInt(n.min) && x <= BigInt(n.max);
}

/**
 * The constraints the generated catalog records for one extension in use (a match's options or
 * the target's): required options, options that exclude each other, whole-number bounds, and
 * the tables and chains where the kernel loads it. One function for every extension: the
 * knowledge is in server/data/iptables/extensions.json.
 */
function checkExtension(x: GeneratedExtension, token: Token, label: string, items: RuleItem[], where: Where, out: Finding[]): void {
  const line = where.line;
  const at = (t: Token) => lineRange(line, t.start, t.end);
  const bare = items.length === 0 && x.bareAccepted;
  for (const r of x.required ?? []) {
    if (bare && r.anyOf.length) continue;
    if (r.when && findItem(items, r.when.option)?.first?.text !== r.when.value) continue;
    const ok = r.anyOf.length ? r.anyOf.some((n) => findItem(items, n)) : items.length > 0;
    if (!ok) out.push({ code: 'iptables/missing-required-option', range: at(token), args: { name: label, options: r.anyOf.map((n) => `\`${n}\``).join(' / ') || '?', message: r.message } });
  }
  for (const o of x.options) {
    if (!o.needs) continue;
    const it = findItem(items, o.name);
    const { value, before } = o.needs;
    // The needed option, with the value it must have (numbers compared as numbers) and, where the tool reads them in order, first.
    const meets = (p: RuleItem | undefined) => !!p && (value === undefined || p.first?.text === value || (cNumber(value) !== undefined && cNumber(p.first?.text ?? '') === cNumber(value))) && (!before || p.token.start < it!.token.start);
    if (it && !o.needs.anyOf.some((n) => meets(findItem(items, n)))) {
      const options = o.needs.anyOf.map((n) => `\`${n}${value !== undefined ? ` ${value}` : ''}\``).join(' / ') + (before ? ' before it' : '');
      out.push({ code: 'iptables/option-needs-option', range: at(it.token), args: { name: it.token.text, options, message: o.needs.message } });
    }
  }
  const load = loadChecksOf(x.kind, x.name);
  for (const e of [...(x.exclusive ?? []), ...(load?.exclusive ?? [])]) {
    const a = findItem(items, e.options[0]);
    const b = findItem(items, e.options[1]);
    if (!a || !b || a === b || a.entry === b.entry) continue;
    const later = a.token.start > b.token.start ? a : b;
    out.push({ code: 'iptables/exclusive-options', range: at(later.token), args: { a: a.token.text, b: b.token.text, message: e.message } });
  }
  for (const o of x.options) {
    if (o.sample !== undefined && o.args > 0) checkEmpty(o, where.family, items, line, out);
    if (o.descending === false && !o.number) checkRising(items, o.name, line, out);
    if (o.maxLength !== undefined) checkLength(items, o.name, o.maxLength, line, out);
    if (o.plen) {
      checkPlen(o.plen, where.family, findItem(items, o.name), line, out);
      continue;
    }
    if (o.value?.type === 'tctime') {
      checkTcTime(o, findItem(items, o.name), line, out);
      continue;
    }
    if (o.number) {
      const n = (where.family && o.number.boundsIn?.[where.family]) || undefined;
      checkNumber(n ? { ...o.number, ...n } : o.number, (where.family && o.lenientIn?.[where.family]) || o.lenient, items, o.name, line, out);
      continue;
    }
    if (o.min === undefined && o.max === undefined) continue;
    const it = findItem(items, o.name);
    const v = it?.first;
    if (!it || !v || it.args.length !== 1 || !isDigits(v.text) || reported(out, line, v)) continue;
    const n = Number(v.text);
    if (n > 4294967296) continue; // beyond what the generator tried
    if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) {
      out.push({ code: 'iptables/value-out-of-range', range: at(v), args: { name: it.token.text, value: v.text, min: o.min ?? 0, max: o.max ?? 4294967295 } });
    }
  }
  if (x.relations) checkRelations(x.relations, (n) => findItem(items, n), line, out);
  if (x.hostUnavailable) {
    out.push({ code: 'iptables/extension-unavailable', range: at(token), args: { name: label, tool: GENERATED_FROM } });
    return;
  }
  const fam = where.family ?? 'ipv4';
  const protoNeeded = x.protocolFamilies ? x.protocolFamilies.includes(fam) : x.options.some((o) => o.noProtocol) && !items.every((it) => x.options.find((o) => spellings(it).includes(o.name))?.noProtocol);
  if (x.protocols && protoNeeded && !(where.protocol && x.protocols.some((q) => sameProtocol(q, where.protocol!)))) {
    out.push({ code: 'iptables/extension-needs-protocol', range: at(token), args: { name: label, protocols: x.protocols.map((q) => `\`-p ${q}\``).join(' / ') } });
  }
  // Where it loads: what the options used allow (an option measured alone has places of its own,
  // the others those of the extension as the generator loaded it), or the extension's places.
  const whole = x.where?.[fam];
  const used = x.options.filter((o) => findItem(items, o.name));
  // Options can override each other (TCPMSS --set-mss after --clamp-mss-to-pmtu): with two or more
  // options where one has places of its own, no verdict — unless the generator found that the
  // others leave its places as they are (addrtype --limit-iface-out next to --src-type).
  const own = used.filter((o) => o.where);
  // Several options with the same places of their own (physdev --physdev-out, --physdev-is-out) keep them.
  const same = own.every((o) => o.where === own[0].where || JSON.stringify(o.where) === JSON.stringify(own[0].where));
  const kept = own.length >= 1 && same && used.every((o) => own.includes(o) || own[0].whereWith?.includes(o.name));
  // Where the kernel checks each option's places (devgroup), options used together load where all of them do.
  const both = load?.placesIntersect && own.length && used.length > 1 && whole ? used.map((o) => o.where ?? whole).reduce(intersect) : undefined;
  // Where the option given last overrides the others (TCPMSS --set-mss, --clamp-mss-to-pmtu), its places.
  const last = load?.placesLastWins && own.length && used.length > 1 ? used.reduce((a, b) => (findItem(items, b.name)!.token.start > findItem(items, a.name)!.token.start ? b : a)) : undefined;
  if (own.length && !kept && !both && !last) return;
  const w = both ?? (last ? (last.where ?? whole) : own.length ? own[0].where : whole);
  if (!w || !where.table || !PROBED[where.table]) return;
  const chains = w[where.table];
  const target = x.kind === 'target';
  if (both) label = `${label} ${used.map((o) => o.name).join(' … ')}`;
  else if (last) label = `${label} … ${last.name}`;
  if (!chains) {
    const tables = Object.keys(w).join(', ') || '-';
    const args = { name: label, target: x.name, table: where.table, tables };
    out.push({ code: target ? 'iptables/target-not-in-table' : 'iptables/extension-not-in-table', range: at(token), args });
  } else if (where.chain && PROBED[where.table].includes(where.chain) && !chains.includes(where.chain)) {
    const args = { name: label, target: x.name, chain: where.chain, chains: chains.join(', ') };
    out.push({ code: target ? 'iptables/target-not-in-chain' : 'iptables/extension-not-in-chain', range: at(token), args });
  }
}

function intersect(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of Object.keys(a)) {
    const chains = b[t] ? a[t].filter((c) => b[t].includes(c)) : [];
    if (chains.length) out[t] = chains;
  }
  return out;
}

interface Where {
  line: number;
  protocol?: string;
  table?: string;
  /** The rule's chain when it is a built-in one. */
  chain?: string;
  family?: Family;
}

/** Checks every generated extension a rule uses (its matches and its target). */
export function checkConstraints(rule: Rule, table: string, builtinChain: string | undefined, family: Family | undefined, out: Finding[]): void {
  if (rule.command?.name !== '--append' && rule.command?.name !== '--insert' && rule.command?.name !== '--replace') return;
  const where: Where = { line: rule.line, table, chain: builtinChain, family, protocol: rule.protocol && !rule.protocol.negated ? rule.protocol.name : undefined };
  for (const m of rule.matches as MatchUse[]) {
    const x = generatedOf(m.entry);
    if (x) checkExtension(x, m.token, m.implicit ? m.name : `-m ${m.name}`, m.options, where, out);
  }
  const t = rule.target;
  if (t && !t.goto) {
    const x = generatedOf(t.entry);
    if (x) checkExtension(x, t.token, `-j ${t.name}`, rule.items.filter((i) => i.owner === 'target'), where, out);
    const p = rule.protocol && !rule.protocol.negated ? rule.protocol.name : undefined;
    if (x?.protocols && !t.entry?.protocols && !x.options.some((o) => o.noProtocol) && !(p && x.protocols.some((q) => sameProtocol(q, p)))) {
      out.push({ code: 'iptables/extension-needs-protocol', range: lineRange(rule.line, t.token.start, t.token.end), args: { name: `-j ${t.name}`, protocols: x.protocols.map((q) => `\`-p ${q}\``).join(' / ') } });
    }
  }
}
