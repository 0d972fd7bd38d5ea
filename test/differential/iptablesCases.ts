/**
 * Rules generated from the iptables catalog for the differential fuzzer: for every extension of
 * the installed package, a valid use and deliberately broken ones (every option with good, bad,
 * out-of-range and missing values, negated, required options left out, exclusive pairs, every
 * table and chain, the other family), plus random combinations from a seeded generator.
 */
import { EXTENSIONS, type GeneratedExtension, type GeneratedOption } from '../../server/src/languages/iptables/generated';
import { rng as random } from '../helpers/random';

export type Family = 'ipv4' | 'ipv6';

export interface RuleCase {
  family: Family;
  table: string;
  chain: string;
  rule: string;
  /** How it was made, for the report. */
  op: string;
}

export const TABLE_CHAINS: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

const BROKEN = ['abc', '1.2.3', 'x,,y', '99999999999', '0', '1:', ':', '0x', '1/0', '-', '""', 'a b', '!', '1-', '300', '65536', '4294967296'];
const GENERAL = ['-s 1.2.3.4', '-d 10.0.0.0/8', '-i eth0', '-o eth1', '-p tcp', '-p udp', '-p icmp', '-p ipcomp', '-p mobility-header', '-p 300', '-p nosuch', '-f', '! -p tcp', '-p tcp --dport 22', '-p udp --sport domain', '-p tcp --dport nosuchservice', '--dport 80', '-p tcp --dport 99999', '-p udp --dport 99999', '-p tcp --dport 80:22', '-p tcp --tcp-flags SYN,ACK SYN', '-p tcp --syn', '-p tcp ! --syn'];

function protoFor(x: GeneratedExtension, family: Family): string {
  const p = x.protocols?.[0];
  if (!p) return '';
  return `-p ${p === 'icmp' && family === 'ipv6' ? 'icmpv6' : p} `;
}

function addr(v: string, family: Family): string {
  if (family === 'ipv4') return v;
  return v.replace(/1\.2\.3\.4-1\.2\.3\.5/g, '2001:db8::1-2001:db8::2').replace(/10\.0\.0\.0\/8/g, '2001:db8::/64').replace(/1\.2\.3\.4/g, '2001:db8::1');
}

/** The smallest set of options that the generator found the extension loads with. */
function baseOptions(x: GeneratedExtension, skip?: string): string[] {
  const out: string[] = [];
  for (const r of x.required ?? []) {
    const pick = r.anyOf.map((n) => x.options.find((o) => o.name === n)).find((o) => o && o.name !== skip && (o.args === 0 || o.sample !== undefined));
    if (pick) out.push(`${pick.name}${pick.sample !== undefined ? ` ${pick.sample}` : ''}`);
  }
  return out;
}

/** A place where the extension loads: its first allowed table and chain. */
function home(x: GeneratedExtension, family: Family): { table: string; chain: string } {
  const w = x.where?.[family];
  if (!w) return { table: 'filter', chain: 'INPUT' };
  const table = Object.keys(w).find((t) => w[t].length) ?? 'filter';
  return { table, chain: w[table]?.[0] ?? 'INPUT' };
}

/** Shell-safe in a rule: quoted when it has blanks or is empty. */
const word = (v: string) => (/[\s"]/.test(v) || v === '' ? `"${v.replace(/"/g, '')}"` : v);

/**
 * Values near an option's value grammar: every name (as written, in other case, cut short, with
 * characters after it), lists with empty and unknown members, numbers around the range, and for
 * the other grammars the sample bent: cut, grown, a digit raised, a separator doubled.
 */
export function grammarValues(o: GeneratedOption, rnd: () => number): string[] {
  const g = o.value;
  if (!g) return [];
  const out = new Set<string>();
  const s = o.sample ?? '';
  if (g.type === 'names') {
    for (const v of g.values ?? []) out.add(v).add(v.toUpperCase()).add(v.toLowerCase()).add(v.slice(0, -1)).add(`${v}x`);
    const [a, b] = [g.values?.[0] ?? '1', g.values?.[1] ?? '2'];
    out.add(`${a},${b}`).add(`${a},`).add(`,${a}`).add(`${a},,${b}`).add(`${a},nosuch`);
    if (g.numbers) for (const n of [g.numbers.min - 1, g.numbers.min, g.numbers.max, g.numbers.max + 1, `0x${g.numbers.max.toString(16)}`, `${g.numbers.min}/${g.numbers.max}`]) out.add(String(n));
  } else {
    const bends = [s.slice(0, -1), `${s}x`, `${s}0`, s.replace(/\d(?!.*\d)/, '9'), s.replace(/[-:,.]/, (c) => c + c), s.replace(/\d+/, '99999'), `${s}${s}`, ` ${s}`, s.replace(/:/, '')];
    for (const b of bends) out.add(b);
  }
  out.delete(s);
  // A handful per option, picked by the seed, so that the tier stays bounded.
  return [...out].map(word).sort(() => rnd() - 0.5).slice(0, 6);
}

/** Every systematic case of one extension. */
export function extensionCases(x: GeneratedExtension, brokenPerOption = BROKEN.length, seed = 1): RuleCase[] {
  const rnd = random(seed ^ x.name.length * 7919);
  const broken = brokenPerOption >= BROKEN.length ? BROKEN : [...BROKEN].sort(() => rnd() - 0.5).slice(0, brokenPerOption);
  const out: RuleCase[] = [];
  const flag = x.kind === 'match' ? '-m' : '-j';
  for (const family of ['ipv4', 'ipv6'] as Family[]) {
    const { table, chain } = home(x, family);
    const proto = protoFor(x, family);
    const add = (op: string, opts: string[], where = { table, chain }, p = proto) => out.push({ family, ...where, rule: addr(`${p}${flag} ${x.name} ${opts.join(' ')}`.trim(), family), op: `${x.name} ${op}` });
    const base = baseOptions(x);
    add('base', base);
    if (!x.families.includes(family)) continue; // the base case above is the wrong-family case
    add('bare', []);
    if (proto) add('no -p', base, { table, chain }, '');
    for (const o of x.options) {
      const others = baseOptions(x, o.name).filter((s) => !s.startsWith(`${o.name} `) && s !== o.name);
      const v = o.sample ?? '1';
      add(`${o.name} valid`, [...others, o.args ? `${o.name} ${v}` : o.name]);
      add(`${o.name} negated`, [...others, o.args ? `! ${o.name} ${v}` : `! ${o.name}`]);
      add(`${o.name} no value`, [...others, o.name]);
      if (o.args === 0) add(`${o.name} extra value`, [...others, `${o.name} 1`]);
      add(`${o.name} twice`, [...others, o.args ? `${o.name} ${v} ${o.name} ${v}` : `${o.name} ${o.name}`]);
      if (o.args) for (const b of broken) add(`${o.name} = ${b}`, [...others, `${o.name} ${b}`]);
      if (o.args) for (const g of grammarValues(o, rnd)) add(`${o.name} grammar ${g}`, [...others, `${o.name} ${g}`]);
      if (o.min !== undefined && o.min > 0) add(`${o.name} below min`, [...others, `${o.name} ${o.min - 1}`]);
      if (o.max !== undefined) {
        add(`${o.name} above max`, [...others, `${o.name} ${o.max + 1}`]);
        add(`${o.name} at max`, [...others, `${o.name} ${o.max}`]);
      }
    }
    for (const e of x.exclusive ?? []) {
      const [a, b] = e.options.map((n) => x.options.find((o) => o.name === n)!);
      const w = (o: typeof a) => (o.args ? `${o.name} ${o.sample ?? '1'}` : o.name);
      add(`${a.name} with ${b.name}`, [w(a), w(b)]);
    }
    for (const [t, chains] of Object.entries(TABLE_CHAINS)) for (const c of chains) add(`in ${t}/${c}`, base, { table: t, chain: c });
  }
  return out;
}

/** Random rules: general options, one to three extensions with random option values. */
export function randomCases(seed: number, count: number): RuleCase[] {
  const rnd = random(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const out: RuleCase[] = [];
  for (let i = 0; i < count; i++) {
    const family: Family = rnd() < 0.7 ? 'ipv4' : 'ipv6';
    const table = pick(Object.keys(TABLE_CHAINS));
    const chain = pick(TABLE_CHAINS[table]);
    const parts: string[] = [];
    if (rnd() < 0.5) parts.push(pick(GENERAL));
    const n = 1 + Math.floor(rnd() * 2);
    let target: GeneratedExtension | undefined;
    for (let k = 0; k < n; k++) {
      const x = pick(EXTENSIONS);
      if (x.kind === 'target') {
        target = x;
        continue;
      }
      const opts = rnd() < 0.8 ? baseOptions(x) : [];
      if (x.options.length && rnd() < 0.6) {
        const o = pick(x.options);
        opts.push(o.args ? `${o.name} ${rnd() < 0.6 ? (o.sample ?? '1') : pick(BROKEN)}` : o.name);
      }
      parts.push(`${protoFor(x, family)}-m ${x.name} ${opts.join(' ')}`.trim());
    }
    if (target) {
      const opts = baseOptions(target);
      if (target.options.length && rnd() < 0.5) {
        const o = pick(target.options);
        opts.push(o.args ? `${o.name} ${rnd() < 0.6 ? (o.sample ?? '1') : pick(BROKEN)}` : o.name);
      }
      parts.push(`${protoFor(target, family)}-j ${target.name} ${opts.join(' ')}`.trim());
    } else if (rnd() < 0.5) parts.push(pick(['-j ACCEPT', '-j DROP', '-j RETURN', '-j REJECT', '-j LOG --log-prefix x']));
    out.push({ family, table, chain, rule: addr(parts.join(' '), family), op: `random seed ${seed} #${i}` });
  }
  return out;
}

/**
 * Every systematic case, then `randomCount` random ones from `seed`; `brokenPerOption` bounds how
 * many of the broken values each option is tried with (picked by the seed).
 */
export function allCases(seed: number, randomCount: number, brokenPerOption = BROKEN.length): RuleCase[] {
  return [...EXTENSIONS.flatMap((x) => extensionCases(x, brokenPerOption, seed)), ...randomCases(seed, randomCount)];
}
