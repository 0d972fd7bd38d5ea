import type { CompletionItem } from 'vscode-languageserver-types';
import { docsSource, entryMarkdown, type CatalogEntry } from './languages/common/catalog';
import type { DocsLanguage } from './languages/common/types';

/**
 * Completion documentation on demand. A completion list goes out with label, kind, detail and
 * edits; the Markdown documentation of an item made from a catalog entry follows on
 * `completionItem/resolve`, which editors send for the item the user focuses. The item's `data`
 * says what to render: the language, the entry's key and the docs language.
 *
 * Languages are not involved: they build items with `documentation: entryMarkdown(e, locale)`
 * as before (unit tests and the CLI see the documentation inline), and the server defers what
 * came from a catalog entry. Documentation written some other way (a few short value notes)
 * stays in the list.
 */
export interface DeferredDocs {
  /** The language id. */
  lang: string;
  /** The catalog entry within the language, see `keyFor`. */
  doc: string;
  locale: DocsLanguage;
}

/** Per language, catalog entries by key and back. Entries are static catalog objects: few. */
interface Registry {
  byKey: Map<string, CatalogEntry>;
  keys: WeakMap<CatalogEntry, string>;
}
const registries = new Map<string, Registry>();
/** A guard in case some language ever makes entries per request: start over past this size. */
const MAX_KEYS = 20_000;

/**
 * A key naming the entry within this server process: `kind:name`, then `#2` … when another
 * entry of the language has the same kind and name (parameters of different modules).
 */
function keyFor(language: string, entry: CatalogEntry): string {
  let reg = registries.get(language);
  if (!reg || reg.byKey.size >= MAX_KEYS) registries.set(language, (reg = { byKey: new Map(), keys: new WeakMap() }));
  const known = reg.keys.get(entry);
  if (known !== undefined) return known;
  const base = `${entry.kind}:${entry.name}`;
  let key = base;
  for (let n = 2; reg.byKey.has(key); n++) key = `${base}#${n}`;
  reg.byKey.set(key, entry);
  reg.keys.set(entry, key);
  return key;
}

function isDeferred(data: unknown): data is DeferredDocs {
  const d = data as DeferredDocs | undefined;
  return !!d && typeof d === 'object' && typeof d.lang === 'string' && typeof d.doc === 'string' && (d.locale === 'en' || d.locale === 'ja');
}

/**
 * The items as they go out: catalog documentation replaced by a reference in `data`. Items
 * without a detail get the entry's syntax (or kind) so that a list that is never resolved still
 * tells entries apart. The facade's items are not modified (some are cached).
 */
export function deferDocumentation(items: CompletionItem[], language: string, locale: DocsLanguage): CompletionItem[] {
  const out: CompletionItem[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const entry = item.data === undefined ? docsSource(item.documentation) : undefined;
    if (!entry) {
      out[i] = item;
      continue;
    }
    // A plain copy without the documentation (a loop: object spread was several times slower here).
    const lean: Record<string, unknown> = {};
    for (const k in item) if (k !== 'documentation') lean[k] = item[k as keyof CompletionItem];
    if (!item.detail) lean.detail = shortDetail(entry, item.label);
    lean.data = { lang: language, doc: keyFor(language, entry), locale } satisfies DeferredDocs;
    out[i] = lean as unknown as CompletionItem;
  }
  return out;
}

function shortDetail(entry: CatalogEntry, label: string): string {
  const syntax = entry.syntax?.split('\n')[0];
  return syntax && syntax !== label ? syntax : entry.kind;
}

/**
 * `completionItem/resolve`: the item with its documentation, in the docs language it was listed
 * in. Items that are not ours, or whose entry this process does not know (a list from before a
 * restart), come back as they are.
 */
export function resolveDocumentation(item: CompletionItem): CompletionItem {
  if (item.documentation !== undefined || !isDeferred(item.data)) return item;
  const entry = registries.get(item.data.lang)?.byKey.get(item.data.doc);
  return entry ? { ...item, documentation: entryMarkdown(entry, item.data.locale) } : item;
}
