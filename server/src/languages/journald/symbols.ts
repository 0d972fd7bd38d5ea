import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { JdDocument } from './parse';

/** Outline: each section with its keys. */
export function symbolsJournald(doc: JdDocument): DocumentSymbol[] {
  return doc.tree.sections
    .filter((s) => s.name !== '' || s.entries.length > 0)
    .map((s) => ({
      name: s.name === '' ? '(no section)' : `[${s.name}]`,
      kind: SymbolKind.Namespace,
      range: s.range,
      selectionRange: s.name === '' ? s.range : s.nameRange,
      children: s.entries.map((e) => ({ name: e.key || '(empty key)', detail: e.value, kind: SymbolKind.Property, range: e.range, selectionRange: e.keyRange })),
    }));
}

/** Folding: one range per section. */
export function foldingJournald(doc: JdDocument): FoldingRange[] {
  return doc.tree.sections
    .filter((s) => s.name !== '' && s.range.end.line > s.range.start.line)
    .map((s) => ({ startLine: s.range.start.line, endLine: s.range.end.line }));
}
