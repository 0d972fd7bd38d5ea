import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { IniTree } from '../common/ini';
import type { ParsedDocument } from '../common/types';
import { entries } from './parse';

/** One symbol per `Key=Value` line (a line such as `=value` still gets a name: VS Code rejects empty ones). */
export function symbols(doc: ParsedDocument<IniTree>): DocumentSymbol[] {
  return entries(doc).map((e) => ({ name: e.key || '(empty key)', detail: e.value, kind: SymbolKind.Property, range: e.range, selectionRange: e.keyRange }));
}

/** Runs of two or more comment lines fold (the stock file explains each key in such a block). */
export function folding(doc: ParsedDocument<IniTree>): FoldingRange[] {
  const out: FoldingRange[] = [];
  let start = -1;
  for (let n = 0; n <= doc.lines.lineCount; n++) {
    const isComment = n < doc.lines.lineCount && /^\s*[#;]/.test(doc.lines.line(n));
    if (isComment && start === -1) start = n;
    if (!isComment && start !== -1) {
      if (n - 1 > start) out.push({ startLine: start, endLine: n - 1, kind: 'comment' });
      start = -1;
    }
  }
  return out;
}
