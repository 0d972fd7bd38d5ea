import type { DocumentSymbol, Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from './types';

/** Characters that end a word for "expand selection": blanks, quotes, brackets and separators. */
const STOP = new Set([...' \t"\'(){}[]<>=,;:'].map((c) => c.charCodeAt(0)));

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function same(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The symbols around `pos`, innermost first (a stanza, a section, a chain, an element …). */
function enclosing(symbols: DocumentSymbol[], pos: Position, out: Range[] = []): Range[] {
  for (const s of symbols) {
    if (before(pos, s.range.start) || before(s.range.end, pos)) continue;
    if (s.children?.length) enclosing(s.children, pos, out);
    out.push(s.range);
    break;
  }
  return out;
}

/**
 * Selection ranges for "expand selection", in every language: the word at the cursor, the
 * line without its blanks, each outline symbol around it (innermost first), the whole document.
 * Each range holds the one before it, as the protocol requires.
 */
export function selectionRanges(doc: ParsedDocument<unknown>, symbols: DocumentSymbol[], positions: Position[]): SelectionRange[] {
  const last = doc.lines.lineCount - 1;
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: last, character: doc.lines.line(last).length } };
  return positions.map((pos) => {
    const text = doc.lines.line(pos.line);
    const ch = Math.min(pos.character, text.length);
    let a = ch;
    let b = ch;
    while (a > 0 && !STOP.has(text.charCodeAt(a - 1))) a--;
    while (b < text.length && !STOP.has(text.charCodeAt(b))) b++;
    let s = 0;
    let e = text.length;
    while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
    while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    const candidates: Range[] = [];
    if (b > a) candidates.push({ start: { line: pos.line, character: a }, end: { line: pos.line, character: b } });
    if (e > s) candidates.push({ start: { line: pos.line, character: s }, end: { line: pos.line, character: e } });
    candidates.push(...enclosing(symbols, pos), whole);
    const chain: Range[] = [];
    for (const r of candidates) {
      const prev = chain[chain.length - 1];
      if (!prev || (contains(r, prev) && !same(r, prev))) chain.push(r);
    }
    let parent: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) parent = { range: chain[i], parent };
    return parent ?? { range: { start: pos, end: pos } };
  });
}
