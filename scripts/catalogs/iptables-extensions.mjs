// Builds server/data/iptables/extensions.json from the installed iptables: every xtables extension
// in the package (the libxt_/libipt_/libip6t_ files), its options from `iptables -m NAME --help` /
// `-j NAME --help` and iptables-extensions(8), and what the tool itself accepts, learnt by running
// candidate rules through iptables-restore in a private network namespace: option arity, numeric
// bounds, negation, required options, options that exclude each other, needed protocols and the
// tables/chains where the kernel loads the extension. Needs root (unshare -n).
//
//   node scripts/catalogs/iptables-extensions.mjs           rewrite the catalog
//   node scripts/catalogs/iptables-extensions.mjs --check   exit 1 when the installed tool differs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { probeEach, probeOne, probeRuns, requireProgram, TABLE_CHAINS, whereLoads } from './iptablesProbe.mjs';
import { CANDIDATES, EXTRA_OPTIONS, RELATIONS, SEEDS, VALUE_TYPES } from './iptablesSeeds.mjs';
import { help, manual, netbase, xtablesDir } from './iptablesSources.mjs';
import { bounds, longestWord, relation, union, valueType } from './iptablesValues.mjs';

const OUT = 'server/data/iptables/extensions.json';
if (process.argv.some((a) => a === '--help' || a === '-h')) {
  console.log('usage: node scripts/catalogs/iptables-extensions.mjs [--check] [NAME...]   (as root; NAME... redoes those extensions only)');
  process.exit(0);
}
const check = process.argv.includes('--check');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const [p, pkg] of [['iptables', 'iptables'], ['ip6tables', 'iptables'], ['iptables-restore', 'iptables'], ['unshare', 'util-linux']]) requireProgram(p, pkg);

const version = spawnSync('iptables', ['--version'], { encoding: 'utf8' }).stdout.trim();

const PROTOCOLS = { ipv4: ['tcp', 'udp', 'sctp', 'dccp', 'udplite', 'icmp', 'esp', 'ah', 'ipcomp'], ipv6: ['tcp', 'udp', 'sctp', 'dccp', 'udplite', 'icmpv6', 'esp', 'ah', 'ipcomp', 'mobility-header'] };

/** The long options of iptables itself (-p, -s ...), which a manual section may mention. */
const GENERAL = new Set(spawnSync('iptables', ['-h'], { encoding: 'utf8' }).stdout.match(/--[a-z][a-z0-9-]*/g) ?? []);
const general = (fam, opt) => GENERAL.has(opt);

/** Malformed-looking values, by shape (values.ts names the same shapes). */
const SHAPES = { word: 'abc', dotted: '1.2.3', slash: '1/0', junk: '1x', colon: '1:', empty: '""' };


/** A seed's options as [option, args] pairs. */
function splitOpts(s) {
  const out = [];
  for (const t of s.match(/"[^"]*"|\S+/g) ?? []) {
    if (t.startsWith('--')) out.push([t, []]);
    else out.at(-1)[1].push(t);
  }
  return out;
}
const joinOpts = (pairs) => pairs.map(([o, a]) => [o, ...a].join(' ')).join(' ');

/** The seed with IPv6 addresses for ip6tables. */
function toIpv6(s) {
  return s.replace(/1\.2\.3\.4-1\.2\.3\.5/g, '2001:db8::1-2001:db8::2').replace(/10\.0\.0\.0\/8/g, '2001:db8::/64').replace(/1\.2\.3\.4/g, '2001:db8::1');
}

function learn(kind, name, families, man) {
  const fam = families[0];
  const flag = kind === 'match' ? '-m' : '-j';
  const seedList = [SEEDS[name] ?? ''].flat();
  const seedFor = (f, k = 0) => splitOpts(f === 'ipv6' ? toIpv6(seedList[k]) : seedList[k]);
  const seed = seedFor(fam);
  /** The alternative seeds (the tool accepts them too), for required options and where it loads. */
  const alts = seedList.slice(1).map((_, k) => seedFor(fam, k + 1));
  const body = (proto, opts) => `${proto ? `-p ${proto} ` : ''}${flag} ${name} ${opts}`.trim();
  // Protocol: none, or every protocol under which the seeded rule loads somewhere.
  let protocols;
  let where = {};
  let protoOf = { ipv4: '', ipv6: '' };
  for (const f of families) {
    where[f] = whereLoads(f, body('', joinOpts(seedFor(f))));
    for (let k = 1; k < seedList.length && Object.keys(where[f]).length; k++) where[f] = union(where[f], whereLoads(f, body('', joinOpts(seedFor(f, k)))));
    if (Object.keys(where[f]).length) continue;
    // Every protocol under which the seeded rule loads somewhere, per family (ah is a header
    // of its own in IPv6, a protocol in IPv4).
    const ok = PROTOCOLS[f].filter((p) => Object.keys(whereLoads(f, body(p, joinOpts(seedFor(f))))).length > 0);
    if (ok.length) {
      protocols = [...new Set([...(protocols ?? []), ...ok])];
      protoOf[f] = ok[0];
      where[f] = whereLoads(f, body(ok[0], joinOpts(seedFor(f))));
    }
  }
  const proto = protoOf[fam];
  const loads = Object.keys(where[fam]).length > 0;
  const parses = probeOne(fam, body(proto, joinOpts(seed))).ok;
  if (!parses) console.error(`  ${kind} ${name}: the seed options are refused (${probeOne(fam, body(proto, joinOpts(seed))).message}); update iptablesSeeds.mjs`);
  const entry = { name, kind, families, source: `${fam === 'ipv6' ? 'ip6tables' : 'iptables'} ${flag} ${name} --help; iptables-extensions(8) ${kind.toUpperCase()} EXTENSIONS ${name}; iptables-restore --test probes` };
  entry.summary = man?.summary?.replace(/\s+/g, ' ').trim() || undefined;
  if (protocols) entry.protocols = protocols;
  // A protocol needed in one family only (ah is an extension header in IPv6, a protocol in IPv4).
  if (protocols && families.some((f) => !protoOf[f])) entry.protocolFamilies = families.filter((f) => protoOf[f]);
  // Required options: what the bare extension is refused for.
  const bare = probeOne(fam, body(proto, ''));
  // Options: from the help text and the manual, kept when the tool knows them.
  const helpText = help(fam, kind, name) ?? '';
  const names = new Set([...helpText.matchAll(/--[a-z0-9][a-z0-9-]*/g)].map((m) => m[0]));
  for (const o of man?.options ?? []) names.add(o);
  for (const o of EXTRA_OPTIONS[name] ?? []) names.add(o);
  const options = [];
  /** The other options each option's sample was accepted with. */
  const restOf = new Map();
  /** The other options each option's own places were measured with. */
  const whereRest = new Map();
  for (const opt of [...names].sort()) {
    const rest = joinOpts(seed.filter(([o]) => o !== opt));
    // An option spelt like one of iptables' own is the extension's when the tool takes it only
    // with the extension (CLUSTERIP --new, a command of its own otherwise).
    if (general(fam, opt) && !(probeOne(fam, body(proto, `${rest} ${opt}`)).ok && !probeOne(fam, opt).ok)) continue;
    const end = probeOne(fam, body(proto, `${rest} ${opt}`));
    if (!end.ok && /unknown option|Unknown arg|Couldn't load/i.test(end.message)) continue;
    if (!end.ok && /^Bad argument/.test(end.message)) continue;
    // A target that needs a protocol: an option the protocol's own match takes (the manual's examples
    // show SYNPROXY with tcp's --dport and --syn) is that match's, not the target's.
    if (kind === 'target' && proto && !/unknown option|Unknown arg/i.test(probeOne(fam, `-p ${proto} ${opt}`).message ?? 'ok')) continue;
    const o = { name: opt, args: !end.ok && /requires an argument/.test(end.message) ? 1 : 0 };
    if (o.args === 0 && !end.ok && !/must be specified|required|mandatory|only|cannot|can't|conflict|together|needs?/i.test(end.message)) o.alone = end.message;
    // An optional argument (rateest --rateest-bps [RATE]): the tool takes the option bare and with a value after it.
    // Where the seed's options refuse it bare (rateest --rateest-bps after --rateest-bps1 and 2), an
    // alternative seed that takes it bare is asked instead.
    const bareIn = end.ok ? rest : alts.map((a) => joinOpts(a.filter(([x]) => x !== opt))).find((r) => probeOne(fam, body(proto, `${r} ${opt}`)).ok);
    if (o.args === 0 && bareIn !== undefined) {
      const i = probeEach(fam, CANDIDATES.map((c) => body(proto, `${bareIn} ${opt} ${c}`))).findIndex((t) => t.ok);
      if (i !== -1) o.optionalArg = CANDIDATES[i];
    }
    if (o.args === 1) {
      // With the seed's other options, else without one of them (an option it excludes), else alone.
      const others = seed.filter(([o]) => o !== opt);
      const fromAlts = alts.map((a) => joinOpts(a.filter(([o]) => o !== opt)));
      const variants = [...new Set([rest, ...others.map(([d]) => joinOpts(others.filter(([o]) => o !== d))), ...fromAlts, ''])];
      for (const r of variants) {
        const tries = probeEach(fam, CANDIDATES.map((c) => body(proto, `${r} ${opt} ${c}`)));
        const i = tries.findIndex((t) => t.ok);
        if (i !== -1) {
          o.sample = CANDIDATES[i];
          restOf.set(o, r);
          break;
        }
      }
      if (o.sample !== undefined && /^\d+$/.test(o.sample) && parses) Object.assign(o, bounds(fam, (n) => body(proto, `${restOf.get(o)} ${opt} ${n}`)));
      if (o.sample !== undefined) {
        // xtables' whole-number types say so, with their range, when given a word.
        const r = (v) => body(proto, `${restOf.get(o)} ${opt} ${v}`);
        const word = probeOne(fam, r('abc'));
        const m = /bad value for option "([^"]+)"(?: near "[^"]*")?, or out of range \((\d+)-(\d+)\)/.exec(word.message);
        if (!word.ok && m && m[1] === opt && probeOne(fam, r('0.5')).ok) {
          // A fraction (statistic --probability 0.5).
          o.number = { min: Number(m[2]), max: Number(m[3]), fraction: true };
        } else if (!word.ok && m && m[1] === opt) {
          const [mask, range, rising, falling] = probeEach(fam, [r('1/1'), r('1:1'), r('0:1'), r('2:1')]);
          // Bounds beyond 2^53 are kept as written (the checker compares them exactly).
          const big = (t) => (Number.isSafeInteger(Number(t)) ? Number(t) : t);
          o.number = { min: big(m[2]), max: big(m[3]), ...(mask.ok ? { mask: true } : {}), ...(range.ok || rising.ok ? { range: true } : {}), ...((range.ok || rising.ok) && !falling.ok ? { ordered: true } : {}) };
          // Only a range (NFQUEUE --queue-balance 1 is a "Bad range"), and one whose ends differ (0:0).
          if (rising.ok && !probeOne(fam, r('1')).ok) o.number.rangeOnly = true;
          if (rising.ok && !range.ok) o.number.strict = true;
          // Another family may name other bounds (TCPMSS --set-mss: 0-65515 in IPv4, 0-65495 in IPv6).
          for (const f of families.slice(1)) {
            const rf = (v) => body(protoOf[f] || proto, `${f === 'ipv6' ? toIpv6(restOf.get(o)) : restOf.get(o)} ${opt} ${v}`);
            const mf = /bad value for option "([^"]+)"(?: near "[^"]*")?, or out of range \((\d+)-(\d+)\)/.exec(probeOne(f, rf('abc')).message ?? '');
            if (mf && mf[1] === opt && (mf[2] !== m[2] || mf[3] !== m[3])) o.number.boundsIn = { [f]: { min: big(mf[2]), max: big(mf[3]) } };
          }
        }
        // xtables' prefix length or network mask (connlimit --connlimit-mask): a length up to the
        // family's width, else a mask address of the family; per family, the width the tool names.
        const plen = /neither a valid network mask nor valid CIDR \(0-(\d+)\)/;
        if (!word.ok && plen.test(word.message)) {
          o.plen = {};
          for (const f of families) {
            const rf = (v) => body(protoOf[f] || proto, `${f === 'ipv6' ? toIpv6(restOf.get(o)) : restOf.get(o)} ${opt} ${v}`);
            const w = plen.exec(probeOne(f, rf('abc')).message ?? '');
            if (w) o.plen[f] = Number(w[1]);
          }
          // The kernel wants a prefix (hashlimit): a mask with holes is refused on load.
          if (Object.keys(whereLoads(fam, r(o.sample))).length && !Object.keys(whereLoads(fam, r('255.0.255.0'))).length) o.plen.contiguous = true;
        }
      }
    }
    // Value shapes the tool takes although they look malformed (its parsers stop at the first
    // character they do not want): the hand-written value checks stay quiet for these.
    if (o.sample !== undefined) {
      const r = restOf.get(o) ?? rest;
      const shapes = Object.entries(SHAPES);
      const res = probeEach(fam, shapes.map(([, v]) => body(proto, `${r} ${opt} ${v}`)));
      const lenient = shapes.filter((_, i) => res[i].ok).map(([k]) => k);
      if (lenient.length) o.lenient = lenient;
      // A range written backwards (udp --sport 4:3): some parsers take it (the rule matches nothing), others refuse it.
      const [up, down] = probeEach(fam, [body(proto, `${r} ${opt} 1:2`), body(proto, `${r} ${opt} 2:1`)]);
      if (up.ok) o.descending = down.ok;
      // The longest word the tool takes (string --string: 128 bytes), where it takes words at all.
      if (lenient.includes('word')) o.maxLength = longestWord(fam, (v) => body(proto, `${r} ${opt} ${v}`));
      // A limit on the bytes a value stands for, not on its text (string --hex-string "|41…|"): no text limit.
      if (o.maxLength !== undefined && probeOne(fam, body(proto, `${r} ${opt} "|${'41'.repeat(Math.floor(o.maxLength / 2) + 1)}|"`)).ok) delete o.maxLength;
      // The other family may take fewer shapes (inet_aton's 1.2.3 is IPv4 only).
      for (const f of families.slice(1)) {
        const rf = f === 'ipv6' ? toIpv6(r) : r;
        const resF = probeEach(f, shapes.map(([, v]) => body(protoOf[f] || proto, `${rf} ${opt} ${v}`)));
        const lf = shapes.filter((_, i) => resF[i].ok).map(([k]) => k);
        // Only where it takes fewer: a shape refused for another reason there stays tolerated.
        const takes = [o.sample, toIpv6(o.sample), '2001:db8::1'].some((v) => probeOne(f, body(protoOf[f] || proto, `${rf} ${opt} ${v}`)).ok);
        if (lf.length < lenient.length && lf.every((k) => lenient.includes(k)) && takes) o.lenientIn = { [f]: lf };
      }
      // Loads without the extension's protocol (ecn --ecn-ip-ect): the protocol is not needed for it.
      if (protocols && [`${opt} ${o.sample}`, `${r} ${opt} ${o.sample}`].some((v) => Object.keys(whereLoads(fam, `${flag} ${name} ${v}`.replace(/\s+/g, ' ').trim())).length)) o.noProtocol = true;
    } else if (o.args === 0 && protocols) {
      const r = restOf.get(o) ?? rest;
      if (Object.keys(whereLoads(fam, `${flag} ${name} ${r} ${opt}`.replace(/\s+/g, ' ').trim())).length) o.noProtocol = true;
    }
    // Where the option loads on its own (or with the fewest other options), when that differs
    // from where the seeded extension loads: devgroup --dst-group is for OUTPUT, --src-group is not.
    if (loads && (o.args === 0 || o.sample !== undefined)) {
      const opt1 = `${opt}${o.sample !== undefined ? ` ${o.sample}` : ''}`;
      for (const r of ['', restOf.get(o) ?? rest]) {
        let w1 = whereLoads(fam, body(proto, `${r} ${opt1}`));
        if (!Object.keys(w1).length) continue;
        // With the other seeds, or the values they give it, it loads elsewhere too (policy --dir out).
        if (r) for (const a of alts) w1 = union(w1, whereLoads(fam, body(proto, `${joinOpts(a.filter(([n]) => n !== opt))} ${opt1}`)));
        for (const a of alts) for (const [n, v] of a) if (n === opt && v.join(' ') !== o.sample) w1 = union(w1, whereLoads(fam, body(proto, `${r} ${opt} ${v.join(' ')}`)));
        if (JSON.stringify(w1) !== JSON.stringify(where[fam])) {
          o.where = w1;
          whereRest.set(o, r);
        }
        break;
      }
    }
    if (o.args === 0 || o.sample !== undefined) {
      const neg = probeOne(fam, body(proto, `${restOf.get(o) ?? rest} ! ${opt}${o.sample !== undefined ? ` ${o.sample}` : ''}`));
      o.negatable = neg.ok;
    } else if (man?.negatable.has(opt)) o.negatable = true;
    options.push(o);
  }
  // Options with places of their own: the other options that leave those places as they are
  // (addrtype --limit-iface-out next to --src-type), so that a rule using both is judged too.
  for (const o of options.filter((x) => x.where)) {
    const w = (x) => `${x.name}${x.sample !== undefined ? ` ${x.sample}` : ''}`;
    const r = whereRest.get(o) ?? '';
    const inRest = splitOpts(r).map(([n]) => n);
    const others = options.filter((p) => p !== o && !inRest.includes(p.name) && (p.args === 0 || p.sample !== undefined));
    const same = others.filter((p) => JSON.stringify(whereLoads(fam, body(proto, `${r} ${w(o)} ${w(p)}`))) === JSON.stringify(o.where));
    o.whereWith = [...inRest, ...same.map((p) => p.name)].sort();
  }
  // Options only the other family's library has (ip6tables' ah has --ahlen and --ahres).
  for (const f of families.slice(1)) {
    const more = new Set([...(help(f, kind, name) ?? '').matchAll(/--[a-z0-9][a-z0-9-]*/g)].map((m) => m[0]).filter((n) => !general(f, n) && !options.some((o) => o.name === n)));
    for (const opt of more) {
      const end = probeOne(f, body(protoOf[f], `${joinOpts(seedFor(f))} ${opt}`));
      if (!end.ok && /unknown option|Unknown arg|Couldn't load/i.test(end.message)) continue;
      const o = { name: opt, args: !end.ok && /requires an argument/.test(end.message) ? 1 : 0, families: [f], negatable: !!man?.negatable.has(opt) };
      // Its whole-number type, as the tool names it when given a word.
      const r = (v) => body(protoOf[f], `${joinOpts(seedFor(f))} ${opt} ${v}`);
      const m = o.args ? /bad value for option "([^"]+)"(?: near "[^"]*")?, or out of range \((\d+)-(\d+)\)/.exec(probeOne(f, r('abc')).message ?? '') : null;
      if (m && m[1] === opt) {
        const [range, rising] = probeEach(f, [r('1:1'), r('0:1')]);
        o.number = { min: Number(m[2]), max: Number(m[3]), ...(range.ok || rising.ok ? { range: true } : {}) };
      }
      options.push(o);
    }
  }
  // Options that work only next to others (recent --seconds needs --rcheck or --update): refused
  // alone although the bare extension is accepted; the options that make it pass are listed.
  if (bare.ok || parses) {
    const w = (o) => `${o.name}${o.sample !== undefined ? ` ${o.sample}` : ''}`;
    const usable = options.filter((o) => o.args === 0 || o.sample !== undefined);
    for (const o of usable) {
      // Next to the seed's other options (none when the bare extension is accepted).
      const base = bare.ok ? '' : joinOpts(seed.filter(([n]) => n !== o.name));
      const alone = probeOne(fam, body(proto, `${base} ${w(o)}`));
      if (alone.ok) continue;
      const others = usable.filter((p) => p !== o && !seed.some(([n]) => n === p.name && !bare.ok));
      // In either order (owner --suppl-groups wants --gid-owner first).
      const oks = probeEach(fam, others.map((p) => body(proto, `${base} ${w(o)} ${w(p)}`)));
      const before = probeEach(fam, others.map((p) => body(proto, `${base} ${w(p)} ${w(o)}`)));
      const anyOf = others.filter((_, i) => oks[i].ok || before[i].ok).map((p) => p.name);
      if (anyOf.length) o.needs = { anyOf, message: alone.message };
      else {
        // xtables names the option it also needs (policy --next needs --strict, which itself needs
        // more, so no pair of options passes): taken from its message when that option exists.
        const also = /option "(--[a-z0-9-]+)" also requires "(--[a-z0-9-]+)"/.exec(alone.message ?? '');
        if (also && also[1] === o.name && options.some((p) => p.name === also[2])) o.needs = { anyOf: [also[2]], message: alone.message };
      }
    }
  }
  // An option that must come after another one, maybe set to a value, as the tool says
  // ("`--rt-type 0' required before `--rt-0-addrs'"; "`--rt-0-addr ...'" is any value of the option
  // it abbreviates); kept when the tool takes that order and refuses the reverse.
  if (bare.ok || parses) {
    const base = (o) => (bare.ok ? '' : joinOpts(seed.filter(([n]) => n !== o.name)));
    /** The words that make an option pass after what it needs (its sample, else a candidate the tool takes). */
    const passing = new Map();
    const lead = (p) => (p.needs?.before ? `${lead(options.find((q) => q.name === p.needs.anyOf[0]))} ${p.needs.anyOf[0]} ${p.needs.value ?? passing.get(p.needs.anyOf[0]) ?? ''}`.trim() : '');
    for (const o of options.filter((x) => !x.needs)) {
      const first = o.args ? `${o.name} ${o.sample ?? CANDIDATES[0]}` : o.name;
      const said = /`(--[a-z0-9-]+)(?: ([^']*))?' required before `(--[a-z0-9-]+)'/.exec(probeOne(fam, body(proto, `${base(o)} ${first}`)).message ?? '');
      const p = said && said[3] === o.name ? options.filter((q) => q.name.startsWith(said[1])) : [];
      if (p.length !== 1) continue;
      const pWords = said[2] && said[2] !== '...' ? said[2] : p[0].sample ?? passing.get(p[0].name);
      if (p[0].args && pWords === undefined) continue;
      const before = `${base(o)} ${lead(p[0])} ${p[0].name} ${pWords ?? ''}`.trim();
      const values = o.args ? (o.sample !== undefined ? [o.sample] : CANDIDATES) : [''];
      const i = probeEach(fam, values.map((c) => body(proto, `${before} ${o.name} ${c}`))).findIndex((t) => t.ok);
      if (i === -1) continue;
      const reverse = probeOne(fam, body(proto, `${base(o)} ${o.name} ${values[i]} ${lead(p[0])} ${p[0].name} ${pWords ?? ''}`));
      if (reverse.ok) continue;
      if (o.args && o.sample === undefined) passing.set(o.name, values[i]);
      o.needs = { anyOf: [p[0].name], ...(said[2] && said[2] !== '...' ? { value: said[2] } : {}), before: true, message: reverse.message };
    }
  }
  // Required options: a seed option whose removal the tool refuses, with the options that can
  // stand in for it; and for an extension without a seed, what the bare one is refused for.
  const required = [];
  const usableAlone = options.filter((o) => o.args === 0 || o.sample !== undefined);
  const w = (o) => `${o.name}${o.sample !== undefined ? ` ${o.sample}` : ''}`;
  if (parses) {
    for (const [x] of seed) {
      const without = seed.filter(([o]) => o !== x);
      const res = probeOne(fam, body(proto, joinOpts(without)));
      if (res.ok) continue;
      const alt = usableAlone.filter((o) => o.name !== x && !without.some(([s]) => s === o.name));
      const oks = probeEach(fam, alt.map((o) => body(proto, `${joinOpts(without)} ${w(o)}`)));
      const anyOf = new Set([x, ...alt.filter((_, i) => oks[i].ok).map((o) => o.name)]);
      // An alternative seed the tool accepts without any of them brings its own options in.
      for (const a of alts) if (![...anyOf].some((n) => a.some(([o]) => o === n)) && probeOne(fam, body(proto, joinOpts(a))).ok) for (const [o] of a) if (!seed.some(([s]) => s === o)) anyOf.add(o);
      if (options.some((o) => o.name === x)) required.push({ anyOf: [...anyOf].sort(), message: res.message });
    }
  }
  if (!bare.ok && seed.length === 0) required.push({ anyOf: [], message: bare.message });
  // Parsed but refused by the kernel everywhere without options (cgroup, for one).
  if (bare.ok && loads && Object.keys(whereLoads(fam, body(proto, ''))).length === 0) required.push({ anyOf: [], message: 'the kernel refuses it without options' });
  // Options required under one value of another (statistic --mode random needs --probability,
  // --mode nth --every and --packet): from alternative seeds that set one option (present in all
  // of them) to different values, each option that some other seed goes without and whose
  // removal the tool refuses.
  if (parses && alts.length) {
    const all = [seed, ...alts];
    const valueOf = (a, o) => a.find(([n]) => n === o)?.[1].join(' ');
    for (const a of all) {
      const key = a.find(([o, v]) => v.length && all.every((b) => valueOf(b, o) !== undefined) && all.some((b) => valueOf(b, o) !== v.join(' ')));
      if (!key) continue;
      for (const [x] of a) {
        if (x === key[0] || !all.some((b) => valueOf(b, key[0]) !== key[1].join(' ') && valueOf(b, x) === undefined)) continue;
        const res = probeOne(fam, body(proto, joinOpts(a.filter(([o]) => o !== x))));
        if (!res.ok && options.some((o) => o.name === x)) required.push({ anyOf: [x], when: { option: key[0], value: key[1].join(' ') }, message: res.message });
      }
    }
  }
  if (required.length) entry.required = required;
  // The tool takes the extension bare (-j CLUSTERIP): the options above are needed only with others.
  if (required.some((r) => r.anyOf.length) && bare.ok) entry.bareAccepted = true;
  // Separators (policy --next): an option the tool refuses twice is taken twice around one of them.
  if (parses) {
    const w = (o) => `${o.name}${o.sample !== undefined ? ` ${o.sample}` : ''}`;
    const twice = options.filter((o) => o.sample !== undefined && !seed.some(([n]) => n === o.name));
    const dup = twice.find((o) => probeOne(fam, body(proto, `${joinOpts(seed)} ${w(o)}`)).ok && !probeOne(fam, body(proto, `${joinOpts(seed)} ${w(o)} ${w(o)}`)).ok);
    if (dup) {
      const zero = options.filter((o) => o.args === 0);
      // Alone, or next to another such option it may need (policy --next needs --strict).
      for (const x of zero) {
        const withs = ['', ...zero.filter((y) => y !== x).map((y) => y.name)];
        if (probeEach(fam, withs.map((y) => body(proto, `${joinOpts(seed)} ${y} ${w(dup)} ${x.name} ${w(dup)}`))).some((r) => r.ok)) x.separator = true;
      }
    }
  }
  for (const o of options) {
    const spec = VALUE_TYPES[`${name} ${o.name}`];
    if (!spec) continue;
    const others = (f) => restOf.get(o) ?? joinOpts((f === fam ? seed : seedFor(f)).filter(([n]) => n !== o.name));
    const v = valueType(families, spec, (f, val) => body(protoOf[f] || proto, `${others(f)} ${o.name} ${val}`));
    if (v) o.value = v;
  }
  entry.options = options;
  // Exclusive pairs: each alone is accepted with the seed, both together are refused.
  if (parses) {
    const usable = options.filter((o) => o.args === 0 || o.sample !== undefined).slice(0, 24);
    const pairs = [];
    const rules = [];
    for (let a = 0; a < usable.length; a++) {
      for (let b = a + 1; b < usable.length; b++) {
        const A = usable[a];
        const B = usable[b];
        // The other options both samples were accepted with (the shorter set), without A and B.
        const ra = restOf.get(A) ?? joinOpts(seed.filter(([o]) => o !== A.name));
        const rb = restOf.get(B) ?? joinOpts(seed.filter(([o]) => o !== B.name));
        const rest = joinOpts(splitOpts(ra.length <= rb.length ? ra : rb).filter(([o]) => o !== A.name && o !== B.name));
        const w = (o) => `${o.name}${o.sample !== undefined ? ` ${o.sample}` : ''}`;
        pairs.push([A.name, B.name]);
        rules.push(body(proto, `${rest} ${w(A)}`), body(proto, `${rest} ${w(B)}`), body(proto, `${rest} ${w(A)} ${w(B)}`));
      }
    }
    const res = probeEach(fam, rules);
    // A pair refused next to the seed's options (recent --set next to --rcheck) is tried alone.
    const again = pairs.map((_, i) => i).filter((i) => !res[3 * i].ok || !res[3 * i + 1].ok);
    const w2 = (n) => w(usable.find((o) => o.name === n));
    const res2 = probeEach(fam, again.flatMap((i) => [body(proto, w2(pairs[i][0])), body(proto, w2(pairs[i][1])), body(proto, `${w2(pairs[i][0])} ${w2(pairs[i][1])}`)]));
    const first = res.slice();
    again.forEach((i, k) => res.splice(3 * i, 3, res2[3 * k], res2[3 * k + 1], res2[3 * k + 2]));
    const exclusive = [];
    pairs.forEach((p, i) => {
      if (res[3 * i].ok && res[3 * i + 1].ok && !res[3 * i + 2].ok) exclusive.push({ options: p, message: res[3 * i + 2].message });
      // One of them needs the seed's options (recent --rttl next to --rcheck), yet the two are refused together
      // wherever they are (--set --rttl): the tool's message names both.
      else if ((res[3 * i].ok || first[3 * i].ok) && (res[3 * i + 1].ok || first[3 * i + 1].ok) && !res[3 * i + 2].ok && p.every((n) => res[3 * i + 2].message.includes(`"${n}"`)) && /together/.test(res[3 * i + 2].message)) {
        exclusive.push({ options: p, message: res[3 * i + 2].message });
      }
    });
    if (exclusive.length) entry.exclusive = exclusive;
  }
  // Conditions between two options' values (RELATIONS), kept where the tool agrees with every example.
  const relations = (RELATIONS[name] ?? []).map((spec) => relation(fam, spec, (opts) => body(proto, opts))).filter(Boolean);
  if (relations.length) entry.relations = relations;
  if (!loads) entry.hostUnavailable = probeOne(fam, body(proto, joinOpts(seed)), 'filter', 'INPUT', true).message || 'refused';
  else {
    // Only where the extension does not load everywhere.
    const all = JSON.stringify(TABLE_CHAINS);
    for (const f of families) if (JSON.stringify(where[f]) === all) delete where[f];
    if (Object.keys(where).length) entry.where = where;
  }
  return entry;
}


const dir = xtablesDir();
const files = fs.readdirSync(dir).filter((f) => /^lib(xt|ipt|ip6t)_.+\.so$/.test(f));
const bases = new Map();
for (const f of files) {
  const [, pre, name] = /^lib(xt|ipt|ip6t)_(.+)\.so$/.exec(f);
  const fams = pre === 'xt' ? ['ipv4', 'ipv6'] : pre === 'ipt' ? ['ipv4'] : ['ipv6'];
  for (const n of new Set([name.toLowerCase(), name.toUpperCase()])) bases.set(n, [...new Set([...(bases.get(n) ?? []), ...fams])]);
}
const man = manual();
const extensions = [];
const started = Date.now();
for (const [name, fams] of [...bases].sort(([a], [b]) => a.localeCompare(b))) {
  if (name === 'standard' || name === 'STANDARD' || name === 'NAT') continue;
  if (only.length && !only.includes(name)) continue;
  const kind = name === name.toUpperCase() && name !== name.toLowerCase() ? 'target' : 'match';
  const families = fams.filter((f) => help(f, kind, name) !== undefined).sort();
  if (families.length === 0) continue;
  process.stderr.write(`${kind} ${name} (${families.join(', ')})\n`);
  extensions.push(learn(kind, name, families, man.get(`${kind}:${name}`)));
}

const data = { generatedBy: 'scripts/catalogs/iptables-extensions.mjs', tool: version, ...netbase(), extensions };
const text = JSON.stringify(data, null, 2) + '\n';
console.log(`${extensions.length} extensions of ${version}, ${probeRuns()} iptables-restore runs in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (check) {
  const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (old !== text) {
    console.log(`${OUT} differs from what the installed iptables answers; run node scripts/catalogs/iptables-extensions.mjs`);
    process.exit(1);
  }
} else if (!only.length) {
  fs.writeFileSync(OUT, text);
} else {
  // Named extensions only: replace their entries in the catalog, keep the rest.
  const old = JSON.parse(fs.readFileSync(OUT, 'utf8'));
  const merged = [...old.extensions.filter((x) => !extensions.some((e) => e.name === x.name)), ...extensions].sort((a, b) => a.name.localeCompare(b.name));
  fs.writeFileSync(OUT, JSON.stringify({ ...data, extensions: merged }, null, 2) + '\n');
}
