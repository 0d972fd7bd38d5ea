import * as legacy from './legacyAction';
import type { IfStmt, KeywordStmt, RsyslogTree, ObjectStmt, Param, PropFilterStmt, Span, Stmt, Value, Word } from './tree';

/*
 * Compact nodes the parser makes.
 *
 * Large files hold thousands of objects, parameters, keywords and filters. These classes keep
 * a name as its offsets and (shared, interned) text and make the Word when it is read, which
 * spares an object per name; validation reads `key` directly.
 */

// Imported values are copied into module constants once (see scanner.ts).
const { Action } = legacy;

/**
 * A filter whose body is usually one action (`mail.* /var/log/mail`): the action is kept
 * without a list (an array and its store per rule) until something reads `body`, and a legacy
 * action is kept as its offsets until something reads it (validation reads it through
 * peekOne(), which makes a short-lived Action and keeps nothing).
 */
export abstract class OneBodyNode {
  private first: Stmt | null = null;
  private list: Stmt[] | null = null;
  /** The legacy action kept as offsets: text, start (-1 when none), end, end before `;template`. */
  private laSrc = '';
  private laStart = -1;
  private laEnd = 0;
  private laBodyEnd = 0;

  /** The only statement of the body when it was parsed as one, else null. */
  get one(): Stmt | null {
    if (this.first === null && this.laStart >= 0) this.first = new Action(this.laSrc, this.laStart, this.laEnd, this.laBodyEnd);
    return this.first;
  }
  get body(): Stmt[] {
    if (this.list === null) {
      const one = this.one;
      this.list = one === null ? NONE_STMTS : [one];
    }
    return this.list;
  }
  set body(v: Stmt[]) {
    this.list = v;
    this.first = null;
    this.laStart = -1;
  }
  /** True while the body is empty (as the parser made the node). */
  isEmpty(): boolean {
    return this.first === null && this.laStart < 0 && (this.list === null || this.list.length === 0);
  }
  /** Makes `x` the whole body (which must be empty). */
  setOne(x: Stmt): void {
    this.first = x;
    this.list = null;
    this.laStart = -1;
  }
  /** Makes the legacy action at `src[start, end)` the whole body (which must be empty). */
  setLazyAction(src: string, start: number, end: number, bodyEnd: number): void {
    this.laSrc = src;
    this.laStart = start;
    this.laEnd = end;
    this.laBodyEnd = bodyEnd;
    this.first = null;
    this.list = null;
  }
  /**
   * True when the body is a lazy legacy action `/path` or `-/path` without a template: a file
   * action with an absolute path, about which validation has nothing to say.
   */
  plainFileAction(): boolean {
    if (this.first !== null || this.laStart < 0 || this.laBodyEnd !== this.laEnd) return false;
    const c = this.laSrc.charCodeAt(this.laStart);
    return c === 47 || (c === 45 && this.laSrc.charCodeAt(this.laStart + 1) === 47);
  }

  /** The body's only statement, as `one` reads it, without keeping an action made for it. */
  peekOne(): Stmt | null {
    if (this.first === null && this.laStart >= 0) return new Action(this.laSrc, this.laStart, this.laEnd, this.laBodyEnd);
    return this.first;
  }
}

/**
 * A parameter `name=value` of an object. Its value is kept in fields and made a Value when
 * read (validation reads the fields through valueText() and valueKind()).
 */
export class ParamNode implements Param {
  /** The value's kind, or '' when there is no value. */
  vKind: Value['kind'] | '' = '';
  vStart = 0;
  vEnd = 0;
  vText = '';
  vItems: Value[] | undefined = undefined;
  constructor(
    readonly start: number,
    public end: number,
    readonly nameEnd: number,
    /** The name as written (an interned string). */
    readonly key: string,
  ) {}
  get name(): Word {
    return { start: this.start, end: this.nameEnd, text: this.key };
  }
  get value(): Value | null {
    if (this.vKind === '') return null;
    const v: Value = { kind: this.vKind, start: this.vStart, end: this.vEnd, text: this.vText };
    if (this.vItems !== undefined) v.items = this.vItems;
    return v;
  }
  set value(v: Value | null) {
    if (v === null) {
      this.vKind = '';
      this.vStart = this.vEnd = 0;
      this.vText = '';
      this.vItems = undefined;
    } else {
      this.vKind = v.kind;
      this.vStart = v.start;
      this.vEnd = v.end;
      this.vText = v.text;
      this.vItems = v.items;
    }
  }
}

/** The kind of a parameter's value, or '' when it has none (makes no Value). */
export function valueKind(p: Param): Value['kind'] | '' {
  if (p instanceof ParamNode) return p.vKind;
  return p.value ? p.value.kind : '';
}

/** The text of a parameter's value when it has one that is not an array (makes no Value). */
export function valueText(p: Param): string | undefined {
  if (p instanceof ParamNode) return p.vKind !== '' && p.vKind !== 'array' ? p.vText : undefined;
  return p.value && p.value.kind !== 'array' ? p.value.text : undefined;
}

/** `module(...)`, `action(...)`, `template(...) { ... }` … */
export class ObjectNode implements ObjectStmt {
  readonly type = 'object' as const;
  params: Param[] = NONE_PARAMS;
  close = -1;
  body: Stmt[] | null = null;
  block: Span | null = null;
  constructor(
    readonly start: number,
    public end: number,
    readonly nameEnd: number,
    /** The name as written (an interned string). */
    readonly key: string,
    readonly open: number,
  ) {}
  get name(): Word {
    return { start: this.start, end: this.nameEnd, text: this.key };
  }
}

/** `if COND then … else …`: the condition and the blocks are kept as offsets. */
export class IfNode implements IfStmt {
  readonly type = 'if' as const;
  then: Stmt[] = NONE_STMTS;
  /** True when no `then` ends the condition (already reported; the condition is not checked). */
  noThen = false;
  else: Stmt[] | null = null;
  /** Start and end of the `then` and `else` blocks; start -1 when that part is no block. */
  private thenStart = -1;
  private thenEnd = -1;
  private elseStart = -1;
  private elseEnd = -1;
  constructor(
    readonly start: number,
    public end: number,
    readonly condStart: number,
    readonly condEnd: number,
  ) {}
  get cond(): Span {
    return { start: this.condStart, end: this.condEnd };
  }
  get thenBlock(): Span | null {
    return this.thenStart < 0 ? null : { start: this.thenStart, end: this.thenEnd };
  }
  get elseBlock(): Span | null {
    return this.elseStart < 0 ? null : { start: this.elseStart, end: this.elseEnd };
  }
  setThenBlock(start: number, end: number): void {
    this.thenStart = start;
    this.thenEnd = end;
  }
  setElseBlock(start: number, end: number): void {
    this.elseStart = start;
    this.elseEnd = end;
  }
}

/** `stop`, `call NAME`, `set …;` … */
export class KeywordNode implements KeywordStmt {
  readonly type = 'keyword' as const;
  constructor(
    readonly start: number,
    public end: number,
    readonly keywordEnd: number,
    /** The keyword as written (an interned string). */
    readonly key: string,
    readonly arg: Word | null,
  ) {}
  get keyword(): Word {
    return { start: this.start, end: this.keywordEnd, text: this.key };
  }
}

/** `:msg, !contains, "error" ACTION` */
export class PropFilterNode extends OneBodyNode implements PropFilterStmt {
  readonly type = 'propfilter' as const;
  block: Span | null = null;
  end: number;
  /** The quoted value (always a string): start (-1 when missing), end and text. */
  private readonly vStart: number;
  private readonly vEnd: number;
  private readonly vText: string;
  constructor(
    readonly start: number,
    /** The property name as written (interned), and where it ends. */
    readonly propertyKey: string,
    readonly propertyEnd: number,
    readonly negate: boolean,
    /** The operator as written (interned) and where it starts, or '' and -1 when missing. */
    readonly opKey: string,
    readonly opStart: number,
    value: Value | null,
    /** Where the filter part ends (after the value). */
    readonly filterEnd: number,
  ) {
    super();
    this.end = filterEnd;
    this.vStart = value ? value.start : -1;
    this.vEnd = value ? value.end : -1;
    this.vText = value ? value.text : '';
  }
  get value(): Value | null {
    return this.vStart < 0 ? null : { kind: 'string', start: this.vStart, end: this.vEnd, text: this.vText };
  }
  get property(): Word {
    return { start: this.start + 1, end: this.propertyEnd, text: this.propertyKey };
  }
  get op(): Word | null {
    return this.opStart < 0 ? null : { start: this.opStart, end: this.opStart + this.opKey.length, text: this.opKey };
  }
  get filter(): Span {
    return { start: this.start, end: this.filterEnd };
  }
}

/** The name of a parameter as written, without making its Word. */
export function paramName(p: Param): string {
  return p instanceof ParamNode ? p.key : p.name.text;
}

/** The name of an object as written, without making its Word. */
export function objectName(o: ObjectStmt): string {
  return o instanceof ObjectNode ? o.key : o.name.text;
}

/** The tree, with comment spans made from their offsets when first read (folding reads them). */
export function treeOf(statements: Stmt[], offsets: number[], declarations: Stmt[]): RsyslogTree {
  let comments: Span[] | undefined;
  return {
    statements,
    get comments(): Span[] {
      if (comments === undefined) {
        comments = [];
        for (let k = 0; k < offsets.length; k += 2) comments.push({ start: offsets[k], end: offsets[k + 1] });
      }
      return comments;
    },
    declarations,
  };
}

const NONE_PARAMS: Param[] = [];
const NONE_STMTS: Stmt[] = [];
