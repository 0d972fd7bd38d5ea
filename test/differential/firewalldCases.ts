/**
 * firewalld files generated for the differential fuzzer: every element and attribute of zones
 * and services with values firewalld takes and values it should not, alone (the fixed tier) and
 * in random combinations from a seed.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { rng } from '../helpers/random';
import type { GenCase } from './differentialFuzz';

type Kind = 'zone' | 'service';
interface Element {
  kind: Kind[];
  /** The element with one value in place of `{}`. */
  shape: string;
  family: string;
  good: string[];
  bad: string[];
}

const PORTS = { good: ['22', '1024-2048', 'http-alt', 'ssh-http', '65535'], bad: ['abc', '70000', '80x', 'x-y', '100-50', '1-2-3', ''] };
const ELEMENTS: Element[] = [
  { kind: ['zone'], family: 'service', shape: '<service name="{}"/>', good: ['ssh', 'http', 'dhcpv6-client'], bad: ['nosuchservice', 'SSH'] },
  { kind: ['zone', 'service'], family: 'port', shape: '<port port="{}" protocol="tcp"/>', ...PORTS },
  { kind: ['zone', 'service'], family: 'port protocol', shape: '<port port="514" protocol="{}"/>', good: ['tcp', 'udp', 'sctp', 'dccp'], bad: ['tcpp', 'icmp', 'TCP'] },
  { kind: ['zone', 'service'], family: 'source-port', shape: '<source-port port="{}" protocol="udp"/>', ...PORTS },
  { kind: ['zone', 'service'], family: 'protocol', shape: '<protocol value="{}"/>', good: ['gre', 'icmp', 'ipv6-icmp', 'esp'], bad: ['nosuchproto', '300'] },
  { kind: ['zone'], family: 'icmp-block', shape: '<icmp-block name="{}"/>', good: ['echo-request', 'timestamp-reply'], bad: ['nosuchicmp'] },
  { kind: ['zone'], family: 'forward-port to-addr', shape: '<forward-port port="8080" protocol="tcp" to-port="80" to-addr="{}"/>', good: ['192.168.1.10', '2001:db8::1'], bad: ['300.1.1.1', 'host'] },
  { kind: ['zone'], family: 'forward-port to-port', shape: '<forward-port port="8080" protocol="tcp" to-port="{}"/>', good: ['80', '8000-8010'], bad: ['99999', 'abc'] },
  { kind: ['zone'], family: 'source', shape: '<source address="{}"/>', good: ['10.0.0.0/8', '2001:db8::/32', '00:11:22:aa:bb:cc', '192.168.1.1'], bad: ['10.0.0.0/33', '2001:db8:::1', '300.0.0.1'] },
  { kind: ['zone'], family: 'interface', shape: '<interface name="{}"/>', good: ['eth0', 'wlan0', 'br-lan'], bad: ['a b', 'eth0/1'] },
  { kind: ['zone'], family: 'masquerade', shape: '<masquerade{}/>', good: [''], bad: [' x="1"'] },
  { kind: ['zone'], family: 'rule', shape: '<rule family="ipv4"><source address="{}"/><service name="ssh"/><accept/></rule>', good: ['10.0.0.0/24'], bad: ['10.0.0.0/40'] },
  { kind: ['zone'], family: 'rule log', shape: '<rule><service name="ssh"/><log prefix="ssh" level="{}"/><accept/></rule>', good: ['info', 'warning'], bad: ['loud'] },
  { kind: ['service'], family: 'destination', shape: '<destination ipv4="{}"/>', good: ['224.0.0.251', '10.0.0.0/8'], bad: ['224.0.0.300'] },
  { kind: ['service'], family: 'helper', shape: '<helper name="{}"/>', good: ['ftp', 'tftp'], bad: [] },
  { kind: ['service'], family: 'include', shape: '<include service="{}"/>', good: ['ssh', 'http'], bad: ['nosuchservice'] },
  { kind: ['zone', 'service'], family: 'unknown element', shape: '<{}/>', good: [], bad: ['shrot', 'ports'] },
];
const TARGETS = { good: ['ACCEPT', 'DROP', '%%REJECT%%', 'default'], bad: ['REJECTED', 'accept'] };

function fileFor(kind: Kind): string {
  return path.join(os.tmpdir(), 'lac-fuzz', 'etc/firewalld', kind === 'zone' ? 'zones' : 'services', 'fuzz.xml');
}

function wrap(kind: Kind, body: string[], attrs = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${kind}${attrs}>\n  <short>Fuzz</short>\n${body.map((b) => `  ${b}\n`).join('')}</${kind}>\n`;
}

const xmlAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Every element and attribute value alone, in zones and services (deterministic). */
export function firewalldFixedCases(): GenCase[] {
  const out: GenCase[] = [];
  for (const e of ELEMENTS) {
    for (const kind of e.kind) {
      for (const [v, ok] of [...e.good.map((g) => [g, true] as const), ...e.bad.map((b) => [b, false] as const)]) {
        const el = e.family === 'unknown element' ? e.shape.replace('{}', v) : e.shape.replace('{}', xmlAttr(v));
        out.push({ text: wrap(kind, [el]), line: 3, desc: `${kind} ${e.family}="${v}" (${ok ? 'allowed' : 'broken'})`, family: `${kind}:${e.family}`, file: fileFor(kind) });
      }
    }
  }
  for (const [v, ok] of [...TARGETS.good.map((g) => [g, true] as const), ...TARGETS.bad.map((b) => [b, false] as const)]) {
    out.push({ text: wrap('zone', ['<service name="ssh"/>'], ` target="${v}"`), line: 1, desc: `zone target="${v}" (${ok ? 'allowed' : 'broken'})`, family: 'zone:target', file: fileFor('zone') });
  }
  return out;
}

/** `n` random files of 1–4 elements (a fifth of the values broken) from `seed`. */
export function firewalldRandomCases(seed: number, n: number): GenCase[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: GenCase[] = [];
  for (let i = 0; i < n; i++) {
    const kind: Kind = r() < 0.7 ? 'zone' : 'service';
    const pool = ELEMENTS.filter((e) => e.kind.includes(kind));
    const body: string[] = [];
    const count = 1 + Math.floor(r() * 4);
    for (let k = 0; k < count; k++) {
      const e = pick(pool);
      const broken = (r() < 0.2 && e.bad.length > 0) || e.good.length === 0;
      const v = broken ? pick(e.bad) : pick(e.good);
      body.push(e.family === 'unknown element' ? e.shape.replace('{}', v) : e.shape.replace('{}', xmlAttr(v)));
    }
    const target = kind === 'zone' && r() < 0.2 ? ` target="${pick(r() < 0.8 ? TARGETS.good : TARGETS.bad)}"` : '';
    out.push({ text: wrap(kind, body, target), line: 3, desc: `${kind} (seed ${seed} #${i})`, family: `${kind}:random`, file: fileFor(kind) });
  }
  return out;
}

/** The fixed cases when `n` is 0, else `n` random ones. */
export function firewalldCases(seed: number, n: number): GenCase[] {
  return n === 0 ? firewalldFixedCases() : firewalldRandomCases(seed, n);
}
