import { strict as assert } from 'node:assert';
import { ctx, labelsAt } from '../helpers/cursor';
import { F, workspace } from './util';

const labels = (t: string, c = ctx()) => labelsAt(F, t, c);

describe('rsyslog completion', () => {
  it('offers facilities at the start of a line and after , or ;', () => {
    for (const t of ['|', 'ma|', 'mail,|', '*.info;|']) {
      const l = labels(t);
      assert.ok(l.includes('mail') && l.includes('local7') && l.includes('authpriv'), t);
    }
    assert.ok(labels('|').includes('module'));
    assert.ok(!labels('mail,|').includes('module'));
  });

  it('offers priorities and modifiers after the dot', () => {
    const l = labels('mail.|');
    for (const p of ['debug', 'info', 'warning', 'emerg', 'none', '*', '=', '!', '!=']) assert.ok(l.includes(p), p);
    assert.ok(labels('mail.=|').includes('info'));
    assert.ok(labels('mail.!=in|').includes('info'));
  });

  it('offers action forms after a selector', () => {
    const l = labels('mail.*\t\t|');
    assert.ok(l.includes('-/path/to/file'));
    assert.ok(l.includes('@@host'));
    assert.ok(l.includes('stop'));
    assert.ok(l.includes('action(type="…")'));
    assert.ok(labels('& |').includes('stop'));
  });

  it('offers $ directives', () => {
    const l = labels('$Mod|');
    assert.ok(l.includes('$ModLoad'));
    assert.ok(l.includes('$UDPServerRun'));
  });

  it('offers module names in load= and type= by module kind', () => {
    assert.ok(labels('module(load="|")').includes('imudp'));
    const inputs = labels('input(type="|")');
    assert.ok(inputs.includes('imtcp'));
    assert.ok(!inputs.includes('omfwd'));
    assert.ok(labels('*.* action(type="|")').includes('omfwd'));
  });

  it('offers parameter names and enum values inside objects', () => {
    const p = labels('input(type="imudp" |)');
    assert.ok(p.includes('port'));
    assert.ok(p.includes('ruleset'));
    assert.ok(!p.includes('type'));
    assert.ok(labels('*.* action(type="omfwd" |').includes('protocol'));
    assert.ok(labels('*.* action(type="omfwd" protocol="|")').includes('tcp'));
    assert.ok(labels('main_queue(queue.type="|")').includes('LinkedList'));
  });

  it('offers templates and rulesets defined in the workspace', () => {
    const ws = workspace({ 'file:///etc/rsyslog.conf': 'template(name="Mine" type="string" string="%msg%")\nruleset(name="remote") { stop }\n' });
    assert.ok(labels('*.* /var/log/x;|', ws).includes('Mine'));
    assert.ok(labels('*.* /var/log/x;|', ws).includes('RSYSLOG_FileFormat'));
    assert.ok(labels('*.* action(type="omfile" file="/x" template="|")', ws).includes('Mine'));
    assert.ok(labels('input(type="imudp" ruleset="|")', ws).includes('remote'));
    assert.ok(labels('call |', ws).includes('remote'));
  });

  it('offers properties and compare operations in property filters', () => {
    assert.ok(labels(':|').includes('msg'));
    assert.ok(labels(':msg, |').includes('contains'));
    assert.ok(labels(':msg, !st|').includes('startswith'));
  });

  it('gives documentation in the docs language', () => {
    const items = F.complete(F.parse('mail.'), { line: 0, character: 5 }, ctx('ja'));
    const info = items.find((i) => i.label === 'info')!;
    assert.match((info.documentation as { value: string }).value, /[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
