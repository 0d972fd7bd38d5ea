import type { EntityIndex } from './entities';
import { describeRule } from './richRule';
import { attrValue, type XmlElement } from './xml';

const TARGET_WORDS: Record<string, [string, string]> = {
  default: ['anything else is rejected (ICMP is still accepted)', 'それ以外は拒否（ICMP は許可）'],
  ACCEPT: ['anything else is accepted', 'それ以外もすべて許可'],
  '%%REJECT%%': ['anything else is rejected with an ICMP message', 'それ以外は ICMP メッセージを返して拒否'],
  DROP: ['anything else is dropped silently', 'それ以外は応答なしで破棄'],
  REJECT: ['anything else is rejected', 'それ以外は拒否'],
  CONTINUE: ['anything else goes on to the next policy and the zones', 'それ以外は次のポリシーやゾーンへ'],
};

/**
 * What a zone (or policy) lets in, in plain words: services with their ports, ports, sources,
 * masquerade, forward-ports, rich rules and the target.
 */
export function zoneSummary(root: XmlElement, name: string, entities: EntityIndex, locale: 'en' | 'ja'): string {
  const ja = locale === 'ja';
  const services: string[] = [];
  const ports: string[] = [];
  const protocols: string[] = [];
  const sources: string[] = [];
  const interfaces: string[] = [];
  const forwards: string[] = [];
  const icmp: string[] = [];
  const rules: string[] = [];
  const zonesIn: string[] = [];
  const zonesOut: string[] = [];
  let masquerade = false;
  let forward = false;
  let inversion = false;
  for (const c of root.children) {
    switch (c.name) {
      case 'service': {
        const n = attrValue(c, 'name') ?? '?';
        const p = entities.servicePorts(n);
        services.push(p?.length ? `\`${n}\` (${p.join(', ')})` : `\`${n}\``);
        break;
      }
      case 'port':
        ports.push(`\`${attrValue(c, 'port')}/${attrValue(c, 'protocol')}\``);
        break;
      case 'source-port':
        ports.push(ja ? `送信元 \`${attrValue(c, 'port')}/${attrValue(c, 'protocol')}\`` : `from source port \`${attrValue(c, 'port')}/${attrValue(c, 'protocol')}\``);
        break;
      case 'protocol':
        protocols.push(`\`${attrValue(c, 'value')}\``);
        break;
      case 'source':
        sources.push(`\`${attrValue(c, 'address') ?? attrValue(c, 'mac') ?? `ipset:${attrValue(c, 'ipset')}`}\``);
        break;
      case 'interface':
        interfaces.push(`\`${attrValue(c, 'name')}\``);
        break;
      case 'masquerade':
        masquerade = true;
        break;
      case 'forward':
        forward = true;
        break;
      case 'icmp-block-inversion':
        inversion = true;
        break;
      case 'icmp-block':
        icmp.push(`\`${attrValue(c, 'name')}\``);
        break;
      case 'forward-port': {
        const to = [attrValue(c, 'to-addr'), attrValue(c, 'to-port')].filter(Boolean).join(':');
        forwards.push(`\`${attrValue(c, 'port')}/${attrValue(c, 'protocol')}\` → \`${to}\``);
        break;
      }
      case 'rule':
        rules.push(describeRule(c, locale));
        break;
      case 'ingress-zone':
        zonesIn.push(`\`${attrValue(c, 'name')}\``);
        break;
      case 'egress-zone':
        zonesOut.push(`\`${attrValue(c, 'name')}\``);
        break;
    }
  }
  const isPolicy = root.name === 'policy';
  const target = attrValue(root, 'target') ?? (isPolicy ? 'CONTINUE' : 'default');
  const lines: string[] = [];
  lines.push(ja ? `**${isPolicy ? 'ポリシー' : 'ゾーン'} \`${name}\` が許可するもの**` : `**What ${isPolicy ? 'policy' : 'zone'} \`${name}\` lets in**`);
  const item = (en: string, j: string, list: string[]) => {
    if (list.length) lines.push(`- ${ja ? j : en}: ${list.join(ja ? '、' : ', ')}`);
  };
  item('From zones', '入力ゾーン', zonesIn);
  item('To zones', '出力ゾーン', zonesOut);
  item('Interfaces', 'インターフェース', interfaces);
  item('Sources', '送信元', sources);
  item('Services', 'サービス', services);
  item('Ports', 'ポート', ports);
  item('Protocols', 'プロトコル', protocols);
  if (masquerade) lines.push(ja ? '- マスカレード: 有効' : '- Masquerade: on');
  item('Forwarded ports', 'ポート転送', forwards);
  if (icmp.length) lines.push(inversion ? (ja ? `- ICMP: ${icmp.join('、')} だけを許可（反転）` : `- ICMP: only ${icmp.join(', ')} accepted (inverted)`) : ja ? `- ICMP ブロック: ${icmp.join('、')}` : `- ICMP blocked: ${icmp.join(', ')}`);
  else if (inversion) lines.push(ja ? '- ICMP: すべてブロック（反転）' : '- ICMP: all blocked (inverted)');
  if (!isPolicy) lines.push(forward ? (ja ? '- ゾーン内転送: 有効' : '- Forwarding within the zone: on') : ja ? '- ゾーン内転送: 無効' : '- Forwarding within the zone: off');
  if (rules.length) {
    lines.push(ja ? '- リッチルール:' : '- Rich rules:');
    rules.forEach((r, i) => lines.push(`  ${i + 1}. ${r}`));
  }
  const tw = TARGET_WORDS[target];
  lines.push(`- ${ja ? 'ターゲット' : 'Target'}: \`${target}\`${tw ? ` — ${ja ? tw[1] : tw[0]}` : ''}`);
  return lines.join('\n');
}
