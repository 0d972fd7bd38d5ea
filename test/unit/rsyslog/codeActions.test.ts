import { strict as assert } from 'node:assert';
import { check, ctx } from '../helpers/cursor';
import { F, workspace } from './util';
import type { LanguageContext } from '../../../server/src/languages/common/types';

function fixes(text: string, code: string, c: LanguageContext = ctx()) {
  const doc = F.parse(text);
  const d = check(F, text, c).find((x) => x.code === code)!;
  assert.ok(d, `no ${code}`);
  return F.codeActions!(doc, d, c).map((a) => ({ title: a.title, edits: a.edit!.changes![c.uri].map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}=${e.newText}`) }));
}

describe('rsyslog quick fixes', () => {
  it('replaces * with :omusrmsg:* and ~ with stop', () => {
    assert.deepEqual(fixes('*.emerg\t*\n', 'rsyslog/deprecated-action')[0].edits, ['0:8-9=:omusrmsg:*']);
    assert.deepEqual(fixes(':msg, contains, "x" ~\n', 'rsyslog/deprecated-action')[0].edits, ['0:20-21=stop']);
  });

  it('rewrites $ModLoad and $UDPServerRun into RainerScript, loading the module when needed', () => {
    assert.deepEqual(fixes('$ModLoad imudp\n', 'rsyslog/deprecated-directive')[0].edits, ['0:0-14=module(load="imudp")']);
    assert.deepEqual(fixes('$UDPServerRun 514\n', 'rsyslog/deprecated-directive')[0].edits, [
      '0:0-17=input(type="imudp" port="514")',
      '0:0-0=module(load="imudp")\n',
    ]);
    const ws = workspace({ 'file:///etc/rsyslog.conf': 'module(load="imtcp")\n' });
    assert.deepEqual(fixes('$InputTCPServerRun 514\n', 'rsyslog/deprecated-directive', ws)[0].edits, ['0:0-22=input(type="imtcp" port="514")']);
  });

  it('offers did-you-mean replacements and module loads', () => {
    assert.equal(fixes('mial.* /var/log/m\n', 'rsyslog/unknown-facility')[0].title, "Change to 'mail'");
    assert.equal(fixes('input(type="imudp")\n', 'rsyslog/module-not-loaded')[0].title, 'Add module(load="imudp")');
    assert.equal(fixes('mial.* /var/log/m\n', 'rsyslog/unknown-facility', ctx('ja'))[0].title, "'mail' に修正する");
  });
});
