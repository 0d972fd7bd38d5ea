import type { Finding } from '../common/types';
import { CATALOG, type LrEntry } from './catalog';
import type { LrBlock, LrDirective, LrItem, LrScript, LrTree } from './parse';

/** What one directive contributes to the effective configuration of a definition. */
export interface Applied {
  item: LrDirective | LrScript;
  entry: LrEntry;
  /** True when it comes from the global section of the same file. */
  global: boolean;
}

/** Setting → the directive that decides it (the last one in the scope). */
export type Effective = Map<string, Applied>;

function settingOf(entry: LrEntry, name: string): string {
  return entry.setting ?? name;
}

/**
 * The effective settings of a definition: global directives written before it in the same
 * file, then its own directives (later ones win, as logrotate copies the defaults when it
 * meets the definition).
 */
export function effectiveFor(tree: LrTree, block: LrBlock): Effective {
  const eff: Effective = new Map();
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

/**
 * Directives that cancel each other inside one scope: the same setting given twice with
 * different values (compress … nocompress, daily … weekly), and settings that make another
 * pointless (create with copytruncate).
 */
const last = new Map<string, LrDirective>();

export function checkScope(items: readonly LrItem[], out: Finding[]): void {
  // One map reused for every scope (the check is synchronous): a large file has thousands of scopes.
  last.clear();
  for (const it of items) {
    if (it.type !== 'directive') continue;
    const entry = it.entry;
    if (!entry.setting || entry.setting === 'include' || entry.setting === 'tabooext' || entry.setting === 'taboopat') continue;
    const prev = last.get(entry.setting);
    if (prev && (prev.name !== it.name || prev.argText !== it.argText)) {
      out.push({
        code: 'logrotate/conflict',
        range: it.nameRange,
        args: { name: it.name, other: prev.name, line: prev.line + 1 },
        related: [{ uri: '', range: prev.nameRange, message: { en: `'${prev.name}' set here`, ja: `'${prev.name}' の指定箇所` } }],
      });
    }
    last.set(entry.setting, it);
  }
  for (const d of last.values()) {
    const entry = d.entry;
    if (!entry.conflicts || entry.value === false) continue;
    for (const c of entry.conflicts) {
      const otherEntry = CATALOG.get(c.name);
      const other = otherEntry?.setting ? last.get(otherEntry.setting) : undefined;
      if (other && other.name === c.name) {
        out.push({ code: 'logrotate/no-effect', range: d.nameRange, args: { name: d.name, reason: c.note }, tags: ['unnecessary'] });
      }
    }
  }
}
