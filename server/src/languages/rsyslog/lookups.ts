import type { Catalog } from '../common/catalog';
import type { ParamEntry, RsyslogCatalog } from './catalog';
import * as tree from './tree';
import type { ObjectStmt, Param } from './tree';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { sameLower } = tree;

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
  for (let i = 0; i < params.length; i++) if (sameLower(params[i].name.text, key)) return params[i];
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
