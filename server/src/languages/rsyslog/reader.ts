import type { DirectiveStmt, Selector, SelectorItem, Word } from './tree';
import * as nodes from './nodes';
import type { ObjectNode } from './nodes';
import * as scanner from './scanner';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { add, append, intern, equalsLower, NONE, BACKSLASH, BANG, COMMA, CR, DOT, DQUOTE, EQ, HASH, isBlank, isNameChar, isWordChar, LBRACE, LBRACKET, LF, LPAREN, RBRACE, RBRACKET, RPAREN, Scanner, SEMI, SLASH, SPACE, SQUOTE, STAR, TAB } = scanner;

/** Characters that scanLegacyAction() looks at: blanks, line feed, brackets, braces and `;`. */
const { ParamNode } = nodes;

/** Parameters whose string values may span lines (template text). */
function isMultilineParam(s: string, start: number, end: number): boolean {
  return equalsLower(s, start, end, 'string') || equalsLower(s, start, end, 'value') || equalsLower(s, start, end, 'format');
}

const ACTION_SPECIAL = (() => {
  const t = new Uint8Array(128);
  for (const ch of ' \t\r\n()[]{};') t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** The line-shaped parts of rsyslog.conf: `$` directives, selectors, expressions up to a keyword, and objects' parameter lists. */
export class Reader extends Scanner {
  directive(): DirectiveStmt {
    const s = this.s;
    const start = this.i;
    let j = start + 1;
    while (j < this.n && isWordChar(s.charCodeAt(j))) j++;
    const name = this.name(start, j);
    const lineEnd = this.eol(j);
    let args: Word[] = NONE;
    let k = j;
    let restStart = -1;
    let restEnd = -1;
    let quote = 0;
    while (k < lineEnd) {
      const c = s.charCodeAt(k);
      if (isBlank(c)) {
        k++;
        continue;
      }
      if (c === HASH && quote === 0) break; // a comment after whitespace
      const ws = k;
      while (k < lineEnd) {
        const d = s.charCodeAt(k);
        if (quote) {
          if (d === BACKSLASH) k++;
          else if (d === quote) quote = 0;
        } else if (d === DQUOTE || d === SQUOTE) quote = d;
        else if (isBlank(d)) break;
        k++;
      }
      if (k > lineEnd) k = lineEnd;
      args = append(args, this.word(ws, k));
      if (restStart < 0) restStart = ws;
      restEnd = k;
    }
    this.i = k < lineEnd ? k : lineEnd;
    if (k < lineEnd) this.lineComment();
    return {
      type: 'directive',
      start,
      end: restEnd > 0 ? restEnd : j,
      name,
      args,
      rest: restStart >= 0 ? this.word(restStart, restEnd) : null,
    };
  }

  selector(): Selector {
    const s = this.s;
    const start = this.i;
    const sel: Selector = { start, end: start, items: NONE };
    let item: SelectorItem = this.newItem(start);
    let phase = 0;
    let ws = -1;
    let any = false;
    let lastSignificant = start;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (isWordChar(c) || c === STAR || c === 45) {
        if (ws < 0) ws = this.i;
        any = true;
      } else if (c === COMMA && phase === 0) {
        if (ws >= 0) add(item.facilities, this.selectorWord(ws, this.i), item, 'facilities');
        ws = -1;
        any = true;
      } else if (c === DOT && phase === 0) {
        if (ws >= 0) add(item.facilities, this.selectorWord(ws, this.i), item, 'facilities');
        ws = -1;
        item.dot = this.i;
        phase = 1;
        any = true;
      } else if ((c === EQ || c === BANG) && phase === 1 && ws < 0) {
        if (item.modifier === '') {
          item.modifierStart = this.i;
          item.modifier = c === EQ ? '=' : '!';
        } else if (item.modifier === '!' && c === EQ) item.modifier = '!=';
        else {
          // `=!`, `!!`, `!==`: rsyslogd takes the whole word as an (unknown) priority name.
          ws = item.modifierStart;
          item.modifier = '';
          item.modifierStart = -1;
        }
      } else if (c === COMMA || c === DOT || c === EQ || c === BANG) {
        // Stray punctuation inside a priority: keep it in the word so it is reported as unknown.
        if (ws < 0) ws = this.i;
      } else if (c === SEMI) {
        this.finishItem(item, phase, ws, this.i, any, sel);
        ws = -1;
        any = false;
        item = this.newItem(this.i + 1);
        phase = 0;
      } else if (c === BACKSLASH && this.isContinuation(this.i)) {
        if (ws >= 0) {
          const w = this.selectorWord(ws, this.i);
          if (phase === 0) add(item.facilities, w, item, 'facilities');
          else item.priority = w;
          ws = -1;
        }
        this.i = this.afterContinuation(this.i);
        if (!any) item.start = this.i;
        continue;
      } else break;
      this.i++;
      lastSignificant = this.i;
    }
    this.finishItem(item, phase, ws, lastSignificant, any, sel);
    sel.end = lastSignificant;
    return sel;
  }

  finishItem(item: SelectorItem, phase: number, ws: number, end: number, any: boolean, sel: Selector): void {
    if (ws >= 0) {
      const w = this.selectorWord(ws, end);
      if (phase === 0) add(item.facilities, w, item, 'facilities');
      else item.priority = w;
    }
    item.end = end;
    if (any) add(sel.items, item, sel, 'items');
  }

  newItem(start: number): SelectorItem {
    return { start, end: start, facilities: NONE, dot: -1, modifier: '', modifierStart: -1, priority: null };
  }

  /**
   * Scans an expression up to the keyword `kw` (`then`, `do`) at nesting depth 0, reporting
   * unbalanced parentheses and quotes. Leaves the cursor after the keyword.
   */
  expressionUntil(stmtStart: number, kw: string): boolean {
    const s = this.s;
    let stack: number[] = NONE;
    let j = this.i;
    while (j < this.n) {
      const c = s.charCodeAt(j);
      if (c === DQUOTE || c === SQUOTE) {
        this.i = j;
        this.skipString(false);
        j = this.i;
        continue;
      }
      if (c === HASH) {
        this.i = j;
        this.lineComment();
        j = this.i;
        continue;
      }
      if (c === SLASH && s.charCodeAt(j + 1) === STAR) {
        this.i = j;
        this.blockComment();
        j = this.i;
        continue;
      }
      if (c === LPAREN || c === LBRACKET) {
        stack = append(stack, j);
      }
      else if (c === RPAREN || c === RBRACKET) {
        if (stack.length === 0) this.problem('rsyslog/unbalanced-paren', j, j + 1, { char: s[j] });
        else stack.pop();
      } else if (c === LBRACE || c === RBRACE) break;
      else if (stack.length === 0 && isWordChar(c) && (j === 0 || !isNameChar(s.charCodeAt(j - 1)))) {
        let k = j;
        while (k < this.n && isWordChar(s.charCodeAt(k))) k++;
        if (equalsLower(s, j, k, kw)) {
          for (const o of stack) this.problem('rsyslog/unbalanced-paren', o, o + 1, { char: s[o] });
          this.i = k;
          this.condEnd = j;
          return true;
        }
        j = k;
        continue;
      }
      j++;
    }
    for (const o of stack) this.problem('rsyslog/unbalanced-paren', o, o + 1, { char: s[o] });
    this.problem('rsyslog/missing-keyword', stmtStart, Math.min(j, this.eol(stmtStart)), { keyword: kw });
    this.i = j;
    this.condEnd = j;
    return false;
  }

  /** Where the condition of the last expressionUntil() ends (before its keyword). */
  condEnd = 0;

  /** Finds `end` outside strings and brackets; stops at `{`, `}` or a blank line end of text. */
  scanExpression(from: number, end: string): { found: boolean; at: number } {
    const s = this.s;
    const endCode = end.charCodeAt(0);
    let depth = 0;
    let j = from;
    while (j < this.n) {
      const c = s.charCodeAt(j);
      if (c === DQUOTE || c === SQUOTE) {
        this.i = j;
        this.skipString(false);
        j = this.i;
        continue;
      }
      if (c === endCode && depth === 0) return { found: true, at: j };
      if (c === LPAREN || c === LBRACKET) depth++;
      else if (c === RPAREN || c === RBRACKET) depth--;
      else if (c === LBRACE || c === RBRACE || (c === LF && depth <= 0)) return { found: false, at: j };
      j++;
    }
    return { found: false, at: j };
  }

  /** The `;` before a template that the last scanLegacyAction() found, or -1. */
  scanSemi = -1;

  /**
   * Finds the end of the legacy action at the cursor (the cursor when there is none) and moves
   * the cursor there when there is one; sets scanSemi.
   */
  scanLegacyAction(): number {
    const s = this.s;
    const n = this.n;
    const start = this.i;
    let j = start;
    let bracket = 0;
    // The template suffix's `;` as parseLegacyAction() defines it, found on the way.
    let semi = -1;
    let depth = 0;
    // `:omusrmsg:root, admin` and `:omtesting:fail 2 0`: a module's action takes the rest of the
    // line (up to a comment), blanks included, as rsyslogd passes it to the module whole.
    const moduleForm = s.charCodeAt(start) === 58 && /^:[\w-]*:/.test(s.slice(start, start + 64));
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (moduleForm && c !== LF && !(c === HASH && isBlank(s.charCodeAt(j - 1)))) {
        if (c === SEMI && semi < 0) semi = j;
        continue;
      }
      // Most characters of an action (path, host) are none of those tested below.
      if (c >= 128 || ACTION_SPECIAL[c] === 0) continue;
      if (c === LF || ((c === SPACE || c === TAB || c === CR) && bracket === 0)) break;
      if (c === LPAREN) bracket++;
      else if (c === RPAREN && bracket > 0) bracket--;
      else if (c === RBRACE && bracket === 0 && j > start) break;
      if (semi < 0) {
        if (c === LPAREN || c === LBRACKET) depth++;
        else if (c === RPAREN || c === RBRACKET) depth--;
        else if (c === SEMI && depth <= 0) semi = j;
      }
    }
    this.scanSemi = semi;
    if (j > start) this.i = j;
    return j;
  }

  /**
   * The parameter list of an object, from after its `(` at `open` to the `)`: each `name=value`
   * becomes a parameter of `st`. Stops at a brace or at the start of another object (the list was
   * never closed).
   */
  paramList(st: ObjectNode, open: number): void {
    const s = this.s;
    this.i = open + 1;
    for (;;) {
      this.skipAll();
      if (this.i >= this.n) break;
      const c = s.charCodeAt(this.i);
      if (c === RPAREN) {
        st.close = this.i;
        this.i++;
        st.end = this.i;
        break;
      }
      if (c === RBRACE || c === LBRACE) break;
      if (!isNameChar(c)) {
        const us = this.i;
        this.i++;
        this.problem('rsyslog/unexpected', us, this.i, { text: s[us] });
        continue;
      }
      const ps = this.i;
      let pe = ps;
      while (pe < this.n && isNameChar(s.charCodeAt(pe))) pe++;
      this.i = pe;
      const pkey = intern(s, ps, pe);
      let k = this.i;
      while (k < this.n && isBlank(s.charCodeAt(k))) k++;
      if (s.charCodeAt(k) === LPAREN) {
        // A new object: this one was never closed.
        this.i = ps;
        break;
      }
      const param = new ParamNode(ps, pe, pe, pkey);
      add(st.params, param, st, 'params');
      st.end = pe;
      this.skipAll();
      if (s.charCodeAt(this.i) !== EQ) {
        this.problem('rsyslog/missing-value', ps, pe, { name: pkey });
        continue;
      }
      this.i++;
      this.skipAll();
      const v = this.value(isMultilineParam(s, ps, pe));
      if (v) {
        param.value = v;
        param.end = v.end;
        st.end = v.end;
      } else this.problem('rsyslog/missing-value', ps, this.i, { name: pkey });
    }
    if (st.close < 0) this.problem('rsyslog/unbalanced-paren', open, open + 1, { char: '(' });
  }
}
