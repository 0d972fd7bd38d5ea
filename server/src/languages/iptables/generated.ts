import extensionsJson from '../../../data/iptables/extensions.json';
import type { ModuleEntry, OptionEntry } from './catalog';
import type { NamesGrammar } from './grammars';

/** An option as the installed iptables answered the generator's probes. */
export interface GeneratedOption {
  name: string;
  args: number;
  /** A value the tool took after an option that also stands bare (rateest --rateest-bps [RATE]). */
  optionalArg?: string;
  sample?: string;
  negatable?: boolean;
  min?: number;
  max?: number;
  /** Malformed-looking value shapes the tool accepts (see SHAPES in the generator). */
  lenient?: string[];
  /** The shapes another family accepts, where it accepts fewer (IPv6 has no inet_aton `1.2.3`). */
  lenientIn?: Partial<Record<'ipv4' | 'ipv6', string[]>>;
  /** Loads without the extension's protocol. */
  noProtocol?: boolean;
  /** The option is refused unless one of these is used too. */
  needs?: { anyOf: string[]; message: string; /** with this value */ value?: string; /** and earlier in the rule */ before?: boolean };
  /** Where the option alone loads, when that differs from the extension's `where` (first family). */
  where?: Record<string, string[]>;
  /** The other options that leave `where` as it is when used next to this one. */
  whereWith?: string[];
  /** An xtables whole-number type (the tool names its range): `mask` allows N/M, `range` N:M; bounds past 2^53 are strings. */
  number?: {
    min: number | string;
    max: number | string;
    mask?: boolean;
    range?: boolean;
    ordered?: boolean;
    fraction?: boolean;
    /** Only N:M is taken (NFQUEUE --queue-balance), with N below M (`strict`). */
    rangeOnly?: boolean;
    strict?: boolean;
    /** The bounds another family's tool names (TCPMSS --set-mss: at most 65495 in IPv6). */
    boundsIn?: Partial<Record<'ipv4' | 'ipv6', { min: number | string; max: number | string }>>;
  };
  /** xtables' prefix length or network mask: per family the widest prefix; `contiguous`: the kernel refuses a mask with holes. */
  plen?: { ipv4?: number; ipv6?: number; contiguous?: boolean };
  /** The options after it may be given again (policy --next). */
  separator?: boolean;
  /** Whether the tool takes a range written backwards (`2:1`), where it takes `1:2`. */
  descending?: boolean;
  /** The longest value the tool takes, in bytes (string --string: 128), below its 1023 for every word. */
  maxLength?: number;
  /** Only this family's library has the option (ip6tables' ah --ahlen). */
  families?: ('ipv4' | 'ipv6')[];
  /** A value grammar the tool agreed with (grammars.ts; `names` carries its words and numbers). */
  value?: { type: string; max?: number } & Partial<NamesGrammar>;
}

/**
 * `order`: once `when` is given, `low` is not later than `high` (absent ones take `defaults`);
 * `ratio`: `num` / `den` lies in [min, below). `values` names how both are read.
 */
export type Relation =
  | { kind: 'order'; when: string; low: string; high: string; values: string; defaults?: Record<string, string>; message: string }
  | { kind: 'ratio'; num: string; den: string; values: string; min: number; below: number; message: string };

/** One xtables extension of the package, from scripts/catalogs/iptables-extensions.mjs. */
export interface GeneratedExtension {
  name: string;
  kind: 'match' | 'target';
  families: ('ipv4' | 'ipv6')[];
  source: string;
  summary?: string;
  protocols?: string[];
  /** The families that need `protocols` (absent: all). */
  protocolFamilies?: ('ipv4' | 'ipv6')[];
  options: GeneratedOption[];
  /** Each group: at least one of these options (none listed: the extension needs some option). */
  /** With `when`, only where that option has that value (statistic --mode random needs --probability). */
  required?: { anyOf: string[]; message: string; when?: { option: string; value: string } }[];
  exclusive?: { options: [string, string]; message: string }[];
  /** The tool takes the extension without options: `required` applies once some option is given. */
  bareAccepted?: boolean;
  /** Per family, the tables and built-in chains where the kernel loads it (absent: everywhere). */
  where?: Partial<Record<'ipv4' | 'ipv6', Record<string, string[]>>>;
  /** Conditions between two options' values (iptablesSeeds.mjs RELATIONS, kept where the tool agreed). */
  relations?: Relation[];
  /** The kernel that made the catalog refused the extension everywhere. */
  hostUnavailable?: string;
}

interface GeneratedCatalog {
  tool: string;
  /** /etc/protocols and /etc/services of the machine that made the catalog (Debian netbase). */
  protocols?: { name: string; number: number; aliases: string[] }[];
  services?: Record<string, number>;
  extensions: GeneratedExtension[];
}
const data = extensionsJson as unknown as GeneratedCatalog;
export const GENERATED_FROM: string = data.tool;
export const EXTENSIONS = data.extensions;
export const NETBASE_SERVICES: Record<string, number> = data.services ?? {};

/** The protocols of /etc/protocols the hand-written list lacks, as catalog entries with generated docs. */
export function netbaseProtocols(known: (name: string) => boolean): { name: string; kind: string; number: number; aliases?: string[]; docs: { en: string; ja: string }; source: string }[] {
  return (data.protocols ?? [])
    .filter((p) => !known(p.name) && !p.aliases.some(known))
    .map((p) => ({
      name: p.name.toLowerCase(),
      kind: 'protocol',
      number: p.number,
      ...(p.aliases.length ? { aliases: p.aliases } : {}),
      docs: { en: `IP protocol ${p.number}${p.aliases.length ? ` (${p.aliases.join(', ')})` : ''}, as /etc/protocols names it.`, ja: `IP プロトコル番号 ${p.number}${p.aliases.length ? `（${p.aliases.join('、')}）` : ''}です（/etc/protocols の名前）。` },
      source: 'protocols(5) /etc/protocols (netbase)',
    }));
}

function firstSentence(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(.*?[.!?])(\s|$)/.exec(s);
  return (m ? m[1] : s).trim();
}

function extensionDocs(x: GeneratedExtension): { en: string; ja: string } {
  const what = x.kind === 'match' ? 'match' : 'target';
  const fam = x.families.length === 1 ? (x.families[0] === 'ipv4' ? ' (IPv4 only)' : ' (IPv6 only)') : '';
  const famJa = x.families.length === 1 ? (x.families[0] === 'ipv4' ? '（IPv4 専用）' : '（IPv6 専用）') : '';
  const opts = x.options.map((o) => `\`${o.name}\``).join(', ');
  const optsJa = x.options.map((o) => `\`${o.name}\``).join('、');
  return {
    en: `${firstSentence(x.summary) ?? `The ${x.name} ${what} of iptables.`}${fam}${opts ? ` Options: ${opts}.` : ''} (Generated from ${GENERATED_FROM} and iptables-extensions(8).)`,
    ja: `iptables の ${x.name} ${x.kind === 'match' ? 'マッチ' : 'ターゲット'}です${famJa}。${optsJa ? `オプション: ${optsJa}。` : ''}詳しくは iptables-extensions(8) を参照してください（${GENERATED_FROM} から自動生成）。`,
  };
}

function optionDocs(x: GeneratedExtension, o: GeneratedOption): { en: string; ja: string } {
  const range = o.min !== undefined || o.max !== undefined ? ` A whole number from ${o.min ?? 0} to ${o.max ?? 4294967295}.` : '';
  const rangeJa = o.min !== undefined || o.max !== undefined ? `${o.min ?? 0}〜${o.max ?? 4294967295} の整数です。` : '';
  const args = o.optionalArg !== undefined ? 'Takes an optional argument.' : o.args === 0 ? 'Takes no argument.' : 'Takes one argument.';
  const argsJa = o.optionalArg !== undefined ? '引数は省略できます。' : o.args === 0 ? '引数を取りません。' : '引数を 1 つ取ります。';
  return {
    en: `Option of the ${x.name} ${x.kind}. ${args}${range} See iptables-extensions(8).`,
    ja: `${x.name} ${x.kind === 'match' ? 'マッチ' : 'ターゲット'}のオプションです。${argsJa}${rangeJa}iptables-extensions(8) を参照してください。`,
  };
}

/** The verified value grammar replaces a hand-kept value type. */
function withGrammar(e: OptionEntry, v: NonNullable<GeneratedOption['value']>): void {
  const { type, ...grammar } = v;
  e.type = type;
  if (type === 'names') {
    e.grammar = { values: [], ...grammar };
    delete e.prefixValues;
  }
}

/** The generated extension behind a catalog module, if any. */
const byModule = new WeakMap<ModuleEntry, GeneratedExtension>();
export const generatedOf = (m: ModuleEntry | undefined): GeneratedExtension | undefined => (m ? byModule.get(m) : undefined);

/**
 * The hand-written modules with the generated extensions of `kind` merged in: an extension the
 * hand-written data lacks becomes an entry with generated docs; a described one gets the
 * options it lacks, its families and its protocols from the tool, and loses hand-kept
 * table/chain lists (the generated `where`, checked in constraints.ts, replaces them).
 */
export function mergeGenerated(hand: ModuleEntry[], kind: 'match' | 'target'): ModuleEntry[] {
  const out = hand.map((m) => ({ ...m, options: [...m.options] }));
  const byName = new Map(out.map((m) => [m.name, m]));
  for (const x of EXTENSIONS) {
    if (x.kind !== kind) continue;
    let m = byName.get(x.name);
    if (!m) {
      m = { name: x.name, kind, syntax: kind === 'match' ? `-m ${x.name}` : `-j ${x.name}`, docs: extensionDocs(x), source: x.source, options: [] };
      if (x.protocols && !x.protocolFamilies && !x.options.some((o) => o.noProtocol)) m.protocols = x.protocols;
      out.push(m);
      byName.set(x.name, m);
    } else {
      // The tables and chains the kernel loaded it in (for completion; constraints.ts checks them).
      const w = x.where?.ipv4 ?? x.where?.ipv6;
      if (w) {
        m.tables = Object.keys(w);
        const chains = [...new Set(Object.values(w).flat())];
        if (chains.length < 5) m.chains = chains;
        else delete m.chains;
      } else {
        delete m.tables;
        delete m.chains;
      }
      // The protocols the tool loaded it with replace hand-kept ones (TPROXY takes udp as well as tcp).
      if (x.protocols) m.protocols = x.protocols;
      // The tool loaded it without a protocol (in some family, or with some option): constraints.ts checks.
      if (!x.hostUnavailable && (!x.protocols || x.protocolFamilies || x.options.some((o) => o.noProtocol))) delete m.protocols;
    }
    if (x.protocolFamilies) delete m.protocols;
    m.family = x.families.length === 1 ? x.families[0] : undefined;
    for (const o of x.options) {
      const k = m.options.findIndex((h) => h.name === o.name || h.aliases?.includes(o.name));
      if (k !== -1) {
        // The tool's word on negation and on an option that takes no argument (or one) wins.
        const h = { ...m.options[k] };
        if (o.negatable) h.negatable = true;
        const handArgs = h.args ?? (h.type === 'none' ? 0 : 1);
        if (o.args === 0 && handArgs !== 0) Object.assign(h, { args: 0, type: 'none' });
        if (o.args === 1 && handArgs === 0) Object.assign(h, { args: 1, type: undefined });
        if (o.lenient) h.lenient = o.lenient;
        if (o.lenientIn) h.lenientIn = o.lenientIn;
        if (o.value) withGrammar(h, o.value);
        if (o.separator) h.separator = true;
        if (o.optionalArg !== undefined) h.optionalArg = true;
        if (o.descending !== undefined) h.descending = o.descending;
        // A prefix length or mask: judged per family in constraints.ts, not as a plain number.
        if (o.plen) {
          Object.assign(h, { type: 'plenmask' });
          delete h.min;
          delete h.max;
        } else if (o.sample !== undefined && /^\d+$/.test(o.sample)) {
          // Whole-number bounds the tool answered replace hand-kept ones.
          h.min = Number(o.number?.min ?? o.min ?? 0);
          h.max = Math.min(Number(o.number?.max ?? o.max ?? Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
          if (h.max > 65535) h.wraps = true;
        }
        m.options[k] = h;
        continue;
      }
      const e: OptionEntry = { name: o.name, kind: `${kind}-option`, args: o.args, negatable: !!o.negatable, syntax: `${o.negatable ? '[!] ' : ''}${o.name}${o.args ? ' VALUE' : ''}`, docs: optionDocs(x, o), source: x.source };
      if (o.args === 0) e.type = 'none';
      if (o.plen) e.type = 'plenmask';
      if (o.families?.length === 1) e.family = o.families[0];
      if (o.separator) e.separator = true;
      if (o.optionalArg !== undefined) Object.assign(e, { optionalArg: true, syntax: `${e.syntax} [VALUE]` });
      if (o.descending !== undefined) e.descending = o.descending;
      if (o.value) withGrammar(e, o.value);
      m.options.push(e);
    }
    byModule.set(m, x);
  }
  return out;
}
