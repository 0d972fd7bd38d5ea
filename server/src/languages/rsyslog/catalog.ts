import { Catalog, type CatalogEntry } from '../common/catalog';
import actionsJson from '../../../data/rsyslog/actions.json';
import compareOpsJson from '../../../data/rsyslog/compareOps.json';
import directivesJson from '../../../data/rsyslog/directives.json';
import facilitiesJson from '../../../data/rsyslog/facilities.json';
import modulesJson from '../../../data/rsyslog/modules.json';
import objectsJson from '../../../data/rsyslog/objects.json';
import prioritiesJson from '../../../data/rsyslog/priorities.json';
import propertiesJson from '../../../data/rsyslog/properties.json';
import verifiedJson from '../../../data/rsyslog/verified.json';
import docParamsJson from '../../../data/rsyslog/docParams.json';

export interface FacilityEntry extends CatalogEntry {
  code?: number;
}
export interface PriorityEntry extends CatalogEntry {
  level?: number;
  deprecatedAliases?: string[];
}
export interface ActionEntry extends CatalogEntry {
  form: string;
}
export interface DirectiveEntry extends CatalogEntry {
  module?: string;
  /** `module(load="{arg}")`: the RainerScript form, `{arg}` being the directive's argument. */
  replacementTemplate?: string;
}
export type ParamEntry = CatalogEntry;
export interface ModuleEntry extends CatalogEntry {
  moduleType?: string;
  builtin?: boolean;
  moduleParams?: ParamEntry[];
  inputParams?: ParamEntry[];
  actionParams?: ParamEntry[];
}
export interface ObjectEntry extends CatalogEntry {
  params?: ParamEntry[];
}

/** A facility or priority name: its entry, and the modern spelling when this one is deprecated. */
export interface NameInfo<E> {
  entry: E | undefined;
  deprecatedFor: string | undefined;
}

function memo<E extends CatalogEntry>(c: Catalog<E>, deprecatedFor: (e: E, name: string) => string | undefined): (name: string) => NameInfo<E> {
  const cache = new Map<string, NameInfo<E>>();
  return (name) => {
    let v = cache.get(name);
    if (!v) {
      const entry = c.get(name);
      v = { entry, deprecatedFor: entry ? deprecatedFor(entry, name) : undefined };
      if (cache.size < 10000) cache.set(name, v);
    }
    return v;
  };
}

/** The rsyslog catalog: every piece of knowledge, with case-insensitive lookups built once. */
export interface RsyslogCatalog {
  facilities: Catalog<FacilityEntry>;
  priorities: Catalog<PriorityEntry>;
  actions: Catalog<ActionEntry>;
  actionsByForm: Map<string, ActionEntry>;
  directives: Catalog<DirectiveEntry>;
  modules: Catalog<ModuleEntry>;
  objects: Catalog<ObjectEntry>;
  properties: Catalog<CatalogEntry>;
  compareOps: Catalog<CatalogEntry>;
  /** Parameters by lower-cased name, per module and kind ('module' | 'input' | 'action'). */
  moduleParams(module: string, kind: 'module' | 'input' | 'action'): Catalog<ParamEntry> | undefined;
  /** Parameters of an object (`action`, `input`, `global` …). */
  objectParams(object: string): Catalog<ParamEntry> | undefined;
  /** Lookups memoized by exact spelling, for the hot path of validating selectors. */
  facility(name: string): NameInfo<FacilityEntry>;
  priority(name: string): NameInfo<PriorityEntry>;
  facilityNames: string[];
  priorityNames: string[];
  directiveNames: string[];
  moduleNames: string[];
  objectNames: string[];
}

/** Templates rsyslog defines itself; references to them need no definition. */
export const BUILTIN_TEMPLATES = [
  'RSYSLOG_TraditionalFileFormat',
  'RSYSLOG_FileFormat',
  'RSYSLOG_TraditionalForwardFormat',
  'RSYSLOG_SysklogdFileFormat',
  'RSYSLOG_ForwardFormat',
  'RSYSLOG_SyslogProtocol23Format',
  'RSYSLOG_DebugFormat',
  'RSYSLOG_WallFmt',
  'RSYSLOG_StdUsrMsgFmt',
  'RSYSLOG_StdDBFmt',
  'RSYSLOG_StdPgSQLFmt',
  'RSYSLOG_StdJSONFmt',
  'RSYSLOG_spoofadr',
  'RSYSLOG_omudpspoofDfltSourceTpl',
];
export const BUILTIN_RULESETS = ['RSYSLOG_DefaultRuleset'];

function asEntries<T>(json: unknown): T[] {
  if (Array.isArray(json)) return json as T[];
  // Tolerate `{ "entries": [...] }` should the data ever be wrapped.
  const e = (json as { entries?: unknown })?.entries;
  return Array.isArray(e) ? (e as T[]) : [];
}

let cached: RsyslogCatalog | undefined;

/**
 * Parameters with a list of values whose other values the installed rsyslogd refused at
 * `rsyslogd -N1` (verified.json, made by scripts/catalogs/rsyslog-verified.mjs): an unknown
 * value there is an error; elsewhere the list may be incomplete or checked only at start.
 */
const strictEntries = new WeakSet<ParamEntry>();
/** Parameters rsyslogd calls deprecated when given (verified.json): it exits 1 on them. */
const deprecatedEntries = new WeakSet<ParamEntry>();

type DocParams = { modules: Record<string, Record<'module' | 'input' | 'action', { name: string; required?: boolean }[]>> };
const required = new Map<string, string[]>();
for (const [m, kinds] of Object.entries((docParamsJson as DocParams).modules)) {
  for (const kind of ['module', 'input', 'action'] as const) {
    const names = (kinds[kind] ?? []).filter((p) => p.required).map((p) => p.name);
    if (names.length) required.set(`${kind}:${m}`, names);
  }
}

/**
 * Parameters rsyslog-doc marks mandatory for an input or action of a module (docParams.json,
 * made by scripts/catalogs/rsyslog-doc.mjs); rsyslogd refuses the statement without them.
 */
export function requiredParams(module: string, kind: 'module' | 'input' | 'action'): string[] {
  return required.get(`${kind}:${module}`) ?? [];
}

/** True when rsyslogd says `entry` is deprecated. */
export function isDeprecatedParam(entry: ParamEntry): boolean {
  return deprecatedEntries.has(entry);
}

/** The smallest whole number rsyslogd -N1 takes for `entry`, where it refuses smaller ones. */
const minimums = new WeakMap<ParamEntry, number>();
export function minimumOf(entry: ParamEntry): number | undefined {
  return minimums.get(entry);
}

/** True when rsyslogd refuses a value of `entry` outside its documented list. */
export function refusesUnknownValue(entry: ParamEntry): boolean {
  return strictEntries.has(entry);
}

/** Parameters whose list rsyslogd compares in exact letter case, and values it takes beyond the docs' list. */
const exactCase = new WeakSet<ParamEntry>();
const extraValues = new WeakMap<ParamEntry, string[]>();
/** The values rsyslogd takes for `entry`, and whether it compares them in exact letter case. */
export function allowedValues(entry: ParamEntry): { values: string[]; exactCase: boolean } {
  return { values: [...(entry.values ?? []), ...(extraValues.get(entry) ?? [])], exactCase: exactCase.has(entry) };
}

function markVerified(modules: ModuleEntry[], objects: ObjectEntry[]): void {
  const v = verifiedJson as { refusesUnknownValue?: string[]; caseSensitive?: string[]; extraValues?: Record<string, string[]>; deprecated?: string[]; minimum?: Record<string, number> };
  const mins = new Map(Object.entries(v.minimum ?? {}).map(([k, n]) => [k.toLowerCase(), n]));
  const extras = new Map(Object.entries(v.extraValues ?? {}).map(([k, n]) => [k.toLowerCase(), n]));
  const exact = new Set((v.caseSensitive ?? []).map((k) => k.toLowerCase()));
  const keys = new Set((v.refusesUnknownValue ?? []).map((k) => k.toLowerCase()));
  const old = new Set((v.deprecated ?? []).map((k) => k.toLowerCase()));
  const mark = (prefix: string, list: ParamEntry[] | undefined) => {
    for (const p of list ?? []) {
      const key = `${prefix}:${p.name}`.toLowerCase();
      if (keys.has(key)) strictEntries.add(p);
      if (old.has(key)) deprecatedEntries.add(p);
      if (mins.has(key)) minimums.set(p, mins.get(key)!);
      if (exact.has(key)) exactCase.add(p);
      if (extras.has(key)) extraValues.set(p, extras.get(key)!);
    }
  };
  for (const m of modules) {
    mark(`module:${m.name}`, m.moduleParams);
    mark(`input:${m.name}`, m.inputParams);
    mark(`action:${m.name}`, m.actionParams);
  }
  for (const o of objects) mark(`object:${o.name}`, o.params);
}

/** The catalog, built on first use. */
export function rsyslogCatalog(): RsyslogCatalog {
  if (cached) return cached;
  const facilities = new Catalog(asEntries<FacilityEntry>(facilitiesJson));
  const priorities = new Catalog(asEntries<PriorityEntry>(prioritiesJson));
  const actions = new Catalog(asEntries<ActionEntry>(actionsJson));
  const directives = new Catalog(asEntries<DirectiveEntry>(directivesJson));
  const modules = new Catalog(asEntries<ModuleEntry>(modulesJson));
  const objects = new Catalog(asEntries<ObjectEntry>(objectsJson));
  const properties = new Catalog(asEntries<CatalogEntry>(propertiesJson));
  const compareOps = new Catalog(asEntries<CatalogEntry>(compareOpsJson));
  markVerified(modules.entries, objects.entries);
  const actionsByForm = new Map<string, ActionEntry>();
  for (const a of actions.entries) if (a.form && !actionsByForm.has(a.form)) actionsByForm.set(a.form, a);
  const paramCache = new Map<string, Catalog<ParamEntry> | undefined>();
  const byKind = { module: new Map<string, string>(), input: new Map<string, string>(), action: new Map<string, string>() };
  const moduleParams = (module: string, kind: 'module' | 'input' | 'action') => {
    let key = byKind[kind].get(module);
    if (key === undefined) {
      key = kind + ':' + module.toLowerCase();
      byKind[kind].set(module, key);
    }
    if (paramCache.has(key)) return paramCache.get(key);
    const m = modules.get(module);
    const list = m ? (kind === 'module' ? m.moduleParams : kind === 'input' ? m.inputParams : m.actionParams) : undefined;
    const c = list && list.length ? new Catalog(list) : undefined;
    paramCache.set(key, c);
    return c;
  };
  const objectKeys = new Map<string, string>();
  const objectParams = (object: string) => {
    let key = objectKeys.get(object);
    if (key === undefined) {
      key = 'object:' + object.toLowerCase();
      objectKeys.set(object, key);
    }
    if (paramCache.has(key)) return paramCache.get(key);
    const o = objects.get(object);
    const c = o?.params ? new Catalog(o.params) : undefined;
    paramCache.set(key, c);
    return c;
  };
  const names = (c: Catalog) => c.entries.map((e) => e.name);
  cached = {
    facilities,
    priorities,
    actions,
    actionsByForm,
    directives,
    modules,
    objects,
    properties,
    compareOps,
    moduleParams,
    objectParams,
    facility: memo(facilities, (e) => e.deprecated?.replacement),
    priority: memo(priorities, (e, name) => (e.deprecatedAliases?.some((a) => a.toLowerCase() === name.toLowerCase()) ? e.name : undefined)),
    facilityNames: facilities.names(),
    priorityNames: priorities.names(),
    directiveNames: names(directives),
    moduleNames: names(modules),
    objectNames: objects.entries.filter((e) => e.kind === 'object').map((e) => e.name),
  };
  return cached;
}

/** `imudp` for `imudp`, `builtin:omfile`, `imudp.so` or `/usr/lib/rsyslog/imudp.so`. */
const normalized = new Map<string, string>();

export function normalizeModule(name: string): string {
  const hit = normalized.get(name);
  if (hit !== undefined) return hit;
  const n = normalizeUncached(name);
  if (normalized.size < 5000) normalized.set(name, n);
  return n;
}

function normalizeUncached(name: string): string {
  let n = name.trim().toLowerCase();
  if (n.startsWith('builtin:')) n = n.slice(8);
  const slash = n.lastIndexOf('/');
  if (slash >= 0) n = n.slice(slash + 1);
  if (n.endsWith('.so')) n = n.slice(0, -3);
  return n;
}
