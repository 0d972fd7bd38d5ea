import type { Hover, Position } from 'vscode-languageserver-types';
import { entryMarkdown, type CatalogEntry } from '../common/catalog';
import type { DocsLanguage, LanguageContext } from '../common/types';
import { normalizeModule, rsyslogCatalog, type RsyslogCatalog } from './catalog';
import { explainPropertyFilter, explainRule } from './explain';
import { inSpan, objectAt, pathAt } from './locate';
import { paramEntry } from './params';
import type { RsyslogDocument } from './parse';
import type { LegacyAction, Span, Stmt } from './tree';

const READING: Record<DocsLanguage, string> = { en: 'In plain words', ja: 'この行の意味' };

function md(doc: RsyslogDocument, value: string, span: Span): Hover {
  return { contents: { kind: 'markdown', value }, range: doc.lines.range(span.start, span.end) };
}

function entryHover(doc: RsyslogDocument, e: CatalogEntry | undefined, span: Span, locale: DocsLanguage, prefix = ''): Hover | null {
  if (!e) return prefix ? md(doc, prefix, span) : null;
  const body = entryMarkdown(e, locale).value;
  return md(doc, prefix ? `${prefix}\n\n---\n\n${body}` : body, span);
}

/** Hover for the word or construct at a position: catalog docs, and a reading of selector lines. */
export function hover(doc: RsyslogDocument, pos: Position, ctx: LanguageContext): Hover | null {
  const cat = rsyslogCatalog();
  const off = doc.lines.offsetAt(pos);
  const path = pathAt(doc.tree, doc.text, off);
  if (path.length === 0) return null;
  const loc = ctx.locale;
  const last = path[path.length - 1];
  if (last.type === 'object' && inSpan(last.name, off)) return entryHover(doc, cat.objects.get(last.name.text), last.name, loc);
  const obj = objectAt(path, doc.text, off);
  if (obj) {
    if (inSpan(obj.name, off)) return entryHover(doc, cat.objects.get(obj.name.text), obj.name, loc);
    for (const p of obj.params) {
      if (inSpan(p.name, off)) return entryHover(doc, paramEntry(cat, obj, p.name.text), p.name, loc);
      if (p.value && inSpan(p.value, off)) {
        const key = p.name.text.toLowerCase();
        const on = obj.name.text.toLowerCase();
        if ((on === 'module' && key === 'load') || ((on === 'input' || on === 'action') && key === 'type')) {
          return entryHover(doc, cat.modules.get(normalizeModule(p.value.text)), p.value, loc);
        }
        return entryHover(doc, paramEntry(cat, obj, p.name.text), p.value, loc);
      }
    }
    return null;
  }
  const s = path[path.length - 1];
  return stmtHover(doc, s, path, off, cat, loc);
}

function stmtHover(doc: RsyslogDocument, s: Stmt, path: Stmt[], off: number, cat: RsyslogCatalog, loc: DocsLanguage): Hover | null {
  switch (s.type) {
    case 'rule': {
      if (!inSpan(s.selector, off)) return null;
      const reading = `**${READING[loc]}:** ${explainRule(s, doc.text, loc)}`;
      for (const it of s.selector.items) {
        for (const f of it.facilities) if (inSpan(f, off)) return entryHover(doc, cat.facilities.get(f.text), f, loc, reading);
        if (it.priority && inSpan(it.priority, off)) return entryHover(doc, cat.priorities.get(it.priority.text), it.priority, loc, reading);
      }
      return md(doc, reading, s.selector);
    }
    case 'propfilter': {
      if (inSpan(s.property, off)) return entryHover(doc, cat.properties.get(s.property.text), s.property, loc);
      if (s.op && inSpan(s.op, off)) return entryHover(doc, cat.compareOps.get(s.op.text), s.op, loc);
      if (!inSpan(s.filter, off)) return null;
      const text = explainPropertyFilter(s, doc.text, loc);
      return text ? md(doc, `**${READING[loc]}:** ${text}`, s.filter) : null;
    }
    case 'legacy-action':
      return actionHover(doc, s, path, off, cat, loc);
    case 'directive':
      if (inSpan(s.name, off)) return entryHover(doc, cat.directives.get(s.name.text), s.name, loc);
      if (s.name.text.toLowerCase() === '$modload' && s.args[0] && inSpan(s.args[0], off)) {
        return entryHover(doc, cat.modules.get(normalizeModule(s.args[0].text)), s.args[0], loc);
      }
      return null;
    case 'keyword':
      if (inSpan(s.keyword, off)) {
        const k = s.keyword.text.toLowerCase();
        return entryHover(doc, k === 'stop' ? (cat.actionsByForm.get('stop') ?? cat.objects.get(k)) : cat.objects.get(k), s.keyword, loc);
      }
      return null;
    case 'if':
      if (off >= s.start && off <= s.start + 2) return entryHover(doc, cat.objects.get('if'), { start: s.start, end: s.start + 2 }, loc);
      return null;
    case 'continuation':
      if (off === s.start || off === s.start + 1) return entryHover(doc, cat.actionsByForm.get('continuation'), { start: s.start, end: s.start + 1 }, loc);
      return null;
    default:
      return null;
  }
}

function actionHover(doc: RsyslogDocument, a: LegacyAction, path: Stmt[], off: number, cat: RsyslogCatalog, loc: DocsLanguage): Hover | null {
  if (a.template && inSpan(a.template, off)) return entryHover(doc, cat.actionsByForm.get('template-suffix'), a.template, loc);
  if (a.module && inSpan(a.module, off) && a.form === 'module') return entryHover(doc, cat.modules.get(a.module.text), a.module, loc);
  let form: string = a.form;
  if (form === 'dynafile') form = 'file';
  const e = cat.actionsByForm.get(form);
  // Reading of the enclosing rule, so hovering the action explains the whole line too.
  const parent = path.length > 1 ? path[path.length - 2] : undefined;
  const reading = parent?.type === 'rule' ? `**${READING[loc]}:** ${explainRule(parent, doc.text, loc)}` : '';
  return entryHover(doc, e, a, loc, reading);
}
