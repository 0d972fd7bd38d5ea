/**
 * A literal that every match of a JavaScript regular expression contains, found from its source:
 * the filter searches the raw bytes for it (Buffer.indexOf) and runs the expression only on the
 * lines that hold it. Conservative: only the top-level sequence is read (groups, classes and
 * escapes other than punctuation end a run of literal characters), an optional character is left
 * out, and an expression with a top-level `|` has none.
 */

const QUANT = /^(?:[*?]|\{0\b|\{0,)/;

/** The longest ASCII literal every match of `src` contains (at least 2 characters), or undefined. */
export function requiredLiteral(src: string): string | undefined {
  let best = '';
  let run = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    let lit: string | undefined;
    let next: number;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) return undefined;
      // Letters and digits start class escapes, back-references, \p{…}, \u…, \x…, \c…, \k<…>.
      if (/[A-Za-z0-9]/.test(n)) {
        if (!/[dDwWsSbBtnrfv]/.test(n)) return undefined; // (a `|` may follow)
        flush();
        i += 2;
        i = skipQuantifier(src, i);
        continue;
      }
      lit = n;
      next = i + 2;
    } else if (c === '|') {
      return undefined;
    } else if (c === '(') {
      flush();
      const end = groupEnd(src, i);
      if (end < 0) return undefined;
      i = skipQuantifier(src, end);
      continue;
    } else if (c === '[') {
      flush();
      const end = classEnd(src, i);
      if (end < 0) return undefined;
      i = skipQuantifier(src, end);
      continue;
    } else if (c === '.' || c === '^' || c === '$') {
      flush();
      i = skipQuantifier(src, i + 1);
      continue;
    } else if (c === ')' || c === ']' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}') {
      return undefined; // not expected here: give up rather than guess
    } else {
      lit = c;
      next = i + 1;
    }
    if (lit.charCodeAt(0) > 0x7e || lit.charCodeAt(0) < 0x20) {
      flush();
      i = skipQuantifier(src, next);
      continue;
    }
    const rest = src.slice(next, next + 3);
    if (QUANT.test(rest)) {
      // Optional: not part of every match.
      flush();
      i = skipQuantifier(src, next);
    } else if (rest[0] === '+' || rest[0] === '{') {
      // Required once, then repeated: it ends the run.
      run += lit;
      flush();
      i = skipQuantifier(src, next);
    } else {
      run += lit;
      i = next;
    }
  }
  flush();
  return best.length >= 2 ? best : undefined;
}

/** The index after a quantifier (and its lazy `?`) at i, or i when there is none. */
function skipQuantifier(src: string, i: number): number {
  const c = src[i];
  let j = i;
  if (c === '*' || c === '+' || c === '?') j = i + 1;
  else if (c === '{') {
    const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
    if (!m) return i;
    j = i + m[0].length;
  } else return i;
  return src[j] === '?' ? j + 1 : j;
}

/** The index after the group opening at i, or -1. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j = classEnd(src, j) - 1;
      if (j < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** The index after the character class opening at i, or -1. */
function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return -1;
}
