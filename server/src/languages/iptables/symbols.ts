import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import { lineRange } from '../common/text';
import type { ParsedDocument } from '../common/types';
import { table as tableEntry } from './catalog';
import type { IptablesTree, Rule } from './tree';

function ruleName(r: Rule, text: string): string {
  const from = r.chain ? r.chain.end : 0;
  const s = text.slice(from).trim();
  return s.length > 80 ? s.slice(0, 77) + '…' : s || (r.command?.token.text ?? '');
}

/** Outline: each table, its chains (built-in first, as the table lists them), and their rules. */
export function symbols(doc: ParsedDocument<IptablesTree>): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const t of doc.tree.tables) {
    const tableRange = lineRange(t.line, 0, 0);
    tableRange.end = { line: t.endLine, character: doc.lines.line(t.endLine).length };
    const chains = new Map<string, DocumentSymbol>();
    const builtin = tableEntry(t.name)?.chains ?? [];
    for (const c of t.chains) {
      if (!c.name || chains.has(c.name)) continue;
      const range = lineRange(c.line, 0, doc.lines.line(c.line).length);
      chains.set(c.name, {
        name: c.name,
        detail: c.policy && c.policy !== '-' ? c.policy : builtin.includes(c.name) ? '' : 'user chain',
        kind: builtin.includes(c.name) ? SymbolKind.Class : SymbolKind.Function,
        range,
        selectionRange: c.nameRange,
        children: [],
      });
    }
    for (const r of t.rules) {
      if (!r.chain) continue;
      let c = chains.get(r.chain.text);
      const rr = lineRange(r.line, 0, doc.lines.line(r.line).length);
      if (!c) {
        c = { name: r.chain.text, kind: SymbolKind.Class, range: rr, selectionRange: lineRange(r.line, r.chain.start, r.chain.end), children: [] };
        chains.set(r.chain.text, c);
      }
      const text = doc.lines.line(r.line);
      c.children!.push({ name: ruleName(r, text), detail: r.target?.name ?? '', kind: SymbolKind.Event, range: rr, selectionRange: rr });
      if (r.line > c.range.end.line) c.range = { start: c.range.start, end: rr.end };
    }
    for (const c of chains.values()) {
      if (c.range.start.line < t.line || c.range.end.line > t.endLine) c.range = tableRange;
      if (c.selectionRange.start.line < c.range.start.line || c.selectionRange.end.line > c.range.end.line) c.selectionRange = c.range;
    }
    out.push({
      name: `*${t.name}`,
      kind: SymbolKind.Namespace,
      range: tableRange,
      selectionRange: t.nameRange,
      children: [...chains.values()],
    });
  }
  return out;
}

/** One fold per table, from `*table` to COMMIT. */
export function folding(doc: ParsedDocument<IptablesTree>): FoldingRange[] {
  return doc.tree.tables.filter((t) => t.endLine > t.line).map((t) => ({ startLine: t.line, endLine: t.endLine, kind: 'region' }));
}
