import type { Token } from './tree';

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
  const line = text;
  const base = lineStart;
  let i = lineStart + from;
  const n = lineEnd;
  while (i < n) {
    let c = line.charCodeAt(i);
    while (c === 32 || c === 9) {
      if (++i === n) return out;
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
      out.push({ text: line.slice(start, i), start: start - base, end: i - base, quoted: false, singleQuoted: single, unterminated: false });
      continue;
    }
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
    out.push({ text, start: start - base, end: i - base, quoted: true, singleQuoted: false, unterminated: !closed });
  }
  return out;
}
