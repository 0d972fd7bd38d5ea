import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { tokenize } from '../../../server/src/languages/iptables/tokens';
import { ctx } from '../helpers/cursor';

describe('iptables parsing', () => {
  it('splits arguments like iptables-restore: double quotes group, a backslash escapes, single quotes stay', () => {
    const t = tokenize('-A INPUT -m comment --comment "say \\"hi\\" now" -j LOG --log-prefix \'x\'');
    assert.deepEqual(t.map((x) => x.text), ['-A', 'INPUT', '-m', 'comment', '--comment', 'say "hi" now', '-j', 'LOG', '--log-prefix', "'x'"]);
    assert.equal(t[5].quoted, true);
    assert.equal(t[9].singleQuoted, true);
    assert.deepEqual(tokenize('a"b c"d').map((x) => x.text), ['ab c', 'd']);
    assert.deepEqual(tokenize('--comment ""').map((x) => x.text), ['--comment', '']);
  });
  it('reads tables, chains with policies and counters, rules with counters', () => {
    const doc = f.parse('*filter\n:INPUT DROP [10:600]\n:MINE - [0:0]\n[5:300] -A INPUT -p tcp -m tcp --dport 22 -j MINE\nCOMMIT\n');
    const t = doc.tree.tables[0];
    assert.equal(t.name, 'filter');
    assert.deepEqual(t.chains.map((c) => [c.name, c.policy, c.counters]), [['INPUT', 'DROP', '[10:600]'], ['MINE', '-', '[0:0]']]);
    const r = t.rules[0];
    assert.deepEqual(r.counters && [r.counters.packets, r.counters.bytes], ['5', '300']);
    assert.equal(r.chain?.text, 'INPUT');
    assert.equal(r.protocol?.name, 'tcp');
    assert.deepEqual(r.matches.map((m) => m.name), ['tcp']);
    assert.equal(r.target?.name, 'MINE');
    assert.equal(t.commitLine, 4);
  });
  it('columns are UTF-16 and CRLF does not leak into tokens', () => {
    const doc = f.parse('*filter\r\n:INPUT ACCEPT [0:0]\r\n-A INPUT -m comment --comment "日本語 ok" -j ACCEPT\r\nCOMMIT\r\n');
    const r = doc.tree.tables[0].rules[0];
    assert.equal(r.target?.name, 'ACCEPT');
    assert.equal(r.target?.token.start, '-A INPUT -m comment --comment "日本語 ok" -j '.length);
    assert.equal(doc.tree.tables[0].commitLine, 3);
  });
  it('never throws on any input, and reads a 1 MB line', () => {
    const alphabet = fc.constantFrom('*filter\n', 'COMMIT\n', ':INPUT ACCEPT [0:0]\n', '-A ', 'INPUT ', '-p ', 'tcp ', '--dport ', '! ', '"', "'", '-m ', 'state ', '--state ', 'NEW,', '-j ', 'REJECT ', '\n', '\r\n', '#', ' ', '[1:2] ', '-s ', '::1/200 ', '-g ', 'X ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const doc = f.parse(text);
        f.validate(doc, ctx());
        f.symbols(doc);
        f.folding(doc);
        f.hover(doc, { line: 1, character: 3 }, ctx());
        f.complete(doc, { line: 1, character: 3 }, ctx());
      }),
      { numRuns: 300 },
    );
    // A 1 MB line still yields the rule (timing belongs to the benchmark, not here).
    const long = '*filter\n-A INPUT ' + '-m comment --comment "x" '.repeat(40000) + '-j ACCEPT\nCOMMIT\n';
    const doc = f.parse(long);
    assert.equal(doc.tree.tables[0].rules[0].target?.name, 'ACCEPT');
    assert.deepEqual(f.validate(doc, ctx()).map((d) => d.code), []);
  });
});
