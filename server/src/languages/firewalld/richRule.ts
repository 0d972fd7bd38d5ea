import type { Localized } from '../common/types';
import { checkPort, isIPv4, isIPv4WithMask, isIPv6, isIPv6WithMask, isMac } from './checks';
import { VALUES } from './schema';
import { attr, attrValue, type XmlElement } from './xml';

export const ELEMENT_GROUP = new Set(['service', 'port', 'protocol', 'icmp-block', 'icmp-type', 'masquerade', 'forward-port', 'source-port', 'tcp-mss-clamp']);
export const ACTIONS = new Set(['accept', 'reject', 'drop', 'mark']);
const SELF_ACTING = new Set(['icmp-block', 'forward-port', 'masquerade', 'tcp-mss-clamp']);

/** The parts of a rich rule, the first of each kind (the schema checks flag extra ones). */
export interface RuleParts {
  family?: string;
  priority: number;
  source?: XmlElement;
  destination?: XmlElement;
  element?: XmlElement;
  log?: XmlElement;
  audit?: XmlElement;
  action?: XmlElement;
}

export function ruleParts(rule: XmlElement): RuleParts {
  const p: RuleParts = { family: attrValue(rule, 'family'), priority: Number(attrValue(rule, 'priority') ?? 0) || 0 };
  for (const c of rule.children) {
    if (c.name === 'source') p.source ??= c;
    else if (c.name === 'destination') p.destination ??= c;
    else if (ELEMENT_GROUP.has(c.name)) p.element ??= c;
    else if (c.name === 'log' || c.name === 'nflog') p.log ??= c;
    else if (c.name === 'audit') p.audit ??= c;
    else if (ACTIONS.has(c.name)) p.action ??= c;
  }
  return p;
}

/** One reason firewalld would drop the rule, and the element (or attribute) to underline. */
export interface RuleProblem {
  reason: Localized;
  el: XmlElement;
  attribute?: string;
}

const R = (en: string, ja: string): Localized => ({ en, ja });

function addressFits(family: string | undefined, value: string, withMask: boolean): boolean {
  if (family === 'ipv4') return withMask ? isIPv4WithMask(value) : isIPv4(value);
  if (family === 'ipv6') return withMask ? isIPv6WithMask(value) : isIPv6(value);
  return false;
}

/**
 * The checks firewalld makes when it reads a rich rule (firewalld.richlanguage(5) and the
 * reader's own checks). firewalld logs a warning and drops such a rule.
 */
export function checkRule(rule: XmlElement): RuleProblem[] {
  const out: RuleProblem[] = [];
  const p = ruleParts(rule);
  const fam = p.family === 'ipv4' || p.family === 'ipv6' ? p.family : undefined;
  const famWord = fam === 'ipv6' ? 'IPv6' : 'IPv4';
  const srcAddr = p.source ? attrValue(p.source, 'address') : undefined;
  const dstAddr = p.destination ? attrValue(p.destination, 'address') : undefined;

  if (p.family === undefined) {
    if (srcAddr !== undefined || p.destination || p.element?.name === 'forward-port') {
      out.push({ el: rule, reason: R('it uses an address or forward-port, so it needs family="ipv4" or family="ipv6"', 'アドレスや forward-port を使うルールには family="ipv4" または family="ipv6" が必要です') });
    }
  }
  if (!p.element && (!p.log || p.priority === 0)) {
    if (!p.action) out.push({ el: rule, reason: R('it has neither an element (service, port …) nor an action', '要素（service、port など）もアクションもありません') });
    else if (!p.source && !p.destination && p.priority === 0) out.push({ el: rule, reason: R('it has no element, no source and no destination', '要素も source も destination もありません') });
  }
  const selfActing = p.element !== undefined && SELF_ACTING.has(p.element.name);
  if (!selfActing && !p.log && !p.audit && !p.action && (p.element || p.source || p.destination)) {
    out.push({ el: rule, reason: R('it has no action (accept, reject, drop, mark), no log and no audit', 'アクション（accept、reject、drop、mark）も log も audit もありません') });
  }

  if (p.source) {
    const mac = attrValue(p.source, 'mac');
    const ipset = attrValue(p.source, 'ipset');
    if (srcAddr !== undefined) {
      if (mac !== undefined) out.push({ el: p.source, reason: R('a source cannot have both address and mac', 'source に address と mac を同時に書くことはできません') });
      else if (ipset !== undefined) out.push({ el: p.source, reason: R('a source cannot have both address and ipset', 'source に address と ipset を同時に書くことはできません') });
      else if (fam && !addressFits(fam, srcAddr, true)) out.push({ el: p.source, attribute: 'address', reason: R(`'${srcAddr}' is not an ${famWord} address or network (family="${fam}")`, `'${srcAddr}' は ${famWord} のアドレスまたはネットワークではありません（family="${fam}"）`) });
    } else if (mac !== undefined) {
      if (ipset !== undefined) out.push({ el: p.source, reason: R('a source cannot have both mac and ipset', 'source に mac と ipset を同時に書くことはできません') });
      else if (!isMac(mac)) out.push({ el: p.source, attribute: 'mac', reason: R(`'${mac}' is not a MAC address`, `'${mac}' は MAC アドレスではありません`) });
    } else if (ipset === undefined) {
      out.push({ el: p.source, reason: R('the source needs address, mac or ipset', 'source には address、mac、ipset のいずれかが必要です') });
    }
  }
  if (p.destination) {
    const ipset = attrValue(p.destination, 'ipset');
    if (dstAddr !== undefined) {
      if (ipset !== undefined) out.push({ el: p.destination, reason: R('a destination cannot have both address and ipset', 'destination に address と ipset を同時に書くことはできません') });
      else if (fam && !addressFits(fam, dstAddr, true)) out.push({ el: p.destination, attribute: 'address', reason: R(`'${dstAddr}' is not an ${famWord} address or network (family="${fam}")`, `'${dstAddr}' は ${famWord} のアドレスまたはネットワークではありません（family="${fam}"）`) });
    } else if (ipset === undefined) {
      out.push({ el: p.destination, reason: R('the destination needs address or ipset', 'destination には address または ipset が必要です') });
    }
  }

  const el = p.element;
  if (el) {
    if (p.action && SELF_ACTING.has(el.name)) {
      out.push({ el: p.action, reason: R(`${el.name} acts by itself and cannot have an action`, `${el.name} はそれ自体が動作するため、アクションを併用できません`) });
    }
    if (el.name === 'masquerade') {
      if (p.source && attr(p.source, 'mac')) out.push({ el: p.source, reason: R('masquerade cannot be limited by a MAC source', 'masquerade は MAC アドレスの source で限定できません') });
    } else if (el.name === 'forward-port') {
      const toPort = attrValue(el, 'to-port') ?? '';
      const toAddr = attrValue(el, 'to-addr') ?? '';
      if (!toPort && !toAddr) out.push({ el, reason: R('forward-port needs to-port or to-addr', 'forward-port には to-port または to-addr が必要です') });
      if (toAddr && fam && !addressFits(fam, toAddr, false)) out.push({ el, attribute: 'to-addr', reason: R(`'${toAddr}' is not a single ${famWord} address`, `'${toAddr}' は単一の ${famWord} アドレスではありません`) });
      if (toPort && checkPort(toPort)) out.push({ el, attribute: 'to-port', reason: checkPort(toPort)! });
    }
  }
  if (p.audit && (!p.action || p.action.name === 'mark')) {
    out.push({ el: p.audit, reason: R('audit needs an accept, reject or drop action', 'audit には accept、reject、drop のいずれかのアクションが必要です') });
  }
  if (p.action?.name === 'reject') {
    const type = attrValue(p.action, 'type');
    if (type !== undefined) {
      if (!fam) out.push({ el: p.action, attribute: 'type', reason: R('a reject type needs the rule family', 'reject の type を使うにはルールの family が必要です') });
      else if (!VALUES.rejectTypes[fam].includes(type)) {
        out.push({ el: p.action, attribute: 'type', reason: R(`'${type}' is not a reject type for ${famWord} (use ${VALUES.rejectTypes[fam].slice(0, 4).join(', ')} …)`, `'${type}' は ${famWord} の reject type ではありません（${VALUES.rejectTypes[fam].slice(0, 4).join('、')} など）`) });
      }
    }
  }
  return out;
}

function inv(el: XmlElement): boolean {
  return /^(yes|true)$/i.test(attrValue(el, 'invert') ?? '');
}

function endpoint(el: XmlElement, ja: boolean): string {
  const a = attrValue(el, 'address') ?? attrValue(el, 'mac') ?? (attrValue(el, 'ipset') !== undefined ? `ipset ${attrValue(el, 'ipset')}` : '?');
  return inv(el) ? (ja ? `${a} 以外` : `anything but ${a}`) : a;
}

/** The rule in plain words, for hovers and the zone summary. */
export function describeRule(rule: XmlElement, locale: 'en' | 'ja'): string {
  const ja = locale === 'ja';
  const p = ruleParts(rule);
  const parts: string[] = [];
  const fam = p.family === 'ipv4' ? 'IPv4' : p.family === 'ipv6' ? 'IPv6' : '';
  if (p.source) parts.push(ja ? `送信元 ${endpoint(p.source, ja)}` : `from ${endpoint(p.source, ja)}`);
  if (p.destination) parts.push(ja ? `宛先 ${endpoint(p.destination, ja)}` : `to ${endpoint(p.destination, ja)}`);
  const e = p.element;
  if (e) {
    const port = `${attrValue(e, 'port') ?? '?'}/${attrValue(e, 'protocol') ?? '?'}`;
    switch (e.name) {
      case 'service': parts.push(ja ? `サービス ${attrValue(e, 'name')}` : `service ${attrValue(e, 'name')}`); break;
      case 'port': parts.push(ja ? `ポート ${port}` : `port ${port}`); break;
      case 'source-port': parts.push(ja ? `送信元ポート ${port}` : `source port ${port}`); break;
      case 'protocol': parts.push(ja ? `プロトコル ${attrValue(e, 'value')}` : `protocol ${attrValue(e, 'value')}`); break;
      case 'icmp-type': parts.push(`ICMP ${attrValue(e, 'name')}`); break;
      case 'icmp-block': parts.push(ja ? `ICMP ${attrValue(e, 'name')} をブロック` : `block ICMP ${attrValue(e, 'name')}`); break;
      case 'masquerade': parts.push(ja ? 'マスカレード' : 'masquerade'); break;
      case 'tcp-mss-clamp': parts.push(ja ? `TCP MSS を ${attrValue(e, 'value') ?? 'pmtu'} に制限` : `clamp TCP MSS to ${attrValue(e, 'value') ?? 'pmtu'}`); break;
      case 'forward-port': {
        const to = [attrValue(e, 'to-addr'), attrValue(e, 'to-port')].filter(Boolean).join(':');
        parts.push(ja ? `${port} を ${to} へ転送` : `forward ${port} to ${to}`);
        break;
      }
    }
  }
  const acts: string[] = [];
  const limit = (el: XmlElement) => {
    const l = el.children.find((c) => c.name === 'limit');
    const v = l && attrValue(l, 'value');
    return v ? (ja ? `（${v} まで）` : ` (at most ${v})`) : '';
  };
  if (p.log) {
    const prefix = attrValue(p.log, 'prefix');
    const level = attrValue(p.log, 'level');
    const extra = [prefix !== undefined ? `"${prefix}"` : '', level ?? ''].filter(Boolean).join(', ');
    const what = p.log.name === 'nflog' ? 'nflog' : ja ? 'ログ' : 'log';
    acts.push(`${what}${extra ? ` (${extra})` : ''}${limit(p.log)}`);
  }
  if (p.audit) acts.push(`audit${limit(p.audit)}`);
  if (p.action) {
    const words: Record<string, [string, string]> = { accept: ['accept', '許可'], reject: ['reject', '拒否'], drop: ['drop', '破棄'], mark: ['mark', 'マーク'] };
    const [en, j] = words[p.action.name] ?? [p.action.name, p.action.name];
    const detail = p.action.name === 'reject' && attrValue(p.action, 'type') ? ` ${attrValue(p.action, 'type')}` : p.action.name === 'mark' ? ` ${attrValue(p.action, 'set') ?? ''}` : '';
    acts.push(`${ja ? j : en}${detail}${limit(p.action)}`);
  }
  const match = parts.length ? parts.join(ja ? '、' : ', ') : ja ? 'すべての通信' : 'all traffic';
  const head = fam ? `${fam} ` : '';
  const pri = p.priority ? (ja ? `［優先度 ${p.priority}］` : ` [priority ${p.priority}]`) : '';
  return `${head}${match} → ${acts.join(ja ? '、' : ', ') || (ja ? '（要素自体の動作）' : '(the element acts by itself)')}${pri}`;
}
