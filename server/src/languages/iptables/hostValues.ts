// Values the machine that loads the rules resolves: owner's user and group names (getpwnam and
// getgrnam, through the name service switch), service names (getservbyname), the hosts of NETMAP,
// TEE and recent (getaddrinfo in the rule's family); and values only the kernel refuses, on load
// (loadChecks.json). Where this machine can tell, a name it lacks is an error that says the
// verdict depends on the machine; where it cannot, a warning.
import { lineRange } from '../common/text';
import type { Localized } from '../common/types';
import { cNumber } from './grammars';
import { bad, L, type Check, type ValueContext } from './valueReport';
import { isHostname, isInetAton, isIPv4, isIPv6 } from './valueSyntax';
import type { RuleItem, Token } from './tree';

/** One id as xtables_strtoui reads it (base 0, blanks and '+' first): decimal, 0x hexadecimal, 0 octal. */
const ID = String.raw`\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)`;
const ID_RANGE = new RegExp(`^${ID}(?:[-:]${ID})?$`);
const MAX_ID = 4294967294; // (uid_t)-1 is reserved

function idValue(s: string): number {
  return /^0[xX]/.test(s) ? parseInt(s.slice(2), 16) : /^0[0-7]+$/.test(s) ? parseInt(s, 8) : Number(s);
}

/** Name sources besides the local files (ldap, sss, winbind, nis …) for `passwd`, `group` or `services`; undefined when unknown. */
function remoteSources(vc: ValueContext, db: 'passwd' | 'group' | 'services'): string[] | undefined {
  const conf = vc.host?.readConfig?.('/etc/nsswitch.conf');
  if (conf === undefined) return undefined;
  const line = (conf ?? '').split('\n').find((l) => new RegExp(`^\\s*${db}\\s*:`).test(l));
  // Without the file (or the line) glibc reads the local files only.
  const sources = line ? line.replace(/#.*/, '').split(':')[1].trim().split(/\s+/) : [];
  return sources.filter((s) => s && !s.startsWith('[') && !['files', 'compat', 'systemd', 'db'].includes(s));
}

let servicesRead: { text: string; names: Map<string, Set<string>> } | undefined;

/** The service names and aliases of an /etc/services text, each with the protocols it is listed for. */
function serviceNames(text: string): Map<string, Set<string>> {
  if (servicesRead?.text === text) return servicesRead.names;
  const names = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    const port = /^\d+\/(\S+)$/.exec(words[1] ?? '');
    if (words.length < 2 || !port) continue;
    for (const w of [words[0], ...words.slice(2)]) names.set(w, (names.get(w) ?? new Set()).add(port[1]));
  }
  servicesRead = { text, names };
  return names;
}

/**
 * A service name the catalog does not know: getservbyname on the machine that loads the rules.
 * An error where this machine's /etc/services has no such name for any protocol (and no other
 * name service is asked); else a warning that it depends on the machine.
 */
function unknownService(p: string, tok: Token, vc: ValueContext): void {
  const range = lineRange(vc.line, tok.start, tok.end);
  const text = vc.host?.readConfig?.('/etc/services');
  if (text && !serviceNames(text).has(p) && remoteSources(vc, 'services')?.length === 0) {
    vc.out.push({ code: 'iptables/service-not-here', range, args: { value: p } });
  } else vc.out.push({ code: 'iptables/unknown-service', range, args: { value: p } });
}

/** The protocol multiport looks a port name up for (xtables' proto_to_name of the rule's -p). */
const MULTIPORT_PROTOCOLS: Record<string, string> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', sctp: 'sctp', '132': 'sctp', dccp: 'dccp', '33': 'dccp', udplite: 'udplite', '136': 'udplite' };

/**
 * A port name: tcp's, udp's … --dport take a name listed for any protocol; multiport asks
 * getservbyname for the rule's protocol, so `-p udp -m multiport --dports ssh` is refused where
 * /etc/services lists ssh for tcp only. Judged on this machine's /etc/services when it is the
 * only source; `known`: the catalog has the name.
 */
export function checkServiceName(p: string, known: boolean, tok: Token, item: RuleItem, vc: ValueContext): void {
  const proto = item.match?.name === 'multiport' && vc.protocol ? MULTIPORT_PROTOCOLS[vc.protocol.toLowerCase()] : undefined;
  const text = proto ? vc.host?.readConfig?.('/etc/services') : undefined;
  if (!proto || !text || remoteSources(vc, 'services')?.length !== 0) {
    if (!known) unknownService(p, tok, vc);
    return;
  }
  const protocols = serviceNames(text).get(p);
  if (protocols?.has(proto)) return;
  if (!protocols) return unknownService(p, tok, vc);
  vc.out.push({ code: 'iptables/service-not-for-protocol', range: lineRange(vc.line, tok.start, tok.end), args: { value: p, protocol: proto, listed: [...protocols].join(', ') } });
}

/** owner --uid-owner / --gid-owner: a name of the host, or ID[-ID] (also ID:ID). */
function checkOwner(kind: 'user' | 'group'): Check {
  return (v, tok, item, vc) => {
    const m = ID_RANGE.exec(v);
    if (m) {
      if ([m[1], m[2]].some((p) => p !== undefined && idValue(p) > MAX_ID)) bad(vc, tok, item, L(`an id is 0 to ${MAX_ID}`, `ID は 0〜${MAX_ID} です`));
      return;
    }
    const names = kind === 'user' ? vc.host?.users() : vc.host?.groups();
    if (names?.has(v)) return;
    const file = kind === 'user' ? '/etc/passwd' : '/etc/group';
    const db = kind === 'user' ? 'passwd' : 'group';
    const remote = names ? remoteSources(vc, db) : undefined;
    const range = lineRange(vc.line, tok.start, tok.end);
    if (!names || remote === undefined || remote.length) {
      const why: Localized = remote?.length
        ? L(`${file} of this machine does not name it, but /etc/nsswitch.conf also asks ${remote.join(', ')} for ${db} names`, `このマシンの ${file} にはありませんが、/etc/nsswitch.conf は ${db} の名前を ${remote.join('、')} にも問い合わせます`)
        : L(`${kind} names are looked up in ${file} (and the other sources of /etc/nsswitch.conf) on the machine that loads the rules`, `${kind === 'user' ? 'ユーザー' : 'グループ'}名はルールを読み込むマシンの ${file}（と /etc/nsswitch.conf の他の情報源）で検索されます`);
      vc.out.push({ code: 'iptables/host-dependent-value', range, args: { name: item.token.text, value: v, why } });
      return;
    }
    vc.out.push({ code: 'iptables/unknown-owner', range, args: { name: item.token.text, value: v, file, what: kind === 'user' ? L('user', 'ユーザー') : L('group', 'グループ') } });
  };
}

/**
 * NETMAP --to (`hostmask`): ADDRESS[/MASK] or a host name, resolved by getaddrinfo in the file's
 * family when the rules are loaded; recent --mask (`host`): the same without a /MASK.
 */
const checkHost = (withMask: boolean): Check => (v, tok, item, vc) => {
  const slash = v.indexOf('/');
  const host = slash === -1 ? v : v.slice(0, slash);
  const six = vc.family === 'ipv6';
  if (slash !== -1 && !withMask) {
    bad(vc, tok, item, L('no /PREFIX here: the whole value is looked up as one address or host name (write a mask as an address: 255.255.255.0)', 'ここに /プレフィックス は書けません。値全体が 1 つのアドレスかホスト名として検索されます（マスクは 255.255.255.0 のようにアドレスで書きます）'));
    return;
  }
  // The mask is the tool's business (it takes more than a prefix length in IPv4).
  if (isIPv6(host)) {
    if (vc.family === 'ipv4') familyMismatch(host, 'IPv6', tok, vc);
    return;
  }
  if (isIPv4(host) || isInetAton(host)) {
    if (six) familyMismatch(host, 'IPv4', tok, vc);
    return;
  }
  if (!isHostname(host) || /^[\d.]+$/.test(host)) {
    bad(vc, tok, item, L(`'${host}' is neither an ${six ? 'IPv6' : 'IPv4'} address nor a host name`, `'${host}' は ${six ? 'IPv6' : 'IPv4'} アドレスでもホスト名でもありません`));
    return;
  }
  // Every /etc/hosts names localhost for IPv4; the rest asks the resolver when the rules load.
  if (!six && /^localhost$/i.test(host)) return;
  vc.out.push({ code: 'iptables/host-name', range: lineRange(vc.line, tok.start, tok.end), args: { value: host } });
};

function familyMismatch(host: string, found: string, tok: Token, vc: ValueContext): void {
  const family = vc.family === 'ipv4' ? 'IPv4' : 'IPv6';
  vc.out.push({ code: 'iptables/address-family', range: lineRange(vc.line, tok.start, tok.end), args: { value: host, found, family, file: vc.familySource } });
}

const PATTERNS = new Map<string, RegExp>();

/** Why a number above `max` fails although iptables takes it. */
export const kernelAbove = (max: number): Localized => L(`iptables takes it, but the kernel refuses more than ${max} when the rules are loaded`, `iptables は受け付けますが、ルールの読み込み時にカーネルが ${max} を超える値を拒否します`);

/** Why a value fails on load, where it does (kernelMin, kernelMax, kernelPattern, kernelValues); undefined where the kernel takes it or only the tool can tell. */
function kernelReason(v: string, item: RuleItem): Localized | undefined {
  const e = item.entry;
  const { kernelMin: min, kernelMax: max } = e ?? {};
  if (min !== undefined || max !== undefined) {
    // Only numbers as C reads them exactly; the tool judges the rest.
    const n = cNumber(v);
    if (n === undefined || ((min === undefined || n >= min) && (max === undefined || n <= max))) return undefined;
    return min !== undefined && n < min ? L(`iptables takes it, but the kernel refuses a value below ${min} when the rules are loaded`, `iptables は受け付けますが、ルールの読み込み時にカーネルが ${min} 未満の値を拒否します`) : kernelAbove(max!);
  }
  if (e?.kernelPattern !== undefined) {
    let re = PATTERNS.get(e.kernelPattern);
    if (!re) PATTERNS.set(e.kernelPattern, (re = new RegExp(e.kernelPattern)));
    return re.test(v) ? undefined : (e.kernelWhy ?? L('the kernel refuses it when the rules are loaded', 'ルールの読み込み時にカーネルが拒否します'));
  }
  const allowed = e?.kernelValues;
  if (!allowed || allowed.includes(v)) return undefined;
  return e?.kernelWhy ?? L(`the kernel loads only ${allowed.join(', ')}`, `カーネルが読み込めるのは ${allowed.join('、')} だけです`);
}

/** A value the kernel refuses when the rules are loaded, though iptables takes it: reported, and true. */
export function kernelRefuses(v: string, tok: Token, item: RuleItem, vc: ValueContext): boolean {
  const reason = kernelReason(v, item);
  if (reason) vc.out.push({ code: 'iptables/invalid-value', range: lineRange(vc.line, tok.start, tok.end), args: { name: item.token.text, value: v, reason } });
  return reason !== undefined;
}

export const HOST_CHECKS: Record<string, Check> = {
  user: checkOwner('user'),
  group: checkOwner('group'),
  hostmask: checkHost(true),
  host: checkHost(false),
};
