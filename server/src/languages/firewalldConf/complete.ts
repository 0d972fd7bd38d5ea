import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { entryMarkdown } from '../common/catalog';
import type { IniTree } from '../common/ini';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { entityIndex } from '../firewalld/entities';
import { KEYS, VALUE_DOCS } from './catalog';
import { entries } from './parse';

/** Keys at the start of a line (those not set yet), values after `=`. */
export function complete(doc: ParsedDocument<IniTree>, pos: Position, ctx: LanguageContext): CompletionItem[] {
  const line = doc.lines.line(pos.line);
  const before = line.slice(0, pos.character);
  if (/^\s*[#;]/.test(before)) return [];
  const eq = before.indexOf('=');
  if (eq === -1) {
    const set = new Set(entries(doc).filter((e) => e.keyRange.start.line !== pos.line).map((e) => e.key));
    const start = before.length - before.trimStart().length;
    return KEYS.entries
      .filter((k) => !set.has(k.name))
      .map((k) => ({
        label: k.name,
        kind: CompletionItemKind.Property,
        detail: k.syntax,
        documentation: entryMarkdown(k, ctx.locale),
        tags: k.deprecated ? [1] : undefined,
        sortText: (k.deprecated ? '1' : '0') + k.name,
        textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText: `${k.name}=` },
      }));
  }
  const key = KEYS.get(before.slice(0, eq).trim());
  if (!key) return [];
  const item = (label: string, detail?: string): CompletionItem => {
    const doc = VALUE_DOCS.get(label);
    return { label, kind: CompletionItemKind.Value, detail, documentation: doc ? entryMarkdown(doc, ctx.locale) : undefined };
  };
  switch (key.type) {
    case 'zone': {
      const zones = entityIndex(ctx);
      return zones.names('zone').sort().map((z) => ({ ...item(z), documentation: zones.shipped('zone', z) ? entryMarkdown(zones.shipped('zone', z)!, ctx.locale) : undefined }));
    }
    case 'bool':
      return [item('yes'), item('no')];
    case 'enum':
      return (key.values ?? []).map((v) => item(v));
    case 'reload-policy':
      return ['INPUT:DROP,FORWARD:DROP,OUTPUT:DROP', 'DROP', 'REJECT', 'ACCEPT'].map((v) => item(v));
    case 'flowtable':
      return [item('off')];
    default:
      return [];
  }
}
