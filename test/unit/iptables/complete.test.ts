import { strict as assert } from 'node:assert';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { ctx, cursor, labelsAt } from '../helpers/cursor';

const T = (rule: string) => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:LOGDROP - [0:0]\n${rule}\nCOMMIT\n`;
const v6 = { ...ctx(), uri: 'file:///etc/iptables/rules.v6' };

describe('iptables completion', () => {
  it('line starts: tables outside, -A and COMMIT inside', () => {
    assert.deepEqual(labelsAt(f, '|'), ['*filter', '*nat', '*mangle', '*raw', '*security']);
    const inside = labelsAt(f, T('|'));
    assert.ok(inside.includes('-A') && inside.includes('COMMIT'), inside.join(' '));
    assert.deepEqual(labelsAt(f, '*nat\n:|\nCOMMIT\n'), [':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]']);
  });
  it('chains after -A: built-in and declared', () => {
    assert.deepEqual(labelsAt(f, T('-A |')), ['INPUT', 'FORWARD', 'OUTPUT', 'LOGDROP']);
  });
  it('options depend on the loaded matches', () => {
    const afterTcp = labelsAt(f, T('-A INPUT -p tcp -m tcp |'));
    for (const o of ['--dport', '--sport', '--tcp-flags', '--syn', '-s', '-j']) assert.ok(afterTcp.includes(o), o);
    assert.ok(!labelsAt(f, T('-A INPUT |')).includes('--dport'));
    assert.ok(labelsAt(f, T('-A INPUT -p udp |')).includes('--dport'), 'from the implicit udp match');
    assert.ok(labelsAt(f, T('-A INPUT -m state |')).includes('--state'));
    assert.ok(labelsAt(f, T('-A INPUT -j LOG |')).includes('--log-prefix'));
    assert.ok(!labelsAt(f, T('-A INPUT -j ACCEPT |')).includes('-A'), 'no second command');
  });
  it('matches after -m, protocols after -p (per family)', () => {
    const m = labelsAt(f, T('-A INPUT -m |'));
    for (const x of ['state', 'conntrack', 'multiport', 'limit', 'comment', 'recent']) assert.ok(m.includes(x), x);
    assert.ok(labelsAt(f, T('-A INPUT -p |')).includes('icmp'));
    assert.ok(!labelsAt(f, T('-A INPUT -p |'), v6).includes('icmp'));
    assert.ok(labelsAt(f, T('-A INPUT -p |'), v6).includes('icmpv6'));
  });
  it('targets after -j: valid in this table and chain, plus user chains', () => {
    const filter = labelsAt(f, T('-A INPUT -j |'));
    for (const x of ['ACCEPT', 'DROP', 'REJECT', 'LOG', 'RETURN', 'LOGDROP']) assert.ok(filter.includes(x), x);
    assert.ok(!filter.includes('DNAT') && !filter.includes('MASQUERADE'));
    const post = labelsAt(f, '*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -j |\nCOMMIT\n');
    assert.ok(post.includes('MASQUERADE') && post.includes('SNAT') && !post.includes('DNAT') && !post.includes('REJECT'));
    assert.deepEqual(labelsAt(f, T('-A INPUT -g |')), ['LOGDROP']);
  });
  it("targets after -j: the common verdicts first, then the file's chains, then every other target", () => {
    const { text, pos } = cursor(T('-A INPUT -j |'));
    const sorted = f.complete(f.parse(text), pos, ctx()).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 6), ['ACCEPT', 'DROP', 'REJECT', 'LOG', 'RETURN', 'LOGDROP']);
  });
  it('values: reject types per family, log levels, states after a comma', () => {
    const v4 = labelsAt(f, T('-A INPUT -j REJECT --reject-with |'), { ...ctx(), uri: 'file:///etc/iptables/rules.v4' });
    assert.ok(v4.includes('icmp-host-prohibited') && v4.includes('tcp-reset') && !v4.includes('icmp6-adm-prohibited'));
    assert.ok(labelsAt(f, T('-A INPUT -j REJECT --reject-with |'), v6).includes('icmp6-adm-prohibited'));
    assert.deepEqual(labelsAt(f, T('-A INPUT -j LOG --log-level |')), ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug']);
    assert.deepEqual(labelsAt(f, T('-A INPUT -m state --state NEW,|')), ['INVALID', 'ESTABLISHED', 'RELATED', 'UNTRACKED']);
    assert.ok(labelsAt(f, T('-A INPUT -m conntrack --ctstate |')).includes('DNAT'));
  });
  it('a state after a comma replaces only the part after it, and items carry docs', () => {
    const { text, pos } = cursor(T('-A INPUT -m state --state NEW,EST|'));
    const items = f.complete(f.parse(text), pos, ctx('ja'));
    const est = items.find((i) => i.label === 'ESTABLISHED')!;
    assert.equal((est.textEdit as any).range.start.character, '-A INPUT -m state --state NEW,'.length);
    assert.match((est.documentation as any).value, /確立済み/);
  });
  it('well-known ports after --dport', () => {
    const ports = labelsAt(f, T('-A INPUT -p udp --dport |'));
    assert.ok(ports.includes('22') && ports.includes('514'));
  });
});
