import { strict as assert } from 'node:assert';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { ctx, hoverAt } from '../helpers/cursor';

const T = (rule: string) => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:LOGDROP - [0:0]\n${rule}\nCOMMIT\n`;
const first = (md: string) => md.split('\n')[0];

describe('iptables hover', () => {
  describe('a plain-language reading of the rule on -A', () => {
    it('the RHEL ssh rule, in English and Japanese', () => {
      const rule = '|-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT';
      assert.equal(first(hoverAt(f, T(rule))), '**Accept new TCP connections to port 22 (ssh).**');
      assert.equal(first(hoverAt(f, T(rule), ctx('ja'))), '**ポート 22 (ssh) への新しい TCP 接続を許可します。**');
    });
    it('source and interface details', () => {
      const rule = '|-A INPUT -s 192.168.0.0/24 -i eth0 -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT';
      assert.equal(first(hoverAt(f, T(rule))), '**Accept new TCP connections to port 22 (ssh) from 192.168.0.0/24 on eth0.**');
      assert.equal(first(hoverAt(f, T(rule), ctx('ja'))), '**eth0 で受信した 192.168.0.0/24 からのポート 22 (ssh) への新しい TCP 接続を許可します。**');
    });
    it('LOG with prefix and level (numbers read as names)', () => {
      assert.equal(first(hoverAt(f, T('|-A INPUT -j LOG --log-level 4 --log-prefix "DROP: "'))), '**Log all packets with prefix "DROP: " at level warning, then continue.**');
      assert.match(hoverAt(f, T('|-A INPUT -j LOG --log-level debug --log-prefix "DROP: "'), ctx('ja')), /プレフィックス "DROP: "、レベル debug でログに記録/);
    });
    it('REJECT with the reject type; syslog on 514/udp named syslog', () => {
      assert.equal(first(hoverAt(f, T('|-A INPUT -j REJECT --reject-with icmp-host-prohibited'))), '**Reject all packets, answering with icmp-host-prohibited.**');
      assert.equal(first(hoverAt(f, T('|-A INPUT -j REJECT'), ctx('ja'))), '**すべてのパケットを拒否します（icmp-port-unreachable を返します）。**');
      assert.match(hoverAt(f, T('|-A INPUT -m state --state NEW -m udp -p udp --dport 514 -j ACCEPT')), /new UDP connections to port 514 \(syslog\)/);
    });
    it('established traffic, jumps to user chains, negation', () => {
      assert.match(hoverAt(f, T('|-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT')), /Accept packets of established and related connections\./);
      assert.match(hoverAt(f, T('|-A INPUT -p udp -j LOGDROP')), /Send UDP packets to chain LOGDROP\./);
      assert.match(hoverAt(f, T('|-A INPUT ! -s 10.0.0.0/8 -j DROP')), /Drop all packets not from 10\.0\.0\.0\/8 silently\./);
    });
  });

  describe('catalog docs in the chosen language', () => {
    it('options, matches and targets', () => {
      assert.match(hoverAt(f, T('-A INPUT -p tcp --dp|ort 22 -j ACCEPT')), /destination port/);
      assert.match(hoverAt(f, T('-A INPUT -p tcp --dp|ort 22 -j ACCEPT'), ctx('ja')), /宛先ポート/);
      assert.match(hoverAt(f, T('-A INPUT -m sta|te --state NEW -j ACCEPT')), /Connection tracking state/);
      assert.match(hoverAt(f, T('-A INPUT -j REJ|ECT')), /iptables-extensions\(8\)/);
      assert.match(hoverAt(f, T('-A INPUT -j REJ|ECT'), ctx('ja')), /拒否（REJECT）/);
      assert.match(hoverAt(f, T('-A INPUT -|p tcp -j ACCEPT')), /--protocol/);
    });
    it('values: a state inside a list, a reject type, a log level, a protocol, a port', () => {
      assert.match(hoverAt(f, T('-A INPUT -m state --state ESTABLISHED,RE|LATED -j ACCEPT')), /related to an existing one/);
      assert.match(hoverAt(f, T('-A INPUT -j REJECT --reject-with icmp-host-pro|hibited')), /administratively prohibited/);
      assert.match(hoverAt(f, T('-A INPUT -j LOG --log-level deb|ug')), /Debug messages/);
      assert.match(hoverAt(f, T('-A INPUT -p ic|mp -j ACCEPT')), /ICMP for IPv4/);
      assert.equal(hoverAt(f, T('-A INPUT -p tcp --dport 4|43 -j ACCEPT')), 'Port 443 (https)');
    });
    it('tables, chains and policies', () => {
      assert.match(hoverAt(f, '*na|t\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n'), /Address translation/);
      assert.match(hoverAt(f, T('-A INP|UT -j ACCEPT')), /Built-in chain \*\*INPUT\*\* of the `filter` table/);
      assert.match(hoverAt(f, '*filter\n:IN|PUT DROP [0:0]\nCOMMIT\n', ctx('ja')), /組み込みチェイン \*\*INPUT\*\*[\s\S]*ポリシー: `DROP`/);
      assert.match(hoverAt(f, T('-A INPUT -j LOG|DROP')), /User-defined chain \*\*LOGDROP\*\*/);
    });
    it('nothing on comments', () => {
      assert.equal(hoverAt(f, '# a com|ment\n*filter\nCOMMIT\n'), '');
    });
  });
});
