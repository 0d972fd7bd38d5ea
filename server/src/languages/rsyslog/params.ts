import type { Catalog, CatalogEntry } from '../common/catalog';
import { normalizeModule, type ModuleEntry, type ParamEntry, type RsyslogCatalog } from './catalog';
import { paramText, type ObjectStmt } from './tree';

/** The module an object names with load= (module) or type= (input, action), normalized. */
export function objectModule(o: ObjectStmt): string | undefined {
  const n = o.name.text.toLowerCase();
  const raw = n === 'module' ? paramText(o, 'load') : n === 'input' || n === 'action' ? paramText(o, 'type') : undefined;
  return raw ? normalizeModule(raw) : undefined;
}

/** The parameter lists that apply to an object: the object's general ones, then its module's. */
export function paramLists(cat: RsyslogCatalog, o: ObjectStmt): Catalog<ParamEntry>[] {
  const n = o.name.text.toLowerCase();
  const out: Catalog<ParamEntry>[] = [];
  const general = cat.objectParams(n);
  if (general) out.push(general);
  const mod = objectModule(o);
  if (mod) {
    const m = cat.moduleParams(mod, n === 'module' ? 'module' : n === 'input' ? 'input' : 'action');
    if (m) out.push(m);
  }
  return out;
}

/** The catalog entry of one parameter of an object. */
export function paramEntry(cat: RsyslogCatalog, o: ObjectStmt, name: string): ParamEntry | undefined {
  for (const l of paramLists(cat, o)) {
    const e = l.get(name);
    if (e) return e;
  }
  if (name.toLowerCase().startsWith('queue.')) return cat.objectParams('main_queue')?.get(name) ?? cat.objectParams('main_queue')?.get(name.slice(6));
  return undefined;
}

/** Modules whose type fits where a name is written: input modules for input(type=…) and so on. */
export function modulesFor(cat: RsyslogCatalog, objectName: string): ModuleEntry[] {
  const n = objectName.toLowerCase();
  const want = n === 'input' ? 'input' : n === 'action' ? 'output' : undefined;
  if (!want) return cat.modules.entries;
  return cat.modules.entries.filter((m) => !m.moduleType || m.moduleType.toLowerCase().startsWith(want) || (want === 'output' && /^(output|message modification|om|mm)/i.test(m.moduleType)));
}

export type { CatalogEntry };
