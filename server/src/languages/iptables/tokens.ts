import type { Token } from './tree';

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits a rule line into arguments the way iptables-restore does: blanks separate them,
 * double quotes group (a backslash escapes the next character inside them) and a closing
 * quote ends the argument. Single quotes are plain characters to iptables-restore.
 */
export function tokenize(line: string, from = 0): Token[] {
  const out: Token[] = [];
  let i = from;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // Fast path: an argument without quotes is a plain slice.
    let j = i;
    let single = false;
    let c = 0;
    while (j < n && (c = line.charCodeAt(j)) !== 32 && c !== 9 && c !== 34) {
      if (c === 39) single = true;
      j++;
    }
    if (j >= n || c !== 34) {
      const text = line.slice(i, j);
      const tok: Token = { text, start, end: j, quoted: false };
      if (single) tok.singleQuoted = true;
      out.push(tok);
      i = j;
      continue;
    }
    let text = line.slice(i, j);
    i = j;
    let quoted = false;
    let unterminated = false;
    let ended = false;
    while (i < n && !ended) {
      const c = line.charCodeAt(i);
      if (c === 34 /* " */) {
        quoted = true;
        i++;
        let closed = false;
        while (i < n) {
          const d = line.charCodeAt(i);
          if (d === 92 /* \ */ && i + 1 < n) {
            text += line[i + 1];
            i += 2;
          } else if (d === 34) {
            i++;
            closed = true;
            break;
          } else {
            text += line[i];
            i++;
          }
        }
        if (!closed) unterminated = true;
        ended = true; // a closing quote ends the argument
      } else if (isSpace(c)) {
        break;
      } else {
        text += line[i];
        i++;
      }
    }
    const tok: Token = { text, start, end: i, quoted };
    if (unterminated) tok.unterminated = true;
    if (!quoted && text.includes("'")) tok.singleQuoted = true;
    out.push(tok);
  }
  return out;
}
