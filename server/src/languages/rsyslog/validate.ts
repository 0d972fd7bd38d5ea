import type { Range } from 'vscode-languageserver-types';
import type { Catalog } from '../common/catalog';
import { didYouMean, suggestionText } from '../common/didYouMean';
import type { Finding, LanguageContext, Localized } from '../common/types';
import * as catalog from './catalog';
import { BUILTIN_RULESETS, BUILTIN_TEMPLATES, rsyslogCatalog, type ParamEntry, type RsyslogCatalog } from './catalog';
import { defsOf, workspaceFiles } from './defs';
import type { RsyslogDocument } from './parse';
import type { DirectiveStmt, LegacyAction, ObjectStmt, Param, PropFilterStmt, RuleStmt, Span, Stmt } from './tree';
import * as tree from './tree';
import * as values from './values';
import * as plain from './plainSelector';
import * as rule from './rule';
import * as lookups from './lookups';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { normalizeModule } = catalog;
const { selectorEnd } = rule;
const { plainSelector } = plain;
const { checkValue } = values;
const { lookup, lower, findParam, paramListsOf } = lookups;
const { paramText, sameLower } = tree;

/** Objects that only make sense inside template(...) { } or ruleset bodies, known to the parser. */
const TEMPLATE_ITEMS = new Set(['property', 'constant']);

/** The catalog entry checkValue() uses for a forwarding action's port. */
const PORT_ENTRY: ParamEntry = { name: 'port', kind: 'parameter', type: 'port', docs: { en: '', ja: '' }, source: '' };


function suggestion(list: string[]): Localized {
  return { en: suggestionText(list, 'en'), ja: suggestionText(list, 'ja') };
}

interface Env {
  doc: RsyslogDocument;
  ctx: LanguageContext;
  cat: RsyslogCatalog;
  out: Finding[];
  loaded: Set<string>;
  templates: Map<string, string>;
  rulesets: Map<string, string>;
  /** Loads of other files, by module, for duplicate checks. */
  otherLoads: Map<string, { uri: string; range: Range }>;
}

/** Semantic checks of one rsyslog file against the catalog and the rest of the workspace. */
export function validate(doc: RsyslogDocument, ctx: LanguageContext): Finding[] {
  const cat = rsyslogCatalog();
  const env: Env = {
    doc,
    ctx,
    cat,
    out: [],
    loaded: new Set(),
    templates: new Map(),
    rulesets: new Map(),
    otherLoads: new Map(),
  };
  for (const t of BUILTIN_TEMPLATES) env.templates.set(t.toLowerCase(), t);
  for (const r of BUILTIN_RULESETS) env.rulesets.set(r.toLowerCase(), r);
  for (const f of workspaceFiles(doc, ctx)) {
    const d = defsOf(f.doc.tree);
    for (const l of d.loads) {
      env.loaded.add(l.name);
      if (!f.current && !env.otherLoads.has(l.name)) env.otherLoads.set(l.name, { uri: f.uri, range: f.doc.lines.range(l.span.start, l.span.end) });
    }
    for (const t of d.templates) env.templates.set(t.name.toLowerCase(), t.name);
    for (const r of d.rulesets) env.rulesets.set(r.name.toLowerCase(), r.name);
  }
  checkDuplicateLoads(env);
  statements(env, doc.tree.statements, null);
  return env.out;
}

function add(env: Env, code: string, span: Span, args?: Finding['args'], extra?: Partial<Finding>): void {
  const f: Finding = { code, range: env.doc.lines.range(span.start, span.end) };
  if (args) f.args = args;
  if (extra) Object.assign(f, extra);
  env.out.push(f);
}

function checkDuplicateLoads(env: Env): void {
  const seen = new Map<string, Span>();
  for (const l of defsOf(env.doc.tree).loads) {
    const first = seen.get(l.name);
    const other = env.otherLoads.get(l.name);
    if (first) {
      add(env, 'rsyslog/duplicate-module', l.span, { name: l.name }, {
        related: [{ uri: env.ctx.uri, range: env.doc.lines.range(first.start, first.end), message: { en: 'first loaded here', ja: '最初の読み込み' } }],
      });
    } else if (other) {
      add(env, 'rsyslog/duplicate-module', l.span, { name: l.name }, {
        related: [{ uri: other.uri, range: other.range, message: { en: 'also loaded here', ja: 'こちらでも読み込まれています' } }],
      });
    }
    if (!first) seen.set(l.name, l.span);
  }
}

function statements(env: Env, list: Stmt[], parent: ObjectStmt | null): void {
  for (let i = 0; i < list.length; i++) statement(env, list[i], parent);
}

function statement(env: Env, s: Stmt, parent: ObjectStmt | null): void {
  switch (s.type) {
    case 'rule':
      selector(env, s);
      statements(env, s.body, parent);
      break;
    case 'propfilter':
      propertyFilter(env, s);
      statements(env, s.body, parent);
      break;
    case 'continuation':
    case 'foreach':
      statements(env, s.body, parent);
      break;
    case 'if':
      statements(env, s.then, parent);
      if (s.else) statements(env, s.else, parent);
      break;
    case 'legacy-action':
      legacyAction(env, s);
      break;
    case 'directive':
      directive(env, s);
      break;
    case 'object':
      object(env, s, parent);
      break;
    case 'keyword':
      if (s.arg && sameLower(s.keyword.text, 'call')) reference(env, 'ruleset', s.arg.text, s.arg);
      break;
  }
}

// ---- selectors and legacy actions ---------------------------------------------------------

function selector(env: Env, s: RuleStmt): void {
  const cat = env.cat;
  // The usual selector has nothing to report: tell so from the text, without building its words.
  if (plainSelector(cat, env.doc.text, s.start, selectorEnd(s))) return;
  const items = s.selector.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const facs = item.facilities;
    for (let j = 0; j < facs.length; j++) {
      const f = facs[j];
      const info = cat.facility(f.text);
      if (!info.entry) {
        const sug = didYouMean(f.text, cat.facilityNames);
        add(env, 'rsyslog/unknown-facility', f, { name: f.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
      } else if (info.deprecatedFor) {
        add(env, 'rsyslog/deprecated-name', f, { name: f.text, replacement: info.deprecatedFor }, {
          tags: ['deprecated'],
          data: { replacement: info.deprecatedFor },
        });
      }
    }
    const p = item.priority;
    if (!p) {
      if (item.dot < 0) add(env, 'rsyslog/unknown-priority', item, { name: '', suggestion: '' });
      continue;
    }
    const info = cat.priority(p.text);
    if (!info.entry) {
      const sug = didYouMean(p.text, cat.priorityNames);
      add(env, 'rsyslog/unknown-priority', p, { name: p.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    } else if (info.deprecatedFor) {
      add(env, 'rsyslog/deprecated-name', p, { name: p.text, replacement: info.deprecatedFor }, { tags: ['deprecated'], data: { replacement: info.deprecatedFor } });
    }
  }
}

function legacyAction(env: Env, a: LegacyAction): void {
  switch (a.form) {
    case 'file':
    case 'file-nosync':
      if (!a.target.text.startsWith('/')) add(env, 'rsyslog/relative-path', a.target, { path: a.target.text });
      break;
    case 'users':
      if (a.target.text.includes('/') || a.target.text.includes('.')) {
        add(env, 'rsyslog/relative-path', a.target, { path: a.target.text });
        return;
      }
      deprecatedAction(env, a, ':omusrmsg:' + a.target.text);
      break;
    case 'all-users':
      deprecatedAction(env, a, ':omusrmsg:*');
      break;
    case 'discard':
      deprecatedAction(env, a, 'stop');
      break;
    case 'udp-forward':
    case 'tcp-forward':
      if (!a.host?.text) add(env, 'rsyslog/unknown-action', a, { text: env.doc.text.slice(a.start, a.end) });
      if (a.port) {
        const p = checkValue(PORT_ENTRY, a.port.text);
        if (p) add(env, 'rsyslog/invalid-port', a.port, { value: a.port.text });
      }
      break;
    case 'dynafile':
      reference(env, 'template', a.target.text, a.target);
      break;
    case 'module':
      if (a.module) moduleUse(env, a.module.text, a.module);
      break;
    case 'unknown':
      add(env, 'rsyslog/unknown-action', a, { text: env.doc.text.slice(a.start, a.end) });
      break;
  }
  if (a.template) {
    if (a.template.text) reference(env, 'template', a.template.text, a.template);
  }
}

function deprecatedAction(env: Env, a: LegacyAction, replacement: string): void {
  const span = a.template ? { start: a.start, end: a.template.start - 1 } : a;
  add(env, 'rsyslog/deprecated-action', span, { text: env.doc.text.slice(span.start, span.end), replacement }, {
    tags: ['deprecated'],
    data: { replacement },
  });
}

function propertyFilter(env: Env, s: PropFilterStmt): void {
  const name = s.property.text;
  if (name && !name.startsWith('$') && !env.cat.properties.has(name) && env.cat.properties.entries.length) {
    const sug = didYouMean(name, env.cat.properties.names());
    add(env, 'rsyslog/unknown-property', s.property, { name, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
  }
  if (s.op && !env.cat.compareOps.has(s.op.text)) {
    const sug = didYouMean(s.op.text, env.cat.compareOps.names());
    add(env, 'rsyslog/unknown-compare-op', s.op, { name: s.op.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
  }
}

// ---- references and modules ---------------------------------------------------------------

function reference(env: Env, kind: 'template' | 'ruleset', name: string, span: Span): void {
  if (!name || name.includes('%') || name.includes('`')) return;
  const known = kind === 'template' ? env.templates : env.rulesets;
  if (known.has(lower(name))) return;
  const sug = didYouMean(name, known.values());
  add(env, kind === 'template' ? 'rsyslog/undefined-template' : 'rsyslog/undefined-ruleset', span, { name, suggestion: suggestion(sug) }, {
    data: { suggestions: sug },
  });
}

/** A module used by input(type=…), action(type=…) or `:omx:`: it must be known and loaded. */
function moduleUse(env: Env, raw: string, span: Span): boolean {
  const name = normalizeModule(raw);
  const m = env.cat.modules.get(name);
  if (!m) {
    const sug = didYouMean(name, env.cat.moduleNames);
    add(env, 'rsyslog/unknown-module', span, { name: raw, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    return false;
  }
  if (m.builtin) return true;
  if (!env.loaded.has(name)) add(env, 'rsyslog/module-not-loaded', span, { name }, { data: { module: name } });
  else if (!env.otherLoads.has(name)) {
    // Loaded in this file only: rsyslog reads top to bottom, so the load must come first.
    const loads = defsOf(env.doc.tree).loads;
    let before = false;
    for (const l of loads) if (l.name === name && l.span.start < span.start) before = true;
    if (!before) add(env, 'rsyslog/module-loaded-later', span, { name });
  }
  return true;
}

// ---- directives ---------------------------------------------------------------------------

function directive(env: Env, d: DirectiveStmt): void {
  const e = env.cat.directives.get(d.name.text);
  if (!e) {
    const sug = didYouMean(d.name.text, env.cat.directiveNames);
    add(env, 'rsyslog/unknown-directive', d.name, { name: d.name.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    return;
  }
  const arg = d.args[0];
  const lname = e.name.toLowerCase();
  if (arg && e.type && lname !== '$template') {
    const p = checkValue(e, arg.text);
    if (p) add(env, p.code, arg, { value: arg.text, name: e.name, expected: p.expected ?? '' });
  }
  if (arg && lname !== '$template' && lname !== '$ruleset' && e.type === 'word') {
    if (lname.endsWith('template')) reference(env, 'template', arg.text, arg);
    else if (lname.endsWith('ruleset')) reference(env, 'ruleset', arg.text, arg);
  }
  if (lname === '$modload' && arg) {
    const name = normalizeModule(arg.text);
    if (!env.cat.modules.has(name)) {
      const sug = didYouMean(name, env.cat.moduleNames);
      add(env, 'rsyslog/unknown-module', arg, { name: arg.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    }
  } else if (e.module && e.module !== 'builtin') {
    const m = env.cat.modules.get(e.module);
    if (m && !m.builtin && !env.loaded.has(normalizeModule(e.module))) {
      add(env, 'rsyslog/module-not-loaded', d.name, { name: e.module }, { data: { module: normalizeModule(e.module) } });
    }
  }
  if (e.deprecated) {
    const rt = e.replacementTemplate;
    const replacement = rt && arg ? rt.replace('{arg}', d.rest?.text ?? arg.text) : e.deprecated.replacement ?? '';
    const data: Record<string, unknown> = {};
    // Offer the rewrite only when it is a whole statement that needs no merging with others.
    if (rt && arg && !rt.includes('builtin:') && d.args.length === 1) {
      data.replacement = replacement;
      const needs = e.module && e.module !== 'builtin' ? normalizeModule(e.module) : undefined;
      const m = needs ? env.cat.modules.get(needs) : undefined;
      if (needs && m && !m.builtin && !loadedBefore(env, needs, d.start)) data.loadModule = needs;
    }
    add(env, 'rsyslog/deprecated-directive', d, { name: d.name.text, replacement }, { tags: ['deprecated'], data });
  }
}

/** True when this file or another loads the module by RainerScript module(load=…). */
function loadedBefore(env: Env, module: string, _offset: number): boolean {
  // $ModLoad lines are rewritten too, so only RainerScript loads count.
  for (const f of workspaceFiles(env.doc, env.ctx)) {
    let found = false;
    for (const s of f.doc.tree.statements) {
      if (s.type === 'object' && s.name.text.toLowerCase() === 'module' && normalizeModule(paramText(s, 'load') ?? '') === module) found = true;
    }
    if (found) return true;
  }
  return false;
}

// ---- objects -------------------------------------------------------------------------------


function object(env: Env, o: ObjectStmt, parent: ObjectStmt | null): void {
  const { cat } = env;
  const lname = lower(o.name.text);
  const entry = cat.objects.get(lname);
  if ((!entry || entry.kind !== 'object') && !TEMPLATE_ITEMS.has(lname)) {
    const sug = didYouMean(o.name.text, cat.objectNames);
    add(env, 'rsyslog/unknown-object', o.name, { name: o.name.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    if (o.body) statements(env, o.body, o);
    return;
  }
  let lists = paramListsOf(cat, lname, undefined);
  // How findings name the object: `action()` or, once its module is known, `action(type="omfile")`.
  let ownerKey = '';
  let ownerRaw: string | undefined;
  let moduleKnown = true;
  if (lname === 'module' || lname === 'input' || lname === 'action') {
    const key = lname === 'module' ? 'load' : 'type';
    const p = findParam(o, key);
    const raw = p?.value && p.value.kind !== 'array' ? p.value.text : undefined;
    if (!raw) {
      if (o.close >= 0) add(env, 'rsyslog/missing-parameter', o.name, { owner: o.name.text + '()', name: key });
    } else {
      const mod = normalizeModule(raw);
      ownerKey = key;
      ownerRaw = raw;
      if (lname === 'module') {
        moduleKnown = cat.modules.has(mod);
        if (!moduleKnown) {
          const sug = didYouMean(mod, cat.moduleNames);
          add(env, 'rsyslog/unknown-module', p!.value!, { name: raw, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
        }
        lists = paramListsOf(cat, 'module', mod);
      } else {
        moduleKnown = moduleUse(env, raw, p!.value!);
        lists = paramListsOf(cat, lname, mod);
      }
    }
  }
  if (lname === 'template' || lname === 'ruleset') {
    if (!paramText(o, 'name') && o.close >= 0) add(env, 'rsyslog/missing-parameter', o.name, { owner: o.name.text + '()', name: 'name' });
  }
  const params = o.params;
  for (let i = 0; i < params.length; i++) checkParam(env, o, lname, params[i], lists, ownerKey, ownerRaw, moduleKnown);
  if (lname === 'action') {
    const t = normalizeModule(paramText(o, 'type') ?? '');
    const file = findParam(o, 'file');
    if (t === 'omfile' && file?.value && file.value.kind === 'string' && file.value.text && !file.value.text.startsWith('/')) {
      add(env, 'rsyslog/relative-path', file.value, { path: file.value.text });
    }
  }
  if (o.body) statements(env, o.body, o);
  void parent;
}

function checkParam(
  env: Env,
  o: ObjectStmt,
  lname: string,
  p: Param,
  lists: (Catalog<ParamEntry> | undefined)[],
  ownerKey: string,
  ownerRaw: string | undefined,
  moduleKnown: boolean,
): void {
  const pname = p.name.text;
  const key = lower(pname);
  if ((lname === 'module' && key === 'load') || ((lname === 'input' || lname === 'action') && key === 'type')) return;
  let entry: ParamEntry | undefined;
  let anyList = false;
  for (let i = 0; i < lists.length; i++) {
    const l = lists[i];
    if (!l) continue;
    anyList = true;
    entry = lookup(l, pname);
    if (entry) break;
  }
  // Queue parameters of actions and rulesets (`queue.size`) share one list in the catalog.
  if (!entry && key.startsWith('queue.')) entry = env.cat.objectParams('main_queue')?.get(pname) ?? env.cat.objectParams('main_queue')?.get(pname.slice(6));
  if (!entry) {
    // With an unknown module, or no parameter list at all, nothing can be said.
    const moduleList = lists.length > 1 ? lists[1] : lists[0];
    if (!anyList || !moduleKnown || (lists.length > 1 && !moduleList)) return;
    const names: string[] = [];
    for (const l of lists) if (l) for (const n of l.names()) names.push(n);
    const sug = didYouMean(pname, names);
    const owner = ownerRaw === undefined ? o.name.text + '()' : o.name.text + '(' + ownerKey + '="' + ownerRaw + '")';
    add(env, 'rsyslog/unknown-parameter', p.name, { name: pname, owner, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    return;
  }
  const v = p.value;
  if (!v || v.kind === 'array') return;
  if (entry.type === 'template') reference(env, 'template', v.text, v);
  else if (entry.type === 'ruleset') reference(env, 'ruleset', v.text, v);
  else {
    const prob = checkValue(entry, v.text);
    if (prob) add(env, prob.code, v, { value: v.text, name: pname, expected: prob.expected ?? '' });
  }
}
