import { strict as assert } from 'node:assert';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { hoverAt } from '../helpers/cursor';
import { fwCtx, HEAD } from './util';

const OFFICE = `${HEAD}<zo|ne target="%%REJECT%%">
  <short>Office</short>
  <service name="ssh"/>
  <service name="myapp"/>
  <port port="514" protocol="udp"/>
  <port port="514" protocol="tcp"/>
  <source address="192.168.10.0/24"/>
  <masquerade/>
  <forward-port port="80" protocol="tcp" to-port="8080" to-addr="192.168.10.5"/>
  <rule family="ipv4">
    <source address="203.0.113.0/24"/>
    <service name="ssh"/>
    <log prefix="SSH " level="info"><limit value="3/m"/></log>
    <reject/>
  </rule>
</zone>
`;
const MYAPP = { 'services/myapp.xml': `${HEAD}<service>\n  <port port="8443" protocol="tcp"/>\n</service>\n` };

describe('firewalld hover', () => {
  it("summarises what a zone lets in on its root element", () => {
    const h = hoverAt(fw, OFFICE, fwCtx('zones/office.xml', MYAPP));
    assert.match(h, /What zone `office` lets in/);
    assert.match(h, /`ssh` \(22\/tcp\)/);
    assert.match(h, /`myapp` \(8443\/tcp\)/);
    assert.match(h, /Ports: `514\/udp`, `514\/tcp`/);
    assert.match(h, /Sources: `192\.168\.10\.0\/24`/);
    assert.match(h, /Masquerade: on/);
    assert.match(h, /`80\/tcp` → `192\.168\.10\.5:8080`/);
    assert.match(h, /IPv4 from 203\.0\.113\.0\/24, service ssh → log \("SSH ", info\) \(at most 3\/m\), reject/);
    assert.match(h, /Target: `%%REJECT%%` — anything else is rejected with an ICMP message/);
    assert.match(h, /Forwarding within the zone: off/);
  });
  it('summarises in Japanese', () => {
    const h = hoverAt(fw, OFFICE, fwCtx('zones/office.xml', MYAPP, 'ja'));
    assert.match(h, /ゾーン `office` が許可するもの/);
    assert.match(h, /マスカレード: 有効/);
  });
  it('explains attributes and their values', () => {
    assert.match(hoverAt(fw, `${HEAD}<zone ta|rget="DROP"/>\n`, fwCtx('zones/z.xml')), /What happens to a packet that matches no rule/);
    assert.match(hoverAt(fw, `${HEAD}<zone target="DR|OP"/>\n`, fwCtx('zones/z.xml')), /Silently discard unmatched packets/);
  });
  it('shows the ports of a shipped service on its name', () => {
    const h = hoverAt(fw, `${HEAD}<zone>\n  <service name="sy|slog"/>\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.match(h, /shipped with firewalld/);
    assert.match(h, /514\/udp/);
  });
  it('describes a rich rule in plain words', () => {
    const h = hoverAt(fw, `${HEAD}<zone>\n  <ru|le family="ipv6">\n    <source address="2001:db8::/32" invert="yes"/>\n    <port port="22" protocol="tcp"/>\n    <drop/>\n  </rule>\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.match(h, /This rule: IPv6 from anything but 2001:db8::\/32, port 22\/tcp → drop/);
  });
  it('explains rich-rule elements from firewalld.richlanguage(5)', () => {
    const h = hoverAt(fw, `${HEAD}<zone>\n  <rule>\n    <li|mit value="1/s"/>\n  </rule>\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.equal(h, '', 'limit directly in rule is misplaced; no spec, no hover');
    const h2 = hoverAt(fw, `${HEAD}<zone>\n  <rule>\n    <log><li|mit value="1/s"/></log>\n  </rule>\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.match(h2, /firewalld\.richlanguage\(5\) Limit/);
  });
});
