import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { entryMarkdown, type CatalogEntry } from '../common/catalog';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { completionSite, specOf } from './context';
import { entityIndex, type EntityKind } from './entities';
import type { FirewalldTree } from './parse';
import { ruleParts } from './richRule';
import { childSpecs, elementSpec, VALUES, type AttributeSpec, type ElementSpec, type RootKind } from './schema';
import { fileKind } from './validate';
import type { XmlElement } from './xml';

const REF_TYPES: Record<string, EntityKind> = { service: 'service', icmptype: 'icmptype', helper: 'helper', ipset: 'ipset', zone: 'zone' };

/** `name a="$1" b="$2"/>` or `name>$0</name>`, with the required attributes as tab stops. */
function elementSnippet(spec: ElementSpec, withLt: boolean): string {
  let n = 1;
  const attrs = (spec.attributes ?? []).filter((a) => a.required).map((a) => ` ${a.name}="\${${n++}}"`).join('');
  const open = (withLt ? '<' : '') + spec.name + attrs;
  if (spec.children?.length || spec.text) return `${open}>$0</${spec.name}>`;
  return `${open}/>`;
}

function parentSpec(kind: RootKind, parent: XmlElement | undefined): ElementSpec | undefined {
  return parent ? specOf(kind, parent) : undefined;
}

function completeElements(kind: RootKind, parent: XmlElement | undefined, typedLt: boolean, locale: 'en' | 'ja', rootExists: boolean): CompletionItem[] {
  const pspec = parentSpec(kind, parent);
  if (parent && !pspec) return [];
  // Outside the root element only an empty document gets the root element offered.
  if (!parent && !typedLt && rootExists) return [];
  const counts = new Map<string, number>();
  for (const c of parent?.children ?? []) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const groupCounts = new Map<string, number>();
  const items: CompletionItem[] = [];
  const list = childSpecs(kind, parent?.name ?? '', pspec);
  for (const { child } of list) if (child.group) groupCounts.set(child.group, (groupCounts.get(child.group) ?? 0) + (counts.get(child.name) ?? 0));
  list.forEach(({ child, spec }, i) => {
    if (child.max !== undefined && (counts.get(child.name) ?? 0) >= child.max) return;
    if (child.group && pspec?.groups?.[child.group] !== undefined && (groupCounts.get(child.group) ?? 0) >= pspec.groups[child.group]) return;
    items.push({
      label: spec.name,
      kind: CompletionItemKind.Property,
      detail: spec.syntax,
      documentation: entryMarkdown(spec, locale),
      insertText: elementSnippet(spec, !typedLt),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(i).padStart(3, '0'),
    });
  });
  return items;
}

function valueItems(aspec: AttributeSpec, el: XmlElement | undefined, parent: XmlElement | undefined, ctx: LanguageContext): CompletionItem[] {
  const locale = ctx.locale;
  const ref = REF_TYPES[aspec.type ?? ''];
  const item = (label: string, doc?: CatalogEntry, detail?: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    detail,
    documentation: doc ? entryMarkdown(doc, locale) : undefined,
  });
  if (ref) {
    const entities = entityIndex(ctx);
    const names = entities.names(ref);
    if (ref === 'zone') names.push('ANY', 'HOST');
    return names.sort().map((n) => {
      const doc = entities.shipped(ref, n);
      return item(n, doc, (doc as { title?: string } | undefined)?.title ?? (entities.workspace(ref, n) ? (locale === 'ja' ? 'ワークスペース' : 'workspace') : undefined));
    });
  }
  if (aspec.valueDocs?.length) return aspec.valueDocs.map((v) => item(v.name, v));
  if (aspec.values?.length) return aspec.values.map((v) => item(v));
  switch (aspec.type) {
    case 'bool':
      return ['yes', 'no'].map((v) => item(v));
    case 'protocol':
      return VALUES.protocols.map((v) => item(v));
    case 'reject-type': {
      const rule = parent?.name === 'rule' ? parent : undefined;
      const fam = rule ? ruleParts(rule).family : undefined;
      const types = fam === 'ipv6' ? VALUES.rejectTypes.ipv6 : fam === 'ipv4' ? VALUES.rejectTypes.ipv4 : [...new Set([...VALUES.rejectTypes.ipv4, ...VALUES.rejectTypes.ipv6])];
      return types.map((v) => item(v));
    }
    case 'limit':
      return ['1/s', '3/m', '10/m', '1/h', '2/d'].map((v) => item(v));
    case 'mss':
      return [item('pmtu')];
    case 'ipset-option-value':
      return el && el.attributes.find((a) => a.name === 'name')?.value === 'family' ? [item('inet'), item('inet6')] : [];
    case 'direct-table': {
      const ipv = el?.attributes.find((a) => a.name === 'ipv')?.value ?? 'ipv4';
      return (VALUES.directTables[ipv] ?? []).map((v) => item(v));
    }
    default:
      return [];
  }
}

/** Completion of elements (valid children at the cursor), attributes, attribute values and names of services and other definitions. */
export function complete(doc: ParsedDocument<FirewalldTree>, pos: Position, ctx: LanguageContext): CompletionItem[] {
  const root = doc.tree.root;
  const kind = fileKind(ctx.uri, root) ?? inferKindFromText(doc.text);
  if (!kind) return [];
  const offset = doc.lines.offsetAt(pos);
  const site = completionSite(doc.text, offset, root);
  if (site.what === 'none') return [];
  if (site.what === 'element') return completeElements(kind, site.parent, site.typedLt, ctx.locale, !!root?.name);
  const spec = elementSpec(kind, site.parent?.name ?? '', site.tagName);
  if (!spec) return [];
  if (site.what === 'attribute') {
    return (spec.attributes ?? [])
      .filter((a) => !site.present.has(a.name) && !a.deprecated)
      .map((a) => ({
        label: a.name,
        kind: CompletionItemKind.Field,
        detail: a.required ? (ctx.locale === 'ja' ? '必須' : 'required') : undefined,
        documentation: entryMarkdown(a, ctx.locale),
        insertText: `${a.name}="$1"`,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: (a.required ? '0' : '1') + a.name,
      }));
  }
  const aspec = spec.attributes?.find((a) => a.name === site.attrName);
  if (!aspec) return [];
  const parent = site.el?.parent ?? site.parent;
  const items = valueItems(aspec, site.el, parent, ctx);
  if (aspec.type === 'protocol' && items.length > 50) {
    // Common protocols first; the full /etc/protocols list follows.
    const common = ['tcp', 'udp', 'icmp', 'ipv6-icmp', 'gre', 'esp', 'ah', 'sctp', 'vrrp', 'igmp'];
    for (const it of items) it.sortText = (common.includes(it.label) ? '0' : '1') + it.label;
  }
  return items;
}

function inferKindFromText(text: string): RootKind | undefined {
  const m = /<(zone|service|policy|ipset|icmptype|helper|direct|whitelist)[\s>/]/.exec(text.slice(0, 2000));
  return m ? (m[1] as RootKind) : undefined;
}
