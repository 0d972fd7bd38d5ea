import { MATCHES, OPTIONS, TARGETS, type ModuleEntry, type OptionEntry } from './catalog';

/**
 * Lookup tables built once from the catalog, for the rule interpreter and the checks.
 * Catalog entries come from JSON and each has its own set of keys, so reading their fields in
 * a hot loop is slow; OptionInfo and ModuleInfo copy what the checks need into objects that all
 * have the same shape.
 */

export type Owner = 'rule' | 'command' | 'match' | 'target';

/** What the interpreter does with an option's first argument. */
export const enum Special {
  None = 0,
  Protocol,
  Match,
  Jump,
  Goto,
  Ipv4,
  Ipv6,
}

/** Options that may appear once per rule (iptables: "multiple -p flags not allowed"). */
const ONCE = new Set(['--protocol', '--source', '--destination', '--in-interface', '--out-interface', '--jump', '--goto', '--fragment', '--set-counters', '--match-zero']);

export class OptionInfo {
  readonly name: string;
  readonly argc: number;
  /** No argument needed, but a word after the option is its value (rateest --rateest-bps [RATE]). */
  readonly optionalArg: boolean;
  readonly negatable: boolean;
  /** Reported when given twice in a rule (rule-level ONCE options and target options). */
  readonly once: boolean;
  readonly special: Special;
  readonly type: string | undefined;
  readonly chains: string[] | undefined;
  readonly family: string | undefined;
  readonly restoreForbidden: boolean;
  readonly isCommand: boolean;
  /** Commands: the chain may be left out (-F, -X, -Z). */
  readonly optionalChain: boolean;
  /** Commands: a rule number may follow the chain (-I, -R, -D, -Z). */
  readonly wantsNumber: boolean;
  readonly isPolicy: boolean;
  /** -E CHAIN NEWNAME: the new name is the command's second word. */
  readonly isRename: boolean;
  readonly isAppend: boolean;
  /** Enum values as written and lower-cased, for value checks. */
  readonly values: string[];
  readonly lowerValues: Set<string>;
  readonly valueSet: Set<string>;
  readonly min: number;
  readonly max: number;
  /** Bounds or values only the kernel checks, on load (loadChecks.json): checked even without a value type. */
  readonly loadChecked: boolean;
  /** Per-rule / per-match-use stamp for duplicate detection (see interpret.ts). */
  stamp = 0;
  /** The value check of `type`, found on first use by values.ts (null: none). */
  valueCheck: unknown = undefined;
  constructor(
    readonly entry: OptionEntry,
    readonly owner: Owner,
  ) {
    const n = entry.name;
    this.name = n;
    this.argc = entry.args !== undefined ? entry.args : entry.type === 'none' ? 0 : 1;
    this.optionalArg = !!entry.optionalArg;
    this.negatable = !!entry.negatable;
    this.once = owner === 'target' || ((owner === 'rule' || owner === 'command') && ONCE.has(n));
    this.special =
      owner !== 'rule'
        ? Special.None
        : n === '--protocol'
          ? Special.Protocol
          : n === '--match'
            ? Special.Match
            : n === '--jump'
              ? Special.Jump
              : n === '--goto'
                ? Special.Goto
                : n === '--ipv4'
                  ? Special.Ipv4
                  : n === '--ipv6'
                    ? Special.Ipv6
                    : Special.None;
    this.type = entry.type;
    this.chains = entry.chains;
    this.family = entry.family;
    this.restoreForbidden = !!entry.restoreForbidden;
    this.isCommand = owner === 'command';
    this.optionalChain = n === '--flush' || n === '--delete-chain' || n === '--zero';
    this.wantsNumber = n === '--insert' || n === '--replace' || n === '--delete' || n === '--zero';
    this.isPolicy = n === '--policy';
    this.isRename = n === '--rename-chain';
    this.isAppend = n === '--append';
    this.values = entry.values ?? [];
    this.lowerValues = new Set(this.values.map((v) => v.toLowerCase()));
    this.valueSet = new Set(this.values);
    this.min = entry.min ?? 0;
    this.max = entry.max ?? 4294967295;
    this.loadChecked = entry.kernelValues !== undefined || entry.kernelMin !== undefined || entry.kernelMax !== undefined || entry.kernelPattern !== undefined;
  }
}

/** Spelling (name or alias) → option, and the spellings sorted for prefix (getopt_long) lookups. */
export class SpellingTable {
  readonly byName = new Map<string, OptionInfo>();
  readonly sorted: string[];
  constructor(infos: OptionInfo[]) {
    for (const o of infos) for (const s of [o.entry.name, ...(o.entry.aliases ?? [])]) this.byName.set(s, o);
    this.sorted = [...this.byName.keys()].sort();
  }
  /** Calls `f` for every spelling that starts with `prefix`. */
  withPrefix(prefix: string, f: (spelling: string) => void): void {
    const a = this.sorted;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < a.length && a[i].startsWith(prefix); i++) f(a[i]);
  }
  hasPrefix(prefix: string): boolean {
    let found = false;
    this.withPrefix(prefix, () => (found = true));
    return found;
  }
}

/** A match or target, with the catalog fields the checks read. */
export class ModuleInfo {
  readonly spell: SpellingTable;
  readonly options: OptionInfo[];
  readonly name: string;
  readonly family: string | undefined;
  readonly tables: string[] | undefined;
  readonly chains: string[] | undefined;
  readonly protocols: string[] | undefined;
  readonly verdict: string | undefined;
  readonly alwaysMatches: boolean;
  constructor(
    readonly entry: ModuleEntry,
    kind: 'match' | 'target',
  ) {
    this.options = entry.options.map((o) => new OptionInfo(o, kind));
    this.spell = new SpellingTable(this.options);
    this.name = entry.name;
    this.family = entry.family;
    this.tables = entry.tables;
    this.chains = entry.chains;
    this.protocols = entry.protocols;
    this.verdict = entry.verdict;
    this.alwaysMatches = !!entry.alwaysMatches;
  }
}

function moduleIndex(entries: ModuleEntry[], kind: 'match' | 'target'): { byEntry: Map<ModuleEntry, ModuleInfo>; byName: Map<string, ModuleInfo> } {
  const byEntry = new Map<ModuleEntry, ModuleInfo>();
  const byName = new Map<string, ModuleInfo>();
  for (const e of entries) {
    const info = new ModuleInfo(e, kind);
    byEntry.set(e, info);
    // Same precedence as catalog.ts index(): a later name or alias wins.
    byName.set(e.name, info);
    for (const a of e.aliases ?? []) byName.set(a, info);
  }
  return { byEntry, byName };
}

const matchIndex = moduleIndex(MATCHES, 'match');
const targetIndex = moduleIndex(TARGETS, 'target');

export const matchInfo = (name: string) => matchIndex.byName.get(name);
export const targetInfo = (name: string) => targetIndex.byName.get(name);
export const matchInfoOf = (e: ModuleEntry) => matchIndex.byEntry.get(e);

/** Rule options and commands (-p, -s, -A …). */
export const BASE = new SpellingTable(OPTIONS.filter((o) => o.kind === 'option' || o.kind === 'command').map((o) => new OptionInfo(o, o.kind === 'command' ? 'command' : 'rule')));
/** The rule-level `--jump`, which `--goto` shares its "once" check with. */
export const JUMP = BASE.byName.get('--jump')!;

/**
 * Every spelling with the tables that define it (rule options first, then matches, then
 * targets), so that the interpreter finds an option with one lookup and then picks, among the
 * few tables that know the spelling, the one the rule has loaded.
 */
export const SPELLING_OWNERS = new Map<string, { table: SpellingTable; info: OptionInfo }[]>();
for (const table of [BASE, ...[...matchIndex.byEntry.values()].map((m) => m.spell), ...[...targetIndex.byEntry.values()].map((m) => m.spell)]) {
  for (const [spelling, info] of table.byName) {
    const list = SPELLING_OWNERS.get(spelling);
    if (list) list.push({ table, info });
    else SPELLING_OWNERS.set(spelling, [{ table, info }]);
  }
}

/** SPELLING_OWNERS of the two-character spellings (`-A`, `-p`, `-j` …), by their second character: most options are written short. */
export const SHORT_OWNERS: ({ table: SpellingTable; info: OptionInfo }[] | undefined)[] = [];
for (let c = 0; c < 128; c++) SHORT_OWNERS.push(SPELLING_OWNERS.get('-' + String.fromCharCode(c)));
