/**
 * RainerScript expressions as rsyslogd's grammar reads them (`if … then`, `set $v = …;`,
 * `unset $v;`): the mistakes that make rsyslogd refuse the file — `=` where `==` is meant, a
 * bare word where a string is needed, an operator with nothing on one side, a variable `set`
 * cannot assign — each reported at its token.
 */

import functionsJson from '../../../data/rsyslog/functions.json';

export interface ExprProblem {
  code: 'rsyslog/expression-syntax' | 'rsyslog/invalid-variable' | 'rsyslog/unknown-function';
  start: number;
  end: number;
  args: Record<string, string>;
}

type Tok = { kind: 'num' | 'str' | 'var' | 'word' | 'op' | 'end'; start: number; end: number; text: string; dollar?: boolean };

/** Word operators (rsyslog reads keywords in any case). */
const WORD_OPS = new Set(['and', 'or', 'contains', 'contains_i', 'startswith', 'startswith_i']);
const BINARY = new Set(['==', '!=', '<>', '<=', '>=', '<', '>', '&', '+', '-', '*', '/', '%', ...WORD_OPS]);
/** Precedence, loosest first, as in rsyslog's grammar. */
const LEVEL: Record<string, number> = {
  or: 1, and: 2,
  '==': 3, '!=': 3, '<>': 3, '<=': 3, '>=': 3, '<': 3, '>': 3, contains: 3, contains_i: 3, startswith: 3, startswith_i: 3,
  '&': 4, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5,
};

/**
 * Functions rsyslogd 8.2302 knows without a function module (functions.json; each checked with
 * rsyslogd -N1: `toupper` and `trim` are not among them). Modules add more — fmhash's
 * hash32/hash64, fmhttp's http_request, fmunflatten's unflatten — so an unknown name is a warning.
 */
export const FUNCTIONS = new Set((functionsJson as { name: string }[]).map((f) => f.name.toLowerCase()));

function tokens(s: string, from: number, to: number): Tok[] | null {
  const out: Tok[] = [];
  let i = from;
  while (i < to) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < to && s[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const e = s.indexOf('*/', i + 2);
      if (e < 0 || e + 2 > to) return null;
      i = e + 2;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      i++;
      // rsyslogd's lexer refuses a `$` in a double-quoted string of an expression unless it is
      // written `\$` ("$-sign in double quotes must be escaped"); single quotes take it as is.
      let dollar = false;
      while (i < to && s[i] !== c) {
        if (s[i] === '$' && c === '"') dollar = true;
        i += s[i] === '\\' ? 2 : 1;
      }
      if (i >= to) return null; // unterminated: the reader reports it
      i++;
      out.push({ kind: 'str', start, end: i, text: s.slice(start, i), ...(dollar ? { dollar } : {}) });
      continue;
    }
    if (c === '$') {
      i++;
      for (;;) {
        while (i < to && /[A-Za-z0-9_!./@$-]/.test(s[i])) i++;
        // A JSON array element: $!foo[2]!bar[0] (rsyslogd takes a number in brackets).
        const sub = s[i] === '[' ? /^\[\d+\]/.exec(s.slice(i, Math.min(to, i + 24))) : null;
        if (!sub) break;
        i += sub[0].length;
      }
      out.push({ kind: 'var', start, end: i, text: s.slice(start, i) });
      continue;
    }
    if (c === '`') {
      // A backtick constant: the output of the command, a string (rsyslogd runs it at start).
      const e = s.indexOf('`', i + 1);
      if (e < 0 || e >= to) return null; // unterminated: the reader reports it
      i = e + 1;
      out.push({ kind: 'str', start, end: i, text: s.slice(start, i) });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < to && /[0-9A-Za-z]/.test(s[i])) i++;
      out.push({ kind: 'num', start, end: i, text: s.slice(start, i) });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < to && /[A-Za-z0-9_]/.test(s[i])) i++;
      out.push({ kind: 'word', start, end: i, text: s.slice(start, i) });
      continue;
    }
    const two = s.slice(i, i + 2);
    const op = ['==', '!=', '<>', '<=', '>=', '=~'].includes(two) ? two : c;
    i += op.length;
    out.push({ kind: 'op', start, end: i, text: op });
  }
  out.push({ kind: 'end', start: to, end: to, text: '' });
  return out;
}

const isOp = (t: Tok, text: string) => t.kind === 'op' && t.text === text;

class Parser {
  private k = 0;
  readonly problems: ExprProblem[] = [];
  constructor(private readonly t: Tok[]) {}

  fail(tok: Tok, hint: string): never {
    const end = tok.kind === 'end';
    this.problems.push({
      code: 'rsyslog/expression-syntax',
      start: end ? Math.max(0, tok.start - 1) : tok.start,
      end: Math.max(tok.end, tok.start + 1),
      args: { token: end ? 'end' : tok.text, hint },
    });
    throw this;
  }

  peek(): Tok {
    return this.t[this.k];
  }

  private opOf(tok: Tok): string | undefined {
    if (tok.kind === 'op' && BINARY.has(tok.text)) return tok.text;
    if (tok.kind === 'word' && WORD_OPS.has(tok.text.toLowerCase())) return tok.text.toLowerCase();
    return undefined;
  }

  expr(min = 1): void {
    this.unary();
    for (;;) {
      const op = this.opOf(this.peek());
      if (!op || LEVEL[op] < min) return;
      this.k++;
      this.expr(LEVEL[op] + 1);
    }
  }

  private unary(): void {
    const tok = this.peek();
    if (tok.kind === 'word' && tok.text.toLowerCase() === 'not') {
      this.k++;
      return this.expr(3);
    }
    if (isOp(tok, '-')) {
      this.k++;
      return this.unary();
    }
    this.primary();
  }

  private call(tok: Tok): void {
    if (!FUNCTIONS.has(tok.text.toLowerCase())) this.problems.push({ code: 'rsyslog/unknown-function', start: tok.start, end: tok.end, args: { name: tok.text } });
    this.k += 2;
    if (isOp(this.peek(), ')')) {
      this.k++;
      return;
    }
    for (;;) {
      this.expr();
      const p = this.peek();
      this.k++;
      if (isOp(p, ')')) return;
      if (!isOp(p, ',')) this.fail(p, "expected ',' or ')'");
    }
  }

  private array(): void {
    this.k++;
    for (;;) {
      const p = this.peek();
      if (p.kind === 'str' || p.kind === 'num') this.k++;
      else this.fail(p, 'an array holds constants');
      const q = this.peek();
      this.k++;
      if (isOp(q, ']')) return;
      if (!isOp(q, ',')) this.fail(q, "expected ',' or ']'");
    }
  }

  private primary(): void {
    const tok = this.peek();
    if (tok.kind === 'num') {
      if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(tok.text)) this.fail(tok, 'not a number');
      this.k++;
    } else if (tok.kind === 'str') {
      this.k++;
    } else if (tok.kind === 'var') {
      if (tok.text === '$') this.fail(tok, 'a variable needs a name');
      this.k++;
    } else if (tok.kind === 'word') {
      if (isOp(this.t[this.k + 1], '(')) return this.call(tok);
      const w = tok.text.toLowerCase();
      this.fail(tok, WORD_OPS.has(w) || w === 'not' ? 'an operator needs a value on each side' : 'a text value needs quotes ("…")');
    } else if (isOp(tok, '(')) {
      this.k++;
      this.expr();
      if (!isOp(this.peek(), ')')) this.fail(this.peek(), "expected ')'");
      this.k++;
    } else if (isOp(tok, '[')) {
      this.array();
    } else {
      this.fail(tok, tok.text === '=' ? "compare with '=='" : 'a value is needed here');
    }
  }

  /** After the whole expression: anything left is an error. */
  finish(): void {
    const tok = this.peek();
    if (tok.kind !== 'end') this.fail(tok, isOp(tok, '=') ? "compare with '=='" : 'an operator is missing before it');
  }
}

function parse(t: Tok[]): ExprProblem[] {
  const p = new Parser(t);
  try {
    p.expr();
    p.finish();
  } catch (e) {
    if (e !== p) throw e;
  }
  return p.problems;
}

function balanced(t: Tok[]): boolean {
  let d = 0;
  for (const x of t) {
    if (x.kind !== 'op') continue;
    if (x.text === '(' || x.text === '[') d++;
    else if (x.text === ')' || x.text === ']') d--;
    if (d < 0) return false;
  }
  return d === 0;
}

/** The first double-quoted string with an unescaped `$`, which rsyslogd refuses before parsing. */
function dollarInString(t: Tok[]): ExprProblem[] {
  const d = t.find((x) => x.dollar);
  return d ? [syntax(d, "a '$' inside double quotes must be written '\\$' (or use single quotes)")] : [];
}

function syntax(tok: Tok, hint: string): ExprProblem {
  return { code: 'rsyslog/expression-syntax', start: tok.start, end: Math.max(tok.end, tok.start + 1), args: { token: tok.text || 'end', hint } };
}

/** Problems of the expression in s[from, to) (an `if` condition). */
export function checkExpression(s: string, from: number, to: number): ExprProblem[] {
  const t = tokens(s, from, to);
  // Unterminated strings and unbalanced brackets are reported by the reader already.
  if (!t || !balanced(t)) return [];
  const dollar = dollarInString(t);
  if (dollar.length) return dollar;
  if (t.length === 1) return [syntax({ kind: 'end', start: Math.max(0, from - 1), end: from, text: 'then' }, 'a condition is needed')];
  return parse(t);
}

/** `set`, `reset` and `unset` write message (`$!`), local (`$.`) or global (`$/`) variables only. */
function variable(tok: Tok, keyword: string): ExprProblem[] {
  if (tok.kind !== 'var') return [syntax(tok, 'a variable ($!name, $.name or $/name) is needed')];
  if (/^\$[!./]/.test(tok.text)) return [];
  return [{ code: 'rsyslog/invalid-variable', start: tok.start, end: tok.end, args: { name: tok.text, keyword } }];
}

/** Problems of the argument of `set`/`reset` (`$v = expr`) or `unset` (`$v`), in s[from, to). */
export function checkAssignment(s: string, keyword: string, from: number, to: number): ExprProblem[] {
  const t = tokens(s, from, to);
  if (!t || !balanced(t)) return [];
  const dollar = dollarInString(t);
  if (dollar.length) return dollar;
  const v = variable(t[0], keyword);
  if (v.length && v[0].code === 'rsyslog/expression-syntax') return v;
  if (keyword === 'unset') return t[1].kind === 'end' ? v : [...v, syntax(t[1], "'unset' ends with ';' after the variable")];
  const eq = t[1];
  if (!isOp(eq, '=')) return [...v, syntax(eq, `'${keyword}' is written ${keyword} $!name = value;`)];
  const rest = t.slice(2);
  if (rest.length === 1) return [...v, syntax(eq, 'a value is needed after it')];
  return [...v, ...parse(rest)];
}
