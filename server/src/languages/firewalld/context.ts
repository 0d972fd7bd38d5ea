import { elementSpec, type ElementSpec, type RootKind } from './schema';
import type { XmlAttribute, XmlElement } from './xml';

/** The spec of an element, found through its parent's name. */
export function specOf(kind: RootKind, el: XmlElement): ElementSpec | undefined {
  return elementSpec(kind, el.parent?.name ?? '', el.name);
}

/** What lies under an offset in the tree. */
export type Target =
  | { what: 'element'; el: XmlElement; start: number; end: number }
  | { what: 'attribute'; el: XmlElement; attr: XmlAttribute; start: number; end: number }
  | { what: 'value'; el: XmlElement; attr: XmlAttribute; start: number; end: number }
  | { what: 'text'; el: XmlElement; start: number; end: number };

/** The innermost element whose range holds the offset. */
function innermost(root: XmlElement, offset: number): XmlElement | undefined {
  if (offset < root.start || offset > root.end) return undefined;
  let cur = root;
  for (;;) {
    const next = cur.children.find((c) => offset >= c.start && offset <= c.end);
    if (!next) return cur;
    cur = next;
  }
}

/** The element, attribute name, attribute value or text under the offset (for hover). */
export function targetAt(root: XmlElement | undefined, offset: number): Target | undefined {
  if (!root) return undefined;
  const el = innermost(root, offset);
  if (!el) return undefined;
  if (offset >= el.nameStart && offset <= el.nameEnd) return { what: 'element', el, start: el.nameStart, end: el.nameEnd };
  if (el.endNameStart !== undefined && offset >= el.endNameStart && offset <= (el.endNameEnd ?? 0)) {
    return { what: 'element', el, start: el.endNameStart, end: el.endNameEnd! };
  }
  for (const a of el.attributes) {
    if (offset >= a.nameStart && offset <= a.nameEnd) return { what: 'attribute', el, attr: a, start: a.nameStart, end: a.nameEnd };
    if (a.value !== undefined && offset >= a.valueStart && offset <= a.valueEnd) return { what: 'value', el, attr: a, start: a.valueStart, end: a.valueEnd };
  }
  if (el.text && offset >= el.textStart && offset <= el.textEnd) return { what: 'text', el, start: el.textStart, end: el.textEnd };
  return undefined;
}

/** Where a completion is requested, worked out from the raw text before the cursor. */
export type CompletionSite =
  | { what: 'element'; parent: XmlElement | undefined; typedLt: boolean; prefixStart: number }
  | { what: 'attribute'; tagName: string; el: XmlElement | undefined; parent: XmlElement | undefined; present: Set<string>; prefixStart: number }
  | { what: 'value'; tagName: string; el: XmlElement | undefined; parent: XmlElement | undefined; attrName: string; prefixStart: number; quote: string }
  | { what: 'none' };

const NAME_CHAR = /[A-Za-z0-9_.:-]/;

/** The element open at the offset: its start tag is finished before it and it is not closed yet. */
export function openElementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  let cur: XmlElement | undefined;
  let candidates = root ? [root] : [];
  for (;;) {
    const next = candidates.find((c) => c.start < offset && c.tagClosed && c.startTagEnd <= offset && (offset < c.end || c.endNameStart === undefined));
    if (!next) return cur;
    // A self-closed element (no end tag, `/>`) holds nothing.
    if (next.endNameStart === undefined && next.startTagEnd === next.end && next.children.length === 0 && offset >= next.end) return cur;
    cur = next;
    candidates = next.children;
  }
}

/** Scans back from the cursor over the current tag to decide what is being completed. */
export function completionSite(text: string, offset: number, root: XmlElement | undefined): CompletionSite {
  const lt = text.lastIndexOf('<', offset - 1);
  const gt = text.lastIndexOf('>', offset - 1);
  let wordStart = offset;
  while (wordStart > 0 && NAME_CHAR.test(text[wordStart - 1])) wordStart--;
  if (lt === -1 || gt > lt) {
    return { what: 'element', parent: openElementAt(root, offset), typedLt: false, prefixStart: wordStart };
  }
  const tag = text.slice(lt + 1, offset);
  if (tag.startsWith('!') || tag.startsWith('?') || tag.startsWith('/')) return { what: 'none' };
  let i = 0;
  while (i < tag.length && NAME_CHAR.test(tag[i])) i++;
  if (i === tag.length) return { what: 'element', parent: openElementAt(root, lt), typedLt: true, prefixStart: lt + 1 };
  const tagName = tag.slice(0, i);
  const el = root ? findStartingAt(root, lt) : undefined;
  const parent = el ? el.parent : openElementAt(root, lt);
  // Walk the attributes: name = "value" …, noting an unfinished quote.
  const present = new Set<string>();
  let lastName = '';
  while (i < tag.length) {
    const ch = tag[i];
    if (ch === '"' || ch === "'") {
      const close = tag.indexOf(ch, i + 1);
      if (close === -1) return { what: 'value', tagName, el, parent, attrName: lastName, prefixStart: lt + 1 + i + 1, quote: ch };
      i = close + 1;
      continue;
    }
    if (NAME_CHAR.test(ch)) {
      const s = i;
      while (i < tag.length && NAME_CHAR.test(tag[i])) i++;
      lastName = tag.slice(s, i);
      present.add(lastName);
      continue;
    }
    i++;
  }
  if (wordStart < offset) present.delete(text.slice(wordStart, offset));
  return { what: 'attribute', tagName, el, parent, present, prefixStart: wordStart };
}

function findStartingAt(root: XmlElement, start: number): XmlElement | undefined {
  if (root.start === start) return root;
  for (const c of root.children) {
    if (start >= c.start && start <= c.end) {
      const f = findStartingAt(c, start);
      if (f) return f;
    }
  }
  return undefined;
}
