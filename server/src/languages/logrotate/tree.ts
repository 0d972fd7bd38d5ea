import type { Range } from 'vscode-languageserver-types';
import { lineRange } from '../common/text';
import type { ParsedDocument } from '../common/types';
import type { LrEntry } from './catalog';
import type { Info } from './info';

/**
 * The logrotate syntax tree: definitions, directives and scripts. Nodes keep positions as numbers
 * and make ranges and argument words when they are read.
 */

/** A word on one line; `text` is unquoted, the columns cover the written form. */
export interface Word {
  text: string;
  line: number;
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * A directive and its arguments, all on one line. Ranges and argument words are made on demand:
 * a 10,000-line file has thousands of directives and most are never looked at twice.
 */
export class LrDirective {
  private words?: Word[] = undefined;
  constructor(
    /** What the checks read from the catalog entry (info.ts), looked up once by the parser. */
    readonly info: Info,
    readonly line: number,
    readonly nameStart: number,
    /** Everything after the name (and an optional `=`), as logrotate reads values. */
    readonly argText: string,
    readonly argStart: number,
  ) {}
  // Derived fields are getters: a large file has thousands of directives.
  get type(): 'directive' {
    return 'directive';
  }
  get name(): string {
    return this.info.name;
  }
  get nameEnd(): number {
    return this.nameStart + this.info.name.length;
  }
  /** The catalog entry. */
  get entry(): LrEntry {
    return this.info.entry;
  }
  get nameRange(): Range {
    return lineRange(this.line, this.nameStart, this.nameEnd);
  }
  get argRange(): Range {
    return lineRange(this.line, this.argStart, this.argStart + this.argText.length);
  }
  get args(): Word[] {
    return (this.words ??= splitWords(this.argText, this.line, this.argStart));
  }
}

/** `prerotate` … `endscript` and friends; the body lines are shell. */
export interface LrScript {
  readonly type: 'script';
  readonly name: string;
  readonly line: number;
  readonly nameRange: Range;
  /** Line of `endscript`, or the last line of the file when it is missing. */
  readonly endLine: number;
  readonly closed: boolean;
  readonly range: Range;
}

/** One or more log paths with their `{ … }` definition. */
export interface LrBlock {
  readonly type: 'block';
  readonly paths: Word[];
  readonly line: number;
  /** From the first path to the last one. */
  readonly pathsRange: Range;
  readonly openRange?: Range;
  readonly closeRange?: Range;
  /** From the first path to the closing brace (or the end of the file). */
  readonly range: Range;
  readonly items: (LrDirective | LrScript)[];
}

export type LrItem = LrDirective | LrScript | LrBlock;

export interface LrTree {
  items: LrItem[];
  blocks: LrBlock[];
}

export type LrDocument = ParsedDocument<LrTree>;

/** A script as the parser keeps it: positions as numbers, ranges made when asked for. */
export class ScriptNode implements LrScript {
  readonly type = 'script' as const;
  endLine = -1;
  closed = false;
  /** Where the script ends: after `endscript`, or the end of the file. */
  endChar = 0;
  constructor(
    readonly name: string,
    readonly line: number,
    readonly nameStart: number,
    readonly nameEnd: number,
  ) {
    this.endChar = nameEnd;
  }
  get nameRange(): Range {
    return lineRange(this.line, this.nameStart, this.nameEnd);
  }
  get range(): Range {
    return { start: { line: this.line, character: this.nameStart }, end: { line: this.endLine === -1 ? this.line : this.endLine, character: this.endChar } };
  }
}

/** What a definition's items are until the parser gives it its own array (never pushed to). */
const NO_ITEMS: (LrDirective | LrScript)[] = [];

/** A definition as the parser keeps it: positions as numbers, ranges made when asked for. */
export class BlockNode implements LrBlock {
  readonly type = 'block' as const;
  /** Filled when the definition ends (see `BODY`). */
  items: (LrDirective | LrScript)[] = NO_ITEMS;
  /** End of the last path. */
  pathsEndLine: number;
  pathsEndChar: number;
  /** End of the definition: the closing brace, the end of the file, or (until then) the last path. */
  endLine: number;
  endChar: number;
  /** The `{` and `}`; -1 when there is none. */
  openLine = -1;
  openChar = 0;
  closeLine = -1;
  closeChar = 0;
  constructor(
    public paths: Word[],
    readonly line: number,
    readonly startChar: number,
    end: number,
  ) {
    this.pathsEndLine = line;
    this.pathsEndChar = end;
    this.endLine = line;
    this.endChar = end;
  }
  get pathsRange(): Range {
    return { start: { line: this.line, character: this.startChar }, end: { line: this.pathsEndLine, character: this.pathsEndChar } };
  }
  get range(): Range {
    return { start: { line: this.line, character: this.startChar }, end: { line: this.endLine, character: this.endChar } };
  }
  get openRange(): Range | undefined {
    return this.openLine === -1 ? undefined : lineRange(this.openLine, this.openChar, this.openChar + 1);
  }
  get closeRange(): Range | undefined {
    return this.closeLine === -1 ? undefined : lineRange(this.closeLine, this.closeChar, this.closeChar + 1);
  }
}

/** Blanks between the words of a value, as logrotate splits them. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

/** Splits a value into words at blanks (values are never quoted in logrotate). */
export function splitWords(text: string, line: number, col: number): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const s = i;
    while (i < text.length && !isBlank(text.charCodeAt(i))) i++;
    out.push({ text: text.slice(s, i), line, start: col + s, end: col + i, quoted: false });
  }
  return out;
}
