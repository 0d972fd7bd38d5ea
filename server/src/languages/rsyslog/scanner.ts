import type { LineIndex } from '../common/text';
import type { Finding } from '../common/types';
import type { Span, Value, Word } from './tree';

// Character codes used by the scanner and the parser.
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const DQUOTE = 34;
export const HASH = 35;
export const DOLLAR = 36;
export const AMP = 38;
export const SQUOTE = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const STAR = 42;
export const COMMA = 44;
export const DOT = 46;
export const SLASH = 47;
export const COLON = 58;
export const SEMI = 59;
export const EQ = 61;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;

export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
/** Characters of a parameter name: `queue.type`, `action.resumeRetryCount`, `SysSock.Use`. */
export function isNameChar(c: number): boolean {
  return isWordChar(c) || c === DOT || c === 45;
}
export function isSelectorChar(c: number): boolean {
  return isWordChar(c) || c === STAR || c === COMMA || c === DOT || c === SEMI || c === EQ || c === BANG || c === 45;
}
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/** Facility and priority names (and `*`) by first character, to share their strings. */
export const COMMON_WORDS: (string[] | undefined)[] = (() => {
  const names = ['*', 'auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'mark', 'news', 'ntp', 'security', 'syslog', 'user', 'uucp',
    'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7', 'debug', 'info', 'notice', 'warning', 'warn', 'err', 'error',
    'crit', 'alert', 'emerg', 'panic', 'none'];
  const t: (string[] | undefined)[] = new Array(128);
  for (const n of names) (t[n.charCodeAt(0)] ??= []).push(n);
  return t;
})();

/**
 * Appends to an array stored in `owner[key]`. The first element makes a one-slot array literal:
 * `push` onto `[]` would reserve 17 slots, and parse trees hold thousands of one-element lists.
 */
export function add<O, K extends keyof O, T>(arr: T[], x: T, owner: O, key: K): void {
  if (arr.length === 0) (owner as Record<K, T[]>)[key] = [x];
  else arr.push(x);
}

/** Characters, comments, words and strings: what every part of the rsyslog parser reads with. */
export class Scanner {
  i = 0;
  readonly n: number;
  readonly problems: Finding[] = [];
  readonly comments: Span[] = [];

  constructor(
    readonly s: string,
    readonly lines: LineIndex,
  ) {
    this.n = s.length;
  }

  problem(code: string, start: number, end: number, args?: Finding['args']): void {
    const f: Finding = { code, range: this.lines.range(start, end) };
    if (args) f.args = args;
    this.problems.push(f);
  }

  word(start: number, end: number): Word {
    return { start, end, text: this.s.slice(start, end) };
  }

  /** A selector word; the usual names reuse one string instead of allocating a slice each time. */
  selectorWord(start: number, end: number): Word {
    const s = this.s;
    const len = end - start;
    const bucket = COMMON_WORDS[s.charCodeAt(start) & 127];
    if (bucket) {
      for (let k = 0; k < bucket.length; k++) {
        const w = bucket[k];
        if (w.length === len && s.startsWith(w, start)) return { start, end, text: w };
      }
    }
    return { start, end, text: s.slice(start, end) };
  }

  // ---- whitespace and comments ----------------------------------------------------------

  /** Skips spaces, tabs, line breaks and comments. */
  skipAll(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === SPACE || c === TAB || c === CR || c === LF) this.i++;
      else if (c === HASH) this.lineComment();
      else if (c === SLASH && s.charCodeAt(this.i + 1) === STAR) this.blockComment();
      else break;
    }
  }

  /** Skips spaces and tabs (and a backslash line continuation) on the current line. */
  skipInline(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === SPACE || c === TAB || c === CR) this.i++;
      else if (c === BACKSLASH && this.isContinuation(this.i)) this.i = this.afterContinuation(this.i);
      else break;
    }
  }

  isContinuation(at: number): boolean {
    const c = this.s.charCodeAt(at + 1);
    return c === LF || (c === CR && this.s.charCodeAt(at + 2) === LF);
  }

  afterContinuation(at: number): number {
    let j = this.s.charCodeAt(at + 1) === CR ? at + 3 : at + 2;
    while (j < this.n && (this.s.charCodeAt(j) === SPACE || this.s.charCodeAt(j) === TAB)) j++;
    return j;
  }

  lineComment(): void {
    const start = this.i;
    let e = this.s.indexOf('\n', start);
    if (e === -1) e = this.n;
    let end = e;
    if (end > start && this.s.charCodeAt(end - 1) === CR) end--;
    this.comments.push({ start, end });
    this.i = e;
  }

  blockComment(): void {
    const start = this.i;
    const e = this.s.indexOf('*/', start + 2);
    if (e === -1) {
      this.problem('rsyslog/unterminated-comment', start, start + 2);
      this.i = this.n;
    } else this.i = e + 2;
    this.comments.push({ start, end: this.i });
  }

  /** End of the current line (offset of `\n` or of the text's end). */
  eol(from: number): number {
    const e = this.s.indexOf('\n', from);
    return e === -1 ? this.n : e;
  }

  /** Reports the rest of the token as unexpected and skips to the end of the line. */
  skipUnexpected(): void {
    const start = this.i;
    let end = start;
    while (end < this.n && !isBlank(this.s.charCodeAt(end)) && this.s.charCodeAt(end) !== LF) end++;
    if (end === start) end = start + 1;
    this.problem('rsyslog/unexpected', start, end, { text: this.s.slice(start, Math.min(end, start + 40)) });
    this.i = this.eol(start);
  }

  skipSep(k: number, lineEnd: number): number {
    const s = this.s;
    while (k < lineEnd && isBlank(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) === COMMA) k++;
    while (k < lineEnd && isBlank(s.charCodeAt(k))) k++;
    return k;
  }

  value(multiline: boolean): Value | null {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === DQUOTE || c === SQUOTE) return this.string(multiline);
    if (c === LBRACKET) {
      const start = this.i;
      this.i++;
      const items: Value[] = [];
      for (;;) {
        this.skipAll();
        const d = s.charCodeAt(this.i);
        if (this.i >= this.n || d === RPAREN || d === RBRACE) {
          this.problem('rsyslog/unbalanced-paren', start, start + 1, { char: '[' });
          break;
        }
        if (d === RBRACKET) {
          this.i++;
          break;
        }
        if (d === COMMA) {
          this.i++;
          continue;
        }
        const v = this.value(false);
        if (v) items.push(v);
        else this.i++;
      }
      return { kind: 'array', start, end: this.i, text: '', items };
    }
    const start = this.i;
    while (this.i < this.n) {
      const d = s.charCodeAt(this.i);
      if (isBlank(d) || d === LF || d === RPAREN || d === RBRACKET || d === COMMA || d === HASH) break;
      this.i++;
    }
    if (this.i === start) return null;
    const text = s.slice(start, this.i);
    let num = true;
    for (let k = 0; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (!(d >= 48 && d <= 57) && !(k === 0 && d === 45)) num = false;
    }
    return { kind: num ? 'number' : 'word', start, end: this.i, text };
  }

  /** A quoted string at the cursor; unterminated strings end at the end of their line. */
  string(multiline: boolean): Value {
    const s = this.s;
    const start = this.i;
    const q = s.charCodeAt(start);
    let j = start + 1;
    let text = '';
    let chunk = j;
    while (j < this.n) {
      const c = s.charCodeAt(j);
      if (c === BACKSLASH && j + 1 < this.n) {
        text += s.slice(chunk, j);
        const e = s[j + 1];
        text += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        j += 2;
        chunk = j;
        continue;
      }
      if (c === q) {
        text += s.slice(chunk, j);
        this.i = j + 1;
        return { kind: 'string', start, end: this.i, text };
      }
      if (c === LF && !multiline) break;
      j++;
    }
    let end = j;
    if (end > start && s.charCodeAt(end - 1) === CR) end--;
    this.problem('rsyslog/unterminated-string', start, end);
    text += s.slice(chunk, end);
    this.i = j;
    return { kind: 'string', start, end, text };
  }
}
