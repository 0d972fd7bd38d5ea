import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Line starts of a text, for turning offsets into LSP positions and back.
 * Offsets and columns are UTF-16 code units, which is what JavaScript strings and LSP both use.
 * A line ends at `\n`; a `\r` before it is not part of the line.
 */
export class LineIndex {
  /** Line starts found so far; complete once `scanned` reaches the end of the text. */
  private readonly known: number[] = [0];
  /** Offset from which the next `\n` is searched. */
  private scanned = 0;
  private complete = false;

  /**
   * Cheap to create: line starts are found on demand, only as far into the text as a position
   * asked for (so a parser that reports one problem near the top never scans a large file).
   */
  constructor(readonly text: string) {}

  /** Every line start (finishes the scan on first use). */
  get starts(): number[] {
    if (!this.complete) this.scanTo(this.text.length);
    return this.known;
  }

  /** Makes sure every line start at or before `upTo` is known. */
  private scanTo(upTo: number): void {
    const t = this.text;
    const known = this.known;
    let i = t.indexOf('\n', this.scanned);
    while (i !== -1 && i < upTo) {
      known.push(i + 1);
      i = t.indexOf('\n', i + 1);
    }
    if (i === -1) {
      this.complete = true;
      this.scanned = t.length;
    } else this.scanned = i;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of line `n` without its line break. */
  line(n: number): string {
    const start = this.starts[n];
    if (start === undefined) return '';
    let end = n + 1 < this.starts.length ? this.starts[n + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    if (!this.complete && o >= this.scanned) this.scanTo(o);
    const starts = this.known;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const len = this.line(pos.line).length;
    return start + Math.max(0, Math.min(pos.character, len));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

/** A range on one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** True when `pos` lies within `range` (end inclusive, as a cursor right after a word still hovers it). */
export function contains(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}
