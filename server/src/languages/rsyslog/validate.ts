import { didYouMean } from '../common/didYouMean';
import type { Finding, LanguageContext } from '../common/types';
import * as catalog from './catalog';
import { rsyslogCatalog } from './catalog';
import { defsOf, Scope } from './defs';
import type { RsyslogDocument } from './parse';
import type { DirectiveStmt, ObjectStmt, Param, PropFilterStmt, RuleStmt, Span, Stmt } from './tree';
import * as tree from './tree';
import * as nodes from './nodes';
import * as values from './values';
import * as plain from './plainSelector';
import * as rule from './rule';
import * as lookups from './lookups';
import type { ParamSet } from './lookups';
import * as expr from './expression';
import { add, moduleUse, reference, suggestion, type Env } from './validateNames';
import { checkTemplateText } from './templateText';
import { checkParamRules } from './paramRules';
import { backtickEnvironment, objectQueue, startupFiles, stateChecks, templateParts } from './validateState';
import { knownProperty } from './templateText';
import { allowedSender, legacyAction } from './validateLegacy';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { normalizeModule } = catalog;
const { selectorEnd } = rule;
const { plainSelector } = plain;
const { checkValue } = values;
const { findParam, objectInfo, paramSetOf } = lookups;
const { paramText } = tree;
const { objectName, OneBodyNode, paramName, PropFilterNode, valueKind, valueText } = nodes;

/** Semantic checks of one rsyslog file against the catalog and the rest of the workspace. */
export function validate(doc: RsyslogDocument, ctx: LanguageContext): Finding[] {
  const cat = rsyslogCatalog();
  const env: Env = {
    doc,
    ctx,
    cat,
    out: [],
    scope: new Scope(doc, ctx),
  };
  checkDuplicateLoads(env);
  statements(env, doc.tree.statements, null);
  stateChecks(env);
  return env.out;
}

function checkDuplicateLoads(env: Env): void {
  const seen = new Map<string, Span>();
  for (const l of defsOf(env.doc.tree).loads) {
    const first = seen.get(l.name);
    const other = env.scope.other('loads', l.name);
    if (first) {
      add(env, 'rsyslog/duplicate-module', l.span, { name: l.name }, {
        related: [{ uri: env.ctx.uri, range: env.doc.lines.range(first.start, first.end), message: { en: 'first loaded here', ja: '最初の読み込み' } }],
      });
    } else if (other) {
      add(env, 'rsyslog/duplicate-module', l.span, { name: l.name }, {
        related: [{ uri: other.uri, range: other.doc.lines.range(other.def.span.start, other.def.span.end), message: { en: 'also loaded here', ja: 'こちらでも読み込まれています' } }],
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
      body(env, s, parent);
      break;
    case 'propfilter':
      propertyFilter(env, s);
      body(env, s, parent);
      break;
    case 'foreach':
      // `foreach ($.i in $!list) do …`: a variable, `in`, then the list.
      if (!/^[ \t]*\([ \t\n]*\$[!./][\w!.-]*[ \t\n]+in[ \t\n]/i.test(env.doc.text.slice(s.keyword.end, s.keyword.end + 200))) {
        add(env, 'rsyslog/expression-syntax', s.keyword, { token: 'foreach', hint: 'it is written foreach ($.i in $!list) do' });
      }
      statements(env, s.body, parent);
      break;
    case 'continuation':
      statements(env, s.body, parent);
      break;
    case 'if':
      if (!(s instanceof nodes.IfNode && s.noThen)) for (const pr of expr.checkExpression(env.doc.text, s.cond.start, s.cond.end)) add(env, pr.code, pr, pr.args);
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
    case 'keyword': {
      const k = s.keyword.text.toLowerCase();
      if (s.arg && k === 'call') reference(env, 'ruleset', s.arg.text, s.arg);
      else if (s.arg && (k === 'set' || k === 'unset' || k === 'reset')) {
        for (const pr of expr.checkAssignment(env.doc.text, k, s.arg.start, s.arg.end)) add(env, pr.code, pr, pr.args);
      }
      break;
    }
  }
}

/** The body of a filter, without making the list of a body of one statement. */
function body(env: Env, s: RuleStmt | PropFilterStmt, parent: ObjectStmt | null): void {
  if (s instanceof OneBodyNode) {
    if (s.plainFileAction()) return;
    const one = s.peekOne();
    if (one !== null) {
      statement(env, one, parent);
      return;
    }
  }
  statements(env, s.body, parent);
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

// Legacy actions are checked in validateLegacy.ts.

function propertyFilter(env: Env, s: PropFilterStmt): void {
  const compact = s instanceof PropFilterNode;
  const name = compact ? s.propertyKey : s.property.text;
  // `:$!x, …` and `:$.x, …`: rsyslogd reads only property names here ("invalid character ':'").
  if (name.length > 1 && name.charCodeAt(0) === 36 && '!./'.includes(name[1])) add(env, 'rsyslog/filter-variable', s.property, { name });
  if (name && !knownProperty(env, name)) {
    const sug = didYouMean(name, env.cat.properties.names());
    add(env, 'rsyslog/unknown-property', s.property, { name, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
  }
  const opText = compact ? (s.opStart >= 0 ? s.opKey : undefined) : s.op?.text;
  if (opText !== undefined && !env.cat.compareOps.has(opText)) {
    const sug = didYouMean(opText, env.cat.compareOps.names());
    add(env, 'rsyslog/unknown-compare-op', s.op!, { name: opText, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
  }
}

// ---- references and modules ---------------------------------------------------------------

// ---- directives ---------------------------------------------------------------------------

function directive(env: Env, d: DirectiveStmt): void {
  const e = env.cat.directives.get(d.name.text);
  if (!e) {
    const sug = didYouMean(d.name.text, env.cat.directiveNames);
    // A module this extension does not know (a third-party one) may bring the directive.
    const other = defsOf(env.doc.tree).loads.find((l) => !env.cat.modules.has(l.name));
    if (other && !sug.length) add(env, 'rsyslog/unknown-directive-module', d.name, { name: d.name.text, module: other.name });
    else add(env, 'rsyslog/unknown-directive', d.name, { name: d.name.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    return;
  }
  const arg = d.args[0];
  const lname = e.name.toLowerCase();
  // `$template name,"text"[,options]`: the text's property references.
  if (lname === '$template' && d.rest) {
    const q = /^[^,]*,\s*"((?:[^"\\]|\\.)*)"/.exec(d.rest.text);
    if (q) checkTemplateText(env, q[1], d.rest);
  }
  if (arg && e.type && lname !== '$template') {
    const p = checkValue(e, arg.text);
    if (p) add(env, p.code, arg, { value: arg.text, name: e.name, expected: p.expected ?? '' });
  }
  if (arg && lname !== '$template' && lname !== '$ruleset' && e.type === 'word') {
    if (lname.endsWith('template')) reference(env, 'template', arg.text, arg);
    else if (lname.endsWith('ruleset')) reference(env, 'ruleset', arg.text, arg);
  }
  if (lname === '$allowedsender') allowedSender(env, d);
  if (lname === '$modload' && arg) {
    const name = normalizeModule(arg.text);
    if (!env.cat.modules.has(name)) {
      const sug = didYouMean(name, env.cat.moduleNames);
      add(env, 'rsyslog/unknown-module', arg, { name: arg.text, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    }
  } else if (e.module && e.module !== 'builtin') {
    // Not loaded, or loaded only further down: rsyslogd does not know the directive yet.
    if (env.cat.modules.has(normalizeModule(e.module))) moduleUse(env, e.module, d.name);
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
      // $ModLoad lines are rewritten too, so only RainerScript loads count.
      if (needs && m && !m.builtin && !env.scope.has('rainerLoads', needs)) data.loadModule = needs;
    }
    add(env, 'rsyslog/deprecated-directive', d, { name: d.name.text, replacement }, { tags: ['deprecated'], data });
  }
}

// ---- objects -------------------------------------------------------------------------------


function object(env: Env, o: ObjectStmt, parent: ObjectStmt | null): void {
  const { cat } = env;
  const name = objectName(o);
  const info = objectInfo(cat, name);
  const lname = info.lname;
  if (!info.known) {
    const sug = didYouMean(name, cat.objectNames);
    add(env, 'rsyslog/unknown-object', o.name, { name, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    if (o.body) statements(env, o.body, o);
    return;
  }
  let set = paramSetOf(cat, lname, undefined);
  // How findings name the object: `action()` or, once its module is known, `action(type="omfile")`.
  let ownerKey = '';
  let ownerRaw: string | undefined;
  let moduleKnown = true;
  let mod: string | undefined;
  if (lname === 'module' || lname === 'input' || lname === 'action') {
    const key = lname === 'module' ? 'load' : 'type';
    const p = findParam(o, key);
    const raw = p ? valueText(p) : undefined;
    if (!raw) {
      if (o.close >= 0) add(env, 'rsyslog/missing-parameter', o.name, { owner: name + '()', name: key });
    } else {
      mod = normalizeModule(raw);
      ownerKey = key;
      ownerRaw = raw;
      if (lname === 'module') {
        moduleKnown = cat.modules.has(mod);
        if (!moduleKnown) {
          const sug = didYouMean(mod, cat.moduleNames);
          add(env, 'rsyslog/unknown-module', p!.value!, { name: raw, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
        }
        set = paramSetOf(cat, 'module', mod);
      } else {
        moduleKnown = moduleUse(env, raw, p!.value!);
        set = paramSetOf(cat, lname, mod);
        // rsyslogd knows input() only of input modules and action() only of output and
        // message-modification modules ("module name 'imudp' is unknown").
        const kind = cat.modules.get(mod)?.moduleType;
        const fits = lname === 'input' ? kind === 'input' : kind === 'output' || kind === 'message-modification';
        if (moduleKnown && kind && !fits) add(env, 'rsyslog/wrong-module-kind', p!.value!, { name: raw, object: lname, kind });
      }
    }
  }
  if (lname === 'parser') {
    // parser(type="pmnormalize" …) takes the parser module's parameters too.
    const raw = paramText(o, 'type');
    if (raw) {
      mod = normalizeModule(raw);
      ownerKey = 'type';
      ownerRaw = raw;
      moduleKnown = cat.modules.has(mod);
      set = paramSetOf(cat, 'parser', mod);
    }
  }
  if (lname === 'template' || lname === 'ruleset') {
    if (!paramText(o, 'name') && o.close >= 0) add(env, 'rsyslog/missing-parameter', o.name, { owner: name + '()', name: 'name' });
  }
  if ((lname === 'input' || lname === 'action') && mod && o.close >= 0) {
    for (const req of catalog.requiredParams(mod, lname)) {
      if (!findParam(o, req.toLowerCase())) add(env, 'rsyslog/missing-parameter', o.name, { owner: `${name}(type="${ownerRaw}")`, name: req });
    }
  }
  const params = o.params;
  for (let i = 0; i < params.length; i++) {
    const v = params[i].value;
    // rsyslogd reads only "strings", `backticks` and [arrays] as values: `port=514` is refused.
    if (v && (v.kind === 'word' || v.kind === 'number')) add(env, 'rsyslog/unquoted-value', v, { name: paramName(params[i]), value: v.text });
    checkParam(env, o, lname, params[i], set, ownerKey, ownerRaw, moduleKnown);
  }
  // `mod` is the normalized type= of an action (paramText(o, 'type') as normalizeModule() reads it).
  if (lname === 'action' && mod === 'omfile') {
    const file = findParam(o, 'file');
    // rsyslogd: "omfile: either the file or dynafile parameter must be given".
    if (!file && !findParam(o, 'dynafile') && o.close >= 0) add(env, 'rsyslog/missing-parameter', o.name, { owner: 'action(type="omfile")', name: 'file (or dynaFile)' });
    // file="" counts as not given; " " is refused too ("consist only of whitespace").
    for (const p of [file, findParam(o, 'dynafile')]) {
      const v = p?.value && valueKind(p) === 'string' ? valueText(p) : undefined;
      if (v !== undefined && v.trim() === '') add(env, 'rsyslog/invalid-value', p!.value!, { value: v, name: paramName(p!), expected: { en: 'a file name (rsyslogd refuses an empty one)', ja: 'ファイル名（空は rsyslogd が拒否します）' } });
    }
    const path = file && valueKind(file) === 'string' ? valueText(file) : undefined;
    if (path?.trim() && !path.startsWith('/') && !path.startsWith('`')) {
      add(env, 'rsyslog/relative-path', file!.value!, { path });
    }
    if (file) backtickEnvironment(env, file);
  }
  if (lname === 'main_queue' || lname === 'action' || lname === 'ruleset') objectQueue(env, o);
  startupFiles(env, o, (lname === 'action' || lname === 'parser') && mod ? mod : lname);
  if (lname === 'template' || lname === 'property') templateParts(env, o, lname);
  if (mod && (lname === 'module' || lname === 'input' || lname === 'action' || lname === 'parser')) checkParamRules(env, o, lname, mod);
  else if (lname === 'global') checkParamRules(env, o, 'global', '');
  if (o.body) statements(env, o.body, o);
  void parent;
}

function checkParam(
  env: Env,
  o: ObjectStmt,
  lname: string,
  p: Param,
  set: ParamSet,
  ownerKey: string,
  ownerRaw: string | undefined,
  moduleKnown: boolean,
): void {
  const pname = paramName(p);
  const { key, entry } = set.info(pname);
  if ((lname === 'module' && key === 'load') || ((lname === 'input' || lname === 'action') && key === 'type')) return;
  if (!entry) {
    // With an unknown module, or no parameter list at all, nothing can be said.
    const lists = set.lists;
    let anyList = false;
    for (const l of lists) if (l) anyList = true;
    const moduleList = lists.length > 1 ? lists[1] : lists[0];
    if (!anyList || !moduleKnown || (lists.length > 1 && !moduleList)) return;
    const names: string[] = [];
    for (const l of lists) if (l) for (const n of l.names()) names.push(n);
    const sug = didYouMean(pname, names);
    const owner = ownerRaw === undefined ? o.name.text + '()' : o.name.text + '(' + ownerKey + '="' + ownerRaw + '")';
    add(env, 'rsyslog/unknown-parameter', p.name, { name: pname, owner, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    return;
  }
  if (catalog.isDeprecatedParam(entry)) add(env, 'rsyslog/deprecated-parameter', p.name, { name: pname });
  const text = valueText(p);
  if (text === undefined) return;
  if (entry.type === 'template') reference(env, 'template', text, p.value!, lname === 'action');
  else if (entry.type === 'ruleset') reference(env, 'ruleset', text, p.value!);
  else {
    const prob = checkValue(entry, text);
    if (prob) add(env, prob.code, p.value!, { value: text, name: pname, expected: prob.expected ?? '' });
  }
}
