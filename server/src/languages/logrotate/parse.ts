import type { Range } from 'vscode-languageserver-types';
import { didYouMean, suggestionText } from '../common/didYouMean';
import { LineIndex, lineRange } from '../common/text';
import type { Finding, ParsedDocument } from '../common/types';
import { CATALOG, type LrEntry } from './catalog';

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
  readonly type = 'directive' as const;
  private words?: Word[];
  constructor(
    readonly name: string,
    readonly line: number,
    readonly nameStart: number,
    readonly nameEnd: number,
    /** Everything after the name (and an optional `=`), as logrotate reads values. */
    readonly argText: string,
    readonly argStart: number,
    /** The catalog entry, looked up once by the parser. */
    readonly entry: LrEntry,
  ) {}
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
  type: 'script';
  name: string;
  line: number;
  nameRange: Range;
  /** Line of `endscript`, or the last line of the file when it is missing. */
  endLine: number;
  closed: boolean;
  range: Range;
}

/** One or more log paths with their `{ … }` definition. */
export interface LrBlock {
  type: 'block';
  paths: Word[];
  line: number;
  /** From the first path to the last one. */
  pathsRange: Range;
  openRange?: Range;
  closeRange?: Range;
  /** From the first path to the closing brace (or the end of the file). */
  range: Range;
  items: (LrDirective | LrScript)[];
}

export type LrItem = LrDirective | LrScript | LrBlock;

export interface LrTree {
  items: LrItem[];
  blocks: LrBlock[];
}

export type LrDocument = ParsedDocument<LrTree>;

const SP = 32;
const NO_ARG = { en: 'no argument', ja: '引数なし' };
const TAB = 9;

function isBlank(c: number): boolean {
  return c === SP || c === TAB || c === 13 || c === 11 || c === 12;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isPathStart(c: number): boolean {
  // '/', '"', '\'', '~': what logrotate accepts at the start of a log file name.
  return c === 47 || c === 34 || c === 39 || c === 126;
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

/**
 * Reads one log path at `i` with shell-like quoting; stops at a blank or `{`.
 * Returns the word and the index after it, or `unterminated` when a quote never closes.
 */
function readPath(raw: string, i: number, line: number): { word: Word; next: number; unterminated: boolean } {
  const start = i;
  // Fast path: a plain path without quotes or backslashes is a slice of the line.
  let j = i;
  for (; j < raw.length; j++) {
    const c = raw.charCodeAt(j);
    if (isBlank(c) || c === 123 || c === 34 || c === 39 || c === 92) break;
  }
  if (j === raw.length || isBlank(raw.charCodeAt(j)) || raw.charCodeAt(j) === 123) {
    return { word: { text: raw.slice(i, j), line, start, end: j, quoted: false }, next: j, unterminated: false };
  }
  let text = '';
  let quoted = false;
  let unterminated = false;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (isBlank(c) || c === 123 /* { */) break;
    if (c === 34 || c === 39) {
      quoted = true;
      const q = c;
      i++;
      let closed = false;
      while (i < raw.length) {
        const d = raw.charCodeAt(i);
        if (d === q) {
          closed = true;
          i++;
          break;
        }
        if (d === 92 /* \ */ && q === 34 && i + 1 < raw.length) {
          text += raw[i + 1];
          i += 2;
          continue;
        }
        text += raw[i];
        i++;
      }
      if (!closed) unterminated = true;
      continue;
    }
    if (c === 92 && i + 1 < raw.length) {
      text += raw[i + 1];
      i += 2;
      continue;
    }
    text += raw[i];
    i++;
  }
  return { word: { text, line, start, end: i, quoted }, next: i, unterminated };
}

/** Parses a logrotate configuration. Never throws; linear in the size of the text. */
export function parseLogrotate(text: string): LrDocument {
  const lines = new LineIndex(text);
  const problems: Finding[] = [];
  const items: LrItem[] = [];
  const blocks: LrBlock[] = [];
  let block: LrBlock | null = null;
  let script: LrScript | null = null;
  let pending: LrBlock | null = null;
  const lastLine = Math.max(0, lines.lineCount - 1);

  const add = (it: LrDirective | LrScript) => (block ? block.items.push(it) : items.push(it));
  const openBlock = (b: LrBlock, openRange: Range | undefined) => {
    b.openRange = openRange;
    items.push(b);
    blocks.push(b);
    block = b;
    pending = null;
  };

  for (let n = 0; n < lines.lineCount; n++) {
    let i = 0;
    if (script) {
      // Script bodies are most of many files: look for `endscript` in the text before cutting the line out.
      let o = lines.starts[n];
      while (o < text.length && isBlank(text.charCodeAt(o))) o++;
      if (!text.startsWith('endscript', o)) continue;
    }
    const raw = lines.line(n);
    if (script) {
      while (i < raw.length && isBlank(raw.charCodeAt(i))) i++;
      const isEnd = raw.startsWith('endscript', i) && (i + 9 >= raw.length || isBlank(raw.charCodeAt(i + 9)) || raw[i + 9] === '}' || raw[i + 9] === '#');
      if (!isEnd) continue;
      script.endLine = n;
      script.closed = true;
      script.range = { start: script.range.start, end: { line: n, character: i + 9 } };
      script = null;
      i += 9;
    }
    let lastFlag: LrDirective | null = null;
    let atLineStart = true;
    while (i < raw.length) {
      const c = raw.charCodeAt(i);
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === 35 /* # */) break;
      const cur = pending as LrBlock | null;
      if (cur) {
        if (c === 123) {
          openBlock(cur, lineRange(n, i, i + 1));
          i++;
          atLineStart = false;
          continue;
        }
        if (atLineStart && isAlpha(c)) {
          // A directive where `{` was expected: logrotate would keep reading file names up to the next brace.
          problems.push({ code: 'logrotate/missing-brace', range: cur.pathsRange });
          openBlock(cur, undefined);
          continue;
        }
        if (c === 125) {
          problems.push({ code: 'logrotate/missing-brace', range: cur.pathsRange });
          pending = null;
          continue;
        }
        const r = readPath(raw, i, n);
        if (r.unterminated) problems.push({ code: 'logrotate/unterminated-quote', range: lineRange(n, i, raw.length) });
        cur.paths.push(r.word);
        cur.pathsRange = { start: cur.pathsRange.start, end: { line: n, character: r.next } };
        cur.range = { start: cur.range.start, end: { line: n, character: r.next } };
        i = r.next;
        atLineStart = false;
        continue;
      }
      if (c === 123) {
        problems.push({ code: 'logrotate/unexpected-open', range: lineRange(n, i, i + 1) });
        i++;
        atLineStart = false;
        continue;
      }
      if (c === 125) {
        const b = block as LrBlock | null;
        if (b) {
          b.closeRange = lineRange(n, i, i + 1);
          b.range = { start: b.range.start, end: { line: n, character: i + 1 } };
          block = null;
          let j = i + 1;
          while (j < raw.length && isBlank(raw.charCodeAt(j))) j++;
          if (j < raw.length && raw[j] !== '#') {
            problems.push({ code: 'logrotate/text-after-close', range: lineRange(n, j, raw.trimEnd().length) });
          }
        } else {
          problems.push({ code: 'logrotate/unexpected-close', range: lineRange(n, i, i + 1) });
        }
        break;
      }
      if (isPathStart(c)) {
        if (block) {
          problems.push({ code: 'logrotate/path-in-block', range: lineRange(n, i, raw.trimEnd().length) });
          break;
        }
        const r = readPath(raw, i, n);
        if (r.unterminated) problems.push({ code: 'logrotate/unterminated-quote', range: lineRange(n, i, raw.length) });
        const range = lineRange(n, i, r.next);
        pending = { type: 'block', paths: [r.word], line: n, pathsRange: range, range, items: [] };
        i = r.next;
        atLineStart = false;
        continue;
      }
      if (isAlpha(c)) {
        const s = i;
        while (i < raw.length && isAlpha(raw.charCodeAt(i))) i++;
        const name = raw.slice(s, i);
        const after = raw.charCodeAt(i);
        if (i < raw.length && !isBlank(after) && after !== 61 /* = */) {
          problems.push({ code: 'logrotate/bad-separator', range: lineRange(n, s, i + 1), args: { name, char: raw[i] } });
          break;
        }
        const entry = CATALOG.get(name);
        if (!entry || entry.kind !== 'directive') {
          if (lastFlag) {
            problems.push({ code: 'logrotate/extra-argument', range: lineRange(n, s, raw.trimEnd().length), args: { name: lastFlag.name, expected: NO_ARG } });
          } else if (name === 'endscript') {
            problems.push({ code: 'logrotate/stray-endscript', range: lineRange(n, s, i) });
          } else {
            const sug = didYouMean(name, CATALOG.names());
            problems.push({
              code: 'logrotate/unknown-directive',
              range: lineRange(n, s, i),
              args: { name, suggestion: { en: suggestionText(sug, 'en'), ja: suggestionText(sug, 'ja') } },
              data: { name, suggestions: sug },
            });
          }
          break;
        }
        if (entry.type === 'none') {
          const d = new LrDirective(name, n, s, i, '', i, entry);
          add(d);
          lastFlag = d;
          atLineStart = false;
          continue;
        }
        if (entry.type === 'script') {
          const sc: LrScript = { type: 'script', name, line: n, nameRange: lineRange(n, s, i), endLine: lastLine, closed: false, range: lineRange(n, s, i) };
          add(sc);
          script = sc;
          break;
        }
        let v = i;
        while (v < raw.length && isBlank(raw.charCodeAt(v))) v++;
        if (raw[v] === '=') {
          v++;
          while (v < raw.length && isBlank(raw.charCodeAt(v))) v++;
        }
        const argText = raw.slice(v).trimEnd();
        const d = new LrDirective(name, n, s, i, argText, v, entry);
        add(d);
        break;
      }
      if (lastFlag) {
        problems.push({ code: 'logrotate/extra-argument', range: lineRange(n, i, raw.trimEnd().length), args: { name: lastFlag.name, expected: NO_ARG } });
      } else {
        problems.push({ code: 'logrotate/bad-line', range: lineRange(n, i, raw.trimEnd().length) });
        // `*.log {`: a definition meant with a bad name; keep its body a definition so that the
        // closing brace and the directives inside do not raise more errors.
        const brace = block ? -1 : raw.indexOf('{', i);
        if (brace !== -1) {
          const r = readPath(raw, i, n);
          const range = lineRange(n, i, r.next);
          openBlock({ type: 'block', paths: [r.word], line: n, pathsRange: range, range, items: [] }, lineRange(n, brace, brace + 1));
        }
      }
      break;
    }
  }
  const endPos = lines.positionAt(text.length);
  const sc = script as LrScript | null;
  if (sc) {
    problems.push({ code: 'logrotate/unterminated-script', range: sc.nameRange, args: { name: sc.name } });
    sc.range = { start: sc.range.start, end: endPos };
  }
  const b = block as LrBlock | null;
  if (b) {
    // A definition opened without its brace was already reported as missing-brace, and an
    // unterminated script has swallowed the closing brace: one report is enough.
    if (b.openRange && !sc) problems.push({ code: 'logrotate/unclosed-block', range: b.pathsRange });
    b.range = { start: b.range.start, end: endPos };
  }
  const p = pending as LrBlock | null;
  if (p) problems.push({ code: 'logrotate/missing-brace', range: p.pathsRange });
  return { text, lines, tree: { items, blocks }, problems };
}
