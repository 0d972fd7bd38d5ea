import type { TextEdit } from 'vscode-languageserver-types';
import { DepthMap, indentUnit, isSpace, LineMask, lineEdits, lineFinder, reindent, visualWidth, type FormatOptions } from '../common/format';
import type { RsyslogDocument } from './parse';
import { walk, type ObjectStmt, type RuleStmt, type Span } from './tree';

/** Syntax problems after which where blocks and strings end cannot be trusted: no formatting. */
const UNSURE = /^rsyslog\/(unbalanced-|unterminated-|too-deep|unexpected)/;

interface Ctx {
  doc: RsyslogDocument;
  o: FormatOptions;
  unit: string;
  lineOf: (offset: number) => number;
  depth: DepthMap;
  keep: LineMask;
}

/** Offset of the first non-blank character of a line. */
function firstChar(c: Ctx, line: number): number {
  const t = c.doc.text;
  let i = c.doc.lines.starts[line] ?? t.length;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return i;
}

/** Indents the lines between an opening and its closer (offset of `}` or `)`) one level. */
function region(c: Ctx, open: number, close: number): void {
  const a = c.lineOf(open);
  const b = c.lineOf(close);
  if (b > a) c.depth.open(a + 1, firstChar(c, b) === close ? b - 1 : b);
}

/** Keeps the lines of a span after its first exactly as written. */
function keepSpan(c: Ctx, s: Span): void {
  const a = c.lineOf(s.start);
  const b = c.lineOf(s.end);
  if (b > a) c.keep.mark(a + 1, b);
}

function block(c: Ctx, b: Span | null): void {
  if (b) region(c, b.start, b.end - 1);
}

/** Where the structure of the file puts each line: depths and lines to keep. */
function layout(c: Ctx): { rules: RuleStmt[]; objects: ObjectStmt[] } {
  const rules: RuleStmt[] = [];
  const objects: ObjectStmt[] = [];
  for (const cm of c.doc.tree.comments) keepSpan(c, cm);
  walk(c.doc.tree.statements, (s) => {
    switch (s.type) {
      case 'object':
        objects.push(s);
        if (s.close >= 0) region(c, s.open, s.close);
        for (const p of s.params) keepSpan(c, p);
        block(c, s.block);
        break;
      case 'if':
        keepSpan(c, s.cond);
        block(c, s.thenBlock);
        block(c, s.elseBlock);
        break;
      case 'rule':
        rules.push(s);
        keepSpan(c, s.selector);
        block(c, s.block);
        break;
      case 'propfilter':
        keepSpan(c, s.filter);
        block(c, s.block);
        break;
      case 'foreach':
        // The loop head `foreach ($.x in $!y) do` stays as written when it spans lines.
        if (s.block) keepSpan(c, { start: s.keyword.start, end: s.block.start });
        block(c, s.block);
        break;
      case 'continuation':
        block(c, s.block);
        break;
      default:
        keepSpan(c, s);
    }
  });
  return { rules, objects };
}

/** Blanks from visual column `from` to `to`, with tabs when the editor indents with tabs. */
function pad(o: FormatOptions, from: number, to: number): string {
  if (o.insertSpaces) return ' '.repeat(Math.max(1, to - from));
  const tab = Math.max(1, o.tabSize);
  let out = '';
  let col = from;
  while (col - (col % tab) + tab <= to) {
    out += '\t';
    col = col - (col % tab) + tab;
  }
  return out + ' '.repeat(Math.max(0, to - col)) || ' ';
}

/**
 * Legacy selector lines on consecutive lines have their actions in one column, as in the
 * distributions' rsyslog.conf: the rightmost column the group already uses, or further right
 * when a selector reaches it. Only the blanks between selector and action change.
 */
function alignActions(c: Ctx, rules: RuleStmt[], out: (string | undefined)[]): void {
  const t = c.doc.text;
  type Row = { line: number; head: string; headWidth: number; col: number; rest: string };
  const rows: Row[] = [];
  for (const r of rules) {
    const line = c.lineOf(r.selector.start);
    const first = r.body[0];
    if (r.block || !first || first.type !== 'legacy-action' || out[line] === undefined || c.keep.has(line)) continue;
    const lineStart = c.doc.lines.offsetAt({ line, character: 0 });
    const raw = c.doc.lines.line(line);
    const selEnd = r.selector.end - lineStart;
    const actionAt = first.start - lineStart;
    if (actionAt <= selEnd || actionAt > raw.length || selEnd > raw.length || firstChar(c, line) !== r.selector.start) continue;
    let blanks = true;
    for (let k = selEnd; k < actionAt && blanks; k++) blanks = isSpace(raw.charCodeAt(k));
    if (!blanks) continue;
    const formatted = out[line]!;
    let indentEnd = 0;
    while (indentEnd < formatted.length && isSpace(formatted.charCodeAt(indentEnd))) indentEnd++;
    const head = formatted.slice(0, indentEnd) + t.slice(r.selector.start, r.selector.end);
    const headWidth = visualWidth(head, c.o.tabSize);
    let end = raw.length;
    if (!c.keep.has(line + 1)) while (end > actionAt && isSpace(raw.charCodeAt(end - 1))) end--;
    rows.push({ line, head, headWidth, col: visualWidth(raw.slice(selEnd, actionAt), c.o.tabSize, headWidth), rest: raw.slice(actionAt, end) });
  }
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    let col = Math.max(rows[i].col, rows[i].headWidth + 1);
    while (j < rows.length && rows[j].line === rows[j - 1].line + 1) {
      col = Math.max(col, rows[j].col, rows[j].headWidth + 1);
      j++;
    }
    for (let k = i; k < j; k++) out[rows[k].line] = rows[k].head + pad(c.o, rows[k].headWidth, col) + rows[k].rest;
    i = j;
  }
}

/** An object on one line that is too wide is written one parameter per line. */
function splitObjects(c: Ctx, objects: ObjectStmt[], d: Int32Array, out: (string | undefined)[]): void {
  const t = c.doc.text;
  const done = new Set<number>();
  for (const ob of objects) {
    const line = c.lineOf(ob.start);
    const text = out[line];
    if (text === undefined || done.has(line) || ob.close < 0 || ob.params.length < 2 || c.lineOf(ob.close) !== line) continue;
    if (visualWidth(text, c.o.tabSize) <= c.o.width) continue;
    const bounds = [ob.open + 1, ...ob.params.flatMap((p) => [p.start, p.end]), ob.close];
    let blanksOnly = true;
    for (let k = 0; k < bounds.length && blanksOnly; k += 2) blanksOnly = /^[ \t]*$/.test(t.slice(bounds[k], bounds[k + 1]));
    if (!blanksOnly) continue;
    const lineStart = c.doc.lines.offsetAt({ line, character: 0 });
    const indent = c.unit.repeat(d[line]);
    const head = t.slice(firstChar(c, line), ob.open + 1);
    const tail = c.doc.lines.line(line).slice(ob.close - lineStart);
    const inner = ob.params.map((p) => indent + c.unit + t.slice(p.start, p.end));
    let end = tail.length;
    if (!c.keep.has(line + 1)) while (end > 1 && isSpace(tail.charCodeAt(end - 1))) end--;
    out[line] = [indent + head, ...inner, indent + tail.slice(0, end)].join('\n');
    done.add(line);
  }
}

/**
 * Formats rsyslog.conf: statements indented by the blocks around them, the parameters of an
 * object spread over lines indented one level inside its parentheses, objects wider than
 * `width` written one parameter per line, legacy actions aligned in a column. Comments,
 * strings, selectors and `$` directives keep their text; only blanks and line breaks between
 * the words of an object change, which rsyslog does not read.
 */
export function format(doc: RsyslogDocument, o: FormatOptions): TextEdit[] {
  if (doc.problems.some((p) => UNSURE.test(p.code))) return [];
  const count = doc.lines.lineCount;
  const c: Ctx = { doc, o, unit: indentUnit(o), lineOf: lineFinder(doc.lines), depth: new DepthMap(count), keep: new LineMask(count) };
  const { rules, objects } = layout(c);
  const d = c.depth.depths();
  const out: (string | undefined)[] = new Array(count);
  for (let n = 0; n < count; n++) if (!c.keep.has(n)) out[n] = reindent(doc.lines.line(n), d[n], c.unit, n + 1 < count && c.keep.has(n + 1));
  if (o.alignActions) alignActions(c, rules, out);
  splitObjects(c, objects, d, out);
  return lineEdits(doc.lines, out);
}
