import type { Hover, Position } from 'vscode-languageserver-types';
import { entryMarkdown, type CatalogEntry } from '../common/catalog';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { specOf, targetAt } from './context';
import { entityIndex, type EntityIndex, type EntityKind } from './entities';
import type { FirewalldTree } from './parse';
import { describeRule } from './richRule';
import { entityNameFromUri, type AttributeSpec } from './schema';
import { zoneSummary } from './summary';
import { fileKind } from './validate';

const REF_TYPES: Record<string, EntityKind> = { service: 'service', icmptype: 'icmptype', helper: 'helper', ipset: 'ipset', zone: 'zone' };

function referenceMarkdown(kind: EntityKind, name: string, entities: EntityIndex, locale: 'en' | 'ja'): string | undefined {
  const w = entities.workspace(kind, name);
  if (w) {
    const file = decodeURIComponent(w.uri.replace(/^file:\/\//, ''));
    let md = locale === 'ja' ? `**${name}**（ワークスペースの定義: \`${file}\`）` : `**${name}** (defined in the workspace: \`${file}\`)`;
    if (kind === 'service') {
      const ports = entities.servicePorts(name);
      if (ports?.length) md += `\n\n${locale === 'ja' ? 'ポート' : 'Ports'}: ${ports.map((p) => `\`${p}\``).join(', ')}`;
    }
    return md;
  }
  const shipped = entities.shipped(kind, name);
  if (shipped) return entryMarkdown(shipped, locale).value;
  if (kind === 'zone' && (name === 'ANY' || name === 'HOST')) {
    const en = name === 'ANY' ? 'Every zone.' : 'The host running firewalld itself.';
    const ja = name === 'ANY' ? 'すべてのゾーンを表します。' : 'firewalld が動いているホスト自身を表します。';
    return `**${name}** — ${locale === 'ja' ? ja : en}`;
  }
  return undefined;
}

/** Hover on elements, attributes and values; a zone's root element shows what the zone lets in. */
export function hover(doc: ParsedDocument<FirewalldTree>, pos: Position, ctx: LanguageContext): Hover | null {
  const root = doc.tree.root;
  const kind = fileKind(ctx.uri, root);
  if (!root || !kind) return null;
  const t = targetAt(root, doc.lines.offsetAt(pos));
  if (!t) return null;
  const spec = specOf(kind, t.el);
  const range = doc.lines.range(t.start, t.end);
  const md = (value: string): Hover => ({ contents: { kind: 'markdown', value }, range });
  const locale = ctx.locale;
  if (t.what === 'element') {
    if (!spec) return null;
    let value = entryMarkdown(spec, locale).value;
    if (t.el === root && (kind === 'zone' || kind === 'policy')) {
      value = zoneSummary(root, entityNameFromUri(ctx.uri), entityIndex(ctx), locale) + '\n\n---\n\n' + value;
    } else if (t.el.name === 'rule' && (kind === 'zone' || kind === 'policy')) {
      value = `${locale === 'ja' ? 'このルール' : 'This rule'}: ${describeRule(t.el, locale)}\n\n---\n\n${value}`;
    }
    return md(value);
  }
  if (t.what === 'text') return spec ? md(entryMarkdown(spec, locale).value) : null;
  const aspec = spec?.attributes?.find((a) => a.name === t.attr.name) as AttributeSpec | undefined;
  if (!aspec) return null;
  if (t.what === 'attribute') return md(entryMarkdown(aspec, locale).value);
  const value = t.attr.value ?? '';
  const vdoc: CatalogEntry | undefined = aspec.valueDocs?.find((v) => v.name === value);
  if (vdoc) return md(entryMarkdown(vdoc, locale).value);
  const ref = REF_TYPES[aspec.type ?? ''];
  if (ref) {
    const r = referenceMarkdown(ref, value, entityIndex(ctx), locale);
    if (r) return md(r);
  }
  return md(entryMarkdown(aspec, locale).value);
}
