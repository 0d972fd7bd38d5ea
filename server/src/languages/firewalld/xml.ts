import { parse as parseXmlCst } from '@xml-tools/parser';
import type { ContentCstNode, ElementCstNode } from '@xml-tools/parser';
import type { IToken } from 'chevrotain';

/** One attribute as written: offsets are UTF-16 offsets into the document text. */
export interface XmlAttribute {
  name: string;
  /** Value without the quotes and with the five predefined entities resolved; undefined when missing. */
  value: string | undefined;
  nameStart: number;
  nameEnd: number;
  /** Offsets of the value inside the quotes (equal to nameEnd when there is no value). */
  valueStart: number;
  valueEnd: number;
}

/**
 * A lean element tree built from the CST of @xml-tools/parser: only what the checks,
 * hover, completion and outline need, so that walking it stays cheap.
 */
export interface XmlElement {
  name: string;
  parent: XmlElement | undefined;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** Offset just after `>` or `/>` of the start tag, or the element end when the tag is unfinished. */
  startTagEnd: number;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data directly inside the element (entities resolved, trimmed). */
  text: string;
  textStart: number;
  textEnd: number;
  /** Whether the start tag was closed with `>` or `/>` (false while the user is still typing it). */
  tagClosed: boolean;
  /** Offsets of the end tag's name, when there is one. */
  endNameStart?: number;
  endNameEnd?: number;
}

export interface XmlSyntaxProblem {
  start: number;
  end: number;
  message: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the predefined and numeric character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Element and attribute names as canonical internalized strings (the same string object for the
 * same name, and the same one as a string literal in the checks): the checks compare and look up
 * names thousands of times per file, and two internalized strings compare by identity. Bounded, so
 * that a server reading many files with made-up names keeps a small table.
 */
const CANONICAL = new Map<string, string>();
function canonical(name: string): string {
  const c = CANONICAL.get(name);
  if (c !== undefined) return c;
  if (CANONICAL.size >= 2048) return name;
  // A property key is always internalized: this yields the internalized copy of `name`.
  const k = Object.keys({ [name]: 0 })[0];
  CANONICAL.set(k, k);
  return k;
}

function tokenEnd(t: IToken): number {
  // Tokens made up by the parser's error recovery have NaN offsets.
  const e = Number.isFinite(t.endOffset) ? (t.endOffset as number) : t.startOffset;
  return (Number.isFinite(e) ? e : 0) + 1;
}

/** The token, unless error recovery made it up (such tokens have NaN offsets and no text). */
function real(t: IToken | undefined): IToken | undefined {
  return t && Number.isFinite(t.startOffset) ? t : undefined;
}

function validOffset(n: number | undefined, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

function convert(node: ElementCstNode, parent: XmlElement | undefined, textLength: number, problems: XmlSyntaxProblem[]): XmlElement {
  const c = node.children;
  const nameTok = real(c.Name?.[0]);
  const open = c.OPEN?.[0];
  const start = validOffset(open?.startOffset, validOffset(node.location?.startOffset, 0));
  const end = Math.min(textLength, validOffset(node.location?.endOffset, start) + 1);
  const closeTok = c.START_CLOSE?.[0] ?? c.SLASH_CLOSE?.[0];
  const el: XmlElement = {
    name: nameTok ? canonical(nameTok.image) : '',
    parent,
    start,
    end,
    nameStart: nameTok ? nameTok.startOffset : start + 1,
    nameEnd: nameTok ? tokenEnd(nameTok) : start + 1,
    startTagEnd: closeTok && Number.isFinite(closeTok.startOffset) ? tokenEnd(closeTok) : end,
    attributes: [],
    children: [],
    text: '',
    textStart: end,
    textEnd: end,
    tagClosed: !!closeTok && Number.isFinite(closeTok.startOffset),
  };
  for (const a of c.attribute ?? []) {
    const an = real(a.children.Name?.[0]);
    if (!an) continue;
    const str = a.children.STRING?.[0];
    const hasStr = !!str && Number.isFinite(str.startOffset);
    el.attributes.push({
      name: canonical(an.image),
      value: hasStr ? decodeEntities(str!.image.slice(1, -1)) : undefined,
      nameStart: an.startOffset,
      nameEnd: tokenEnd(an),
      valueStart: hasStr ? str!.startOffset + 1 : tokenEnd(an),
      valueEnd: hasStr ? tokenEnd(str!) - 1 : tokenEnd(an),
    });
  }
  const content: ContentCstNode | undefined = c.content?.[0];
  if (content) {
    const cc = content.children;
    // Most elements hold only whitespace between children: look for real text first.
    let hasText = !!cc.reference?.length;
    if (!hasText && cc.chardata) {
      for (const ch of cc.chardata) {
        if (ch.children.TEXT?.length) {
          hasText = true;
          break;
        }
      }
    }
    if (hasText) collectText(el, cc);
    const kids = cc.element;
    if (kids) {
      for (const child of kids) el.children.push(convert(child, el, textLength, problems));
      // The CST lists elements in document order already; sort only if it ever does not.
      if (!inOrder(el.children)) el.children.sort((a, b) => a.start - b.start);
    }
  }
  const endName = c.END_NAME?.[0];
  if (endName && Number.isFinite(endName.startOffset)) {
    el.endNameStart = endName.startOffset;
    el.endNameEnd = tokenEnd(endName);
    if (nameTok && endName.image !== nameTok.image) {
      problems.push({
        start: endName.startOffset,
        end: tokenEnd(endName),
        message: `end tag </${endName.image}> does not match <${nameTok.image}>`,
      });
    }
  } else if (el.tagClosed && c.START_CLOSE?.[0] && !c.SLASH_CLOSE?.[0] && nameTok) {
    problems.push({ start: nameTok.startOffset, end: tokenEnd(nameTok), message: `<${nameTok.image}> is never closed` });
  }
  const seen = new Set<string>(); // a Set, not a pairwise loop: a tag may carry thousands of attributes
  for (const a of el.attributes) {
    if (seen.has(a.name)) problems.push({ start: a.nameStart, end: a.nameEnd, message: `attribute ${a.name} appears twice` });
    seen.add(a.name);
  }
  return el;
}

function inOrder(els: XmlElement[]): boolean {
  for (let i = 1; i < els.length; i++) if (els[i - 1].start > els[i].start) return false;
  return true;
}

/** Joins the character data and references of an element into its trimmed text. */
function collectText(el: XmlElement, cc: ContentCstNode['children']) {
  const pieces: IToken[] = [];
  for (const ch of cc.chardata ?? []) {
    for (const t of ch.children.TEXT ?? []) pieces.push(t);
    for (const t of ch.children.SEA_WS ?? []) pieces.push(t);
  }
  for (const r of cc.reference ?? []) {
    for (const t of r.children.EntityRef ?? []) pieces.push(t);
    for (const t of r.children.CharRef ?? []) pieces.push(t);
  }
  if (!pieces.length) return;
  pieces.sort((a, b) => a.startOffset - b.startOffset);
  let raw = '';
  for (const t of pieces) raw += t.image;
  const text = decodeEntities(raw.trim());
  if (!text) return;
  const lead = raw.length - raw.trimStart().length;
  const start = pieces[0].startOffset + lead;
  const end = tokenEnd(pieces[pieces.length - 1]) - (raw.length - raw.trimEnd().length);
  el.text = text;
  el.textStart = start;
  el.textEnd = Math.max(start, end);
}

export interface XmlDocument {
  root: XmlElement | undefined;
  problems: XmlSyntaxProblem[];
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return (nl === -1 ? message : message.slice(0, nl)).replace(/\s+$/, '');
}

/** Deeper than this, the XML parser (recursive) runs out of stack; firewalld files use 4 levels. */
const MAX_DEPTH = 100;

/** Where a start tag first goes deeper than MAX_DEPTH (a cheap, linear estimate), or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c === 47 /* / */) depth--;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      const gt = text.indexOf('>', i);
      if (gt !== -1 && text.charCodeAt(gt - 1) === 47) continue; // <empty/>
      if (++depth > MAX_DEPTH) return i;
    }
  }
  return -1;
}

/** Offset of a `<!--` after the last `-->` (outside CDATA), or -1 when every comment is closed. */
function unclosedComment(text: string): number {
  const lastClose = text.lastIndexOf('-->');
  const open = text.indexOf('<!--', lastClose < 0 ? 0 : lastClose + 3);
  if (open < 0) return -1;
  return text.lastIndexOf('<![CDATA[', open) > text.lastIndexOf(']]>', open) ? -1 : open;
}

/**
 * Parses XML with @xml-tools/parser (which recovers after errors) and converts the CST into
 * {@link XmlElement}s. Never throws.
 */
export function parseXml(text: string): XmlDocument {
  const problems: XmlSyntaxProblem[] = [];
  // The parser's lexer rescans to the end of the text for every `<!--` that is never closed
  // (quadratic on a hostile file): hand it the text with an unclosed comment blanked out instead
  // (same length, line breaks kept, so every offset stays right) and report it once ourselves.
  const open = unclosedComment(text);
  const source = open < 0 ? text : text.slice(0, open) + text.slice(open).replace(/[^\r\n]/g, ' ');
  if (open >= 0) problems.push({ start: open, end: open + 4, message: 'comment <!-- is never closed with -->' });
  const deep = tooDeep(source);
  if (deep >= 0) return { root: undefined, problems: [...problems, { start: deep, end: deep + 1, message: `elements are nested more than ${MAX_DEPTH} levels deep; the file is not checked further` }] };
  let result: ReturnType<typeof parseXmlCst>;
  try {
    result = parseXmlCst(source);
  } catch (e) {
    const message = e instanceof RangeError ? 'the file is nested too deeply to be checked' : String((e as Error)?.message ?? e);
    return { root: undefined, problems: [...problems, { start: 0, end: Math.min(text.length, 1), message }] };
  }
  for (const e of result.lexErrors) {
    const start = validOffset(e.offset, text.length);
    problems.push({ start, end: Math.min(text.length, start + Math.max(1, e.length ?? 1)), message: `unexpected character ${JSON.stringify(text.slice(start, start + 1))}` });
  }
  for (const e of result.parseErrors) {
    const start = validOffset(e.token?.startOffset, text.length);
    const end = Number.isFinite(e.token?.startOffset) ? tokenEnd(e.token) : text.length;
    const found = Number.isFinite(e.token?.startOffset) ? `'${e.token.image}'` : 'end of file';
    let message = firstLine(e.message);
    if (e.name === 'MismatchedTokenException') {
      const m = /--> (\w+) <--/.exec(message);
      message = m ? `expected ${describeToken(m[1])} but found ${found}` : message;
    } else if (e.name === 'NoViableAltException') {
      message = `unexpected ${found}`;
    } else if (e.name === 'EarlyExitException' || e.name === 'NotAllInputParsedException') {
      message = `unexpected ${found}`;
    }
    problems.push({ start, end: Math.max(end, start), message });
  }
  const doc = result.cst.children as { element?: ElementCstNode[] };
  const elements = doc.element ?? [];
  const root = elements.length ? convert(elements[0], undefined, text.length, problems) : undefined;
  for (let i = 1; i < elements.length; i++) {
    const loc = elements[i].location;
    const s = validOffset(loc?.startOffset, text.length);
    problems.push({ start: s, end: s + 1, message: 'only one root element is allowed' });
  }
  problems.sort((a, b) => a.start - b.start);
  return { root, problems };
}

const TOKEN_WORDS: Record<string, string> = {
  STRING: 'a quoted value',
  EQUALS: "'='",
  Name: 'a name',
  CLOSE: "'>'",
  SLASH_CLOSE: "'/>'",
  SLASH_OPEN: "'</'",
  END: "'>'",
  END_NAME: 'the end tag name',
};

function describeToken(t: string): string {
  return TOKEN_WORDS[t] ?? t;
}

/** The innermost element whose range holds the offset. */
export function elementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  let cur = root;
  if (!cur || offset < cur.start || offset > cur.end) return undefined;
  for (;;) {
    let next: XmlElement | undefined;
    for (const ch of cur.children) {
      if (offset >= ch.start && offset <= ch.end && offset > ch.start - 1) {
        // A cursor right after `/>` of a child belongs to the parent's content.
        if (offset === ch.end && ch.tagClosed) continue;
        next = ch;
        break;
      }
    }
    if (!next) return cur;
    cur = next;
  }
}

/** Every element of the tree in document order. */
export function* walk(el: XmlElement | undefined): Generator<XmlElement> {
  if (!el) return;
  yield el;
  for (const c of el.children) yield* walk(c);
}

export function attr(el: XmlElement, name: string): XmlAttribute | undefined {
  for (const a of el.attributes) if (a.name === name) return a;
  return undefined;
}

export function attrValue(el: XmlElement, name: string): string | undefined {
  return attr(el, name)?.value;
}
