import { strict as assert } from 'node:assert';
import { definition, documentLinks, highlights, references, rename, RenameRefused } from '../../../server/src/languages/common/navigation';
import { rsyslogFacade as F } from '../../../server/src/languages/rsyslog/index';
import { applyEdits, runTool, where, workspace } from '../helpers/navigation';

const MAIN = 'file:///srv/copy/etc/rsyslog.conf';
const DROP = 'file:///srv/copy/etc/rsyslog.d/10-remote.conf';
const OTHER_HOST = 'file:///srv/other/etc/rsyslog.conf';

const main = `template(name="RemoteFormat" type="string" string="%msg%\\n")
ruleset(name="remote") {
  action(type="omfile" file="/var/log/remote.log" template="RemoteFormat")
}
include(file="/etc/rsyslog.d/*.conf")
`;

describe('rsyslog navigation', () => {
  it('jumps from a template used in a drop-in to its definition in rsyslog.conf', () => {
    const w = workspace(F, { [MAIN]: main, [DROP]: 'action(type="omfile" file="/var/log/x" template="remote|format")\n' });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['rsyslog.conf:0:15']);
  });

  it('finds every use of a ruleset: call, input binding and its definition, not another host\'s', () => {
    const w = workspace(F, {
      [DROP]: 'input(type="imtcp" port="514" ruleset="remote")\nif $msg contains "x" then { call rem|ote }\n',
      [MAIN]: main,
      [OTHER_HOST]: 'ruleset(name="remote") { stop }\n',
    });
    assert.deepEqual(references(F, w.doc, w.pos, w.ctx).map(where).sort(), ['10-remote.conf:0:39', '10-remote.conf:1:33', 'rsyslog.conf:1:14']);
    assert.deepEqual(references(F, w.doc, w.pos, w.ctx, false).map(where).sort(), ['10-remote.conf:0:39', '10-remote.conf:1:33']);
  });

  it('follows $ActionOmrulesetRulesetName to the ruleset, and renames it there too', () => {
    const legacy = '$RuleSet remote\n*.* /var/log/remote.log\n$RuleSet RSYSLOG_DefaultRuleset\n$ActionOmrulesetRulesetName rem|ote\n*.* :omruleset:\n';
    const w = workspace(F, { [DROP]: legacy });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['10-remote.conf:0:9']);
    const edits = rename(F, w.doc, w.pos, 'remote_in', w.ctx)!.changes![DROP];
    assert.equal(applyEdits(w.doc.text, edits).split('\n')[3], '$ActionOmrulesetRulesetName remote_in');
  });

  it('renames a template in both files, ignoring case as rsyslog does', () => {
    const w = workspace(F, { [MAIN]: main, [DROP]: '*.* /var/log/fmt.log;remoteformat|\n' });
    const edit = rename(F, w.doc, w.pos, 'WideFormat', w.ctx)!;
    const summary = Object.entries(edit.changes!).map(([u, es]) => `${u.slice(u.lastIndexOf('/') + 1)}:${es.map((e) => `${e.range.start.line}:${e.range.start.character}=${e.newText}`).join(',')}`);
    assert.deepEqual(summary.sort(), ['10-remote.conf:0:21=WideFormat', 'rsyslog.conf:0:15=WideFormat,2:60=WideFormat']);
  });

  it('gives a configuration rsyslogd -N1 accepts where it accepted the original', function () {
    const conf = 'template(name="Remote|Format" type="string" string="%msg%\\n")\nruleset(name="r") { action(type="omfile" file="/tmp/lac-nav.log" template="RemoteFormat") }\n';
    const w = workspace(F, { [MAIN]: conf });
    const check = (text: string) => runTool('rsyslogd', (file) => ['-N1', '-f', file], text);
    const before = check(w.doc.text);
    if (!before || before.status !== 0) this.skip();
    const renamed = applyEdits(w.doc.text, rename(F, w.doc, w.pos, 'Wide.Format-2', w.ctx)!.changes![MAIN]);
    assert.equal((renamed.match(/Wide\.Format-2/g) ?? []).length, 2);
    const after = check(renamed)!;
    assert.equal(after.status, 0, after.output);
  });

  it('refuses a name rsyslog would reject or that is taken, with the reason', () => {
    const w = workspace(F, { [MAIN]: main.replace('name="remote"', 'name="rem|ote"') + 'ruleset(name="other") { stop }\n' });
    assert.throws(() => rename(F, w.doc, w.pos, 'a\"b', w.ctx), (e: Error) => e instanceof RenameRefused && /does not accept/.test(e.message));
    assert.throws(() => rename(F, w.doc, w.pos, 'Other', w.ctx), /already defined/);
    assert.throws(() => rename(F, w.doc, w.pos, '9lives', w.ctx), /cannot be written after 'call'/);
    const t = workspace(F, { [MAIN]: 'template(name="x|y" type="string" string="a")\n' });
    assert.throws(() => rename(F, t.doc, t.pos, 'RSYSLOG_Mine', t.ctx), /reserved/);
    const b = workspace(F, { [MAIN]: '*.* /var/log/a;RSYSLOG_File|Format\n' });
    assert.throws(() => rename(F, b.doc, b.pos, 'Mine', b.ctx), /built into rsyslog/);
  });

  it('highlights an output channel: its definition as a write, its use as a read', () => {
    const w = workspace(F, { [MAIN]: '$outchannel big,/var/log/big.log,1000\n*.* :omfile:$b|ig\n' });
    assert.deepEqual(highlights(F, w.doc, w.pos, w.ctx).map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character}/${h.kind}`), ['0:12-15/3', '1:13-16/2']);
  });

  it('finds lookup tables from lookup() calls', () => {
    const w = workspace(F, { [MAIN]: 'lookup_table(name="hosts" file="/etc/rsyslog.d/hosts.json")\nset $.h = lookup("ho|sts", $hostname);\n' });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['rsyslog.conf:0:19']);
  });

  it('goes from an include to the files its glob matches in the copy of the tree', () => {
    const asked: string[] = [];
    const host = { exists: () => true, users: () => undefined, groups: () => undefined, glob: (g: string) => (asked.push(g), ['/srv/copy/etc/rsyslog.d/10-remote.conf', '/srv/copy/etc/rsyslog.d/20-app.conf']) };
    const w = workspace(F, { [MAIN]: main.replace('rsyslog.d/*.conf', 'rsyslog.d/*.c|onf') }, { host });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['10-remote.conf:0:0', '20-app.conf:0:0']);
    assert.deepEqual(asked, ['/srv/copy/etc/rsyslog.d/*.conf']);
  });

  it('links the folder of a dynafile template', () => {
    const w = workspace(F, { [MAIN]: 'template(name="PerHost" type="string" string="/var/log/remote/%HOSTNAME%.log")\n|' });
    assert.deepEqual(documentLinks(F, w.doc, w.ctx).map((l) => `${l.range.start.character}-${l.range.end.character}:${l.target}`), ['46-61:file:///srv/copy/var/log/remote']);
  });

  it('links includes into the copy of the system tree and log files to the log viewer', () => {
    const w = workspace(F, { [MAIN]: main + '$IncludeConfig /etc/rsyslog.d/*.conf\n*.info /var/log/messages\n|' });
    const links = documentLinks(F, w.doc, w.ctx).map((l) => `${l.range.start.line}:${decodeURIComponent(l.target!)}`);
    assert.deepEqual(links, [
      '2:command:linuxAdminConfigs.logViewer.open?["file:///srv/copy/var/log/remote.log"]',
      '4:file:///srv/copy/etc/rsyslog.d',
      '5:file:///srv/copy/etc/rsyslog.d',
      '6:command:linuxAdminConfigs.logViewer.open?["file:///srv/copy/var/log/messages"]',
    ]);
  });
});
