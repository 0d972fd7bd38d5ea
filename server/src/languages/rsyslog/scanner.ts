import type { LineIndex } from '../common/text';
import type { Finding } from '../common/types';
import * as tree from './tree';
import { type Value, type Word } from './tree';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { SourceWord } = tree;

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
export const BACKTICK = 96;
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

/** Character classes of ASCII codes: bit 1 word, 2 name, 4 selector, 8 blank. */
const WORD_BIT = 1;
const NAME_BIT = 2;
const SELECTOR_BIT = 4;
const BLANK_BIT = 8;
const CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
    if (word) t[c] |= WORD_BIT | NAME_BIT | SELECTOR_BIT;
    if (c === 46 || c === 45) t[c] |= NAME_BIT;
    if (c === 42 || c === 44 || c === 46 || c === 59 || c === 61 || c === 33 || c === 45) t[c] |= SELECTOR_BIT;
    if (c === 32 || c === 9 || c === 13) t[c] |= BLANK_BIT;
  }
  return t;
})();

export function isWordChar(c: number): boolean {
  return c < 128 && (CLASS[c] & WORD_BIT) !== 0;
}
/** Characters of a parameter name: `queue.type`, `action.resumeRetryCount`, `SysSock.Use`. */
export function isNameChar(c: number): boolean {
  return c < 128 && (CLASS[c] & NAME_BIT) !== 0;
}
export function isSelectorChar(c: number): boolean {
  return c < 128 && (CLASS[c] & SELECTOR_BIT) !== 0;
}
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/** ASCII lower case of one character code. */
export function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** True when `s[start, end)` is `lower` (a lower-case word) ignoring ASCII case; allocates nothing. */
export function equalsLower(s: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let k = 0; k < lower.length; k++) if (lowerCode(s.charCodeAt(start + k)) !== lower.charCodeAt(k)) return false;
  return true;
}

/**
 * Short names (objects, parameters, properties, keywords, directives) shared across parses:
 * a file repeats the same few, and a shared string needs no allocation and keeps its hash,
 * which makes the catalog lookups of validation cheap. One slot per first, middle and last
 * character and length: finding the slot reads three characters, not the whole name, and a
 * name that loses its slot to another is simply sliced again (the table never grows).
 */
const INTERN_SLOTS = 4096;
const internTable: string[] = new Array<string>(INTERN_SLOTS).fill('');

/** `s.slice(start, end)`, shared with earlier equal names when it is short. */
export function intern(s: string, start: number, end: number): string {
  const len = end - start;
  // Up to 12 characters: V8 copies such slices, while a longer slice may point into the whole
  // text, which the table would then keep alive after its document is gone.
  if (len > 12 || len === 0) return s.slice(start, end);
  const slot = (((s.charCodeAt(start) * 31 + s.charCodeAt(start + (len >> 1))) * 31 + s.charCodeAt(end - 1)) * 8 + len) & (INTERN_SLOTS - 1);
  const w = internTable[slot];
  if (w.length === len) {
    let m = 0;
    while (m < len && s.charCodeAt(start + m) === w.charCodeAt(m)) m++;
    if (m === len) return w;
  }
  return (internTable[slot] = s.slice(start, end));
}

/**
 * An empty list shared by every node that has none: nodes get their own array when the first
 * element is added (see add()), so this one is never written to.
 */
export const NONE: never[] = [];

/** Facility and priority names (and `*`) by first character and length, to share their strings. */
export const COMMON_NAMES = ['*', 'auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'mark', 'news', 'ntp', 'security', 'syslog', 'user', 'uucp',
    'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7', 'debug', 'info', 'notice', 'warning', 'warn', 'err', 'error',
    'crit', 'alert', 'emerg', 'panic', 'none'];
export const COMMON_WORDS = wordTable(COMMON_NAMES);

/** Names bucketed by first character and length, for allocation-free lookups (see findWord()). */
export function wordTable(names: readonly string[]): (string[] | undefined)[] {
  const t: (string[] | undefined)[] = new Array(128 * 16);
  for (const n of names) if (n.length < 16 && n.charCodeAt(0) < 128) (t[(n.charCodeAt(0) << 4) | n.length] ??= []).push(n);
  return t;
}

/** The name of `table` written exactly at `s[start, end)`, or undefined; allocates nothing. */
export function findWord(table: (string[] | undefined)[], s: string, start: number, end: number): string | undefined {
  const len = end - start;
  const c0 = s.charCodeAt(start);
  const bucket = len < 16 && c0 < 128 ? table[(c0 << 4) | len] : undefined;
  if (bucket) {
    for (let k = 0; k < bucket.length; k++) {
      const w = bucket[k];
      let m = 1;
      while (m < len && s.charCodeAt(start + m) === w.charCodeAt(m)) m++;
      if (m === len) return w;
    }
  }
  return undefined;
}

/**
 * Appends to an array stored in `owner[key]`. The first element makes a one-slot array literal:
 * `push` onto `[]` would reserve 17 slots, and parse trees hold thousands of one-element lists.
 */
export function add<O, K extends keyof O, T>(arr: T[], x: T, owner: O, key: K): void {
  if (arr.length < 3) (owner as Record<K, T[]>)[key] = append(arr, x);
  else arr.push(x);
}

/**
 * `arr` with `x` added: short lists are copied into exactly sized literals (a `push` onto a short
 * array reserves 17 or more slots), longer ones grow in place. Never writes to NONE.
 */
export function append<T>(arr: T[], x: T): T[] {
  switch (arr.length) {
    case 0:
      return [x];
    case 1:
      return [arr[0], x];
    case 2:
      return [arr[0], arr[1], x];
    default:
      arr.push(x);
      return arr;
  }
}

/** Characters, comments, words and strings: what every part of the rsyslog parser reads with. */
export class Scanner {
  i = 0;
  readonly n: number;
  readonly problems: Finding[] = [];
  /** Start and end offsets of the comments read so far, two numbers per comment. */
  readonly comments: number[] = [];

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
    return new SourceWord(this.s, start, end);
  }

  /** A name-like word (object, parameter, property, keyword, directive) with a shared string. */
  name(start: number, end: number): Word {
    return { start, end, text: intern(this.s, start, end) };
  }

  /** A selector word; the usual names reuse one string instead of allocating a slice each time. */
  selectorWord(start: number, end: number): Word {
    const w = findWord(COMMON_WORDS, this.s, start, end);
    return { start, end, text: w ?? this.s.slice(start, end) };
  }

  // ---- whitespace and comments ----------------------------------------------------------

  /** Skips spaces, tabs, line breaks and comments. */
  skipAll(): void {
    const s = this.s;
    const n = this.n;
    // The cursor is kept in a local while it moves over blanks (the usual case).
    let i = this.i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === SPACE || c === TAB || c === CR || c === LF) i++;
      else if (c === HASH) {
        this.i = i;
        this.lineComment();
        i = this.i;
      } else if (c === SLASH && s.charCodeAt(i + 1) === STAR) {
        this.i = i;
        this.blockComment();
        i = this.i;
      } else break;
    }
    this.i = i;
  }

  /** Skips spaces and tabs (and a backslash line continuation) on the current line. */
  skipInline(): void {
    const s = this.s;
    const n = this.n;
    let i = this.i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === SPACE || c === TAB || c === CR) i++;
      else if (c === BACKSLASH && this.isContinuation(i)) i = this.afterContinuation(i);
      else break;
    }
    this.i = i;
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
    this.comments.push(start, end);
    this.i = e;
  }

  blockComment(): void {
    const start = this.i;
    const e = this.s.indexOf('*/', start + 2);
    if (e === -1) {
      this.problem('rsyslog/unterminated-comment', start, start + 2);
      this.i = this.n;
    } else this.i = e + 2;
    this.comments.push(start, this.i);
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
    if (c === BACKTICK) return this.backtick();
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
    let i = start;
    while (i < this.n) {
      const d = s.charCodeAt(i);
      if (isBlank(d) || d === LF || d === RPAREN || d === RBRACKET || d === COMMA || d === HASH) break;
      i++;
    }
    this.i = i;
    if (i === start) return null;
    const text = s.slice(start, i);
    let num = true;
    for (let k = 0; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (!(d >= 48 && d <= 57) && !(k === 0 && d === 45)) num = false;
    }
    return { kind: num ? 'number' : 'word', start, end: this.i, text };
  }

  /**
   * Moves past the quoted string at the cursor as string() does, reporting the same problem
   * when it is not terminated, without making its value (expressions only need to skip it).
   */
  skipString(multiline: boolean): void {
    const s = this.s;
    const start = this.i;
    const q = s.charCodeAt(start);
    let j = start + 1;
    while (j < this.n) {
      const c = s.charCodeAt(j);
      if (c === BACKSLASH && j + 1 < this.n) {
        j += 2;
        continue;
      }
      if (c === q) {
        this.i = j + 1;
        return;
      }
      if (c === LF && !multiline) break;
      j++;
    }
    let end = j;
    if (end > start && s.charCodeAt(end - 1) === CR) end--;
    this.problem('rsyslog/unterminated-string', start, end);
    this.i = j;
  }

  /**
   * A backtick constant (`` `echo $LOGDIR`/x.log `` … up to the closing backtick): rsyslogd
   * runs the command when it reads the file. Its text keeps the backticks, so that value
   * checks (which skip such values) know it.
   */
  backtick(): Value {
    const s = this.s;
    const start = this.i;
    let j = start + 1;
    while (j < this.n && s.charCodeAt(j) !== BACKTICK && s.charCodeAt(j) !== LF) j++;
    if (j >= this.n || s.charCodeAt(j) !== BACKTICK) {
      this.problem('rsyslog/unterminated-string', start, j);
      this.i = j;
      return { kind: 'string', start, end: j, text: s.slice(start, j) };
    }
    this.i = j + 1;
    return { kind: 'string', start, end: this.i, text: s.slice(start, this.i) };
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
