// What only the machine that loads the rules decides, from the hand-kept
// server/data/iptables/loadChecks.json: kernel checks iptables-restore --test never reaches (and
// so the generated catalog cannot know) and values looked up on the host at load time.
import loadChecksJson from '../../../data/iptables/loadChecks.json';
import type { ModuleEntry, OptionEntry } from './catalog';

/** One kernel object per value of `option` (per family when `perFamily`): every use must agree on `agree`. */
export interface SharedName {
  option: string;
  agree: string;
  perFamily?: boolean;
}

interface LoadCheck {
  kind: 'match' | 'target';
  name: string;
  source: string;
  /** Fields merged into the options (a value type, kernelValues, hostDependent). */
  options?: Record<string, Partial<OptionEntry>>;
  /** Options used together load only where each of them loads (the kernel checks each one's hooks). */
  placesIntersect?: boolean;
  /** The option given last overrides the others (the tool keeps one value): the places are its own. */
  placesLastWins?: boolean;
  /** Pairs the kernel refuses together, with its message. */
  exclusive?: { options: [string, string]; message: string }[];
  sharedName?: SharedName;
}

const CHECKS = (loadChecksJson as { extensions: LoadCheck[] }).extensions;

/** The load-time checks of an extension, if any. */
export function loadChecksOf(kind: 'match' | 'target', name: string): LoadCheck | undefined {
  return CHECKS.find((c) => c.kind === kind && c.name === name);
}

/** The modules with the load-time fields merged into their options (a copy of each option changed). */
export function withLoadChecks(modules: ModuleEntry[], kind: 'match' | 'target'): ModuleEntry[] {
  for (const c of CHECKS) {
    if (c.kind !== kind || !c.options) continue;
    const m = modules.find((x) => x.name === c.name);
    if (!m) continue;
    m.options = m.options.map((o) => (c.options![o.name] ? { ...o, ...c.options![o.name] } : o));
  }
  return modules;
}
