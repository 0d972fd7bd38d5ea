// What the checks of validate.ts share: the findings list they add to, and the names a statement
// refers to (templates, rulesets, modules), checked against this file and the rest of its configuration.
import { didYouMean, suggestionText } from '../common/didYouMean';
import type { Finding, LanguageContext, Localized } from '../common/types';
import { BUILTIN_RULESETS, BUILTIN_TEMPLATES, normalizeModule, type RsyslogCatalog } from './catalog';
import { defsOf, type Scope } from './defs';
import { lower } from './lookups';
import type { RsyslogDocument } from './parse';
import type { Span } from './tree';

export function suggestion(list: string[]): Localized {
  return { en: suggestionText(list, 'en'), ja: suggestionText(list, 'ja') };
}

export interface Env {
  doc: RsyslogDocument;
  ctx: LanguageContext;
  cat: RsyslogCatalog;
  out: Finding[];
  /** This file and the others of its configuration: loads, templates and rulesets. */
  scope: Scope;
}

const BUILTIN_NAMES = {
  templates: new Set(BUILTIN_TEMPLATES.map((t) => t.toLowerCase())),
  rulesets: new Set(BUILTIN_RULESETS.map((r) => r.toLowerCase())),
};

export function add(env: Env, code: string, span: Span, args?: Finding['args'], extra?: Partial<Finding>): void {
  const f: Finding = { code, range: env.doc.lines.range(span.start, span.end) };
  if (args) f.args = args;
  if (extra) Object.assign(f, extra);
  env.out.push(f);
}

/** `rsyslog.d/50-app.conf:12` for a definition in another file. */
function fileLine(uri: string, line: number): string {
  const parts = uri.split('/');
  return `${parts.slice(-2).join('/')}:${line + 1}`;
}

/**
 * A template or ruleset named by a statement. `action` is true for a template an action uses: rsyslog
 * looks that one up when it reads the action, so it must be defined before (defaults set by
 * module() or `$Action…DefaultTemplate` are looked up later, when actions are made).
 */
export function reference(env: Env, kind: 'template' | 'ruleset', name: string, span: Span, action = false): void {
  if (!name || name.includes('%') || name.includes('`')) return;
  const which = kind === 'template' ? 'templates' : 'rulesets';
  const key = lower(name);
  if (BUILTIN_NAMES[which].has(key)) return;
  if (kind === 'template' && action) {
    const o = env.scope.templateOrder(key, span.start);
    if (o.order === 'before') return;
    if (o.order === 'later') {
      const where = o.uri === env.ctx.uri ? { en: `line ${o.doc.lines.positionAt(o.def.span.start).line + 1}`, ja: `${o.doc.lines.positionAt(o.def.span.start).line + 1} 行目` } : fileLine(o.uri, o.doc.lines.positionAt(o.def.span.start).line);
      add(env, 'rsyslog/template-defined-later', span, { name, where }, {
        related: [{ uri: o.uri, range: o.doc.lines.range(o.def.span.start, o.def.span.end), message: { en: 'defined here', ja: 'ここで定義' } }],
      });
      return;
    }
  } else if (env.scope.has(which, key)) return;
  const known = [...env.scope.names(which).values(), ...(kind === 'template' ? BUILTIN_TEMPLATES : BUILTIN_RULESETS)];
  const sug = didYouMean(name, known);
  add(env, kind === 'template' ? 'rsyslog/undefined-template' : 'rsyslog/undefined-ruleset', span, { name, suggestion: suggestion(sug) }, {
    data: { suggestions: sug },
  });
}

/** A module used by input(type=…), action(type=…) or `:omx:`: it must be known and loaded. */
export function moduleUse(env: Env, raw: string, span: Span): boolean {
  const name = normalizeModule(raw);
  const m = env.cat.modules.get(name);
  if (!m) {
    const sug = didYouMean(name, env.cat.moduleNames);
    add(env, 'rsyslog/unknown-module', span, { name: raw, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    return false;
  }
  if (m.builtin) return true;
  if (!env.scope.has('loads', name)) add(env, 'rsyslog/module-not-loaded', span, { name }, { data: { module: name } });
  else if (!env.scope.other('loads', name)) {
    // Loaded in this file only: rsyslog reads top to bottom, so the load must come first.
    const loads = defsOf(env.doc.tree).loads;
    let before = false;
    for (const l of loads) if (l.name === name && l.span.start < span.start) before = true;
    if (!before) add(env, 'rsyslog/module-loaded-later', span, { name });
  }
  return true;
}
