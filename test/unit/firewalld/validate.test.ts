import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { check } from '../helpers/cursor';
import { codes, fwCtx, HEAD, zone } from './util';

const MUT = path.join(__dirname, '../../fixtures/firewalld/mutations');

describe('firewalld validate: the same verdicts as firewall-offline-cmd --check-config', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(MUT, 'manifest.json'), 'utf8')) as {
    name: string; file: string; verdict: 'error' | 'warning' | 'clean'; line: number | null; code: string | null;
  }[];
  for (const c of manifest) {
    it(`${c.name}: ${c.verdict}${c.line ? ` on line ${c.line}` : ''}`, () => {
      const text = fs.readFileSync(path.join(MUT, c.file), 'utf8');
      const rel = c.file.split('etc/firewalld/')[1];
      const diags = check(fw, text, fwCtx(rel));
      const worst = diags.some((d) => d.severity === 1) ? 'error' : diags.some((d) => d.severity === 2) ? 'warning' : 'clean';
      assert.equal(worst, c.verdict, JSON.stringify(codes(diags)));
      if (c.code) assert.ok(codes(diags).includes(`${c.line}:${c.code}`), `${c.line}:${c.code} in ${JSON.stringify(codes(diags))}`);
    });
  }
});

describe('firewalld validate: zones', () => {
  it('accepts a zone opening syslog on 514/udp and 514/tcp as the manuals do', () => {
    const text = zone('  <service name="ssh"/>\n  <port port="514" protocol="udp"/>\n  <port port="514" protocol="tcp"/>\n  <forward/>\n');
    assert.deepEqual(codes(check(fw, text, fwCtx('zones/office.xml'))), []);
  });
  it('checks port ranges and the protocol', () => {
    const text = zone('  <port port="1024-65535" protocol="tcp"/>\n  <port port="0" protocol="udp"/>\n  <port port="10-x!" protocol="sctp"/>\n  <port port="53" protocol="icmp"/>\n');
    assert.deepEqual(codes(check(fw, text, fwCtx('zones/office.xml'))), ['5:firewalld/invalid-value', '6:firewalld/invalid-value', '7:firewalld/invalid-value']);
  });
  it('checks IPv4, IPv6 and MAC sources', () => {
    const text = zone(
      '  <source address="192.168.10.0/24"/>\n  <source address="2001:db8::/32"/>\n  <source address="00:11:22:aa:bb:cc"/>\n' +
        '  <source address="2001:db8:::1"/>\n  <source address="10.0.0.0/33"/>\n  <source ipset="office-hosts"/>\n',
    );
    const diags = codes(check(fw, text, fwCtx('zones/office.xml', { 'ipsets/office-hosts.xml': `${HEAD}<ipset type="hash:ip"/>\n` })));
    assert.deepEqual(diags, ['7:firewalld/invalid-value', '8:firewalld/invalid-value']);
  });
  it('knows the zone targets, including %%REJECT%%', () => {
    assert.deepEqual(codes(check(fw, zone('', ' target="%%REJECT%%"'), fwCtx('zones/office.xml'))), []);
    const d = check(fw, zone('', ' target="reject"'), fwCtx('zones/office.xml'));
    assert.deepEqual(codes(d), ['2:firewalld/invalid-value']);
    assert.match(d[0].message, /ACCEPT, %%REJECT%%, DROP, default/);
  });
  it('suggests the service name that was meant', () => {
    const d = check(fw, zone('  <service name="htps"/>\n'), fwCtx('zones/office.xml'));
    assert.deepEqual(codes(d), ['4:firewalld/unknown-service']);
    assert.match(d[0].message, /Did you mean 'https'/);
  });
  it('finds services and icmptypes defined in the workspace', () => {
    const others = {
      'services/myapp.xml': `${HEAD}<service>\n  <port port="8443" protocol="tcp"/>\n</service>\n`,
      'icmptypes/my-icmp.xml': `${HEAD}<icmptype/>\n`,
    };
    const text = zone('  <service name="myapp"/>\n  <icmp-block name="my-icmp"/>\n');
    assert.deepEqual(codes(check(fw, text, fwCtx('zones/office.xml', others))), []);
    assert.deepEqual(codes(check(fw, text, fwCtx('zones/office.xml'))), ['4:firewalld/unknown-service', '5:firewalld/unknown-icmptype']);
  });
  it('flags a deprecated attribute as information with the deprecated tag', () => {
    const d = check(fw, zone('', ' name="office"'), fwCtx('zones/office.xml'));
    assert.deepEqual(codes(d), ['2:firewalld/deprecated-attribute']);
    assert.deepEqual(d[0].tags, [2]);
  });
  it('says once that an attribute is unknown, and each repetition is an XML error', () => {
    const d = check(fw, zone('', ' colour="red" colour="blue"'), fwCtx('zones/office.xml'));
    assert.deepEqual(d.map((x) => `${x.range.start.character}:${x.code}`), ['6:firewalld/unknown-attribute', '19:firewalld/xml-syntax']);
  });
  it('says it in Japanese', () => {
    const d = check(fw, zone('  <port port="70000" protocol="tcp"/>\n'), fwCtx('zones/office.xml', {}, 'ja'));
    assert.match(d[0].message, /ポート番号 70000 が大きすぎます/);
  });
  it('checks the root element against the folder', () => {
    assert.deepEqual(codes(check(fw, `${HEAD}<zone/>\n`, fwCtx('services/x.xml'))), ['2:firewalld/wrong-root']);
  });
});

describe('firewalld validate: rich rules', () => {
  const rule = (body: string, attrs = ' family="ipv4"') => zone(`  <rule${attrs}>\n${body}  </rule>\n`);
  const run = (text: string) => codes(check(fw, text, fwCtx('zones/office.xml')));
  it('accepts a rule that logs and rejects', () => {
    const text = rule('    <source address="192.0.2.0/24"/>\n    <service name="ssh"/>\n    <log prefix="SSH-REJECT " level="info">\n      <limit value="3/m"/>\n    </log>\n    <reject type="icmp-host-prohibited"/>\n  ');
    assert.deepEqual(run(text), []);
  });
  it('checks the address against the family', () => {
    assert.deepEqual(run(rule('    <source address="2001:db8::1"/>\n    <accept/>\n')), ['5:firewalld/rule-ignored']);
    assert.deepEqual(run(rule('    <source address="2001:db8::1" invert="yes"/>\n    <accept/>\n', ' family="ipv6"')), []);
  });
  it('accepts dotted IPv4 masks and MAC or ipset sources', () => {
    assert.deepEqual(run(rule('    <source address="10.1.0.0/255.255.0.0"/>\n    <drop/>\n')), []);
    assert.deepEqual(run(rule('    <source mac="00:11:22:33:44:55"/>\n    <drop/>\n', '')), []);
    assert.deepEqual(run(rule('    <source address="10.1.0.0/255.0.255.0"/>\n    <drop/>\n')), ['5:firewalld/rule-ignored']);
  });
  it('needs an action unless the element acts by itself', () => {
    assert.deepEqual(run(rule('    <service name="ssh"/>\n')), ['4:firewalld/rule-ignored']);
    assert.deepEqual(run(rule('    <forward-port port="80" protocol="tcp" to-port="8080"/>\n')), []);
    assert.deepEqual(run(rule('    <icmp-block name="echo-request"/>\n')), []);
  });
  it('checks nflog, audit, mark and tcp-mss-clamp', () => {
    assert.deepEqual(run(rule('    <port port="53" protocol="udp"/>\n    <nflog group="70000"/>\n    <accept/>\n')), ['6:firewalld/rule-ignored']);
    assert.deepEqual(run(rule('    <port port="53" protocol="udp"/>\n    <audit/>\n    <mark set="0x10/0xff"/>\n')), ['6:firewalld/rule-ignored']);
    assert.deepEqual(run(rule('    <tcp-mss-clamp value="500"/>\n')), ['5:firewalld/rule-ignored']);
  });
  it('knows which ICMP types exist for a family', () => {
    assert.deepEqual(run(rule('    <icmp-type name="neighbour-solicitation"/>\n    <accept/>\n')), ['5:firewalld/conflict']);
  });
});

describe('firewalld validate: other files', () => {
  it('policies: HOST on both sides, masquerade towards HOST', () => {
    const text = `${HEAD}<policy target="ACCEPT">\n  <ingress-zone name="HOST"/>\n  <egress-zone name="HOST"/>\n  <masquerade/>\n</policy>\n`;
    assert.deepEqual(codes(check(fw, text, fwCtx('policies/p.xml'))), ['4:firewalld/conflict', '5:firewalld/conflict']);
  });
  it('policies: zones from the workspace count', () => {
    const text = `${HEAD}<policy target="CONTINUE" priority="-10">\n  <ingress-zone name="lab"/>\n  <egress-zone name="ANY"/>\n</policy>\n`;
    assert.deepEqual(codes(check(fw, text, fwCtx('policies/p.xml', { 'zones/lab.xml': zone('') }))), []);
  });
  it('ipsets: entries follow the type and family', () => {
    const text = `${HEAD}<ipset type="hash:net">\n  <option name="family" value="inet6"/>\n  <entry>2001:db8:1::/48</entry>\n  <entry>192.0.2.0/24</entry>\n</ipset>\n`;
    assert.deepEqual(codes(check(fw, text, fwCtx('ipsets/s.xml'))), ['5:firewalld/ignored-value']);
  });
  it('services: a port without a number stands for a protocol', () => {
    const text = `${HEAD}<service>\n  <port protocol="esp" port=""/>\n  <destination ipv4="224.0.0.251" ipv6="ff02::fb"/>\n  <include service="https"/>\n</service>\n`;
    assert.deepEqual(codes(check(fw, text, fwCtx('services/s.xml'))), []);
  });
  it('direct.xml and the lockdown whitelist', () => {
    const direct = `${HEAD}<direct>\n  <rule ipv="ipv4" table="filter" chain="INPUT" priority="0">-p tcp --dport 22 -j ACCEPT</rule>\n  <chain ipv="eb" table="mangle" chain="x"/>\n</direct>\n`;
    assert.deepEqual(codes(check(fw, direct, fwCtx('direct.xml'))), ['4:firewalld/invalid-value']);
    const wl = `${HEAD}<whitelist>\n  <command name="/usr/bin/python3 -s /usr/bin/firewall-config"/>\n  <user id="root"/>\n</whitelist>\n`;
    assert.deepEqual(codes(check(fw, wl, fwCtx('lockdown-whitelist.xml'))), ['4:firewalld/invalid-value']);
  });
});

describe('firewalld validate: bindings across zones', () => {
  it('an interface or source bound to two zones is an error, an override of the same zone is not', () => {
    const others = { 'zones/lab.xml': zone('  <interface name="eth1"/>\n  <source address="10.0.0.0/8"/>\n') };
    const text = zone('  <interface name="eth1"/>\n  <source address="10.0.0.0/8"/>\n  <interface name="eth2"/>\n');
    assert.deepEqual(codes(check(fw, text, fwCtx('zones/office.xml', others))), ['4:firewalld/conflict', '5:firewalld/conflict']);
    assert.deepEqual(codes(check(fw, text, fwCtx('zones/lab.xml', others))), []);
  });
});
