import type { LanguageContext, ParsedDocument } from '../common/types';
import { normalizeModule } from './catalog';
import { paramText, param, type RsyslogTree, type Span } from './tree';

export interface Definition {
  name: string;
  span: Span;
}

/** What one file defines or loads: templates, rulesets and modules. */
export interface FileDefs {
  templates: Definition[];
  rulesets: Definition[];
  /** Modules loaded by module(load=…) or $ModLoad, normalized (`imudp`). */
  loads: Definition[];
}

const cache = new WeakMap<RsyslogTree, FileDefs>();

/** The definitions of one parsed file, computed once per tree. */
export function defsOf(tree: RsyslogTree): FileDefs {
  let d = cache.get(tree);
  if (d) return d;
  d = { templates: [], rulesets: [], loads: [] };
  const out = d;
  // Modules, templates and rulesets are defined at the top level only (rsyslog requires it).
  for (const s of tree.declarations ?? tree.statements) {
    if (s.type === 'object') {
      const n = s.name.text.toLowerCase();
      if (n === 'template' || n === 'ruleset') {
        const p = param(s, 'name');
        const name = paramText(s, 'name');
        if (name && p?.value) (n === 'template' ? out.templates : out.rulesets).push({ name, span: p.value });
      } else if (n === 'module') {
        const p = param(s, 'load');
        if (p?.value && p.value.kind !== 'array' && p.value.text) out.loads.push({ name: normalizeModule(p.value.text), span: p.value });
      }
    } else if (s.type === 'directive') {
      const n = s.name.text.toLowerCase();
      const a = s.args[0];
      if (!a) continue;
      if (n === '$modload') out.loads.push({ name: normalizeModule(a.text), span: a });
      else if (n === '$template') {
        const comma = a.text.indexOf(',');
        const name = comma >= 0 ? a.text.slice(0, comma) : a.text;
        if (name) out.templates.push({ name, span: { start: a.start, end: a.start + name.length } });
      } else if (n === '$ruleset') out.rulesets.push({ name: a.text, span: a });
    }
  }
  cache.set(tree, out);
  return out;
}

/**
 * The configuration tree a file belongs to: the directory holding `rsyslog.conf`, for that file
 * and for the drop-ins of its `rsyslog.d/`. Undefined for files laid out otherwise.
 */
export function configRoot(uri: string): string | undefined {
  const p = uri.replace(/[?#].*$/, '');
  const parts = p.split('/');
  const base = parts[parts.length - 1];
  if (base === 'rsyslog.conf') return parts.slice(0, -1).join('/');
  if (parts.length >= 2 && parts[parts.length - 2] === 'rsyslog.d') return parts.slice(0, -2).join('/');
  return undefined;
}

/**
 * The current file first, then the other rsyslog files of the workspace that belong to the same
 * configuration (so that two hosts' configs side by side in one repository stay apart).
 */
export function workspaceFiles(
  doc: ParsedDocument<RsyslogTree>,
  ctx: LanguageContext,
): { uri: string; doc: ParsedDocument<RsyslogTree>; current: boolean }[] {
  const out = [{ uri: ctx.uri, doc, current: true }];
  const root = configRoot(ctx.uri);
  for (const o of ctx.workspace.documents('rsyslog')) {
    if (o.uri === ctx.uri || o.parsed === (doc as ParsedDocument<unknown>)) continue;
    const r = configRoot(o.uri);
    if (root !== undefined && r !== undefined && r !== root) continue;
    const t = o.parsed as ParsedDocument<RsyslogTree>;
    if (t && t.tree && Array.isArray(t.tree.statements)) out.push({ uri: o.uri, doc: t, current: false });
  }
  return out;
}

/** Names (lower-cased → spelled) of templates or rulesets defined anywhere in the workspace. */
export function workspaceNames(
  doc: ParsedDocument<RsyslogTree>,
  ctx: LanguageContext,
  which: 'templates' | 'rulesets',
): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of workspaceFiles(doc, ctx)) for (const d of defsOf(f.doc.tree)[which]) m.set(d.name.toLowerCase(), d.name);
  return m;
}
