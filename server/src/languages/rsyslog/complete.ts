import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { entryMarkdown, type CatalogEntry } from '../common/catalog';
import type { DocsLanguage, LanguageContext } from '../common/types';
import { rsyslogCatalog, BUILTIN_RULESETS, BUILTIN_TEMPLATES } from './catalog';
import { workspaceNames } from './defs';
import { objectAt, pathAt } from './locate';
import { modulesFor, objectModule, paramEntry, paramLists } from './params';
import type { RsyslogDocument } from './parse';
import type { ObjectStmt } from './tree';

/** What each legacy action form inserts when chosen (forms that are deprecated are not offered). */
const ACTION_INSERT: Record<string, string> = {
  file: '/var/log/',
  'file-nosync': '-/var/log/',
  pipe: '|/',
  program: '^/',
  omusrmsg: ':omusrmsg:*',
  'udp-forward': '@',
  'tcp-forward': '@@',
  stop: 'stop',
  module: ':om',
};

const TOP_STATEMENTS = ['if', 'stop', 'call', 'set', 'unset', 'foreach'];

const itemCache = new Map<string, CompletionItem[]>();

function cached(key: string, build: () => CompletionItem[]): CompletionItem[] {
  let v = itemCache.get(key);
  if (!v) {
    v = build();
    // Keys hold user-typed module names; keep the cache bounded.
    if (itemCache.size > 500) itemCache.clear();
    itemCache.set(key, v);
  }
  return v;
}

function fromEntries(entries: CatalogEntry[], kind: CompletionItemKind, locale: DocsLanguage, label = (e: CatalogEntry) => e.name): CompletionItem[] {
  return entries.map((e) => {
    const item: CompletionItem = { label: label(e), kind, detail: e.syntax ?? e.name, documentation: entryMarkdown(e, locale) };
    if (e.deprecated) item.tags = [1];
    return item;
  });
}

/** Items with a text edit replacing the word being typed. */
function withEdit(items: CompletionItem[], range: Range): CompletionItem[] {
  return items.map((i) => ({ ...i, textEdit: { range, newText: i.insertText ?? i.label } }));
}

function names(list: Iterable<string>, kind: CompletionItemKind, detail: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const n of list) out.push({ label: n, kind, detail });
  return out;
}

/** Completion at a position: selector parts, actions, directives, objects, parameters and names. */
export function complete(doc: RsyslogDocument, pos: Position, ctx: LanguageContext): CompletionItem[] {
  const cat = rsyslogCatalog();
  const loc = ctx.locale;
  const off = doc.lines.offsetAt(pos);
  const lineStart = doc.lines.starts[pos.line] ?? 0;
  const before = doc.text.slice(lineStart, off);
  const range = (len: number): Range => ({ start: { line: pos.line, character: pos.character - len }, end: pos });

  const path = pathAt(doc.tree, doc.text, off);
  const obj = objectAt(path, doc.text, off);
  if (obj) return objectCompletion(doc, obj, off, ctx, range);

  let m: RegExpExecArray | null;
  if ((m = /\bcall\s+([\w.-]*)$/.exec(before))) {
    return withEdit(rulesetItems(doc, ctx), range(m[1].length));
  }
  if ((m = /^\s*(\$\w*)$/.exec(before))) {
    return withEdit(cached('directives:' + loc, () => fromEntries(cat.directives.entries, CompletionItemKind.Keyword, loc)), range(m[1].length));
  }
  if ((m = /^\s*:([\w$!.-]*)$/.exec(before))) {
    return withEdit(cached('props:' + loc, () => fromEntries(cat.properties.entries, CompletionItemKind.Property, loc)), range(m[1].length));
  }
  if ((m = /^\s*:[^,\s]+\s*,\s*!?(\w*)$/.exec(before))) {
    return withEdit(cached('ops:' + loc, () => fromEntries(cat.compareOps.entries, CompletionItemKind.Operator, loc)), range(m[1].length));
  }
  // `;TEMPLATE` after a legacy action.
  if ((m = /^\s*\S+\s+[-/|^@:?][^\s;]*;([\w-]*)$/.exec(before)) || (m = /^\s*&\s*[-/|^@:?][^\s;]*;([\w-]*)$/.exec(before))) {
    return withEdit(templateItems(doc, ctx), range(m[1].length));
  }
  // Selector being typed at the start of a line.
  if ((m = /^\s*([\w*,.;=!-]*)$/.exec(before))) {
    const sel = m[1];
    const lastSep = Math.max(sel.lastIndexOf('.'), sel.lastIndexOf(','), sel.lastIndexOf(';'));
    if (lastSep >= 0 && sel[lastSep] === '.') {
      const tail = sel.slice(lastSep + 1);
      const mod = /^[=!]*/.exec(tail)![0];
      const prefix = tail.slice(mod.length);
      const items = withEdit(cached('prios:' + loc, () => fromEntries(cat.priorities.entries, CompletionItemKind.EnumMember, loc)), range(prefix.length));
      if (prefix === '' && mod !== '!=' && mod !== '=') items.push(...modifierItems(loc, mod));
      return items;
    }
    const prefix = sel.slice(lastSep + 1);
    const facs = withEdit(cached('facs:' + loc, () => fromEntries(cat.facilities.entries, CompletionItemKind.Enum, loc)), range(prefix.length));
    if (lastSep >= 0) return facs;
    return [...facs, ...withEdit(statementItems(loc), range(prefix.length))];
  }
  // After a selector, a property filter, `then` or `&`: the action.
  if ((m = /^\s*[\w*,.;=!-]+\.[\w*=!]*[ \t]+(\S*)$/.exec(before)) || (m = /\bthen\s+(\S*)$/.exec(before)) || (m = /^\s*&\s*(\S*)$/.exec(before)) || (m = /^\s*:[^,]+,\s*!?\w+\s*,\s*"(?:[^"\\]|\\.)*"\s+(\S*)$/.exec(before))) {
    return withEdit(actionItems(loc), range(m[1].length));
  }
  return [];
}

function modifierItems(loc: DocsLanguage, typed: string): CompletionItem[] {
  const docs: Record<string, { en: string; ja: string }> = {
    '=': { en: 'Only this priority, not the ones above it.', ja: 'そのプライオリティのみ（それより上は含みません）。' },
    '!': { en: 'Exclude this priority and all above it (below it only).', ja: 'そのプライオリティ以上を除外します（未満のみ）。' },
    '!=': { en: 'Every priority except this one.', ja: 'そのプライオリティ以外のすべて。' },
  };
  return Object.keys(docs)
    .filter((k) => k.startsWith(typed) && k !== typed)
    .map((k) => ({ label: k, kind: CompletionItemKind.Operator, detail: 'priority modifier', documentation: { kind: 'markdown', value: docs[k][loc] } }));
}

function statementItems(loc: DocsLanguage): CompletionItem[] {
  return cached('stmts:' + loc, () => {
    const cat = rsyslogCatalog();
    const objs = cat.objects.entries.filter((e) => e.kind === 'object' && e.name !== 'property' && e.name !== 'constant');
    const items: CompletionItem[] = fromEntries(objs, CompletionItemKind.Function, loc).map((i) => ({
      ...i,
      insertText: `${i.label}($1)`,
      insertTextFormat: InsertTextFormat.Snippet,
    }));
    for (const k of TOP_STATEMENTS) {
      const e = cat.objects.get(k);
      items.push({ label: k, kind: CompletionItemKind.Keyword, detail: e?.syntax ?? k, documentation: e ? entryMarkdown(e, loc) : undefined });
    }
    return items;
  });
}

function actionItems(loc: DocsLanguage): CompletionItem[] {
  return cached('actions:' + loc, () => {
    const cat = rsyslogCatalog();
    const items: CompletionItem[] = [];
    for (const e of cat.actions.entries) {
      const ins = ACTION_INSERT[e.form];
      if (ins === undefined) continue;
      items.push({ label: e.name, kind: CompletionItemKind.Value, detail: e.syntax ?? e.name, documentation: entryMarkdown(e, loc), insertText: ins, filterText: ins });
    }
    const a = cat.objects.get('action');
    items.push({
      label: 'action(type="…")',
      kind: CompletionItemKind.Function,
      detail: 'action(type="MODULE" …)',
      documentation: a ? entryMarkdown(a, loc) : undefined,
      insertText: 'action(type="$1")',
      filterText: 'action',
      insertTextFormat: InsertTextFormat.Snippet,
    });
    return items;
  });
}

function templateItems(doc: RsyslogDocument, ctx: LanguageContext): CompletionItem[] {
  const defined = workspaceNames(doc, ctx, 'templates');
  const all = new Set<string>([...defined.values(), ...BUILTIN_TEMPLATES]);
  return names(all, CompletionItemKind.Reference, 'template');
}

function rulesetItems(doc: RsyslogDocument, ctx: LanguageContext): CompletionItem[] {
  const defined = workspaceNames(doc, ctx, 'rulesets');
  return names(new Set([...defined.values(), ...BUILTIN_RULESETS]), CompletionItemKind.Reference, 'ruleset');
}

function objectCompletion(
  doc: RsyslogDocument,
  obj: ObjectStmt,
  off: number,
  ctx: LanguageContext,
  range: (len: number) => Range,
): CompletionItem[] {
  const cat = rsyslogCatalog();
  const loc = ctx.locale;
  const inside = doc.text.slice(obj.open + 1, off);
  const on = obj.name.text.toLowerCase();
  const v = /([\w.-]+)\s*=\s*["']([^"']*)$/.exec(inside);
  if (v) {
    const key = v[1].toLowerCase();
    const r = range(v[2].length);
    if ((on === 'module' && key === 'load') || ((on === 'input' || on === 'action') && key === 'type')) {
      return withEdit(cached(`mods:${on}:${loc}`, () => fromEntries(modulesFor(cat, on), CompletionItemKind.Module, loc)), r);
    }
    const e = paramEntry(cat, obj, v[1]);
    if (!e) return [];
    if (e.type === 'template') return withEdit(templateItems(doc, ctx), r);
    if (e.type === 'ruleset') return withEdit(rulesetItems(doc, ctx), r);
    if (e.values?.length) return withEdit(names(e.values, CompletionItemKind.EnumMember, e.name), r);
    if (e.type === 'onoff' || e.type === 'boolean') return withEdit(names(['on', 'off'], CompletionItemKind.EnumMember, e.name), r);
    return [];
  }
  const w = /(^|[\s(])([\w.-]*)$/.exec(inside);
  if (!w) return [];
  const present = new Set(obj.params.map((p) => p.name.text.toLowerCase()));
  const typed = w[2].toLowerCase();
  const all = cached(`params:${on}:${objectModule(obj) ?? ''}:${loc}`, () => {
    const items: CompletionItem[] = [];
    const seen = new Set<string>();
    for (const list of paramLists(cat, obj)) {
      for (const e of list.entries) {
        const k = e.name.toLowerCase();
        if (seen.has(k)) continue;
        seen.add(k);
        items.push({
          label: e.name,
          kind: CompletionItemKind.Property,
          detail: e.type ? `${e.name} (${e.type})` : e.name,
          documentation: entryMarkdown(e, loc),
          insertText: `${e.name}="$1"`,
          insertTextFormat: InsertTextFormat.Snippet,
          ...(e.deprecated ? { tags: [1 as const] } : {}),
        });
      }
    }
    return items;
  });
  const out = all.filter((i) => {
    const k = i.label.toLowerCase();
    return !present.has(k) || k === typed;
  });
  const r = range(w[2].length);
  return out.map((i) => ({ ...i, textEdit: { range: r, newText: i.insertText! } }));
}
