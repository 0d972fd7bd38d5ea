import type { Token } from './tree';

const QUOTED = 1;
const SINGLE_QUOTED = 2;
const UNTERMINATED = 4;

/**
 * A token as the tokenizer makes it, in three fields so that a rule file's thousands of tokens
 * take less memory (and the collector less time): the flags share a number with the end column,
 * which is only stored for quoted tokens (an unquoted token ends where its text does).
 */
class Tok implements Token {
  constructor(
    public text: string,
    public start: number,
    /** The flags, plus 8 × the end column for a quoted token. */
    private readonly bits: number,
  ) {}
  get end(): number {
    const b = this.bits;
    return (b & QUOTED) === 0 ? this.start + this.text.length : Math.floor(b / 8);
  }
  get quoted(): boolean {
    return (this.bits & QUOTED) !== 0;
  }
  get singleQuoted(): boolean {
    return (this.bits & SINGLE_QUOTED) !== 0;
  }
  get unterminated(): boolean {
    return (this.bits & UNTERMINATED) !== 0;
  }
}

/**
 * What the last tokenize call met, for callers that look for token problems: any of the flags
 * above, and COMMENT_LIKE when an unquoted token starts with `#`. Zero means none of those.
 */
let lastSummary = 0;
const COMMENT_LIKE = 8;

/** Zero when no token of the last tokenize call is quoted, single-quoted or starts with `#` unquoted. */
export function tokenSummary(): number {
  return lastSummary;
}

/** A backslash and the character it escapes. */
const UNESCAPE = /\\([\s\S])/g;

/**
 * Splits a rule line into arguments the way iptables-restore does: blanks separate them,
 * double quotes group (a backslash escapes the next character inside them) and a closing
 * quote ends the argument. Single quotes are plain characters to iptables-restore.
 * One pass over the characters; text is cut with slices, never built a character at a time,
 * so a 1 MB quoted comment costs no more than a few copies. Every token has the same fields.
 */
export function tokenize(line: string, from = 0): Token[] {
  return tokenizeRange(line, 0, line.length, from);
}

/**
 * The same over `text` from `lineStart` to `lineEnd` (one line of a whole document, without
 * cutting it out first); token columns are relative to `lineStart`, scanning starts at column `from`.
 */
export function tokenizeRange(text: string, lineStart: number, lineEnd: number, from = 0): Token[] {
  const out: Token[] = [];
  let summary = 0;
  const line = text;
  const base = lineStart;
  let i = lineStart + from;
  const n = lineEnd;
  while (i < n) {
    let c = line.charCodeAt(i);
    while (c === 32 || c === 9) {
      if (++i === n) {
        lastSummary = summary;
        return out;
      }
      c = line.charCodeAt(i);
    }
    const start = i;
    // Fast path: an argument without quotes is a plain slice.
    let single = false;
    while (c !== 32 && c !== 9 && c !== 34) {
      if (c === 39) single = true;
      if (++i === n) break;
      c = line.charCodeAt(i);
    }
    if (i === n || c !== 34) {
      if (single) summary |= SINGLE_QUOTED;
      if (line.charCodeAt(start) === 35 /* # */) summary |= COMMENT_LIKE;
      out.push(new Tok(line.slice(start, i), start - base, single ? SINGLE_QUOTED : 0));
      continue;
    }
    summary |= QUOTED;
    // A double quote: text before it, then the quoted part (escapes removed); the closing
    // quote ends the argument.
    const before = line.slice(start, i);
    i++;
    const open = i;
    let escapes = false;
    let closed = false;
    while (i < n) {
      const d = line.charCodeAt(i);
      if (d === 92 /* \ */ && i + 1 < n) {
        escapes = true;
        i += 2;
      } else if (d === 34) {
        closed = true;
        break;
      } else {
        i++;
      }
    }
    // Escapes are removed in one native pass (`\x` → `x`, left to right, as the loop above paired them).
    const inner = escapes ? line.slice(open, i).replace(UNESCAPE, '$1') : line.slice(open, i);
    const text = before.length === 0 ? inner : before + inner;
    if (closed) i++;
    out.push(new Tok(text, start - base, (i - base) * 8 + (closed ? QUOTED : QUOTED | UNTERMINATED)));
  }
  lastSummary = summary;
  return out;
}
