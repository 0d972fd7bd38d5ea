import type { Localized } from '../common/types';
import { CATALOG, type LrEntry } from './catalog';

/**
 * What the parser and the checks read from a catalog entry, computed once per entry when the
 * module loads. Catalog entries come from JSON and nearly each has its own set of keys, so
 * reading their fields in a loop over thousands of directives is slow; every Info has the
 * same shape, and the value type is a small number for the `switch` in args.ts.
 */
export const enum ArgType {
  None,
  Script,
  RotateCount,
  Count,
  Weekday,
  Size,
  ModeOwnerGroup,
  UserGroup,
  Path,
  Command,
  Address,
  Dateformat,
  Include,
  /** Any other value type: not checked. */
  Other,
}

const ARG_TYPES: Record<string, ArgType> = {
  none: ArgType.None,
  script: ArgType.Script,
  rotateCount: ArgType.RotateCount,
  count: ArgType.Count,
  weekday: ArgType.Weekday,
  size: ArgType.Size,
  modeOwnerGroup: ArgType.ModeOwnerGroup,
  userGroup: ArgType.UserGroup,
  path: ArgType.Path,
  command: ArgType.Command,
  address: ArgType.Address,
  dateformat: ArgType.Dateformat,
  include: ArgType.Include,
};

/** Settings numbered once, so that a scope's last directive per setting sits in an array slot. */
export const SETTING_IDS = new Map<string, number>();

export interface ConflictInfo {
  name: string;
  note: Localized;
  /** The setting of the directive named `name`, or -1. */
  setting: number;
}

export class Info {
  readonly name: string;
  readonly isDirective: boolean;
  readonly argType: ArgType;
  /** A directive that may not appear inside a definition. */
  readonly globalOnly: boolean;
  readonly deprecatedNote: Localized | undefined;
  readonly isDeprecated: boolean;
  /** The number of the setting this directive changes, or -1 when it takes no part in the conflict check. */
  settingId = -1;
  /** Directives that make this one pointless (empty when none, or when this one switches its setting off). */
  conflicts: ConflictInfo[] = [];
  constructor(readonly entry: LrEntry) {
    this.name = entry.name;
    this.isDirective = entry.kind === 'directive';
    const t = entry.type ?? 'none';
    this.argType = ARG_TYPES[t] ?? ArgType.Other;
    this.globalOnly = this.isDirective && !(entry.contexts ?? []).includes('block');
    this.isDeprecated = !!entry.deprecated;
    this.deprecatedNote = entry.deprecated?.note;
  }
}

/** Info of every entry, in catalog order. */
export const INFOS: Info[] = CATALOG.entries.map((e) => new Info(e));
const BY_ENTRY = new Map<LrEntry, Info>(INFOS.map((i) => [i.entry, i]));

for (const info of INFOS) {
  const s = info.entry.setting;
  if (!s || s === 'include' || s === 'tabooext' || s === 'taboopat') continue;
  if (!SETTING_IDS.has(s)) SETTING_IDS.set(s, SETTING_IDS.size);
  info.settingId = SETTING_IDS.get(s) as number;
}
for (const info of INFOS) {
  const e = info.entry;
  if (!e.conflicts || e.value === false) continue;
  info.conflicts = e.conflicts.map((c) => {
    const other = CATALOG.get(c.name);
    return { name: c.name, note: c.note, setting: other?.setting ? (SETTING_IDS.get(other.setting) ?? -1) : -1 };
  });
}

/**
 * Names and aliases in a trie over their letters (names are letters only), as a flat table:
 * `NAME_TRIE[state * 52 + letter]` is the next state, or -1. The parser walks it while it scans
 * a name, so that it knows the name's Info when the name ends, without cutting it out of the line.
 */
export const NAME_TRIE_START = 0;
let trie = new Int32Array(52 * 64).fill(-1);
const STATE_INFO: (Info | undefined)[] = [undefined];

/** Letter number of an ASCII letter: A–Z 0–25, a–z 26–51. */
function letterIndex(c: number): number {
  return c <= 90 ? c - 65 : c - 71;
}

for (const name of CATALOG.names()) {
  const entry = CATALOG.get(name);
  if (!entry || name.length === 0 || !/^[A-Za-z]+$/.test(name)) continue;
  let st = 0;
  for (let i = 0; i < name.length; i++) {
    const slot = st * 52 + letterIndex(name.charCodeAt(i));
    let nextState = trie[slot];
    if (nextState === -1) {
      nextState = STATE_INFO.length;
      STATE_INFO.push(undefined);
      if ((nextState + 1) * 52 > trie.length) {
        const bigger = new Int32Array(trie.length * 2).fill(-1);
        bigger.set(trie);
        trie = bigger;
      }
      trie[slot] = nextState;
    }
    st = nextState;
  }
  // The catalog's lookup decides which entry a name means.
  STATE_INFO[st] = BY_ENTRY.get(entry);
}

export const NAME_TRIE: Int32Array = trie;

/** The Info of the name that ends in trie state `state` (-1: not a prefix of any name), or undefined. */
export function infoOfState(state: number): Info | undefined {
  return state < 0 ? undefined : STATE_INFO[state];
}
