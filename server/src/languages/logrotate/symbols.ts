import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { LrDocument, LrScript } from './tree';

function scriptSymbol(s: LrScript): DocumentSymbol {
  return { name: s.name, kind: SymbolKind.Event, range: s.range, selectionRange: s.nameRange };
}

/** Outline: one symbol per definition (named by its paths), with its scripts inside. */
export function symbolsLogrotate(doc: LrDocument): DocumentSymbol[] {
  return doc.tree.blocks.map((b) => {
    const details: string[] = [];
    for (const it of b.items) {
      if (it.type !== 'directive') continue;
      if (['hourly', 'daily', 'weekly', 'monthly', 'yearly'].includes(it.name)) details.push(it.name);
      else if (it.name === 'size' || it.name === 'rotate') details.push(`${it.name} ${it.argText}`);
    }
    return {
      name: b.paths.map((p) => p.text).join(' ') || '(no path)',
      detail: details.join(', '),
      kind: SymbolKind.File,
      range: b.range,
      selectionRange: b.pathsRange,
      children: b.items.filter((i): i is LrScript => i.type === 'script').map(scriptSymbol),
    };
  });
}

/** Folding for definitions and scripts (the closing line stays visible). */
export function foldingLogrotate(doc: LrDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const script = (s: LrScript) => {
    const end = s.closed ? s.endLine - 1 : s.endLine;
    if (end > s.line) out.push({ startLine: s.line, endLine: end });
  };
  for (const it of doc.tree.items) {
    if (it.type === 'script') script(it);
    if (it.type !== 'block') continue;
    const end = it.closeRange ? it.closeRange.start.line - 1 : it.range.end.line;
    if (end > it.line) out.push({ startLine: it.line, endLine: end });
    for (const s of it.items) if (s.type === 'script') script(s);
  }
  return out;
}
