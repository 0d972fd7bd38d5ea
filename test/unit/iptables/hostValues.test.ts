import { strict as assert } from 'node:assert';
import type { HostView } from '../../../server/src/languages/common/types';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';

const rules = (rule: string, table = 'filter') => `*${table}\n-A ${rule}\nCOMMIT\n`;
/** A machine with these users and groups, and this /etc/nsswitch.conf (null: none; undefined: unreadable). */
const machine = (names: string[] | undefined, nsswitch: string | null | undefined = 'passwd: files systemd\ngroup: files systemd\n'): HostView => ({
  exists: () => undefined,
  users: () => (names ? new Set(names) : undefined),
  groups: () => (names ? new Set(names) : undefined),
  readConfig: (p) => (p === '/etc/nsswitch.conf' ? nsswitch : undefined),
});
/** `code severity` of the diagnostics on the rule's line. */
const on = (rule: string, host?: HostView, file = 'rules.v4', table = 'filter') =>
  check(f, rules(rule, table), { ...ctx(), uri: `file:///etc/iptables/${file}`, ...(host ? { host } : {}) })
    .filter((d) => d.range.start.line === 1)
    .map((d) => `${String(d.code).replace('iptables/', '')} ${d.severity === 1 ? 'error' : 'warning'}`);

describe('iptables: values the machine that loads the rules resolves', () => {
  describe('owner --uid-owner / --gid-owner', () => {
    it('is an error, saying it depends on the machine, when this machine has no such group', () => {
      const d = check(f, rules('OUTPUT -m owner --gid-owner staff2 -j ACCEPT'), { ...ctx(), host: machine(['root']) }).filter((x) => x.code === 'iptables/unknown-owner');
      assert.equal(d.length, 1);
      assert.equal(d[0].severity, 1);
      assert.match(d[0].message, /no such group \(\/etc\/group\).*depends on the machine/);
    });
    it('takes a name this machine has, a numeric id and an id range (- or :, hexadecimal)', () => {
      const host = machine(['root', 'www-data']);
      for (const v of ['www-data', '0', '33', '0-999', '100:200', '0x10-0x20', '5-3']) assert.deepEqual(on(`OUTPUT -m owner --uid-owner ${v}`, host), [], v);
    });
    it('is an error for a user and an id written as a range, and for an id above 4294967294', () => {
      const host = machine(['root']);
      assert.deepEqual(on('OUTPUT -m owner --uid-owner 5-root', host), ['unknown-owner error']);
      assert.deepEqual(on('OUTPUT -m owner --uid-owner 1-4294967295', host), ['invalid-value error']);
      assert.deepEqual(on('OUTPUT -m owner --uid-owner 1:', host), ['unknown-owner error']);
    });
    it('only warns, saying so, where the users cannot be read or another name service may know the name', () => {
      assert.deepEqual(on('OUTPUT -m owner --uid-owner alice', machine(undefined)), ['host-dependent-value warning']);
      assert.deepEqual(on('OUTPUT -m owner --uid-owner alice'), ['host-dependent-value warning']);
      const ldap = check(f, rules('OUTPUT -m owner --uid-owner alice'), { ...ctx(), host: machine(['root'], 'passwd: files ldap\ngroup: files\n') });
      assert.equal(ldap.length, 1);
      assert.equal(ldap[0].severity, 2);
      assert.match(ldap[0].message, /nsswitch\.conf also asks ldap.*depends on the host/);
      // Without nsswitch.conf glibc reads the files only.
      assert.deepEqual(on('OUTPUT -m owner --uid-owner alice', machine(['root'], null)), ['unknown-owner error']);
    });
  });

  describe('service names the catalog does not know', () => {
    const withServices = (services: string | undefined, nsswitch = 'services: db files\n'): HostView => ({ ...machine(['root']), readConfig: (p) => (p === '/etc/services' ? services : p === '/etc/nsswitch.conf' ? nsswitch : undefined) });
    it('is an error, saying it depends on the machine, where this machine\'s /etc/services lacks the name', () => {
      const d = check(f, rules('INPUT -p tcp --dport zork-2'), { ...ctx(), host: withServices('ssh 22/tcp\n') }).filter((x) => x.range.start.line === 1);
      assert.deepEqual(d.map((x) => [x.code, x.severity]), [['iptables/service-not-here', 1]]);
      assert.match(d[0].message, /depends on the machine/);
    });
    it('only warns where this machine has it (under another protocol too), cannot be read, or asks another name service', () => {
      assert.deepEqual(on('INPUT -p tcp --dport zork-2', withServices('zork-2 9999/udp # an alias too\n')), ['unknown-service warning']);
      assert.deepEqual(on('INPUT -p tcp --dport zork-2', withServices('zork 9999/tcp zork-2\n')), ['unknown-service warning']);
      assert.deepEqual(on('INPUT -p tcp --dport zork-2', withServices(undefined)), ['unknown-service warning']);
      assert.deepEqual(on('INPUT -p tcp --dport zork-2', withServices('ssh 22/tcp\n', 'services: files nis\n')), ['unknown-service warning']);
    });
  });

  describe('NETMAP --to', () => {
    it('warns that a host name is resolved when the rules load, and that the verdict depends on the machine', () => {
      const d = check(f, rules('PREROUTING -j NETMAP --to gw.example.org/24', 'nat'), { ...ctx(), uri: 'file:///etc/iptables/rules.v4' }).filter((x) => x.range.start.line === 1);
      assert.deepEqual(d.map((x) => [x.code, x.severity]), [['iptables/host-name', 2]]);
      assert.match(d[0].message, /depends on the machine/);
    });
    it('is an error for what cannot be a host, and for an address of the other family', () => {
      assert.deepEqual(on('PREROUTING -j NETMAP --to x,,y', undefined, 'rules.v4', 'nat'), ['invalid-value error']);
      assert.deepEqual(on('PREROUTING -j NETMAP --to 1', undefined, 'rules.v6', 'nat'), ['address-family error']);
      assert.deepEqual(on('PREROUTING -j NETMAP --to 2001:db8::/64', undefined, 'rules.v4', 'nat'), ['address-family error']);
    });
    it('takes addresses with any mask the tool reads, inet_aton forms and localhost in IPv4', () => {
      for (const v of ['10/8', '192.0.2.0/255.255.255.0', '192.0.2.0/33', 'localhost', '0x1.2.3.0']) assert.deepEqual(on(`PREROUTING -j NETMAP --to ${v}`, undefined, 'rules.v4', 'nat'), [], v);
      for (const v of ['2001:db8::/64', '::ffff:192.0.2.1/96']) assert.deepEqual(on(`PREROUTING -j NETMAP --to ${v}`, undefined, 'rules.v6', 'nat'), [], v);
    });
  });

  describe('kernel checks at load time', () => {
    it('string --algo: only the kernel text search algorithms bm, kmp and fsm', () => {
      assert.deepEqual(on('INPUT -m string --string x --algo kmp'), []);
      assert.deepEqual(on('INPUT -m string --string x --algo fsm'), []);
      assert.deepEqual(on('INPUT -m string --string x --algo abc'), ['invalid-value error']);
      assert.deepEqual(on('INPUT -m string --string x --algo BM'), ['invalid-value error']);
    });
    it('cgroup --path: a warning that the kernel looks it up on the machine, none for the root', () => {
      assert.deepEqual(on('OUTPUT -m cgroup --path system.slice/ssh.service'), ['host-dependent-value warning']);
      assert.deepEqual(on('OUTPUT -m cgroup --path /'), []);
    });
    it('devgroup with both groups loads only in FORWARD', () => {
      assert.deepEqual(on('FORWARD -m devgroup --src-group 1 --dst-group 2'), []);
      assert.deepEqual(on('INPUT -m devgroup --src-group 1 --dst-group 2'), ['extension-not-in-chain error']);
      assert.deepEqual(on('PREROUTING -m devgroup --src-group 1 --dst-group 2', undefined, 'rules.v6', 'nat'), ['extension-not-in-table error']);
    });
    it('bounds only the kernel checks: CONNMARK shifts, IDLETIMER timeouts, hashlimit expiry and gc interval', () => {
      assert.deepEqual(on('INPUT -j CONNMARK --and-mark 1 --left-shift-mark 31'), []);
      assert.deepEqual(on('INPUT -j CONNMARK --restore-mark --right-shift-mark 32'), ['invalid-value error']);
      assert.deepEqual(on('INPUT -j IDLETIMER --label a --timeout 2147482'), []);
      assert.deepEqual(on('INPUT -j IDLETIMER --label a --timeout 2147483'), ['invalid-value error']);
      assert.deepEqual(on('INPUT -j IDLETIMER --label a --timeout 0'), ['invalid-value error']);
      const h = 'INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name h';
      assert.deepEqual(on(`${h} --hashlimit-htable-expire 0x0`), ['invalid-value error']);
      assert.deepEqual(on(`${h} --hashlimit-htable-gcinterval 0`), ['invalid-value error']);
      assert.deepEqual(on(`${h} --hashlimit-htable-gcinterval 10`), []);
    });
    it('TEE --gateway and recent --mask are one address or host, without a /PREFIX', () => {
      assert.deepEqual(on('INPUT -j TEE --gateway 192.0.2.1'), []);
      assert.deepEqual(on('INPUT -j TEE --gateway 192.0.2.0/24'), ['invalid-value error']);
      assert.deepEqual(on('INPUT -m recent --rcheck --mask 255.255.255.0'), []);
      assert.deepEqual(on('INPUT -m recent --rcheck --mask 1/0'), ['invalid-value error']);
      assert.deepEqual(on('PREROUTING -p tcp -j TPROXY --on-port 1 --on-ip 1/0', undefined, 'rules.v4', 'mangle'), ['invalid-value error']);
    });
    it('hashlimit and recent names are /proc/net files: no "/", "." or ".."', () => {
      assert.deepEqual(on('INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name web.v2'), []);
      assert.deepEqual(on('INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name web/v2'), ['invalid-value error']);
      assert.deepEqual(on('INPUT -m recent --name . --rcheck'), ['invalid-value error']);
    });
    it('HMARK: a set spi and a set port are refused together by the kernel, masks are not', () => {
      const h = 'FORWARD -j HMARK --hmark-mod 2 --hmark-rnd 1 --hmark-spi 1';
      assert.deepEqual(on(`${h} --hmark-dport 80`), ['exclusive-options error']);
      assert.deepEqual(on(`${h} --hmark-sport 80`), ['exclusive-options error']);
      assert.deepEqual(on(`${h} --hmark-sport-mask 1`), []);
    });
  });
});
