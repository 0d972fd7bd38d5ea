import type { Finding } from '../common/types';
import { CATALOG, type LrEntry } from './catalog';
import { SETTING_IDS } from './info';
import type { LrBlock, LrDirective, LrItem, LrScript, LrTree } from './tree';

/** What one directive contributes to the effective configuration of a definition. */
export interface Applied {
  item: LrDirective | LrScript;
  entry: LrEntry;
  /** True when it comes from the global section of the same file (or of an including file). */
  global: boolean;
  /** The name of the file that includes this one, when the setting is inherited from it. */
  from?: string;
}

/** Setting → the directive that decides it (the last one in the scope). */
export type Effective = Map<string, Applied>;

function settingOf(entry: LrEntry, name: string): string {
  return entry.setting ?? name;
}

/**
 * The effective settings of a definition: what the including file set before its `include`
 * (`inherited`), global directives written before it in the same file, then its own directives (later ones win, as logrotate copies the defaults when it
 * meets the definition).
 */
export function effectiveFor(tree: LrTree, block: LrBlock, inherited?: Effective): Effective {
  const eff: Effective = new Map(inherited);
  for (const it of tree.items) {
    if (it === block) break;
    if (it.type === 'block') continue;
    const entry = CATALOG.get(it.name);
    if (entry) eff.set(settingOf(entry, it.name), { item: it, entry, global: true });
  }
  for (const it of block.items) {
    const entry = CATALOG.get(it.name);
    if (entry) eff.set(settingOf(entry, it.name), { item: it, entry, global: false });
  }
  return eff;
}

/** True when the applied directive switches its setting on. */
export function isOn(a: Applied | undefined): boolean {
  if (!a) return false;
  return a.entry.value !== false && !(a.entry.negation && a.entry.name.startsWith('no') && a.entry.value === undefined);
}

const SETTING_COUNT = SETTING_IDS.size;

/** Per setting: the last directive in the scope being checked (valid where `stamp` equals `generation`). */
const lastOf: LrDirective[] = new Array(SETTING_COUNT).fill(undefined);
const stamp: number[] = new Array(SETTING_COUNT).fill(0);
/** The settings seen in the scope, in the order first seen (the first `seenCount` slots). */
const seenSettings: number[] = new Array(SETTING_COUNT).fill(0);
let seenCount = 0;
let generation = 0;

/**
 * Directives that cancel each other inside one scope: the same setting given twice with
 * different values (compress … nocompress, daily … weekly), and settings that make another
 * pointless (create with copytruncate).
 */
export function checkScope(items: readonly LrItem[], out: Finding[]): void {
  // Arrays reused for every scope (the check is synchronous): a large file has thousands of scopes.
  generation++;
  seenCount = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.type !== 'directive') continue;
    const id = it.info.settingId;
    if (id === -1) continue;
    if (stamp[id] === generation) {
      const prev = lastOf[id];
      if (prev.name !== it.name || prev.argText !== it.argText) {
        out.push({
          code: 'logrotate/conflict',
          range: it.nameRange,
          args: { name: it.name, other: prev.name, line: prev.line + 1 },
          related: [{ uri: '', range: prev.nameRange, message: { en: `'${prev.name}' set here`, ja: `'${prev.name}' の指定箇所` } }],
        });
      }
    } else {
      stamp[id] = generation;
      seenSettings[seenCount++] = id;
    }
    lastOf[id] = it;
  }
  for (let k = 0; k < seenCount; k++) {
    const d = lastOf[seenSettings[k]];
    const conflicts = d.info.conflicts;
    for (let j = 0; j < conflicts.length; j++) {
      const c = conflicts[j];
      const other = c.setting !== -1 && stamp[c.setting] === generation ? lastOf[c.setting] : undefined;
      if (other && other.name === c.name) {
        out.push({ code: 'logrotate/no-effect', range: d.nameRange, args: { name: d.name, reason: c.note }, tags: ['unnecessary'] });
      }
    }
  }
  // Let the directives of this scope be collected with their document.
  for (let k = 0; k < seenCount; k++) lastOf[seenSettings[k]] = undefined as unknown as LrDirective;
}
