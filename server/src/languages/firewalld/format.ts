import type { TextEdit } from 'vscode-languageserver-types';
import { DepthMap, indentUnit, isSpace, LineMask, lineEdits, lineFinder, reindent, type FormatOptions } from '../common/format';
import type { ParsedDocument } from '../common/types';
import type { FirewalldTree } from './parse';
import { walk } from './xml';

/** Marks the lines after the first of every `<!-- … -->`, `<![CDATA[ … ]]>` and `<? … ?>`. */
function keepMarkup(text: string, lineOf: (offset: number) => number, keep: LineMask): void {
  const kinds: [string, string][] = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
  ];
  let i = text.indexOf('<');
  while (i !== -1) {
    const kind = kinds.find(([open]) => text.startsWith(open, i));
    if (!kind) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    const close = text.indexOf(kind[1], i + kind[0].length);
    const end = close === -1 ? text.length : close + kind[1].length;
    const a = lineOf(i);
    const b = lineOf(end);
    if (b > a) keep.mark(a + 1, b);
    i = text.indexOf('<', end);
  }
}

/**
 * Indents firewalld XML by element depth, one line at a time: nothing moves to another line, the
 * attributes and their order stay as written, and so do comments, text content that spans lines
 * and tags spread over several lines. A file with XML syntax errors is left alone (where its
 * elements end cannot be told).
 */
export function format(doc: ParsedDocument<FirewalldTree>, o: FormatOptions): TextEdit[] {
  if (doc.problems.length > 0 || !doc.tree.root) return [];
  const { lines, text } = doc;
  const count = lines.lineCount;
  const lineOf = lineFinder(lines);
  const depth = new DepthMap(count);
  const keep = new LineMask(count);
  keepMarkup(text, lineOf, keep);
  for (const el of walk(doc.tree.root)) {
    const startLine = lineOf(el.start);
    const tagEndLine = lineOf(el.startTagEnd);
    if (tagEndLine > startLine) keep.mark(startLine + 1, tagEndLine);
    const endLine = lineOf(el.end);
    if (endLine <= tagEndLine) continue;
    if (el.text !== '') {
      // Text content: its blanks are the file's (a description may be laid out by hand).
      keep.mark(tagEndLine + 1, endLine);
      continue;
    }
    if (el.endNameStart === undefined) continue;
    const closeTag = el.endNameStart - 2;
    const closeLine = lineOf(closeTag);
    let first = lines.offsetAt({ line: closeLine, character: 0 });
    while (first < closeTag && isSpace(text.charCodeAt(first))) first++;
    depth.open(tagEndLine + 1, first === closeTag ? closeLine - 1 : closeLine);
  }
  const d = depth.depths();
  const unit = indentUnit(o);
  const out: (string | undefined)[] = new Array(count);
  for (let n = 0; n < count; n++) if (!keep.has(n)) out[n] = reindent(lines.line(n), d[n], unit, n + 1 < count && keep.has(n + 1));
  return lineEdits(lines, out);
}
