// Checks that follow settings across statements and files, as rsyslogd applies them while it
// reads the configuration: legacy queue settings and the actions they go to, the work directory
// imfile needs, inputs of loaded input modules, lookup tables defined before use, rulesets and
// parameters given twice, the legacy `:module:` action form, template parts, and the files
// rsyslogd opens at start (includes, lookup tables, rulebases, modules by path, backtick values
// from its environment), which depend on the host.
import { normalizeModule } from './catalog';
import { lower } from './lookups';
import { objectName, OneBodyNode, paramName, valueText } from './nodes';
import type { DirectiveStmt, LegacyAction, ObjectStmt, Param, Span, Stmt } from './tree';
import { param, walk } from './tree';
import { add, suggestion, type Env } from './validateNames';
import { didYouMean } from '../common/didYouMean';
import { workspaceMemo } from '../common/workspaceMemo';
import { checkTemplateText, knownProperty } from './templateText';
import paramRulesJson from '../../../data/rsyslog/paramRules.json';

/**
 * Modules whose actions can be written `:name:…` (each module's legacy parser looks for its own
 * prefix). Builtins such as omfile, omfwd and ompipe have their own legacy forms (`/file`, `@host`,
 * `|pipe`) and refuse `:omfwd:`; omfile takes `:omfile:$channel` and `:omfile:/path` only.
 */
const LEGACY_COLON = new Set(['omusrmsg', 'omprog', 'ommail', 'omrelp', 'omsnmp', 'omtesting', 'ommysql', 'ompgsql', 'omlibdbi', 'omgssapi', 'omoracle', 'omstdout', 'omudpspoof', 'omhdfs', 'omfile', 'omuxsock', 'omruleset', 'omelasticsearch', 'ommongodb']);

/** Directives a `:name:` action needs before it (its module refuses the action without them). */
const LEGACY_NEEDS: Record<string, string[]> = {
  omprog: ['$ActionOMProgBinary'],
  ommail: ['$ActionMailFrom', '$ActionMailTo'],
  omuxsock: ['$OMUxSockSocket'],
};

/** `:name:…` written with a module that has no such form, or without the settings it needs. */
export function legacyModuleForm(env: Env, a: LegacyAction, before: number): void {
  const m = a.module;
  if (!m) return;
  const name = normalizeModule(m.text);
  const known = env.cat.modules.get(name);
  if (!known) return; // unknown-module says so already
  if (!LEGACY_COLON.has(name) || (name === 'omfile' && !/^[$/-]/.test(a.target.text))) {
    add(env, 'rsyslog/no-legacy-form', m, { name: m.text });
    return;
  }
  const needs = LEGACY_NEEDS[name];
  if (!needs) return;
  const text = env.doc.text.slice(0, before).toLowerCase();
  const missing = needs.filter((d) => !new RegExp(`^[ \\t]*\\${d.toLowerCase()}\\b`, 'm').test(text));
  if (missing.length) add(env, 'rsyslog/legacy-action-needs', m, { name: m.text, directives: missing.join(', ') });
}

const DIGITS = /^\d+$/;

/** The default queue.size and queue.discardMark rsyslogd gives main and action queues. */
const DEFAULTS = { main: { size: 100000, mark: 98000 }, action: { size: 1000, mark: 980 } };

/** A queue whose discard mark (set, or its default) lies above its size: rsyslogd refuses it. */
function queueMarks(env: Env, at: Span, size: number, mark: number, markSet: boolean): void {
  if (mark <= size) return;
  add(env, 'rsyslog/queue-discard-mark', at, { size: String(size), mark: String(mark), note: markSet ? '' : { en: ' (its default)', ja: '（既定値）' } });
}

/** Explicit queue.size and queue.discardMark of main_queue(), action() or ruleset(). */
export function objectQueue(env: Env, o: ObjectStmt): void {
  const sizeP = param(o, 'queue.size');
  const markP = param(o, 'queue.discardmark');
  if (!sizeP || !markP) return;
  const size = valueText(sizeP);
  const mark = valueText(markP);
  if (size === undefined || mark === undefined || !DIGITS.test(size) || !DIGITS.test(mark)) return;
  queueMarks(env, markP, Number(size), Number(mark), true);
}

/**
 * Legacy queue directives: `$MainMsgQueueSize` (unless main_queue() sets the main queue) and
 * `$ActionQueueSize`, which goes to the next legacy action only (rsyslogd resets the action
 * queue settings after each one). Their discard marks default to 98000 and 980.
 */
function legacyQueues(env: Env): void {
  const text = env.doc.text;
  if (!/\$(MainMsg|Action)Queue(Size|DiscardMark)\b/i.test(text)) return;
  let mainObject = false;
  let main: { size?: [number, DirectiveStmt]; mark?: [number, DirectiveStmt] } = {};
  let action: typeof main = {};
  const num = (d: DirectiveStmt): number | undefined => (d.args[0] && DIGITS.test(d.args[0].text) ? Number(d.args[0].text) : undefined);
  const actionDone = () => {
    const size = action.size;
    if (size) queueMarks(env, action.mark?.[1] ?? size[1], size[0], action.mark?.[0] ?? DEFAULTS.action.mark, action.mark !== undefined);
    action = {};
  };
  walk(env.doc.tree.statements, (s: Stmt) => {
    if (s.type === 'object' && lower(objectName(s)) === 'main_queue') mainObject = true;
    if (s.type === 'legacy-action') actionDone();
    if (s.type !== 'directive') return;
    const n = lower(s.name.text);
    const v = num(s);
    if (v === undefined) return;
    if (n === '$mainmsgqueuesize') main.size = [v, s];
    else if (n === '$mainmsgqueuediscardmark') main.mark = [v, s];
    else if (n === '$actionqueuesize') action.size = [v, s];
    else if (n === '$actionqueuediscardmark') action.mark = [v, s];
  });
  if (!mainObject && main.size) queueMarks(env, main.mark?.[1] ?? main.size[1], main.size[0], main.mark?.[0] ?? DEFAULTS.main.mark, main.mark !== undefined);
  main = {};
}

const WORK_DIRECTORY = /^[ \t]*\$WorkDirectory\b|\bworkDirectory[ \t]*=/im;

/** A listener of `mod` in a text: input(type="mod") or one of its legacy directives. */
function listenerRe(mod: string): RegExp {
  return new RegExp(`\\btype[ \\t]*=[ \\t]*"${mod}"|^[ \\t]*(?:${LISTENERS[mod].map((d) => '\\' + d).join('|')})\\b`, 'gim');
}

/**
 * True when `text` gives module `mod` an input: its legacy directive, or input(type="mod") that
 * is not switched off with config.enabled="off" (rsyslogd skips such a statement entirely).
 */
function hasListener(text: string, mod: string): boolean {
  for (const m of text.matchAll(listenerRe(mod))) {
    if (!/^\s*type/i.test(m[0])) return true;
    // The statement around type=: from the `input` before it to its closing parenthesis.
    const from = text.lastIndexOf('input', m.index);
    let end = m.index;
    let quote = false;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === '\\' && quote) end++;
      else if (c === '"') quote = !quote;
      else if (c === ')' && !quote) break;
    }
    if (!/\bconfig\.enabled[ \t]*=[ \t]*"off"/i.test(text.slice(from < 0 ? m.index : from, end))) return true;
  }
  return false;
}

/** What the rsyslog files of the workspace set, by file: read once per workspace change. */
interface Facts {
  workDirectory: Set<string>;
  listeners: Map<string, Set<string>>;
  tables: Map<string, Set<string>>;
}

function facts(env: Env): Facts {
  const ws = env.ctx.workspace;
  return workspaceMemo(ws, 'rsyslog/state', () => {
    const f: Facts = { workDirectory: new Set(), listeners: new Map(), tables: new Map() };
    for (const d of ws.documents('rsyslog')) {
      const text = d.parsed?.text;
      if (typeof text !== 'string') continue;
      if (WORK_DIRECTORY.test(text)) f.workDirectory.add(d.uri);
      for (const mod of Object.keys(LISTENERS)) if (text.includes(mod) && hasListener(text, mod)) f.listeners.set(mod, (f.listeners.get(mod) ?? new Set()).add(d.uri));
      if (text.includes('lookup_table')) for (const m of text.matchAll(TABLE_DEF)) f.tables.set(m[1], (f.tables.get(m[1]) ?? new Set()).add(d.uri));
    }
    return f;
  });
}

/** True when a file of the workspace other than this one is in `uris`. */
function elsewhere(env: Env, uris: Set<string> | undefined): boolean {
  if (uris) for (const u of uris) if (u !== env.ctx.uri) return true;
  return false;
}

/** imfile keeps state files in the work directory; rsyslogd -N1 reports an error without one. */
function imfileWorkDirectory(env: Env): void {
  const load = env.scope.has('loads', 'imfile') ? findLoad(env, 'imfile') : undefined;
  if (!load) return;
  if (WORK_DIRECTORY.test(env.doc.text) || elsewhere(env, facts(env).workDirectory)) return;
  add(env, 'rsyslog/no-work-directory', load);
}

/** Where module `name` is loaded in this file (loads stand at the top level only). */
function findLoad(env: Env, name: string): Span | undefined {
  for (const s of env.doc.tree.statements) {
    if (s.type === 'object' && lower(objectName(s)) === 'module') {
      const p = param(s, 'load');
      const v = p && valueText(p);
      if (p && v && normalizeModule(v) === name) return p;
    } else if (s.type === 'directive' && lower(s.name.text) === '$modload' && s.args[0] && normalizeModule(s.args[0].text) === name) return s.args[0];
  }
  return undefined;
}

/**
 * Every object of the tree, nested ones included, without making the lazy legacy actions of
 * selector lines (`mail.* /var/log/mail`): their bodies are peeked at, not built.
 */
function eachObject(list: Stmt[], fn: (o: ObjectStmt) => void): void {
  for (const s of list) {
    if (s.type === 'object') {
      fn(s);
      if (s.body) eachObject(s.body, fn);
    } else if (s.type === 'if') {
      eachObject(s.then, fn);
      if (s.else) eachObject(s.else, fn);
    } else if (s.type === 'rule' || s.type === 'propfilter') {
      if (s instanceof OneBodyNode) {
        if (s.plainFileAction()) continue;
        const one = s.peekOne();
        if (one !== null) {
          eachObject([one], fn);
          continue;
        }
      }
      eachObject(s.body, fn);
    } else if (s.type === 'continuation' || s.type === 'foreach') eachObject(s.body, fn);
  }
}

/**
 * A file name that is only environment variables echoed (`` file=`echo $LOGFILE` ``): empty
 * where rsyslogd starts without them, and then rsyslogd refuses the action.
 */
export function backtickEnvironment(env: Env, p: Param): void {
  const v = valueText(p);
  if (!v || v.charCodeAt(0) !== 96) return;
  const m = /^`\s*echo\s+((?:\$\{?\w+\}?\s*)+)`$/.exec(v);
  if (!m) return;
  const vars = m[1].match(/\w+/g) ?? [];
  add(env, 'rsyslog/backtick-environment', p, { command: v, vars: vars.join(', ') });
}

const LOOKUP_USE = /\b(?:lookup|reload_lookup_table)[ \t]*\([ \t]*"([^"\\\n]*)"/g;
const TABLE_DEF = /\blookup_table[ \t]*\([^)]*?\bname[ \t]*=[ \t]*"([^"]*)"/g;

/** True when `at` is inside a `#` comment of its line (a `#` outside quotes before it). */
function inComment(text: string, at: number): boolean {
  let q = 0;
  for (let k = text.lastIndexOf('\n', at - 1) + 1; k < at; k++) {
    const c = text.charCodeAt(k);
    if (q) {
      if (c === 92) k++;
      else if (c === q) q = 0;
    } else if (c === 34 || c === 39) q = c;
    else if (c === 35) return true;
  }
  return false;
}

/** lookup("t", …) and reload_lookup_table("t") need lookup_table(name="t") read before them. */
function lookupTables(env: Env): void {
  const text = env.doc.text;
  if (!text.includes('lookup')) return;
  const defs = new Map<string, number>();
  for (const m of text.matchAll(TABLE_DEF)) if (!inComment(text, m.index) && !defs.has(m[1])) defs.set(m[1], m.index);
  for (const m of text.matchAll(LOOKUP_USE)) {
    const at = defs.get(m[1]);
    if ((at !== undefined && at < m.index) || inComment(text, m.index)) continue;
    if (elsewhere(env, facts(env).tables.get(m[1]))) continue;
    const start = m.index + m[0].length - m[1].length - 1;
    add(env, 'rsyslog/undefined-lookup-table', { start, end: start + m[1].length + 2 }, { name: m[1] });
  }
}

/** ruleset(name=…) twice (names in any case): rsyslogd refuses the second ("specified more than once"). */
function duplicateRulesets(env: Env): void {
  const seen = new Map<string, Span>();
  for (const s of env.doc.tree.statements) {
    if (s.type !== 'object' || lower(objectName(s)) !== 'ruleset') continue;
    const p = param(s, 'name');
    const v = p && valueText(p);
    if (!p?.value || !v) continue;
    const first = seen.get(v.toLowerCase());
    if (!first) seen.set(v.toLowerCase(), p.value);
    else {
      add(env, 'rsyslog/duplicate-ruleset', p.value, { name: v }, {
        related: [{ uri: env.ctx.uri, range: env.doc.lines.range(first.start, first.end), message: { en: 'first defined here', ja: '最初の定義' } }],
      });
    }
  }
}

const LISTENERS = (paramRulesJson as { listeners: { modules: Record<string, string[]> } }).listeners.modules;

/**
 * An input module loaded with no input of its own anywhere in the configuration (neither
 * input(type=…) nor its legacy directive): rsyslogd -N1 reports that nothing will be read.
 */
function listeners(env: Env): void {
  for (const mod of Object.keys(LISTENERS)) {
    if (!env.doc.text.includes(mod)) continue;
    const load = findLoad(env, mod);
    if (!load) continue;
    if (hasListener(env.doc.text, mod) || elsewhere(env, facts(env).listeners.get(mod))) continue;
    add(env, 'rsyslog/no-listener', load, { name: mod });
  }
}

/** A file name rsyslogd must find when it reads the configuration: relative, or missing here. */
function neededFile(env: Env, path: string, at: Span, alsoSo = false): void {
  if (!path || /[*?[`%]/.test(path)) return;
  if (!path.startsWith('/')) add(env, 'rsyslog/relative-path', at, { path });
  else if (env.ctx.host?.exists(path) === false && !(alsoSo && env.ctx.host.exists(path + '.so') !== false)) add(env, 'rsyslog/missing-file', at, { path });
}

/**
 * include(file=…) (unless mode="optional") and `$IncludeConfig` of one file, not a pattern, and
 * module(load=…) of a path: rsyslogd refuses the configuration when it cannot open them.
 */
function namedFiles(env: Env): void {
  const text = env.doc.text;
  if (!/include|load[ \t]*=[ \t]*"[^"]*\//i.test(text)) return;
  for (const s of env.doc.tree.statements) {
    if (s.type === 'directive' && lower(s.name.text) === '$includeconfig' && s.args[0]) neededFile(env, s.args[0].text, s.args[0]);
    if (s.type !== 'object') continue;
    const name = lower(objectName(s));
    if (name === 'include') {
      const f = param(s, 'file');
      const mode = param(s, 'mode');
      const v = f && valueText(f);
      if (f?.value && v && lower((mode && valueText(mode)) ?? '') !== 'optional') neededFile(env, v, f.value);
    } else if (name === 'module') {
      const l = param(s, 'load');
      const v = l && valueText(l);
      if (l?.value && v && v.includes('/')) {
        if (v.startsWith('/')) neededFile(env, v, l.value, true);
        else add(env, 'rsyslog/module-path', l.value, { path: v });
      }
    }
  }
}

/**
 * A parameter given twice: in one object ("duplicate parameter"), or in two global() statements
 * ("specified more than once"). rsyslogd refuses both; names are compared in any case.
 */
function duplicateParameters(env: Env): void {
  const globals = new Map<string, Span>();
  eachObject(env.doc.tree.statements, (s: ObjectStmt) => {
    if (s.params.length < 2 && lower(objectName(s)) !== 'global') return;
    const isGlobal = lower(objectName(s)) === 'global';
    const own = new Set<string>();
    for (const p of s.params) {
      const key = lower(paramName(p));
      if (own.has(key)) add(env, 'rsyslog/duplicate-parameter', p.name, { name: p.name.text, where: { en: 'in this statement', ja: 'この文の中' } });
      else if (isGlobal && globals.has(key)) {
        add(env, 'rsyslog/duplicate-parameter', p.name, { name: p.name.text, where: { en: 'in an earlier global()', ja: '前の global()' } });
      }
      own.add(key);
      if (isGlobal && !globals.has(key)) globals.set(key, p.name);
    }
  });
}

/** The checks of this file that need the whole file read first. */
export function stateChecks(env: Env): void {
  duplicateParameters(env);
  namedFiles(env);
  listeners(env);
  duplicateRulesets(env);
  legacyQueues(env);
  imfileWorkDirectory(env);
  lookupTables(env);
}

/** Files rsyslogd opens while it reads the configuration, by object (or action module) and parameter. */
const STARTUP_FILES: Record<string, string[]> = {
  lookup_table: ['file'],
  mmnormalize: ['rulebase'],
  pmnormalize: ['rulebase'],
  global: ['defaultnetstreamdrivercafile', 'defaultnetstreamdrivercertfile', 'defaultnetstreamdriverkeyfile'],
};

/**
 * A file rsyslogd reads when it starts (a lookup table, a rulebase, TLS files): refused when it is
 * missing, which depends on the host; a relative name is opened from rsyslogd's working directory.
 */
export function startupFiles(env: Env, o: ObjectStmt, owner: string): void {
  const keys = STARTUP_FILES[owner];
  if (!keys) return;
  for (const k of keys) {
    const p = param(o, k);
    const v = p && valueText(p);
    if (!p?.value || !v || v.includes('`') || v.includes('%')) continue;
    if (!v.startsWith('/')) add(env, 'rsyslog/relative-path', p.value, { path: v });
    else if (env.ctx.host?.exists(v) === false) add(env, 'rsyslog/missing-file', p.value, { path: v });
  }
}

/** template(type="subtree") takes a `$!` variable; property() inside a list names a property. */
export function templateParts(env: Env, o: ObjectStmt, lname: string): void {
  if (lname === 'template') {
    const type = param(o, 'type');
    const str = param(o, 'string');
    const text = str && valueText(str);
    if (str?.value && text) checkTemplateText(env, text, str.value);
    const sub = param(o, 'subtree');
    const v = sub && valueText(sub);
    if (type && lower(valueText(type) ?? '') === 'subtree' && sub?.value && v !== undefined && !v.includes('`') && !v.startsWith('$!')) {
      add(env, 'rsyslog/invalid-value', sub.value, { value: v, name: 'subtree', expected: { en: 'a message variable such as $!usr', ja: '$!usr のようなメッセージ変数' } });
    }
  } else if (lname === 'property') {
    const p = param(o, 'name');
    const v = p && valueText(p);
    if (p?.value && v && !knownProperty(env, v)) {
      const sug = didYouMean(v, env.cat.properties.names());
      add(env, 'rsyslog/unknown-property', p.value, { name: v, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
    }
  }
}
