import type { CatalogEntry } from '../common/catalog';
import type { Localized } from '../common/types';
import type { NamesGrammar } from './grammars';
import matchesJson from '../../../data/iptables/matches.json';
import optionsJson from '../../../data/iptables/options.json';
import tablesJson from '../../../data/iptables/tables.json';
import targetsJson from '../../../data/iptables/targets.json';
import valuesJson from '../../../data/iptables/values.json';
import { EXTENSIONS, mergeGenerated, NETBASE_SERVICES, netbaseProtocols } from './generated';
import { withLoadChecks } from './loadChecks';

export type Family = 'ipv4' | 'ipv6';

/** An option of the rule syntax, of a match or of a target. */
export interface OptionEntry extends CatalogEntry {
  /** How many arguments follow (default: 0 for type `none`, else 1). */
  args?: number;
  /** Whether the tool takes a range written backwards (udp --sport 4:3 matches nothing; tcp's is refused; generated). */
  descending?: boolean;
  /** With `args: 0`: a value may follow all the same (rateest --rateest-bps [RATE]; generated). */
  optionalArg?: boolean;
  negatable?: boolean;
  min?: number;
  max?: number;
  /** Built-in chains where the option makes sense (-i, -o). */
  chains?: string[];
  family?: string;
  restoreForbidden?: boolean;
  /** The tool takes numbers above 65535 here and keeps the low 16 bits (generated). */
  wraps?: boolean;
  /** Malformed-looking value shapes the tool accepts for this option (generated). */
  lenient?: string[];
  /** Per family, where it takes fewer shapes than `lenient` (generated). */
  lenientIn?: Partial<Record<Family, string[]>>;
  /** The tool takes any prefix of a value (addrtype --src-type x is XRESOLVE). */
  prefixValues?: boolean;
  /** Rates: the fastest the tool takes, per second (limit: 10000/second, 600000/minute …). */
  maxPerSecond?: number;
  /** Starts a new element of the match: the options after it may be given again (policy --next; generated). */
  separator?: boolean;
  /** The value grammar the generator verified against the tool (type `names`: its words and numbers). */
  grammar?: NamesGrammar;
  /** Per value, the built-in chains where the kernel loads the rule (policy --dir in: PREROUTING, INPUT, FORWARD). */
  chainsByValue?: Record<string, string[]>;
  /** iptables takes "" but the kernel refuses it on load (string --string: no empty pattern). */
  kernelRefusesEmpty?: boolean;
  /** The largest value the kernel loads, below what iptables takes (recent --hitcount: 65535). */
  kernelMax?: number;
  /** A range covers at most this many values; the kernel refuses a wider one (NFQUEUE --queue-balance 0:65535). */
  maxSpan?: number;
  /** The longest prefix the kernel takes for an address option (NPT: /64; no prefix is the whole address). */
  maxPrefix?: number;
  /** Values that load only where the host has something (a helper module, a timeout policy, a name in /etc/iproute2), except these; `namesOnly`: numbers need nothing. */
  hostDependent?: { why: Localized; except?: string[]; namesOnly?: boolean };
  /** The only values the kernel loads (string --algo: bm, kmp, fsm), though iptables takes any word (loadChecks.json). */
  kernelValues?: string[];
  /** The smallest value the kernel loads, above what iptables takes (hashlimit --hashlimit-htable-expire: 1; loadChecks.json). */
  kernelMin?: number;
  /** A pattern every value the kernel loads matches (hashlimit --hashlimit-name: no '/'; loadChecks.json), with kernelWhy. */
  kernelPattern?: string;
  kernelWhy?: Localized;
}

export interface ModuleEntry extends CatalogEntry {
  options: OptionEntry[];
  /** `-p` values the module needs. */
  protocols?: string[];
  family?: string;
  tables?: string[];
  chains?: string[];
  /** Targets: ends the traversal of the chain. */
  terminating?: boolean;
  /** Targets: what the packet's fate is, for dead-rule detection and plain-language hovers. */
  verdict?: string;
  builtin?: boolean;
  /** Matches that match every packet (comment). */
  alwaysMatches?: boolean;
}

export interface TableEntry extends CatalogEntry {
  chains: string[];
}

export interface ValueEntry extends CatalogEntry {
  number?: number;
  family?: string;
}

export const OPTIONS = optionsJson as OptionEntry[];
/** The hand-written modules with every extension of the installed package merged in (generated.ts). */
export const MATCHES = withLoadChecks(mergeGenerated(matchesJson as ModuleEntry[], 'match'), 'match');
export const TARGETS = withLoadChecks(mergeGenerated(targetsJson as ModuleEntry[], 'target'), 'target');
export const TABLES = tablesJson as TableEntry[];
const HAND_PROTOCOLS = valuesJson.protocols as ValueEntry[];
const handProtocolNames = new Set(HAND_PROTOCOLS.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase())));
/** The hand-written protocols, then every other name of /etc/protocols (iptables looks names up there). */
export const PROTOCOLS: ValueEntry[] = [...HAND_PROTOCOLS, ...netbaseProtocols((n) => handProtocolNames.has(n.toLowerCase()))];
export const REJECT_TYPES = valuesJson.rejectTypes as ValueEntry[];
export const REJECT_ALIASES = valuesJson.rejectAliases as Record<string, string>;
/** ip6tables' short names, where they differ (`port-unreach` is icmp6-port-unreachable there). */
export const REJECT_ALIASES6 = valuesJson.rejectAliases6 as Record<string, string>;
export const LOG_LEVELS = valuesJson.logLevels as ValueEntry[];
export const STATES = valuesJson.states as ValueEntry[];
export const SERVICES: Record<string, number> = { ...NETBASE_SERVICES, ...(valuesJson.services as Record<string, number>) };
export const PORT_NAMES = valuesJson.portNames as Record<string, Record<string, string>>;
export const ICMP_TYPES = valuesJson.icmpTypes as string[];
export const ICMP6_TYPES = valuesJson.icmp6Types as string[];

function index<E extends CatalogEntry>(entries: E[], fold: boolean): Map<string, E> {
  const m = new Map<string, E>();
  for (const e of entries) {
    m.set(fold ? e.name.toLowerCase() : e.name, e);
    for (const a of e.aliases ?? []) m.set(fold ? a.toLowerCase() : a, e);
  }
  return m;
}

const optionByName = index(OPTIONS, false);
const matchByName = index(MATCHES, false);
const targetByName = index(TARGETS, false);
const tableByName = index(TABLES, false);
const protocolByName = index(PROTOCOLS, true);
const protocolByNumber = new Map(PROTOCOLS.map((p) => [p.number, p]));
const rejectByName = index(REJECT_TYPES, false);
const logLevelByName = index(LOG_LEVELS, false);
const stateByName = index(STATES, true);

export const option = (name: string) => optionByName.get(name);
export const match = (name: string) => matchByName.get(name);
export const target = (name: string) => targetByName.get(name);
export const table = (name: string) => tableByName.get(name);
export const logLevel = (name: string) => logLevelByName.get(name);
export const state = (name: string) => stateByName.get(name.toLowerCase());

/** A protocol by name (any case) or number. */
export function protocol(nameOrNumber: string): ValueEntry | undefined {
  if (/^\d+$/.test(nameOrNumber)) return protocolByNumber.get(Number(nameOrNumber));
  return protocolByName.get(nameOrNumber.toLowerCase());
}

/** A reject type by name or by one of its older spellings. */
export function rejectType(name: string): ValueEntry | undefined {
  return rejectByName.get(name) ?? rejectByName.get(REJECT_ALIASES[name] ?? '');
}

/** Whether two `-p` spellings name one protocol (`ipv6-mh`, `mh` and `mobility-header` are 135). */
export function sameProtocol(a: string, b: string): boolean {
  if (a === b) return true;
  const n = protocol(a)?.number;
  return n !== undefined && n === protocol(b)?.number;
}

/** The canonical protocol name used to pick the implicit match (`-p 6` is tcp). */
export function protocolName(value: string): string {
  return protocol(value)?.name ?? value.toLowerCase();
}

/** Match loaded implicitly by `-p PROTO` (tcp → tcp, icmpv6 → icmp6). */
export function implicitMatch(proto: string): ModuleEntry | undefined {
  const name = protocolName(proto);
  if (name === 'icmpv6') return match('icmp6');
  const m = match(name);
  return m?.protocols?.includes(name) ? m : undefined;
}

/** Every built-in chain name of any table. */
export const BUILTIN_CHAINS = new Set(TABLES.flatMap((t) => t.chains));

/** Where each option name lives, for "--state needs -m state" style hints. */
export const OPTION_OWNERS: Map<string, { module: ModuleEntry; kind: 'match' | 'target' }[]> = (() => {
  const m = new Map<string, { module: ModuleEntry; kind: 'match' | 'target' }[]>();
  const add = (name: string, module: ModuleEntry, kind: 'match' | 'target') => {
    const list = m.get(name) ?? [];
    list.push({ module, kind });
    m.set(name, list);
  };
  for (const mod of MATCHES) for (const o of mod.options) for (const n of [o.name, ...(o.aliases ?? [])]) add(n, mod, 'match');
  for (const mod of TARGETS) for (const o of mod.options) for (const n of [o.name, ...(o.aliases ?? [])]) add(n, mod, 'target');
  return m;
})();

/** Every option spelling we know, for did-you-mean. */
export const ALL_OPTION_NAMES: string[] = [...new Set([...optionByName.keys(), ...OPTION_OWNERS.keys()])];

/** The entry of an option within a module, by name or alias. */
export function moduleOption(mod: ModuleEntry, name: string): OptionEntry | undefined {
  return mod.options.find((o) => o.name === name || o.aliases?.includes(name));
}

/**
 * Extensions iptables ships that the catalog does not describe option by option yet. They are
 * accepted as they are (no "unknown match/target"), and their options are not checked.
 */
const GENERATED_NAMES = new Set(EXTENSIONS.map((x) => x.name));
export const UNDESCRIBED_MATCHES = new Set(['bpf', 'cgroup', 'cluster', 'connbytes', 'connlabel', 'cpu', 'dst', 'ecn', 'eui64', 'frag', 'hbh', 'ipcomp', 'ipv6header', 'ipvs', 'l2tp', 'mh', 'nfacct', 'osf', 'quota', 'rateest', 'realm', 'rt', 'srh', 'condition', 'geoip'].filter((n) => !GENERATED_NAMES.has(n)));
export const UNDESCRIBED_TARGETS = new Set(['CLUSTERIP', 'DNPT', 'SNPT', 'ECN', 'IDLETIMER', 'LED', 'NETMAP', 'RATEEST', 'SYNPROXY', 'TCPOPTSTRIP', 'ULOG'].filter((n) => !GENERATED_NAMES.has(n)));
