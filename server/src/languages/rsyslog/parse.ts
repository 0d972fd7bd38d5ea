import { LineIndex } from '../common/text';
import type { ParsedDocument } from '../common/types';
import * as legacy from './legacyAction';
import { keywordAt, reloadLookupTable } from './keywords';
import { Reader } from './reader';
import * as rules from './rule';
import * as scanner from './scanner';
import * as nodes from './nodes';
import type { ContinuationStmt, IfStmt, ObjectStmt, PropFilterStmt, RsyslogTree, RuleStmt, Span, Stmt, Value } from './tree';

/** Deeper blocks than this are not parsed (real files nest a handful of levels). */
const MAX_BLOCK_DEPTH = 200;

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { parseLegacyAction } = legacy;
const { Rule } = rules;
const { IfNode, ObjectNode, OneBodyNode, KeywordNode, PropFilterNode, treeOf } = nodes;
const { intern, AMP, BACKSLASH, BANG, COLON, COMMA, DOLLAR, DOT, DQUOTE, HASH, isBlank, isNameChar, isSelectorChar, isWordChar, LBRACE, LF, LPAREN, RBRACE, SLASH, SQUOTE, STAR, append, equalsLower, NONE } = scanner;

export type RsyslogDocument = ParsedDocument<RsyslogTree>;

/**
 * Parses rsyslog.conf: legacy selector lines, `$` directives and RainerScript in one pass.
 * Never throws; syntax problems are returned as findings and parsing goes on after them.
 */
export function parse(text: string): RsyslogDocument {
  const lines = new LineIndex(text);
  const p = new Parser(text, lines);
  const statements = p.statements(false);
  return { text, lines, tree: treeOf(statements, p.comments, p.declarations), problems: p.problems };
}

class Parser extends Reader {
  /** Top-level objects and directives (see RsyslogTree.declarations). */
  declarations: Stmt[] = NONE;
  /** The object or directive statement() made last, to tell top-level ones in statements(). */
  lastDeclaration: Stmt | null = null;

  // ---- statements -----------------------------------------------------------------------

  /** Statements up to the end of the text, or to the `}` closing a block when `inBlock`. */
  statements(inBlock: boolean): Stmt[] {
    let out: Stmt[] = NONE;
    for (;;) {
      this.skipAll();
      if (this.i >= this.n) return out;
      const c = this.s.charCodeAt(this.i);
      if (c === RBRACE) {
        if (inBlock) return out;
        this.problem('rsyslog/unbalanced-brace', this.i, this.i + 1, { char: '}' });
        this.i++;
        continue;
      }
      const before = this.i;
      const st = this.statement(inBlock);
      if (st) {
        out = append(out, st);
        if (!inBlock && st === this.lastDeclaration) this.declarations = append(this.declarations, st);
      }
      if (this.i === before) this.skipUnexpected();
    }
  }

  statement(inBlock = false): Stmt | null {
    const s = this.s;
    const start = this.i;
    const c = s.charCodeAt(start);
    if (c === DOLLAR) return (this.lastDeclaration = this.directive());
    // `:omusrmsg:root` is a legacy action (rsyslogd reads `:name:` in lower case that way, also
    // without a filter in front); `:msg, contains, "x"` is a property filter.
    if (c === COLON) return this.legacyModuleAt(start) ? this.actionAtStatement(inBlock) : this.propertyFilter();
    if (c === AMP) return this.continuation();
    if (isWordChar(c) || c === STAR) {
      let j = start;
      while (j < this.n && isWordChar(s.charCodeAt(j))) j++;
      const after = s.charCodeAt(j);
      // `mail.info`, `auth,authpriv.*`: a selector, the common case, needs no keyword test.
      if ((after === DOT || after === COMMA) && this.looksLikeSelector(start, j)) return this.rule();
      const kw = keywordAt(s, start, j);
      let k = j;
      while (k < this.n && isBlank(s.charCodeAt(k))) k++;
      if (j > start && s.charCodeAt(k) === LPAREN && kw === '') return (this.lastDeclaration = this.object(start, j, k));
      if (kw !== '' && this.isKeywordEnd(j)) return this.keywordStatement(start, j, kw);
      if (this.looksLikeSelector(start, j)) return this.rule();
      if (j > start && (equalsLower(s, start, j, 'else') || equalsLower(s, start, j, 'then'))) {
        this.problem('rsyslog/unexpected', start, j, { text: s.slice(start, j).toLowerCase() });
        this.i = j;
        return null;
      }
      return this.actionAtStatement(inBlock);
    }
    if (c === LBRACE) {
      // A bare block is not rsyslog syntax; parse it anyway so the braces stay balanced.
      this.problem('rsyslog/unexpected', start, start + 1, { text: '{' });
      this.block();
      return null;
    }
    return this.actionAtStatement(inBlock);
  }

  /** True when `:name:` (lower-case letters and digits, as rsyslogd's lexer reads it) starts at `at`. */
  legacyModuleAt(at: number): boolean {
    const s = this.s;
    let j = at + 1;
    while (j < this.n) {
      const c = s.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
      j++;
    }
    return j > at + 1 && s.charCodeAt(j) === COLON;
  }

  /**
   * A legacy action where a statement was expected: inside a block it is one; at the top rsyslogd
   * applies it to every message (a warning: a selector was likely forgotten).
   */
  actionAtStatement(inBlock: boolean): Stmt | null {
    const start = this.i;
    const a = this.legacyActionHere();
    if (a && !inBlock) this.problem('rsyslog/action-without-filter', start, a.end);
    return a;
  }

  isKeywordEnd(j: number): boolean {
    const c = this.s.charCodeAt(j);
    return j >= this.n || !isNameChar(c);
  }

  /**
   * True when a selector (with a dot) starts at `from`. Also sets selectorLast (after its last
   * character) and selectorStop (where reading stopped, past line continuations), so that
   * rule() need not read the selector again. The word characters (selector characters without
   * a dot) up to `wordEnd` are already known.
   */
  looksLikeSelector(from: number, wordEnd: number): boolean {
    const s = this.s;
    let j = wordEnd;
    let last = wordEnd;
    let dot = false;
    while (j < this.n) {
      const c = s.charCodeAt(j);
      if (isSelectorChar(c)) {
        if (c === DOT) dot = true;
        last = ++j;
      } else if (c === BACKSLASH && this.isContinuation(j)) j = this.afterContinuation(j);
      else break;
    }
    this.selectorLast = last;
    this.selectorStop = j;
    return dot;
  }

  /** After the last selector character, and where reading stopped (see looksLikeSelector()). */
  selectorLast = 0;
  selectorStop = 0;

  // ---- selectors ------------------------------------------------------------------------

  /** A rule at the cursor, right after looksLikeSelector() found its selector. */
  rule(): RuleStmt {
    const start = this.i;
    const end = this.selectorLast;
    this.i = this.selectorStop;
    const st = new Rule(this.s, start, end);
    this.filterBody(st, start, end);
    return st;
  }

  /** What follows a filter: an action list, a block or a statement. */
  filterBody(st: RuleStmt | PropFilterStmt, filterStart: number, filterEnd: number): void {
    this.skipInline();
    const c = this.s.charCodeAt(this.i);
    if (this.i >= this.n || c === LF || c === HASH) {
      // The action may stand on the next line (RainerScript ignores line breaks here).
      const save = this.i;
      this.skipAll();
      if (this.i < this.n && this.startsAction(this.i)) {
        this.actionPosition(st);
      } else {
        this.i = save;
        this.problem('rsyslog/missing-action', filterStart, filterEnd);
      }
      return;
    }
    this.actionPosition(st);
  }

  /** True when the text at `at` starts an action rather than a new statement. */
  startsAction(at: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(at);
    if (c === LBRACE || c === SLASH || c === 45 || c === 124 || c === 94 || c === 64 || c === 126 || c === 63) return true;
    if (isWordChar(c)) {
      let j = at;
      while (j < this.n && isWordChar(s.charCodeAt(j))) j++;
      if (equalsLower(s, at, j, 'stop') || equalsLower(s, at, j, 'call')) return true;
      if (equalsLower(s, at, j, 'action')) {
        while (j < this.n && isBlank(s.charCodeAt(j))) j++;
        return s.charCodeAt(j) === LPAREN;
      }
    }
    return false;
  }

  /** Parses the action part of a filter, `then` or `else` into `st.body`. */
  actionPosition(st: { body: Stmt[]; block: Span | null; end: number }): void {
    // Rules and property filters keep a single legacy action as offsets (see OneBodyNode).
    const one = st instanceof OneBodyNode && st.isEmpty() ? st : null;
    const part = this.actionPartOne(one !== null);
    if (one !== null && this.lazyStart >= 0) one.setLazyAction(this.s, this.lazyStart, this.partEnd, this.lazyBodyEnd);
    else if (one !== null && !Array.isArray(part)) one.setOne(part);
    else {
      const body = Array.isArray(part) ? part : [part];
      if (st.body.length === 0) st.body = body;
      else for (const x of body) st.body = append(st.body, x);
    }
    st.block = this.partBlockStart < 0 ? null : { start: this.partBlockStart, end: this.partBlockEnd };
    if (this.partEnd > st.end) st.end = this.partEnd;
  }

  /**
   * Block (start -1 when the part was no block) and end offset of the last actionPart(), kept in
   * fields to spare an object per rule.
   */
  partBlockStart = -1;
  partBlockEnd = -1;
  partEnd = 0;
  /**
   * Set by actionPartOne(lazy) when the part is a legacy action it did not make: where it starts
   * (-1 otherwise) and where its part before `;template` ends; partEnd is where it ends.
   */
  lazyStart = -1;
  lazyBodyEnd = 0;

  actionPart(): Stmt[] {
    const part = this.actionPartOne();
    return Array.isArray(part) ? part : [part];
  }

  /**
   * What actionPart() reads, a single statement as itself (NONE when there is nothing). With
   * `lazy`, a legacy action is not made: lazyStart and lazyBodyEnd tell where it is.
   */
  actionPartOne(lazy = false): Stmt[] | Stmt {
    const s = this.s;
    this.skipAll();
    this.lazyStart = -1;
    this.partBlockStart = -1;
    this.partEnd = this.i;
    if (this.i >= this.n) return NONE;
    const c = s.charCodeAt(this.i);
    if (c === LBRACE) {
      const body = this.block();
      // The block's own rules set these fields too: set them for this part after it.
      this.lazyStart = -1;
      this.partBlockStart = this.blockStart;
      this.partBlockEnd = this.blockEnd;
      this.partEnd = this.blockEnd;
      return body;
    }
    if (isWordChar(c)) {
      let j = this.i;
      while (j < this.n && isWordChar(s.charCodeAt(j))) j++;
      let k = j;
      while (k < this.n && isBlank(s.charCodeAt(k))) k++;
      if (s.charCodeAt(k) === LPAREN || (keywordAt(s, this.i, j) !== '' && this.isKeywordEnd(j))) {
        const st = this.statement();
        this.lazyStart = -1;
        this.partBlockStart = -1;
        this.partEnd = st ? st.end : this.i;
        return st ?? NONE;
      }
    }
    if (lazy) {
      const start = this.i;
      const end = this.scanLegacyAction();
      this.partEnd = this.i;
      if (end > start) {
        this.lazyStart = start;
        this.lazyBodyEnd = this.scanSemi >= 0 ? this.scanSemi : end;
      }
      return NONE;
    }
    const a = this.legacyActionHere();
    this.partEnd = a ? a.end : this.i;
    return a ?? NONE;
  }

  /** A legacy action: the text up to the next blank or the end of the line. */
  legacyActionHere(): Stmt | null {
    const start = this.i;
    const end = this.scanLegacyAction();
    return end === start ? null : parseLegacyAction(this.s, start, end, this.scanSemi);
  }

  /** Where the last block() starts and ends (fields, to spare a result object per block). */
  blockStart = 0;
  blockEnd = 0;

  /** How many blocks enclose the cursor. */
  depth = 0;

  /** A `{ … }` block at the cursor: returns its statements and sets blockStart and blockEnd. */
  block(): Stmt[] {
    const open = this.i;
    // Blocks are parsed recursively; past a depth no real configuration reaches, the rest of
    // the nest is skipped by counting braces, so a hostile file cannot exhaust the stack.
    if (this.depth >= MAX_BLOCK_DEPTH) return this.skipDeepBlock(open);
    this.i++;
    this.depth++;
    const body = this.statements(true);
    this.depth--;
    if (this.i >= this.n || this.s.charCodeAt(this.i) !== RBRACE) {
      this.problem('rsyslog/unbalanced-brace', open, open + 1, { char: '{' });
    } else this.i++;
    this.blockStart = open;
    this.blockEnd = this.i;
    return body;
  }

  private skipDeepBlock(open: number): Stmt[] {
    let d = 0;
    let j = open;
    for (; j < this.n; j++) {
      const c = this.s.charCodeAt(j);
      if (c === LBRACE) d++;
      else if (c === RBRACE && --d === 0) {
        j++;
        break;
      }
    }
    this.problem('rsyslog/too-deep', open, open + 1, { max: MAX_BLOCK_DEPTH });
    this.i = j;
    this.blockStart = open;
    this.blockEnd = j;
    return NONE;
  }

  // ---- property filters and continuations ----------------------------------------------

  propertyFilter(): PropFilterStmt {
    const s = this.s;
    const start = this.i;
    const lineEnd = this.eol(start);
    let j = start + 1;
    while (j < lineEnd && s.charCodeAt(j) !== COMMA && !isBlank(s.charCodeAt(j))) j++;
    const property = intern(s, start + 1, j);
    let k = this.skipSep(j, lineEnd);
    // rsyslogd needs both commas (`:msg, contains, "x"`); blanks alone do not separate.
    let commas = s.charCodeAt(k - 1) === COMMA || s.slice(j, k).includes(',') ? 1 : 0;
    let negate = false;
    if (s.charCodeAt(k) === BANG) {
      negate = true;
      k++;
    }
    const os = k;
    while (k < lineEnd && isNameChar(s.charCodeAt(k))) k++;
    const op = k > os ? intern(s, os, k) : '';
    const afterOp = k;
    k = this.skipSep(k, lineEnd);
    if (s.slice(afterOp, k).includes(',')) commas++;
    let value: Value | null = null;
    this.i = k;
    if (s.charCodeAt(k) === DQUOTE || s.charCodeAt(k) === SQUOTE) value = this.string(false);
    const st = new PropFilterNode(start, property, j, negate, op, op !== '' ? os : -1, value, this.i);
    if (!op || !value || commas < 2) {
      this.problem('rsyslog/bad-property-filter', start, Math.max(this.i, j));
      this.i = lineEnd;
      return st;
    }
    this.filterBody(st, start, st.filterEnd);
    return st;
  }

  continuation(): ContinuationStmt {
    const start = this.i;
    this.i++;
    const st: ContinuationStmt = { type: 'continuation', start, end: this.i, body: NONE, block: null };
    this.skipInline();
    const c = this.s.charCodeAt(this.i);
    if (this.i >= this.n || c === LF || c === HASH) {
      this.problem('rsyslog/missing-action', start, start + 1);
      return st;
    }
    this.actionPosition(st);
    return st;
  }

  // ---- RainerScript statements ----------------------------------------------------------

  keywordStatement(start: number, j: number, w: string): Stmt {
    this.i = j;
    if (w === 'if') return this.ifStatement(start);
    if (w === 'foreach') {
      const keyword = this.name(start, j);
      this.expressionUntil(start, 'do');
      const st = { type: 'foreach' as const, start, end: this.i, keyword, body: NONE as Stmt[], block: null as Span | null };
      this.actionPosition(st);
      return st;
    }
    const key = intern(this.s, start, j);
    if (w === 'stop' || w === 'continue') return new KeywordNode(start, j, j, key, null);
    if (w === 'reload_lookup_table') return reloadLookupTable(this, start, j, key);
    if (w === 'call') {
      this.skipInline();
      const as = this.i;
      while (this.i < this.n && isNameChar(this.s.charCodeAt(this.i))) this.i++;
      const arg = this.i > as ? this.word(as, this.i) : null;
      if (!arg) this.problem('rsyslog/missing-argument', start, j, { keyword: 'call' });
      return new KeywordNode(start, this.i, j, key, arg);
    }
    // set / unset / reset / call_indirect: up to the `;` that ends them.
    const as = this.i;
    const e = this.scanExpression(as, ';');
    const argEnd = e.found ? e.at : e.at;
    let a0 = as;
    while (a0 < argEnd && isBlank(this.s.charCodeAt(a0))) a0++;
    let a1 = argEnd;
    while (a1 > a0 && (isBlank(this.s.charCodeAt(a1 - 1)) || this.s.charCodeAt(a1 - 1) === LF)) a1--;
    const arg = a1 > a0 ? this.word(a0, a1) : null;
    if (!e.found) this.problem('rsyslog/missing-semicolon', start, a1 > a0 ? a1 : j, { keyword: w });
    this.i = e.found ? e.at + 1 : e.at;
    return new KeywordNode(start, this.i, j, key, arg);
  }

  ifStatement(start: number): IfStmt {
    const condStart = this.i;
    const ok = this.expressionUntil(start, 'then');
    const st = new IfNode(start, this.i, condStart, this.condEnd);
    if (!ok) {
      st.noThen = true;
      return st;
    }
    st.then = this.actionPart();
    st.setThenBlock(this.partBlockStart, this.partBlockEnd);
    st.end = Math.max(st.end, this.partEnd);
    const save = this.i;
    this.skipAll();
    if (this.s.startsWith('else', this.i) && this.isKeywordEnd(this.i + 4)) {
      this.i += 4;
      st.else = this.actionPart();
      st.setElseBlock(this.partBlockStart, this.partBlockEnd);
      st.end = Math.max(st.end, this.partEnd);
    } else this.i = save;
    return st;
  }

  // ---- objects ----------------------------------------------------------------------------

  object(start: number, nameEnd: number, open: number): ObjectStmt {
    const s = this.s;
    const st = new ObjectNode(start, open + 1, nameEnd, intern(s, start, nameEnd), open);
    this.paramList(st, open);
    if (equalsLower(s, start, nameEnd, 'ruleset') || equalsLower(s, start, nameEnd, 'template') || equalsLower(s, start, nameEnd, 'parser')) {
      const save = this.i;
      this.skipAll();
      if (s.charCodeAt(this.i) === LBRACE) {
        st.body = this.block();
        st.block = { start: this.blockStart, end: this.blockEnd };
        st.end = this.blockEnd;
      } else this.i = save;
    }
    return st;
  }

}
