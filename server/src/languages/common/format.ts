import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from './text';

/** How a document is formatted: the editor's indentation plus our `linuxAdminConfigs.format.*` settings. */
export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  /** rsyslog: objects longer than this are written one parameter per line. */
  width: number;
  /** rsyslog: align the actions of consecutive selector lines in one column. */
  alignActions: boolean;
}

export const DEFAULT_FORMAT: FormatOptions = { tabSize: 4, insertSpaces: true, width: 100, alignActions: true };

/** One indentation level in the document's style. */
export function indentUnit(o: FormatOptions): string {
  return o.insertSpaces ? ' '.repeat(Math.max(1, Math.min(16, o.tabSize))) : '\t';
}

/** Width of `s` on screen with tabs every `tabSize` columns. */
export function visualWidth(s: string, tabSize: number, from = 0): number {
  let col = from;
  const tab = Math.max(1, tabSize);
  for (let i = 0; i < s.length; i++) col = s.charCodeAt(i) === 9 ? col + tab - (col % tab) : col + 1;
  return col;
}

/** Line number of an offset, without making a Position (formatters ask for thousands). */
export function lineFinder(lines: LineIndex): (offset: number) => number {
  const starts = lines.starts;
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** Whether a character code is a space or a tab. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Per-line indentation depths: `open(a, b)` adds one level to lines a..b (inclusive). A difference
 * array keeps a file with thousands of blocks linear.
 */
export class DepthMap {
  private readonly diff: Int32Array;
  constructor(readonly lineCount: number) {
    this.diff = new Int32Array(lineCount + 1);
  }
  open(from: number, to: number): void {
    if (from > to || from >= this.lineCount || to < 0) return;
    this.diff[Math.max(0, from)]++;
    this.diff[Math.min(this.lineCount, to + 1)]--;
  }
  depths(): Int32Array {
    const out = new Int32Array(this.lineCount);
    let d = 0;
    for (let i = 0; i < this.lineCount; i++) out[i] = d += this.diff[i];
    return out;
  }
}

/** Lines a formatter must leave exactly as written (script bodies, continuations, multi-line strings). */
export class LineMask {
  readonly bits: Uint8Array;
  constructor(lineCount: number) {
    this.bits = new Uint8Array(lineCount);
  }
  /** Marks lines from..to (inclusive). */
  mark(from: number, to: number): void {
    for (let i = Math.max(0, from); i <= to && i < this.bits.length; i++) this.bits[i] = 1;
  }
  has(line: number): boolean {
    return this.bits[line] === 1;
  }
}

/**
 * Re-indents line `n`: `depth` levels, then the line's text without its leading blanks; trailing
 * blanks go unless the next line is kept as written (a string or a continuation may go on there).
 */
export function reindent(text: string, depth: number, unit: string, keepTrailing: boolean): string {
  let s = 0;
  while (s < text.length && isSpace(text.charCodeAt(s))) s++;
  let e = text.length;
  if (!keepTrailing) while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return keepTrailing ? text.slice(s) : '';
  return unit.repeat(Math.max(0, depth)) + text.slice(s, e);
}

/** Text of a line without blanks at either end. */
export function trimBlanks(text: string): string {
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return text.slice(s, e);
}

/**
 * The edits that turn each line into its formatted form: one edit per changed line, covering the
 * line's text but not its line break. A formatted line may hold line breaks of its own (an object
 * written one parameter per line); they are written in the document's style.
 */
export function lineEdits(lines: LineIndex, formatted: (string | undefined)[]): TextEdit[] {
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const out: TextEdit[] = [];
  for (let n = 0; n < formatted.length; n++) {
    const f = formatted[n];
    if (f === undefined) continue;
    const old = lines.line(n);
    const text = eol === '\n' ? f : f.replace(/\n/g, eol);
    if (text !== old) out.push({ range: { start: { line: n, character: 0 }, end: { line: n, character: old.length } }, newText: text });
  }
  return out;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The edits of a whole-document format that touch `range` (range formatting). */
export function editsInRange(edits: TextEdit[], range: Range): TextEdit[] {
  return edits.filter((e) => !before(e.range.end, range.start) && !before(range.end, e.range.start));
}

/** The edits of a whole-document format on the lines from..to (formatting on type). */
export function editsOnLines(edits: TextEdit[], from: number, to: number): TextEdit[] {
  return edits.filter((e) => e.range.start.line >= from && e.range.start.line <= to);
}

/** Applies non-overlapping edits to a text (tests, the CLI, and checking idempotence). */
export function applyEdits(lines: LineIndex, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => lines.offsetAt(a.range.start) - lines.offsetAt(b.range.start));
  let out = '';
  let at = 0;
  for (const e of sorted) {
    const s = lines.offsetAt(e.range.start);
    out += lines.text.slice(at, s) + e.newText;
    at = lines.offsetAt(e.range.end);
  }
  return out + lines.text.slice(at);
}
