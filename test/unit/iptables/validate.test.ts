import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';

const FIX = path.join(__dirname, '../../fixtures/iptables');
const table = (body: string, name = 'filter') => `*${name}\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${body}\nCOMMIT\n`;
/** `line:code` of every diagnostic (1-based lines, as iptables-restore counts). */
const codes = (text: string, uri = 'file:///etc/iptables/rules.v4') =>
  check(f, text, { ...ctx(), uri }).map((d) => `${d.range.start.line + 1}:${String(d.code).replace('iptables/', '')}`);
const v6 = 'file:///etc/iptables/rules.v6';

describe('iptables validation', () => {
  describe('realistic files give no false errors', () => {
    for (const [file, uri] of [
      ['etc/sysconfig/iptables', 'file:///etc/sysconfig/iptables'],
      ['etc/sysconfig/ip6tables', 'file:///etc/sysconfig/ip6tables'],
      ['etc/iptables/rules.v4', 'file:///etc/iptables/rules.v4'],
      ['etc/iptables/rules.v6', 'file:///etc/iptables/rules.v6'],
      ['syslog-server.rules', 'file:///srv/syslog-server.rules'],
      ['debian/rules.v4', 'file:///etc/iptables/rules.v4'],
      ['debian/docker-fail2ban.rules.v4', 'file:///root/docker-fail2ban.rules.v4'],
    ]) {
      it(file, () => {
        const text = fs.readFileSync(path.join(FIX, file), 'utf8');
        assert.deepEqual(codes(text, uri), []);
      });
    }
  });

  it('the mistakes fixture: each mistake at its line', () => {
    const text = fs.readFileSync(path.join(FIX, 'mistakes/rules.v4'), 'utf8');
    assert.deepEqual(codes(text), [
      '6:user-chain-policy',
      '8:option-needs-protocol',
      '11:unreachable-rule',
      '12:unreachable-rule',
      '12:single-quotes',
      '13:invalid-value',
      '14:target-not-in-table',
    ]);
  });

  describe('structure (as iptables-restore --test reports it)', () => {
    it('unknown table, with a suggestion', () => {
      const d = check(f, '*filtr\n:INPUT ACCEPT [0:0]\nCOMMIT\n');
      assert.equal(d[0].code, 'iptables/unknown-table');
      assert.match(d[0].message, /'filter'/);
    });
    it('a table without COMMIT is reported after the last line, like "COMMIT expected at line N"', () => {
      assert.deepEqual(codes('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n'), ['4:missing-commit']);
      assert.deepEqual(codes('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT'), ['3:missing-commit']);
    });
    it('a new table before COMMIT is reported on the new table line', () => {
      const d = check(f, '*filter\n:INPUT ACCEPT [0:0]\n*nat\nCOMMIT\n');
      assert.deepEqual(d.map((x) => [x.range.start.line, x.code]), [[2, 'iptables/missing-commit']]);
      assert.equal(d[0].relatedInformation?.[0].location.range.start.line, 0);
    });
    it('rules before a table and after COMMIT', () => {
      assert.deepEqual(codes('-A INPUT -j ACCEPT\n' + table('')), ['1:outside-table']);
      assert.deepEqual(codes(table('') + '-A INPUT -j ACCEPT\n'), ['7:outside-table']);
    });
    it('comments only in the first column', () => {
      assert.deepEqual(codes(table('-A INPUT -i lo -j ACCEPT # loopback')), ['5:comment-not-at-start']);
      assert.deepEqual(codes(table('  # loopback')), ['5:comment-not-at-start']);
      assert.deepEqual(codes(table('# loopback')), []);
    });
    it('a line of spaces is an error, an empty line is not', () => {
      assert.deepEqual(codes(table('   ')), ['5:blank-line-spaces']);
      assert.deepEqual(codes(table('')), []);
    });
    it('CRLF files fail at the first line that is not a comment', () => {
      assert.deepEqual(codes('# hello\r\n*filter\r\n:INPUT ACCEPT [0:0]\r\nCOMMIT\r\n'), ['2:crlf']);
    });
    it('chain lines: missing policy, bad policy, policy on a user chain, duplicates', () => {
      assert.deepEqual(codes('*filter\n:INPUT\nCOMMIT\n'), ['2:chain-syntax']);
      assert.deepEqual(codes('*filter\n:INPUT ALLOW [0:0]\nCOMMIT\n'), ['2:bad-policy']);
      assert.deepEqual(codes('*filter\n:INPUT ACCEPT [0:0]\n:MYCHAIN ACCEPT [0:0]\nCOMMIT\n'), ['3:user-chain-policy']);
      assert.deepEqual(codes('*filter\n:MYCHAIN - [0:0]\n:MYCHAIN - [0:0]\nCOMMIT\n'), ['3:duplicate-chain']);
      assert.deepEqual(codes('*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n'), []);
      assert.deepEqual(codes('*filter\n:INPUT ACCEPT [0:x]\nCOMMIT\n'), ['2:policy-counters']);
    });
    it('counters before a rule', () => {
      assert.deepEqual(codes(table('[12:3456] -A INPUT -j ACCEPT')), []);
      assert.deepEqual(codes(table('[12] -A INPUT -j ACCEPT')), ['5:bad-counters']);
    });
  });

  describe('options', () => {
    it('unknown option with did-you-mean', () => {
      const d = check(f, table('-A INPUT --destinaton 10.0.0.1 -j ACCEPT'));
      assert.equal(d[0].code, 'iptables/unknown-option');
      assert.match(d[0].message, /--destination/);
    });
    it('unique prefixes of long options are accepted, as getopt does', () => {
      assert.deepEqual(codes(table('-A INPUT --proto tcp --dpo 22 -j ACCEPT')), []);
    });
    it('--dport needs -p tcp/udp before it', () => {
      assert.deepEqual(codes(table('-A INPUT --dport 22 -j ACCEPT')), ['5:option-needs-protocol']);
      assert.deepEqual(codes(table('-A INPUT --dport 22 -p tcp -j ACCEPT')), ['5:option-needs-protocol']);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport 22 -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT ! -p tcp --dport 22 -j ACCEPT')), ['5:option-needs-protocol']);
    });
    it('RHEL order -m tcp -p tcp is fine; -m tcp with -p udp is not', () => {
      assert.deepEqual(codes(table('-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -m tcp -p udp --dport 514 -j ACCEPT')), ['5:match-needs-protocol']);
      assert.deepEqual(codes(table('-A INPUT -m multiport --dports 80,443 -j ACCEPT')), ['5:match-needs-protocol']);
    });
    it('--state needs -m state, --ctstate needs -m conntrack', () => {
      const d = check(f, table('-A INPUT --state NEW -j ACCEPT'));
      assert.equal(d[0].code, 'iptables/option-needs-match');
      assert.match(d[0].message, /-m state/);
      assert.deepEqual(codes(table('-A INPUT --ctstate NEW -j ACCEPT')), ['5:option-needs-match']);
    });
    it('target options only after -j', () => {
      assert.deepEqual(codes(table('-A INPUT --reject-with tcp-reset -p tcp -j REJECT')), ['5:option-needs-target']);
    });
    it('unknown match with did-you-mean; its options are not reported again', () => {
      const d = check(f, table('-A INPUT -m sttae --state NEW -j ACCEPT'));
      assert.deepEqual(d.map((x) => x.code), ['iptables/unknown-match']);
      assert.match(d[0].message, /'state'/);
    });
    it('negation: before the option, not after it (iptables 1.8)', () => {
      assert.deepEqual(codes(table('-A INPUT ! -s 10.0.0.1 -p tcp ! --dport 22 -m state ! --state NEW -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport ! 22 -j ACCEPT')), ['5:legacy-negation']);
      assert.deepEqual(codes(table('-A INPUT ! -j ACCEPT')), ['5:cannot-negate']);
      assert.deepEqual(codes(table('-A INPUT -j ACCEPT !')), ['5:stray-negation']);
    });
    it('duplicates, missing arguments, stray words, no command, -t', () => {
      assert.deepEqual(codes(table('-A INPUT -p tcp -p udp -j ACCEPT')), ['5:duplicate-option']);
      assert.deepEqual(codes(table('-A INPUT -j ACCEPT -j DROP')), ['5:duplicate-option']);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport 1 --dport 2 -j ACCEPT')), ['5:duplicate-option']);
      assert.deepEqual(codes(table('-A INPUT -p')), ['5:missing-argument']);
      assert.deepEqual(codes(table('-A INPUT -i lo ACCEPT')), ['5:unexpected-argument']);
      assert.deepEqual(codes(table('-i lo -j ACCEPT')), ['5:no-command']);
      assert.deepEqual(codes(table('-t filter -A INPUT -j ACCEPT')), ['5:restore-forbidden']);
    });
    it('extensions the catalog does not detail are accepted with their options', () => {
      assert.deepEqual(codes(table('-A INPUT -m quota --quota 1000000 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460')), []);
    });
    it('other commands iptables-restore runs: -I, -N, -P, -D', () => {
      assert.deepEqual(codes(table('-N EXTRA\n-I INPUT 1 -j EXTRA\n-P INPUT DROP\n-D INPUT -j EXTRA')), []);
    });
  });

  describe('quoting', () => {
    it('double quotes group words', () => {
      assert.deepEqual(codes(table('-A INPUT -m comment --comment "allow web from office" -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-prefix "DROP: "')), []);
    });
    it('single quotes are kept as text (the manuals\' LOG example)', () => {
      assert.deepEqual(codes(table("-A INPUT -j LOG --log-level debug --log-prefix '[iptables_test]:'")), ['5:single-quotes']);
      assert.deepEqual(codes(table("-A INPUT -j LOG --log-prefix 'dropped packet:'")), ['5:single-quotes', '5:single-quotes', '5:unexpected-argument']);
    });
    it('an unclosed double quote', () => {
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-prefix "DROP: ')), ['5:unterminated-quote']);
    });
  });

  describe('values', () => {
    it('ports: above 65535 and reversed ranges are errors, 0 a warning, service names known', () => {
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport 70000 -j ACCEPT')), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport 2000:1000 -j ACCEPT')), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport 0 -j ACCEPT')), ['5:port-zero']);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport 1024: -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport ssh -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -p tcp --dport sshh -j ACCEPT')), ['5:unknown-service']);
      assert.deepEqual(codes(table('-A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT')), ['5:invalid-value']);
    });
    it('addresses and prefixes; host names are allowed', () => {
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.0/33 -j ACCEPT')), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -s 192.168.300.1 -j ACCEPT')), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.0/255.0.0.0,192.168.1.1 -d localhost -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -s 2001:db8::/129 -j ACCEPT'), v6), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -s 2001:db8::/32 -j ACCEPT'), v6), []);
    });
    it('log prefix over 29 characters, log levels by name and number', () => {
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-prefix "123456789012345678901234567890"')), ['5:log-prefix-too-long']);
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-prefix "12345678901234567890123456789"')), []);
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-level 4\n-A INPUT -j LOG --log-level info')), []);
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-level warn')), ['5:unknown-value']);
      assert.deepEqual(codes(table('-A INPUT -j LOG --log-level 9')), ['5:invalid-value']);
    });
    it('states, protocols, rates, interfaces, MAC addresses', () => {
      assert.deepEqual(codes(table('-A INPUT -m state --state ESTABLISHED,RELATD -j ACCEPT')), ['5:unknown-value']);
      assert.deepEqual(codes(table('-A INPUT -m conntrack --ctstate new,established -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -p icnp -j ACCEPT')), ['5:unknown-value']);
      assert.deepEqual(codes(table('-A INPUT -p 47 -j ACCEPT')), []);
      assert.deepEqual(codes(table('-A INPUT -m limit --limit 3/fortnight -j LOG')), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -m limit --limit 3/min -j LOG')), []);
      assert.deepEqual(codes(table('-A INPUT -i verylonginterface0 -j ACCEPT')), ['5:invalid-value']);
      assert.deepEqual(codes(table('-A INPUT -m mac --mac-source 00:11:22:33:44 -j ACCEPT')), ['5:invalid-value']);
    });
    it('-i in OUTPUT and -o in INPUT', () => {
      assert.deepEqual(codes(table('-A OUTPUT -i eth0 -j ACCEPT')), ['5:option-wrong-chain']);
      assert.deepEqual(codes(table('-A INPUT -o eth0 -j ACCEPT')), ['5:option-wrong-chain']);
    });
  });

  describe('chains and targets', () => {
    it('undeclared chains and unknown targets, with suggestions', () => {
      assert.deepEqual(codes(table('-A LOGDROP -j DROP')), ['5:undeclared-chain']);
      const d = check(f, table('-A INPUT -j ACCPET'));
      assert.equal(d[0].code, 'iptables/unknown-target');
      assert.match(d[0].message, /'ACCEPT'/);
      assert.deepEqual(codes(table(':LOGDROP - [0:0]\n-A INPUT -j LOGDROP\n-A INPUT -g LOGDROP\n-A LOGDROP -j DROP')), []);
      assert.deepEqual(codes(table('-A INPUT -g NOWHERE')), ['5:unknown-target']);
    });
    it('targets valid only in some tables or chains', () => {
      assert.deepEqual(codes(table('-A INPUT -p tcp -j DNAT --to-destination 10.0.0.1')), ['5:target-not-in-table']);
      assert.deepEqual(codes('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j MASQUERADE\nCOMMIT\n'), ['3:target-not-in-chain']);
      assert.deepEqual(codes('*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT\n'), []);
      assert.deepEqual(codes('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128\nCOMMIT\n'), []);
      assert.deepEqual(codes('*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j REJECT\nCOMMIT\n'), ['3:target-not-in-table']);
      assert.deepEqual(codes('*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j NOTRACK\nCOMMIT\n'), []);
    });
    it('tcp-reset and TCPMSS need -p tcp', () => {
      assert.deepEqual(codes(table('-A INPUT -j REJECT --reject-with tcp-reset')), ['5:target-needs-protocol']);
      assert.deepEqual(codes(table('-A INPUT -p tcp -j REJECT --reject-with tcp-reset')), []);
      assert.deepEqual(codes(table('-A FORWARD -j TCPMSS --clamp-mss-to-pmtu')), ['5:target-needs-protocol']);
    });
  });

  describe('address family', () => {
    it('IPv4 addresses and icmp in an IPv6 file', () => {
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.0/8 -j ACCEPT'), v6), ['5:address-family']);
      assert.deepEqual(codes(table('-A INPUT -p icmp -j ACCEPT'), v6), ['5:protocol-family']);
      assert.deepEqual(codes(table('-A INPUT -p icmp --icmp-type echo-request -j ACCEPT'), v6), ['5:protocol-family', '5:module-family']);
      assert.deepEqual(codes(table('-A INPUT -j REJECT --reject-with icmp-host-prohibited'), v6), ['5:module-family']);
    });
    it('IPv6 addresses, icmpv6 and icmp6 reject types in an IPv4 file', () => {
      assert.deepEqual(codes(table('-A INPUT -s 2001:db8::/32 -j ACCEPT')), ['5:address-family']);
      assert.deepEqual(codes(table('-A INPUT -p icmpv6 -j ACCEPT')), ['5:protocol-family']);
      assert.deepEqual(codes(table('-A INPUT -j REJECT --reject-with icmp6-adm-prohibited')), ['5:module-family']);
    });
    it('the family comes from the name, then from the ip6tables-save header', () => {
      const text = '# Generated by ip6tables-save v1.8.9\n' + table('-A INPUT -s 10.0.0.1 -j ACCEPT');
      assert.deepEqual(codes(text, 'file:///tmp/saved.rules'), ['6:address-family']);
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.1 -s6 -j ACCEPT').replace(' -s6', ''), 'file:///tmp/unknown.rules'), []);
      assert.deepEqual(codes(table('-A INPUT -s 2001:db8::1 -j ACCEPT'), 'file:///etc/sysconfig/ip6tables'), []);
      // Gentoo's saved rules, Arch's and the Debian wiki's names.
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.1 -j ACCEPT'), 'file:///var/lib/ip6tables/rules-save'), ['5:address-family']);
      assert.deepEqual(codes(table('-A INPUT -s 2001:db8::1 -j ACCEPT'), 'file:///var/lib/iptables/rules-save'), ['5:address-family']);
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.1 -j ACCEPT'), 'file:///etc/iptables/ip6tables.rules'), ['5:address-family']);
      assert.deepEqual(codes(table('-A INPUT -s 10.0.0.1 -j ACCEPT'), 'file:///etc/ip6tables.up.rules'), ['5:address-family']);
    });
    it('-6 lines are skipped in IPv4 files', () => {
      assert.deepEqual(codes(table('-6 -A INPUT -s 2001:db8::1 -j ACCEPT\n-4 -A INPUT -s 10.0.0.1 -j ACCEPT')), []);
    });
  });

  describe('rules that can never match', () => {
    it('everything after an unconditional REJECT is dead, with the catch-all as related information', () => {
      const d = check(f, table('-A INPUT -j REJECT\n-A INPUT -p tcp --dport 22 -j ACCEPT\n-A FORWARD -j ACCEPT'));
      assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.code]), [[6, 'iptables/unreachable-rule']]);
      assert.equal(d[0].relatedInformation?.[0].location.range.start.line, 4);
      assert.match(d[0].message, /line 5/);
      assert.deepEqual(d[0].tags, [1]);
    });
    it('only truly unconditional rules are catch-alls', () => {
      const conditional = [
        '-A INPUT -i lo -j ACCEPT',
        '-A INPUT -p tcp -j REJECT',
        '-A INPUT -m state --state INVALID -j DROP',
        '-A INPUT -m limit --limit 1/s -j ACCEPT',
        '-A INPUT ! -s 10.0.0.0/8 -j DROP',
        '-A INPUT -j LOG',
        '-A INPUT -j LOGDROP',
      ];
      for (const r of conditional) {
        assert.deepEqual(codes(table(`:LOGDROP - [0:0]\n${r}\n-A INPUT -p tcp --dport 22 -j ACCEPT`)), [], r);
      }
      assert.deepEqual(codes(table('-A INPUT -m comment --comment "default deny" -j DROP\n-A INPUT -j ACCEPT')), ['6:unreachable-rule']);
      assert.deepEqual(codes(table('-A INPUT -p all -j DROP\n-A INPUT -j ACCEPT')), ['6:unreachable-rule']);
    });
    it('Japanese message', () => {
      const d = check(f, table('-A INPUT -j DROP\n-A INPUT -j ACCEPT'), { ...ctx('ja'), uri: 'file:///etc/iptables/rules.v4' });
      assert.match(d[0].message, /破棄/);
    });
  });
});

describe('iptables: a udp port above 65535', () => {
  it('is a warning that names the port the rule really matches, and an error for tcp', () => {
    const udp = check(f, '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -m udp --dport 99999 -j ACCEPT\nCOMMIT\n');
    const w = udp.find((d) => d.code === 'iptables/port-wraps');
    assert.ok(w && w.severity === 2 && w.range.start.line === 2 && w.message.includes('34463'), JSON.stringify(udp));
    const tcp = check(f, '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 99999 -j ACCEPT\nCOMMIT\n');
    assert.ok(tcp.some((d) => d.code === 'iptables/invalid-value' && d.severity === 1));
  });
});

describe('iptables: host-dependent and backwards values', () => {
  it('warns that a connlabel name depends on connlabel.conf, and not for a label number', () => {
    const d = check(f, table('-A INPUT -m connlabel --label established-ok -j ACCEPT\n-A INPUT -m connlabel --label 12 -j ACCEPT'));
    const w = d.filter((x) => x.code === 'iptables/connlabel-name');
    assert.equal(w.length, 1, JSON.stringify(d));
    assert.ok(w[0].severity === 2 && w[0].range.start.line === 4 && w[0].message.includes('connlabel.conf'));
  });
  it('judges a connlabel name by this machine\'s connlabel.conf when it can read it, as iptables-restore here does', () => {
    const rules = table('-A INPUT -m connlabel --label established-ok -j ACCEPT\n-A INPUT -m connlabel --label 12 -j ACCEPT');
    const on = (conf: string | null) => check(f, rules, { ...ctx(), host: { exists: () => undefined, users: () => undefined, groups: () => undefined, readConfig: (p) => (p === '/etc/xtables/connlabel.conf' ? conf : undefined) } });
    const missing = on(null).filter((x) => x.code === 'iptables/connlabel-unknown');
    assert.equal(missing.length, 1);
    assert.ok(missing[0].severity === 1 && missing[0].range.start.line === 4 && /does not exist/.test(missing[0].message) && /depends on the machine/.test(missing[0].message));
    assert.match(on('# labels\n3 other\n').find((x) => x.code === 'iptables/connlabel-unknown')!.message, /does not name it/);
    assert.deepEqual(on('7 established-ok\n').filter((x) => /connlabel/.test(String(x.code))), []);
  });
  it('refuses DROP in the nat table, as -j and as a -P policy, and not as a chain line\'s policy (iptables-restore takes that)', () => {
    const d = check(f, '*nat\n:PREROUTING DROP [0:0]\n-P OUTPUT DROP\n-A PREROUTING -p tcp --dport 23 -j DROP\nCOMMIT\n');
    assert.deepEqual(d.filter((x) => x.code === 'iptables/target-not-in-table').map((x) => [x.range.start.line, x.severity]), [[2, 1], [3, 1]]);
  });
  it('says a backwards udp range matches nothing and suggests the rising one', () => {
    const d = check(f, table('-A INPUT -p udp -m udp --dport 53:10 -j ACCEPT'));
    const w = d.find((x) => x.code === 'iptables/range-backwards');
    assert.ok(w && w.severity === 2 && w.message.includes('10:53'), JSON.stringify(d));
  });
});

describe('iptables: options the tool reads differently from their look', () => {
  // iptables-restore --test takes these; loading them needs a rate estimator / the CLUSTERIP module on the host.
  it('takes an optional rate after rateest --rateest-bps/--rateest-pps and their 1/2 forms', () => {
    const d = codes(table('-A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps 8bit\n-A INPUT -m rateest --rateest-delta --rateest1 A --rateest-bps1 8bit --rateest-lt --rateest-bps2 16bit\n-A INPUT -m rateest --rateest RE1 --rateest-gt --rateest-pps'));
    assert.deepEqual(d.filter((c) => !c.endsWith('extension-unavailable')), []);
  });
  it("reads CLUSTERIP's --new as its own option, not as --new-chain", () => {
    const d = check(f, table('-A INPUT -d 10.0.0.1/32 -i lo -j CLUSTERIP --new --hashmode sourceip --clustermac 01:00:5E:00:00:20 --total-nodes 2 --local-node 1'));
    assert.deepEqual(d.filter((x) => x.severity === 1).map((x) => x.code), []);
  });
});
