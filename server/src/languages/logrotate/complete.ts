import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { entryMarkdown } from '../common/catalog';
import type { LanguageContext } from '../common/types';
import { CATALOG, directivesFor, type LrEntry } from './catalog';
import { blockAt } from './hover';
import type { LrDocument, LrItem } from './tree';

const MODES = ['0640', '0644', '0600', '0660', '0750', '0755'];

function inScript(items: readonly LrItem[], line: number): boolean {
  for (const it of items) {
    if (it.type === 'script' && line >= it.line && (line < it.endLine || (!it.closed && line === it.endLine))) return true;
  }
  return false;
}

function valueItems(values: Iterable<string>, detail: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const v of values) out.push({ label: v, kind: CompletionItemKind.Value, detail });
  return out;
}

function directiveItem(e: LrEntry, ctx: LanguageContext): CompletionItem {
  const item: CompletionItem = {
    label: e.name,
    kind: CompletionItemKind.Keyword,
    detail: (e.syntax ?? e.name).split('\n')[0],
    documentation: entryMarkdown(e, ctx.locale),
  };
  if (e.type === 'script') {
    item.insertText = `${e.name}\n\t$0\nendscript`;
    item.insertTextFormat = InsertTextFormat.Snippet;
  } else if (e.type && e.type !== 'none' && e.type !== 'weekday' && e.type !== 'modeOwnerGroup') {
    item.insertText = `${e.name} `;
    item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  }
  return item;
}

/** Completion of directives valid where the cursor is, and of their values. Nothing inside scripts. */
export function completeLogrotate(doc: LrDocument, pos: Position, ctx: LanguageContext): CompletionItem[] {
  const tree = doc.tree;
  const block = blockAt(tree.blocks, pos.line);
  const inBody =
    block !== undefined &&
    block.openRange !== undefined &&
    (pos.line > block.openRange.start.line || (pos.line === block.openRange.start.line && pos.character > block.openRange.start.character)) &&
    (!block.closeRange || pos.line < block.closeRange.start.line || (pos.line === block.closeRange.start.line && pos.character <= block.closeRange.start.character));
  if (inScript(inBody ? block!.items : tree.items, pos.line)) return [];
  if (block && !inBody) return [];

  const prefix = doc.lines.line(pos.line).slice(0, pos.character);
  const trimmed = prefix.trimStart();
  if (trimmed.startsWith('#')) return [];
  let k = 0;
  while (k < trimmed.length && /[A-Za-z]/.test(trimmed[k])) k++;
  if (k === trimmed.length) {
    return directivesFor(inBody ? 'block' : 'global').map((e) => directiveItem(e, ctx));
  }
  const entry = CATALOG.get(trimmed.slice(0, k));
  if (!entry || entry.kind !== 'directive' || !/[\s=]/.test(trimmed[k])) return [];
  const rest = trimmed.slice(k + 1).replace(/^[\s=]+/, '');
  const words = rest.split(/\s+/);
  const index = words.length - 1;
  const host = ctx.host;
  const detail = entry.syntax ?? entry.name;
  switch (entry.type) {
    case 'userGroup':
      return valueItems((index === 0 ? host?.users() : index === 1 ? host?.groups() : undefined) ?? [], detail);
    case 'modeOwnerGroup': {
      const hasMode = index > 0 && /^[0-7]+$/.test(words[0]);
      if (index === 0) return [...valueItems(MODES, detail), ...valueItems(host?.users() ?? [], detail)];
      const slot = hasMode ? index - 1 : index;
      return valueItems((slot === 0 ? host?.users() : slot === 1 ? host?.groups() : undefined) ?? [], detail);
    }
    default:
      return index === 0 ? valueItems(entry.values ?? [], detail) : [];
  }
}
