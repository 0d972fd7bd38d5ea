/**
 * The rsyslog syntax tree. Nodes hold offsets into the text (not LSP ranges) so that parsing a
 * large file allocates little; ranges are made on demand through the document's LineIndex.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  text: string;
}

/**
 * A word of the parsed text whose `text` is sliced from the source when read. Parse trees of
 * large files hold thousands of words most of which nothing reads, so they keep only offsets.
 */
export class SourceWord implements Word {
  constructor(
    private readonly src: string,
    public start: number,
    public end: number,
  ) {}
  get text(): string {
    return this.src.slice(this.start, this.end);
  }
}

export type PriorityModifier = '' | '=' | '!' | '!=';

/** One `;`-separated part of a selector: `auth,authpriv.!=info`. */
export interface SelectorItem extends Span {
  facilities: Word[];
  /** Offset of the `.`, or -1 when it is missing. */
  dot: number;
  modifier: PriorityModifier;
  modifierStart: number;
  priority: Word | null;
}

export interface Selector extends Span {
  items: SelectorItem[];
}

export type ActionForm =
  | 'file'
  | 'file-nosync'
  | 'dynafile'
  | 'pipe'
  | 'program'
  | 'all-users'
  | 'omusrmsg'
  | 'users'
  | 'udp-forward'
  | 'tcp-forward'
  | 'discard'
  | 'module'
  | 'output-channel'
  | 'unknown';

/** A legacy action such as `-/var/log/mail.log;RSYSLOG_FileFormat` or `@@(o)[::1]:514`. */
export interface LegacyAction extends Span {
  type: 'legacy-action';
  form: ActionForm;
  /** Path, user list, host, module parameters or dynafile template: what the action acts on. */
  target: Word;
  template: Word | null;
  host?: Word;
  port?: Word;
  options?: Word;
  /** `omrelp` in `:omrelp:host:port`. */
  module?: Word;
}

export interface Value extends Span {
  kind: 'string' | 'number' | 'word' | 'array';
  /** Unescaped text of a string, the text of a number or word; '' for arrays. */
  text: string;
  items?: Value[];
}

export interface Param extends Span {
  name: Word;
  value: Value | null;
}

/** `module(...)`, `input(...)`, `template(...) { ... }`, `ruleset(...) { ... }` … */
export interface ObjectStmt extends Span {
  type: 'object';
  name: Word;
  params: Param[];
  /** Offsets of `(` and `)`; close is -1 when the list is not closed. */
  open: number;
  close: number;
  body: Stmt[] | null;
  block: Span | null;
}

/** A traditional selector and what follows it. */
export interface RuleStmt extends Span {
  type: 'rule';
  selector: Selector;
  body: Stmt[];
  block: Span | null;
}

/** `:msg, !contains, "error" ACTION` */
export interface PropFilterStmt extends Span {
  type: 'propfilter';
  property: Word;
  negate: boolean;
  op: Word | null;
  value: Value | null;
  /** The filter part from `:` to the end of the value (for names and hovers). */
  filter: Span;
  body: Stmt[];
  block: Span | null;
}

export interface IfStmt extends Span {
  type: 'if';
  cond: Span;
  then: Stmt[];
  thenBlock: Span | null;
  else: Stmt[] | null;
  elseBlock: Span | null;
}

export interface DirectiveStmt extends Span {
  type: 'directive';
  /** `$ModLoad` including the dollar sign. */
  name: Word;
  /** Whitespace-separated arguments. */
  args: Word[];
  /** Everything after the name, trimmed (null when there is nothing). */
  rest: Word | null;
}

/** `stop`, `call NAME`, `set $!x = 1;`, `unset $!x;`, `reset …;`, `call_indirect …;` */
export interface KeywordStmt extends Span {
  type: 'keyword';
  keyword: Word;
  arg: Word | null;
}

export interface ForeachStmt extends Span {
  type: 'foreach';
  keyword: Word;
  body: Stmt[];
  block: Span | null;
}

/** `& ACTION`: another action for the previous filter. */
export interface ContinuationStmt extends Span {
  type: 'continuation';
  body: Stmt[];
  block: Span | null;
}

export type Stmt =
  | RuleStmt
  | PropFilterStmt
  | IfStmt
  | DirectiveStmt
  | ObjectStmt
  | KeywordStmt
  | ForeachStmt
  | ContinuationStmt
  | LegacyAction;

export interface RsyslogTree {
  statements: Stmt[];
  /** Comment spans, for folding of comment blocks. */
  comments: Span[];
  /**
   * The objects and `$` directives among `statements`, in order (set by the parser, so that
   * finding a file's templates, rulesets and modules need not go through every rule).
   */
  declarations?: Stmt[];
}

/** The statements directly inside a statement (blocks, then/else, filter bodies). */
export function childrenOf(s: Stmt): Stmt[] | null {
  switch (s.type) {
    case 'rule':
    case 'propfilter':
    case 'continuation':
    case 'foreach':
      return s.body;
    case 'object':
      return s.body;
    case 'if':
      return s.else ? [...s.then, ...s.else] : s.then;
    default:
      return null;
  }
}

/** Calls `fn` for every statement of the tree, depth first. */
export function walk(statements: Stmt[], fn: (s: Stmt, parent: Stmt | null) => void, parent: Stmt | null = null): void {
  for (const s of statements) {
    fn(s, parent);
    if (s.type === 'if') {
      walk(s.then, fn, s);
      if (s.else) walk(s.else, fn, s);
    } else {
      const c = childrenOf(s);
      if (c) walk(c, fn, s);
    }
  }
}

/** A parameter of an object by name (case-insensitive, as rsyslog treats them). */
export function param(o: ObjectStmt, name: string): Param | undefined {
  const lower = name.toLowerCase();
  const params = o.params;
  for (let i = 0; i < params.length; i++) if (sameLower(params[i].name.text, lower)) return params[i];
  return undefined;
}

/** True when `text` equals `lower` (already lower-case) ignoring ASCII case; allocates nothing. */
export function sameLower(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(k)) {
      // Outside ASCII, fall back to the full Unicode comparison.
      return c > 127 ? text.toLowerCase() === lower : false;
    }
  }
  return true;
}

/** The text value of a parameter, or undefined. */
export function paramText(o: ObjectStmt, name: string): string | undefined {
  const p = param(o, name);
  return p?.value && p.value.kind !== 'array' ? p.value.text : undefined;
}
