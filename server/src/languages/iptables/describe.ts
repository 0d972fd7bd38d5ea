import type { DocsLanguage } from '../common/types';
import { logLevel, PORT_NAMES, SERVICES } from './catalog';
import type { Rule, RuleItem } from './tree';

/** `22 (ssh)`: a port with its well-known name, chosen per protocol where they differ. */
export function portLabel(value: string, proto?: string): string {
  const parts = value.split(':');
  if (parts.length === 2) return `${parts[0] || '0'}–${parts[1] || '65535'}`;
  if (/^\d+$/.test(value)) {
    const name = (proto && PORT_NAMES[proto]?.[value]) ?? PORT_NAMES.any[value];
    return name ? `${value} (${name})` : value;
  }
  const n = SERVICES[value];
  return n !== undefined ? `${n} (${value})` : value;
}

function item(rule: Rule, name: string): RuleItem | undefined {
  return rule.items.find((i) => i.name === name);
}

function arg(rule: Rule, name: string): string | undefined {
  return item(rule, name)?.args[0]?.text;
}

interface Parts {
  negate: (name: string) => boolean;
  proto?: string;
  states?: string[];
  dport?: string;
  dports?: string;
  sport?: string;
  src?: string;
  dst?: string;
  iin?: string;
  iout?: string;
  icmp?: string;
}

function collect(rule: Rule): Parts {
  const neg = (name: string) => !!item(rule, name)?.negated;
  const p: Parts = { negate: neg };
  if (rule.protocol && !rule.protocol.negated && rule.protocol.name !== 'all') p.proto = rule.protocol.name;
  const st = arg(rule, '--state') ?? arg(rule, '--ctstate');
  if (st) p.states = st.toUpperCase().split(',');
  p.dport = arg(rule, '--destination-port');
  p.dports = arg(rule, '--destination-ports') ?? arg(rule, '--ports');
  p.sport = arg(rule, '--source-port');
  p.src = arg(rule, '--source');
  p.dst = arg(rule, '--destination');
  p.iin = arg(rule, '--in-interface');
  p.iout = arg(rule, '--out-interface');
  p.icmp = arg(rule, '--icmp-type') ?? arg(rule, '--icmpv6-type');
  return p;
}

const PROTO_LABEL: Record<string, string> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', icmpv6: 'ICMPv6', sctp: 'SCTP', udplite: 'UDP-Lite', esp: 'ESP', ah: 'AH', gre: 'GRE' };

function ports(p: Parts, en: boolean): string {
  const parts: string[] = [];
  const pl = (v: string) => v.split(',').map((x) => portLabel(x, p.proto)).join(', ');
  const not = (n: string) => (p.negate(n) ? (en ? 'not ' : '以外の') : '');
  if (p.dport) parts.push(en ? `${not('--destination-port')}to port ${portLabel(p.dport, p.proto)}` : `ポート ${portLabel(p.dport, p.proto)}${p.negate('--destination-port') ? ' 以外' : ''} への`);
  if (p.dports) parts.push(en ? `to ports ${pl(p.dports)}` : `ポート ${pl(p.dports)} への`);
  if (p.sport) parts.push(en ? `${not('--source-port')}from port ${portLabel(p.sport, p.proto)}` : `ポート ${portLabel(p.sport, p.proto)} からの`);
  return parts.join(en ? ' ' : '');
}

function object(p: Parts, en: boolean): string {
  const proto = p.proto ? (PROTO_LABEL[p.proto] ?? p.proto) : '';
  const icmp = p.icmp ? `${p.icmp} ` : '';
  const st = p.states ?? [];
  if (st.length === 1 && st[0] === 'NEW') return en ? `new ${proto ? proto + ' ' : ''}connections` : `新しい${proto ? ` ${proto} ` : ''}接続`;
  if (st.length && st.every((s) => s === 'ESTABLISHED' || s === 'RELATED')) {
    const words = st.map((s) => (en ? s.toLowerCase() : s === 'ESTABLISHED' ? '確立済み' : '関連する'));
    return en ? `${proto ? proto + ' ' : ''}packets of ${words.join(' and ')} connections` : `${words.join('・')}の接続の${proto ? ` ${proto} ` : ''}パケット`;
  }
  if (st.length) return en ? `${proto ? proto + ' ' : ''}packets in state ${st.join(', ')}` : `状態が ${st.join(', ')} の${proto ? ` ${proto} ` : ''}パケット`;
  if (proto || icmp) return en ? `${proto} ${icmp}packets`.replace(/\s+/g, ' ').trim() : `${proto} ${icmp}パケット`.trim();
  return en ? 'all packets' : 'すべてのパケット';
}

function where(p: Parts, en: boolean): string {
  const out: string[] = [];
  const n = (name: string) => p.negate(name);
  if (en) {
    if (p.src) out.push(`${n('--source') ? 'not ' : ''}from ${p.src}`);
    if (p.dst) out.push(`${n('--destination') ? 'not ' : ''}to ${p.dst}`);
    if (p.iin) out.push(`${n('--in-interface') ? 'not ' : ''}on ${p.iin}`);
    if (p.iout) out.push(`${n('--out-interface') ? 'not ' : ''}out of ${p.iout}`);
    return out.join(' ');
  }
  const not = (name: string) => (n(name) ? ' 以外' : '');
  if (p.iin) out.push(`${p.iin}${not('--in-interface')} で受信した`);
  if (p.iout) out.push(`${p.iout}${not('--out-interface')} から送信する`);
  if (p.src) out.push(`${p.src}${not('--source')} からの`);
  if (p.dst) out.push(`${p.dst}${not('--destination')} 宛ての`);
  return out.join(' ');
}

/**
 * A plain-language reading of a rule, e.g. "Accept new TCP connections to port 22 (ssh)." /
 * 「ポート 22 (ssh) への新しい TCP 接続を許可します。」
 */
export function describeRule(rule: Rule, locale: DocsLanguage): string {
  const en = locale === 'en';
  const p = collect(rule);
  const obj = object(p, en);
  const pr = ports(p, en);
  const wh = where(p, en);
  const target = rule.target?.name;
  const prefix = arg(rule, '--log-prefix');
  const level = arg(rule, '--log-level');
  const rejectWith = arg(rule, '--reject-with');
  const levelName = level && /^\d$/.test(level) ? (['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'][Number(level)] ?? level) : level && logLevel(level) ? level : level;
  const toDest = arg(rule, '--to-destination');
  const toSrc = arg(rule, '--to-source');
  const toPorts = arg(rule, '--to-ports');
  const comment = arg(rule, '--comment');
  const limit = arg(rule, '--limit');
  if (en) {
    const phrase = [obj, pr, wh].filter(Boolean).join(' ');
    let s: string;
    switch (target) {
      case 'ACCEPT': s = `Accept ${phrase}`; break;
      case 'DROP': s = `Drop ${phrase} silently`; break;
      case 'REJECT': s = `Reject ${phrase}, answering with ${rejectWith ?? 'icmp-port-unreachable'}`; break;
      case 'RETURN': s = `Return to the calling chain for ${phrase}`; break;
      case 'LOG': s = `Log ${phrase}${prefix !== undefined ? ` with prefix "${prefix}"` : ''} at level ${levelName ?? 'warning'}, then continue`; break;
      case 'DNAT': s = `Forward ${phrase} to ${toDest ?? '?'}`; break;
      case 'SNAT': s = `Rewrite the source of ${phrase} to ${toSrc ?? '?'}`; break;
      case 'MASQUERADE': s = `Masquerade ${phrase} behind the address of the outgoing interface`; break;
      case 'REDIRECT': s = `Redirect ${phrase} to local port ${toPorts ?? '?'}`; break;
      case undefined: s = `Match ${phrase} (no target: only the counters change)`; break;
      default: s = rule.target?.entry ? `Apply ${target} to ${phrase}` : `${rule.target?.goto ? 'Go to' : 'Send'} ${phrase} to chain ${target}`;
    }
    if (limit) s += `, at most ${limit}`;
    if (comment) s += ` — “${comment}”`;
    return s.replace(/\s+/g, ' ') + '.';
  }
  const phrase = `${wh}${pr}${obj}`;
  let s: string;
  switch (target) {
    case 'ACCEPT': s = `${phrase}を許可します`; break;
    case 'DROP': s = `${phrase}を破棄します（応答は返しません）`; break;
    case 'REJECT': s = `${phrase}を拒否します（${rejectWith ?? 'icmp-port-unreachable'} を返します）`; break;
    case 'RETURN': s = `${phrase}は呼び出し元のチェインに戻します`; break;
    case 'LOG': s = `${phrase}を${prefix !== undefined ? `プレフィックス "${prefix}"、` : ''}レベル ${levelName ?? 'warning'} でログに記録し、次のルールへ進みます`; break;
    case 'DNAT': s = `${phrase}の宛先を ${toDest ?? '?'} に変換します`; break;
    case 'SNAT': s = `${phrase}の送信元を ${toSrc ?? '?'} に変換します`; break;
    case 'MASQUERADE': s = `${phrase}の送信元を送信インターフェースのアドレスに変換します`; break;
    case 'REDIRECT': s = `${phrase}をローカルのポート ${toPorts ?? '?'} へリダイレクトします`; break;
    case undefined: s = `${phrase}に一致します（ターゲットなし、カウンタだけが増えます）`; break;
    default: s = rule.target?.entry ? `${phrase}に ${target} を適用します` : `${phrase}をチェイン ${target} へ渡します`;
  }
  if (limit) s += `（最大 ${limit}）`;
  if (comment) s += `（コメント: 「${comment}」）`;
  return s + '。';
}
