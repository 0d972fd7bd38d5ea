import { strict as assert } from 'node:assert';
import { F } from './util';

const src = [
  '# one',
  '# two',
  'module(load="imudp")',
  'input(type="imudp" port="514")',
  'template(name="T" type="list") {',
  '  property(name="msg")',
  '}',
  'ruleset(name="remote") {',
  '  mail.* /var/log/remote-mail',
  '  action(type="omfwd"',
  '         target="h" port="514")',
  '}',
  '*.info;mail.none\t/var/log/messages',
].join('\n');

describe('rsyslog symbols and folding', () => {
  it('outlines modules, inputs, templates, rulesets with their rules, and rules by selector', () => {
    const s = F.symbols(F.parse(src));
    assert.deepEqual(s.map((x) => x.name), ['module imudp', 'input imudp :514', 'T', 'remote', '*.info;mail.none']);
    assert.deepEqual(s[3].children!.map((x) => x.name), ['mail.*', 'action omfwd']);
    assert.equal(s[4].range.start.line, 12);
    assert.equal(s[4].detail, '/var/log/messages');
  });

  it('folds blocks, multi-line objects and comment blocks', () => {
    const f = F.folding(F.parse(src)).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ':' + r.kind : ''}`);
    assert.deepEqual(f, ['0-1:comment', '4-5', '7-10', '9-10']);
  });
});
