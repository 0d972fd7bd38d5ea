import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../common/types';
import type { FirewalldTree } from './parse';
import { describeRule } from './richRule';
import { attrValue, type XmlElement } from './xml';

const KIND: Record<string, SymbolKind> = {
  service: SymbolKind.Module,
  port: SymbolKind.Number,
  'source-port': SymbolKind.Number,
  'forward-port': SymbolKind.Event,
  protocol: SymbolKind.Constant,
  source: SymbolKind.Field,
  interface: SymbolKind.Interface,
  rule: SymbolKind.Function,
  masquerade: SymbolKind.Boolean,
  forward: SymbolKind.Boolean,
  'icmp-block': SymbolKind.Key,
  'icmp-block-inversion': SymbolKind.Boolean,
  'ingress-zone': SymbolKind.Namespace,
  'egress-zone': SymbolKind.Namespace,
  entry: SymbolKind.EnumMember,
  option: SymbolKind.Property,
  chain: SymbolKind.Class,
  passthrough: SymbolKind.Function,
  include: SymbolKind.Module,
  helper: SymbolKind.Module,
  module: SymbolKind.Module,
  destination: SymbolKind.Field,
  command: SymbolKind.Function,
  user: SymbolKind.Variable,
  selinux: SymbolKind.Variable,
};

function label(el: XmlElement): { name: string; detail?: string } {
  const a = (n: string) => attrValue(el, n);
  switch (el.name) {
    case 'service':
    case 'interface':
    case 'icmp-block':
    case 'ingress-zone':
    case 'egress-zone':
    case 'helper':
    case 'module':
      return { name: `${el.name} ${a('name') ?? ''}`.trim() };
    case 'include':
      return { name: `include ${a('service') ?? ''}` };
    case 'port':
    case 'source-port':
      return { name: `${el.name} ${a('port') ?? ''}/${a('protocol') ?? ''}` };
    case 'forward-port':
      return { name: `forward-port ${a('port')}/${a('protocol')}`, detail: `→ ${[a('to-addr'), a('to-port')].filter(Boolean).join(':')}` };
    case 'protocol':
      return { name: `protocol ${a('value') ?? ''}` };
    case 'source':
      return { name: `source ${a('address') ?? a('mac') ?? `ipset:${a('ipset')}`}` };
    case 'rule':
      return el.parent?.name === 'direct'
        ? { name: `rule ${a('ipv')} ${a('table')} ${a('chain')}`, detail: el.text }
        : { name: 'rule', detail: describeRule(el, 'en') };
    case 'option':
      return { name: `option ${a('name')}=${a('value') ?? ''}` };
    case 'entry':
      return { name: el.text || 'entry' };
    case 'chain':
      return { name: `chain ${a('ipv')} ${a('table')} ${a('chain')}` };
    case 'passthrough':
      return { name: `passthrough ${a('ipv')}`, detail: el.text };
    case 'destination':
      return { name: `destination ${[a('ipv4'), a('ipv6')].filter(Boolean).join(' ')}` };
    case 'command':
      return { name: `command ${a('name')}` };
    case 'user':
      return { name: `user ${a('name') ?? a('id')}` };
    case 'selinux':
      return { name: `selinux ${a('context')}` };
    default:
      return { name: el.name };
  }
}

/** One symbol for the root element, with one child symbol per element of interest. */
export function symbols(doc: ParsedDocument<FirewalldTree>): DocumentSymbol[] {
  const root = doc.tree.root;
  if (!root || !root.name) return [];
  const r = (el: XmlElement) => doc.lines.range(el.start, el.end);
  const children: DocumentSymbol[] = [];
  for (const c of root.children) {
    if (!(c.name in KIND)) continue;
    const { name, detail } = label(c);
    children.push({ name, detail, kind: KIND[c.name], range: r(c), selectionRange: doc.lines.range(c.nameStart, c.nameEnd) });
  }
  const target = attrValue(root, 'target');
  return [
    {
      name: root.name,
      detail: target ? `target ${target}` : undefined,
      kind: SymbolKind.Namespace,
      range: r(root),
      selectionRange: doc.lines.range(root.nameStart, root.nameEnd),
      children,
    },
  ];
}

/** Every element that spans several lines folds. */
export function folding(doc: ParsedDocument<FirewalldTree>): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (el: XmlElement) => {
    const s = doc.lines.positionAt(el.start).line;
    const e = doc.lines.positionAt(el.end).line;
    if (e > s) out.push({ startLine: s, endLine: e - 1 });
    for (const c of el.children) visit(c);
  };
  if (doc.tree.root) visit(doc.tree.root);
  return out;
}
