import { strict as assert } from 'node:assert';
import { checkNames, type NamesGrammar } from '../../../server/src/languages/iptables/grammars';
import { ipv6Value, tcTimes } from '../../../server/src/languages/iptables/generatedValues';
import { inetAton } from '../../../server/src/languages/iptables/valueSyntax';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';

// Each value below was run through iptables-restore / ip6tables-restore 1.8.9 (issue 14, the
// differential fuzzer's misses): `ok` ones load, `refused` ones do not.
const codes = (text: string, family: 'v4' | 'v6') => check(f, `*filter\n${text}\nCOMMIT\n`, { ...ctx(), uri: `file:///etc/iptables/rules.${family}` }).filter((d) => d.severity === 1).map((d) => String(d.code));

describe('iptables value kinds learnt from the tool (issue 14)', () => {
  it('time --monthdays: the first two characters of each day are one number from 0 to 31', () => {
    const g: NamesGrammar = { values: [], list: true, allowEmpty: true, numbers: { min: 0, max: 31 }, firstChars: 2 };
    assert.deepEqual(['1,31', '300', '031', '07', '1,,2', ' 1', '+1'].filter((v) => checkNames(v, g, 'ipv4')), []);
    assert.deepEqual(['0x1f', '1/0', '99999999999', '08', '32', '1,3x'].filter((v) => !checkNames(v, g, 'ipv4')), []);
  });

  it('time --weekdays: one comma may end the list, no other entry may be empty (it reads as day 0)', () => {
    const g: NamesGrammar = { values: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], list: true, trailingComma: true, startsWith: true, numbers: { min: 1, max: 4294967295, maxDigits: 9 } };
    assert.deepEqual(['Mon,Fri', 'Mo,', '', '1,7'].filter((v) => checkNames(v, g, 'ipv4')), []);
    assert.deepEqual([',Mo', 'Mo,,Tu', ',', 'Mo,,'].filter((v) => !checkNames(v, g, 'ipv4')), []);
  });

  it('mh --mh-type: any start of a type name, or numbers, as TYPE[:TYPE]', () => {
    const g: NamesGrammar = { values: ['binding-update', 'bu', 'home-test-init', 'hoti', 'careof-test-init', 'coti'], range: true, allowEmpty: true, caseInsensitive: true, prefix: true, numbers: { min: 0, max: 255 } };
    assert.deepEqual(['b', 'BU', 'binding-up', 'hoti:coti', '1:', ':2', '0x10'].filter((v) => checkNames(v, g, 'ipv6')), []);
    assert.deepEqual(['abc', '1:abc', '1x', '256', 'bu,ba'].filter((v) => !checkNames(v, g, 'ipv6')), []);
  });

  it('reads inet_aton and IPv6 masks as numbers', () => {
    assert.equal(inetAton('300'), 300);
    assert.equal(inetAton('255.255.0.0'), 0xffff0000);
    assert.equal(inetAton('10.1'), 0x0a000001);
    assert.equal(inetAton('1.2.3.4.5'), undefined);
    assert.equal(ipv6Value('ffff::'), 0xffffn << 112n);
    assert.equal(ipv6Value('::ffff:1.2.3.4'), 0xffff01020304n);
  });

  it('RATEEST times: strtod with a unit, bare numbers in microseconds; readings of both platforms past 32 bits', () => {
    assert.deepEqual(tcTimes('250ms'), [250000]);
    assert.deepEqual(tcTimes('1.5SEC'), [1500000]);
    assert.deepEqual(tcTimes('1e3'), [1000]);
    assert.equal(tcTimes('1x'), 'bad');
    assert.equal(tcTimes('abc'), 'bad');
    assert.deepEqual(tcTimes('99999999999'), [99999999999 % 2 ** 32, 2 ** 32 - 1]);
    assert.equal(tcTimes('0x10'), undefined);
  });

  it('a prefix length or mask is judged by the file family (connlimit, hashlimit)', () => {
    const mask = (v: string) => `-A INPUT -m connlimit --connlimit-above 1 --connlimit-mask ${v}`;
    assert.deepEqual(codes(mask('300'), 'v6'), ['iptables/invalid-value']);
    assert.deepEqual(codes(mask('ffff::'), 'v6'), []);
    assert.deepEqual(codes(mask('300'), 'v4'), []); // inet_aton: the mask 0.0.1.44
    assert.deepEqual(codes(mask('ffff::'), 'v4'), ['iptables/invalid-value']);
    // hashlimit's kernel module wants a prefix: 33 is the mask 0.0.0.33 to IPv4.
    assert.deepEqual(codes('-A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-srcmask 33', 'v4'), ['iptables/invalid-value']);
    assert.deepEqual(codes('-A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-srcmask 33', 'v6'), []);
  });

  it('bounds that differ by family: TCPMSS --set-mss is at most 65495 in IPv6, 65515 in IPv4', () => {
    assert.deepEqual(codes('-A FORWARD -p tcp -j TCPMSS --set-mss 65515', 'v4'), []);
    assert.deepEqual(codes('-A FORWARD -p tcp -j TCPMSS --set-mss 65515', 'v6'), ['iptables/value-out-of-range']);
  });

  it('a number followed by junk is read up to the junk, and that number is judged', () => {
    assert.deepEqual(codes('-A INPUT -m limit --limit 1x', 'v4'), []);
    assert.deepEqual(codes('-A INPUT -m limit --limit 0x', 'v4'), ['iptables/invalid-value']);
    // strtoul(…, 0) reads 0x10 as 16 where atoi reads 0: left to the tool.
    assert.deepEqual(codes('-A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-burst 0x10', 'v4'), []);
  });

  it('options that need another one, with a value and in order (rt), or as xtables names it (policy --next)', () => {
    assert.deepEqual(codes('-A INPUT -m rt --rt-type 0 --rt-0-addrs 2001:db8::1', 'v6'), []);
    assert.deepEqual(codes('-A INPUT -m rt --rt-0-addrs 2001:db8::1 --rt-type 0', 'v6'), ['iptables/option-needs-option']);
    assert.deepEqual(codes('-A INPUT -m rt --rt-type 2 --rt-0-addrs 2001:db8::1', 'v6'), ['iptables/option-needs-option']);
    assert.deepEqual(codes('-A INPUT -m policy --dir in --next', 'v4'), ['iptables/option-needs-option']);
  });

  it('conditions between two values: time --contiguous, RATEEST interval and averaging time', () => {
    assert.deepEqual(codes('-A INPUT -m time --timestart 22:00 --timestop 06:00 --contiguous', 'v4'), []);
    assert.deepEqual(codes('-A INPUT -m time --timestop 06:00 --contiguous', 'v4'), ['iptables/option-needs-option']);
    assert.deepEqual(codes('-A INPUT -m time --timestart 06:00 --contiguous', 'v4'), ['iptables/option-needs-option']);
    assert.deepEqual(codes('-A INPUT -m time --timestop 00:00 --contiguous', 'v4'), []);
    assert.deepEqual(codes('-A INPUT -j RATEEST --rateest-name x --rateest-interval 250ms --rateest-ewmalog 361ms', 'v4'), []);
    assert.deepEqual(codes('-A INPUT -j RATEEST --rateest-name x --rateest-interval 250ms --rateest-ewmalog 360ms', 'v4'), ['iptables/option-needs-option']);
  });
});
