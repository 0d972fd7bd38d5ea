import type { Catalog } from '../common/catalog';
import type { ParamEntry, RsyslogCatalog } from './catalog';
import * as tree from './tree';
import * as nodes from './nodes';
import type { ObjectStmt, Param } from './tree';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { sameLower } = tree;
const { paramName } = nodes;

/*
 * Lookups for validation that allocate nothing in the common case and keep their answers:
 * a large file asks the same few questions thousands of times.
 */

/** Catalog lookups memoized by exact spelling (Catalog.get lower-cases its argument each time). */
const lookups = new WeakMap<Catalog<ParamEntry>, Map<string, ParamEntry | null>>();
export function lookup(c: Catalog<ParamEntry>, name: string): ParamEntry | undefined {
  let m = lookups.get(c);
  if (!m) lookups.set(c, (m = new Map()));
  let e = m.get(name);
  if (e === undefined) {
    e = c.get(name) ?? null;
    if (m.size < 10000) m.set(name, e);
  }
  return e ?? undefined;
}

/** Lower-cased spellings, memoized (names repeat across a file). */
const lowered = new Map<string, string>();
export function lower(name: string): string {
  let plain = true;
  for (let k = 0; k < name.length && plain; k++) {
    const c = name.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c > 127) plain = false;
  }
  if (plain) return name;
  let l = lowered.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    if (lowered.size < 10000) lowered.set(name, l);
  }
  return l;
}

/** The parameter of an object named `key` (lower-case) in any case, without allocating. */
export function findParam(o: ObjectStmt, key: string): Param | undefined {
  const params = o.params;
  for (let i = 0; i < params.length; i++) if (sameLower(paramName(params[i]), key)) return params[i];
  return undefined;
}

/**
 * The parameter lists that apply to an object (lower-cased name) with an optional module: the
 * object's own list, then the module's (for module, input and action). Cached per catalog.
 */
const listCache = new WeakMap<RsyslogCatalog, Map<string, Map<string, (Catalog<ParamEntry> | undefined)[]>>>();
export function paramListsOf(cat: RsyslogCatalog, lname: string, mod: string | undefined): (Catalog<ParamEntry> | undefined)[] {
  let byObject = listCache.get(cat);
  if (!byObject) listCache.set(cat, (byObject = new Map()));
  let byModule = byObject.get(lname);
  if (!byModule) byObject.set(lname, (byModule = new Map()));
  const k = mod ?? '';
  let lists = byModule.get(k);
  if (!lists) {
    if (mod === undefined) lists = [cat.objectParams(lname)];
    else lists = [cat.objectParams(lname), cat.moduleParams(mod, lname === 'module' ? 'module' : lname === 'input' ? 'input' : 'action')];
    if (byModule.size < 1000) byModule.set(k, lists);
  }
  return lists;
}

/** What validation needs of one parameter name in the lists of a ParamSet. */
export interface ParamInfo {
  /** The name in lower case. */
  key: string;
  entry: ParamEntry | undefined;
}

/**
 * The parameter lists of an object (and its module), with each name's entry found once: a
 * large file writes the same few parameters thousands of times, with the same spelling.
 */
export class ParamSet {
  private readonly infos = new Map<string, ParamInfo>();
  constructor(
    private readonly cat: RsyslogCatalog,
    readonly lists: (Catalog<ParamEntry> | undefined)[],
  ) {}

  info(pname: string): ParamInfo {
    let i = this.infos.get(pname);
    if (i === undefined) {
      const key = lower(pname);
      let entry: ParamEntry | undefined;
      for (const l of this.lists) {
        if (!l) continue;
        entry = lookup(l, pname);
        if (entry) break;
      }
      // Queue parameters of actions and rulesets (`queue.size`) share one list in the catalog.
      if (!entry && key.startsWith('queue.')) entry = this.cat.objectParams('main_queue')?.get(pname) ?? this.cat.objectParams('main_queue')?.get(pname.slice(6));
      i = { key, entry };
      if (this.infos.size < 1000) this.infos.set(pname, i);
    }
    return i;
  }
}

/** An object name as written: its lower-case form and whether the catalog knows it as an object. */
export interface ObjectInfo {
  lname: string;
  known: boolean;
}

/** Objects that only make sense inside template(...) { } or ruleset bodies, known to the parser. */
const TEMPLATE_ITEMS = new Set(['property', 'constant']);

// Per-catalog caches in plain fields (a WeakMap lookup per object costs more than the rest).
let cacheCat: RsyslogCatalog | undefined;
let objectInfos = new Map<string, ObjectInfo>();
let paramSets = new Map<string, Map<string, ParamSet>>();

function forCatalog(cat: RsyslogCatalog): void {
  if (cacheCat === cat) return;
  cacheCat = cat;
  objectInfos = new Map();
  paramSets = new Map();
}

export function objectInfo(cat: RsyslogCatalog, name: string): ObjectInfo {
  forCatalog(cat);
  let o = objectInfos.get(name);
  if (o === undefined) {
    const lname = lower(name);
    const entry = cat.objects.get(lname);
    o = { lname, known: (entry !== undefined && entry.kind === 'object') || TEMPLATE_ITEMS.has(lname) };
    if (objectInfos.size < 1000) objectInfos.set(name, o);
  }
  return o;
}

/** The ParamSet of an object (lower-cased name) with an optional module (normalized). */
export function paramSetOf(cat: RsyslogCatalog, lname: string, mod: string | undefined): ParamSet {
  forCatalog(cat);
  let byModule = paramSets.get(lname);
  if (!byModule) paramSets.set(lname, (byModule = new Map()));
  const k = mod ?? '';
  let set = byModule.get(k);
  if (!set) {
    set = new ParamSet(cat, paramListsOf(cat, lname, mod));
    if (byModule.size < 1000) byModule.set(k, set);
  }
  return set;
}
