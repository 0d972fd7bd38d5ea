import * as assert from 'node:assert/strict';
import { applyEdits, DEFAULT_FORMAT, type FormatOptions } from '../../../server/src/languages/common/format';
import { LineIndex } from '../../../server/src/languages/common/text';
import type { LanguageFacade, ParsedDocument } from '../../../server/src/languages/common/types';

/** Keys that hold positions, back references or the whole source text, not meaning. */
const SKIP = new Set(['src', 'laSrc', 'parent', 'lines', 'constructor']);

function shape(v: unknown, stack: Set<object>, source: string): unknown {
  if (typeof v === 'string') return v === source ? undefined : v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number' || typeof v === 'function' || v === undefined) return undefined;
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof LineIndex || stack.has(v)) return undefined;
  stack.add(v);
  try {
    if (Array.isArray(v)) return v.map((x) => shape(x, stack, source));
    const out: Record<string, unknown> = {};
    const keys = new Set(Object.keys(v));
    // Nodes that make fields on demand (getters on their class) are read like plain objects.
    for (let p = Object.getPrototypeOf(v); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (d.get) keys.add(k);
    }
    for (const k of [...keys].sort()) {
      if (SKIP.has(k)) continue;
      let x: unknown;
      try {
        x = (v as Record<string, unknown>)[k];
      } catch {
        continue;
      }
      const s = shape(x, stack, source);
      if (s !== undefined) out[k] = s;
    }
    return out;
  } finally {
    stack.delete(v);
  }
}

/**
 * What a formatter must keep: the parse tree without positions, every string with its blanks
 * collapsed, and the codes of the syntax problems.
 */
export function shapeOf(doc: ParsedDocument<unknown>): string {
  return JSON.stringify({ tree: shape(doc.tree, new Set(), doc.text), problems: doc.problems.map((p) => p.code) });
}

/** The text after a whole-document format. */
export function formatted(facade: LanguageFacade<any>, text: string, o: Partial<FormatOptions> = {}): string {
  const doc = facade.parse(text);
  return applyEdits(doc.lines, facade.format!(doc, { ...DEFAULT_FORMAT, ...o }));
}

/** Formatting keeps the parse tree apart from blanks, and formatting again changes nothing. */
export function assertKeepsMeaning(facade: LanguageFacade<any>, text: string, name: string, o: Partial<FormatOptions> = {}): string {
  const once = formatted(facade, text, o);
  const [after, before] = [shapeOf(facade.parse(once)), shapeOf(facade.parse(text))];
  if (after !== before) {
    let i = 0;
    while (after[i] === before[i]) i++;
    assert.fail(`${name}: the parse tree changed at …${before.slice(Math.max(0, i - 80), i + 80)}… → …${after.slice(Math.max(0, i - 80), i + 80)}…`);
  }
  assert.equal(formatted(facade, once, o), once, `${name}: formatting twice changed the text`);
  return once;
}
