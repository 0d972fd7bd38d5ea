import { didYouMean, suggestionText } from '../common/didYouMean';
import { LineIndex, lineRange } from '../common/text';
import type { Finding } from '../common/types';
import { CATALOG } from './catalog';
import { ArgType, infoOfState, NAME_TRIE, NAME_TRIE_START } from './info';
import { BlockNode, isBlank, LrDirective, ScriptNode, type LrBlock, type LrDocument, type LrItem, type LrScript, type Word } from './tree';

/**
 * The items of the definition being read, copied into an exact-size array when it ends (an
 * array grown by push() reserves room for 17); parseLogrotate does not nest.
 */
const BODY: (LrDirective | LrScript)[] = [];

/** Gives `b` the first `count` items of BODY, and drops BODY's references to them. */
function endBody(b: BlockNode, count: number): void {
  b.items = BODY.slice(0, count);
  BODY.fill(undefined as unknown as LrDirective, 0, count);
}

const NO_ARG = { en: 'no argument', ja: '引数なし' };

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isPathStart(c: number): boolean {
  // '/', '"', '\'', '~': what logrotate accepts at the start of a log file name.
  return c === 47 || c === 34 || c === 39 || c === 126;
}

/** What String.prototype.trim/trimEnd remove (ECMAScript WhiteSpace and LineTerminator). */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** The length of the line at `ls` (of `len` code units) once trailing white space is removed, as trimEnd does. */
function trimmedLength(text: string, ls: number, len: number): number {
  while (len > 0 && isJsSpace(text.charCodeAt(ls + len - 1))) len--;
  return len;
}

/** Column after the path read by the last `readPath` call, and whether a quote was left open. */
let pathEnd = 0;
let pathUnterminated = false;

/**
 * Reads one log path at column `i` of the line starting at offset `ls` (`len` code units long) with
 * shell-like quoting; stops at a blank or `{`. Sets `pathEnd` and `pathUnterminated`.
 */
function readPath(text: string, ls: number, len: number, i: number, line: number): Word {
  const start = i;
  pathUnterminated = false;
  // Fast path: a plain path without quotes or backslashes is a slice of the line.
  let j = i;
  let c = 0;
  for (; j < len; j++) {
    c = text.charCodeAt(ls + j);
    if (isBlank(c) || c === 123 || c === 34 || c === 39 || c === 92) break;
  }
  if (j === len || isBlank(c) || c === 123) {
    pathEnd = j;
    return { text: text.slice(ls + i, ls + j), line, start, end: j, quoted: false };
  }
  // Unquoted runs and quoted runs are cut out whole; only escapes are taken one character at a time.
  let out = '';
  let quoted = false;
  while (i < len) {
    c = text.charCodeAt(ls + i);
    if (isBlank(c) || c === 123 /* { */) break;
    if (c === 34 || c === 39) {
      quoted = true;
      const q = c;
      i++;
      let closed = false;
      let run = i;
      while (i < len) {
        const d = text.charCodeAt(ls + i);
        if (d === q) {
          closed = true;
          break;
        }
        if (d === 92 /* \ */ && q === 34 && i + 1 < len) {
          out += text.slice(ls + run, ls + i) + text[ls + i + 1];
          i += 2;
          run = i;
          continue;
        }
        i++;
      }
      out += text.slice(ls + run, ls + i);
      if (closed) i++;
      else pathUnterminated = true;
      continue;
    }
    if (c === 92 && i + 1 < len) {
      out += text[ls + i + 1];
      i += 2;
      continue;
    }
    const run = i;
    i++;
    while (i < len) {
      const d = text.charCodeAt(ls + i);
      if (isBlank(d) || d === 123 || d === 34 || d === 39 || d === 92) break;
      i++;
    }
    out += text.slice(ls + run, ls + i);
  }
  pathEnd = i;
  return { text: out, line, start, end: i, quoted };
}

/** Parses a logrotate configuration. Never throws; linear in the size of the text. */
export function parseLogrotate(text: string): LrDocument {
  // The line index is filled lazily, when a position is asked for: the parser walks the lines itself.
  const lines = new LineIndex(text);
  const problems: Finding[] = [];
  const items: LrItem[] = [];
  const blocks: LrBlock[] = [];
  let block: BlockNode | null = null;
  let script: ScriptNode | null = null;
  let pending: BlockNode | null = null;
  /** How many items of the current definition are in BODY. */
  let bodyCount = 0;

  // Lines are read in place: `ls` is the offset of the line in `text`, `len` its length without the
  // line break (and a `\r` before it), and columns are offsets from `ls`.
  let n = -1;
  let ls = 0;
  for (let next = 0; next !== -1; ) {
    n++;
    ls = next;
    const nl = text.indexOf('\n', ls);
    next = nl === -1 ? -1 : nl + 1;
    let len = (nl === -1 ? text.length : nl) - ls;
    if (len > 0 && text.charCodeAt(ls + len - 1) === 13) len--;
    let i = 0;
    if (script !== null) {
      // Script bodies are most of many files: only `endscript` ends them.
      while (i < len && isBlank(text.charCodeAt(ls + i))) i++;
      if (i + 9 > len || text.charCodeAt(ls + i) !== 101 /* e */ || !text.startsWith('endscript', ls + i)) continue;
      if (i + 9 < len) {
        const e = text.charCodeAt(ls + i + 9);
        if (!isBlank(e) && e !== 125 /* } */ && e !== 35 /* # */) continue;
      }
      script.endLine = n;
      script.closed = true;
      script.endChar = i + 9;
      script = null;
      i += 9;
    }
    let lastFlag: LrDirective | null = null;
    let atLineStart = true;
    while (i < len) {
      const c = text.charCodeAt(ls + i);
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === 35 /* # */) break;
      const cur = pending as BlockNode | null;
      if (cur !== null) {
        if (c === 123) {
          cur.openLine = n;
          cur.openChar = i;
          items.push(cur);
          blocks.push(cur);
          block = cur;
          bodyCount = 0;
          pending = null;
          i++;
          atLineStart = false;
          continue;
        }
        if (atLineStart && isAlpha(c)) {
          // A directive where `{` was expected: logrotate would keep reading file names up to the next brace.
          problems.push({ code: 'logrotate/missing-brace', range: cur.pathsRange });
          items.push(cur);
          blocks.push(cur);
          block = cur;
          bodyCount = 0;
          pending = null;
          continue;
        }
        if (c === 125) {
          problems.push({ code: 'logrotate/missing-brace', range: cur.pathsRange });
          pending = null;
          continue;
        }
        const word = readPath(text, ls, len, i, n);
        if (pathUnterminated) problems.push({ code: 'logrotate/unterminated-quote', range: lineRange(n, i, len) });
        // Exact-size arrays: one or two paths are the rule, and push() would reserve room for 17.
        if (cur.paths.length === 1) cur.paths = [cur.paths[0], word];
        else cur.paths.push(word);
        cur.pathsEndLine = cur.endLine = n;
        cur.pathsEndChar = cur.endChar = pathEnd;
        i = pathEnd;
        atLineStart = false;
        continue;
      }
      if (c === 123) {
        problems.push({ code: 'logrotate/unexpected-open', range: lineRange(n, i, i + 1) });
        i++;
        atLineStart = false;
        continue;
      }
      if (c === 125) {
        const b = block as BlockNode | null;
        if (b !== null) {
          // A definition whose '{' is missing (reported at its names): logrotate refuses the file here.
          if (b.openLine === -1) problems.push({ code: 'logrotate/close-without-open', range: lineRange(n, i, i + 1) });
          b.closeLine = b.endLine = n;
          b.closeChar = i;
          b.endChar = i + 1;
          endBody(b, bodyCount);
          block = null;
          let j = i + 1;
          while (j < len && isBlank(text.charCodeAt(ls + j))) j++;
          if (j < len && text.charCodeAt(ls + j) !== 35) {
            problems.push({ code: 'logrotate/text-after-close', range: lineRange(n, j, trimmedLength(text, ls, len)) });
          }
        } else {
          problems.push({ code: 'logrotate/unexpected-close', range: lineRange(n, i, i + 1) });
        }
        break;
      }
      if (isPathStart(c)) {
        if (block !== null) {
          problems.push({ code: 'logrotate/path-in-block', range: lineRange(n, i, trimmedLength(text, ls, len)) });
          break;
        }
        const word = readPath(text, ls, len, i, n);
        if (pathUnterminated) problems.push({ code: 'logrotate/unterminated-quote', range: lineRange(n, i, len) });
        pending = new BlockNode([word], n, i, pathEnd);
        i = pathEnd;
        atLineStart = false;
        continue;
      }
      if (isAlpha(c)) {
        const s = i;
        let state = NAME_TRIE_START;
        for (; i < len; i++) {
          const a = text.charCodeAt(ls + i);
          if (!isAlpha(a)) break;
          if (state !== -1) state = NAME_TRIE[state * 52 + (a <= 90 ? a - 65 : a - 71)];
        }
        const after = i < len ? text.charCodeAt(ls + i) : -1;
        if (i < len && !isBlank(after) && after !== 61 /* = */) {
          problems.push({ code: 'logrotate/bad-separator', range: lineRange(n, s, i + 1), args: { name: text.slice(ls + s, ls + i), char: text[ls + i] } });
          break;
        }
        const info = infoOfState(state);
        if (info === undefined || !info.isDirective) {
          const name = info?.name ?? text.slice(ls + s, ls + i);
          if (lastFlag !== null) {
            problems.push({ code: 'logrotate/extra-argument', range: lineRange(n, s, trimmedLength(text, ls, len)), args: { name: lastFlag.name, expected: NO_ARG } });
          } else if (name === 'endscript') {
            problems.push({ code: 'logrotate/stray-endscript', range: lineRange(n, s, i) });
          } else {
            const sug = didYouMean(name, CATALOG.names());
            problems.push({
              code: 'logrotate/unknown-directive',
              range: lineRange(n, s, i),
              args: { name, suggestion: { en: suggestionText(sug, 'en'), ja: suggestionText(sug, 'ja') } },
              data: { name, suggestions: sug },
            });
          }
          break;
        }
        const name = info.name;
        const argType = info.argType;
        if (argType === ArgType.None) {
          const d = new LrDirective(info, n, s, '', i);
          if (block !== null) BODY[bodyCount++] = d;
          else items.push(d);
          lastFlag = d;
          atLineStart = false;
          continue;
        }
        if (argType === ArgType.Script) {
          const sc = new ScriptNode(name, n, s, i);
          if (block !== null) BODY[bodyCount++] = sc;
          else items.push(sc);
          script = sc;
          break;
        }
        let v = i;
        while (v < len && isBlank(text.charCodeAt(ls + v))) v++;
        if (v < len && text.charCodeAt(ls + v) === 61 /* = */) {
          v++;
          while (v < len && isBlank(text.charCodeAt(ls + v))) v++;
        }
        const t = trimmedLength(text, ls, len);
        const argText = v < t ? text.slice(ls + v, ls + t) : '';
        const d = new LrDirective(info, n, s, argText, v);
        if (block !== null) BODY[bodyCount++] = d;
        else items.push(d);
        break;
      }
      if (lastFlag !== null) {
        problems.push({ code: 'logrotate/extra-argument', range: lineRange(n, i, Math.max(i, trimmedLength(text, ls, len))), args: { name: lastFlag.name, expected: NO_ARG } });
      } else {
        problems.push({ code: 'logrotate/bad-line', range: lineRange(n, i, Math.max(i, trimmedLength(text, ls, len))) });
        // `*.log {`: a definition meant with a bad name; keep its body a definition so that the
        // closing brace and the directives inside do not raise more errors.
        const brace = block !== null ? -1 : text.indexOf('{', ls + i);
        if (brace !== -1 && brace < ls + len) {
          const word = readPath(text, ls, len, i, n);
          const b = new BlockNode([word], n, i, pathEnd);
          b.openLine = n;
          b.openChar = brace - ls;
          items.push(b);
          blocks.push(b);
          block = b;
          bodyCount = 0;
          pending = null;
        }
      }
      break;
    }
  }
  // `n` is the last line and `ls` its start.
  const endChar = text.length - ls;
  const sc = script as ScriptNode | null;
  if (sc !== null) {
    sc.endLine = n;
    problems.push({ code: 'logrotate/unterminated-script', range: sc.nameRange, args: { name: sc.name } });
    sc.endChar = endChar;
  }
  const b = block as BlockNode | null;
  if (b !== null) {
    // A definition opened without its brace was already reported as missing-brace, and an
    // unterminated script has swallowed the closing brace: one report is enough.
    if (b.openLine !== -1 && sc === null) problems.push({ code: 'logrotate/unclosed-block', range: b.pathsRange });
    b.endLine = n;
    b.endChar = endChar;
    endBody(b, bodyCount);
  }
  const p = pending as BlockNode | null;
  if (p !== null) problems.push({ code: 'logrotate/missing-brace', range: p.pathsRange });
  return { text, lines, tree: { items, blocks }, problems };
}
