// The RainerScript statement keywords (`if`, `set`, `call` …) and the one with a syntax of its
// own, `reload_lookup_table(…)`.
import type { Reader } from './reader';
import * as nodes from './nodes';
import * as scanner from './scanner';
import type { Stmt } from './tree';

const { KeywordNode } = nodes;
const { BACKSLASH, DQUOTE, isBlank, LF, LPAREN, RPAREN, SQUOTE, equalsLower } = scanner;

/** Keywords that are statements of their own (not objects written `name(...)`). */
const STATEMENT_KEYWORDS = ['if', 'stop', 'call', 'set', 'unset', 'reset', 'foreach', 'call_indirect', 'continue', 'reload_lookup_table'];

/** The statement keyword written at `s[start, end)` in any case, or '' (allocates nothing). */
export function keywordAt(s: string, start: number, end: number): string {
  const len = end - start;
  if (len < 2 || len > 19) return '';
  for (let k = 0; k < STATEMENT_KEYWORDS.length; k++) {
    const kw = STATEMENT_KEYWORDS[k];
    if (kw.length === len && equalsLower(s, start, end, kw)) return kw;
  }
  return '';
}

/** `reload_lookup_table("table", "stub value")`: a statement of its own, without `;`. */
export function reloadLookupTable(r: Reader, start: number, j: number, key: string): Stmt {
  const s = r.s;
  let k = j;
  while (k < r.n && isBlank(s.charCodeAt(k))) k++;
  if (s.charCodeAt(k) !== LPAREN) {
    r.problem('rsyslog/missing-argument', start, j, { keyword: 'reload_lookup_table' });
    r.i = j;
    return new KeywordNode(start, j, j, key, null);
  }
  let q = 0;
  let e = k + 1;
  for (; e < r.n; e++) {
    const c = s.charCodeAt(e);
    if (q) {
      if (c === BACKSLASH) e++;
      else if (c === q) q = 0;
    } else if (c === DQUOTE || c === SQUOTE) q = c;
    else if (c === RPAREN || c === LF) break;
  }
  if (s.charCodeAt(e) !== RPAREN) {
    r.problem('rsyslog/unbalanced-paren', k, k + 1, { char: '(' });
    r.i = e;
    return new KeywordNode(start, e, j, key, null);
  }
  r.i = e + 1;
  return new KeywordNode(start, r.i, j, key, r.word(k + 1, e));
}
