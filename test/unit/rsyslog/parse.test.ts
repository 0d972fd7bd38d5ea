import { strict as assert } from 'node:assert';
import { parse } from '../../../server/src/languages/rsyslog/parse';
import type { LegacyAction, ObjectStmt, RuleStmt } from '../../../server/src/languages/rsyslog/tree';

describe('rsyslog parse', () => {
  it('splits a selector into facilities, modifiers and priorities with exact offsets', () => {
    const d = parse('auth,authpriv.!=info;mail.none\t-/var/log/x\n');
    const r = d.tree.statements[0] as RuleStmt;
    assert.equal(r.type, 'rule');
    const [a, b] = r.selector.items;
    assert.deepEqual(a.facilities.map((f) => [f.text, f.start, f.end]), [['auth', 0, 4], ['authpriv', 5, 13]]);
    assert.equal(a.modifier, '!=');
    assert.deepEqual([a.priority!.text, a.priority!.start], ['info', 16]);
    assert.equal(b.priority!.text, 'none');
    const act = r.body[0] as LegacyAction;
    assert.equal(act.form, 'file-nosync');
    assert.equal(act.target.text, '/var/log/x');
    assert.deepEqual(d.problems, []);
  });

  it('joins selectors continued with a backslash over several lines', () => {
    const d = parse('*.=debug;\\\n\tauth,authpriv.none;\\\r\n\tnews.none;mail.none\t-/var/log/debug\r\n');
    const r = d.tree.statements[0] as RuleStmt;
    assert.deepEqual(r.selector.items.map((i) => i.facilities.map((f) => f.text).join(',') + '.' + i.priority!.text), [
      '*.debug',
      'auth,authpriv.none',
      'news.none',
      'mail.none',
    ]);
    assert.equal(d.lines.positionAt(r.selector.items[3].priority!.start).line, 2);
    assert.equal((r.body[0] as LegacyAction).target.text, '/var/log/debug');
  });

  it('reads every legacy action form', () => {
    const src = [
      '*.* /var/log/a;Tpl',
      '*.* -/var/log/b',
      '*.* |/dev/xconsole',
      '*.* ^/usr/bin/prog;Tpl',
      '*.* *',
      '*.* :omusrmsg:root,admin',
      '*.* root,admin',
      '*.* @(o,z9)[2001:db8::1]:10514;RSYSLOG_ForwardFormat',
      '*.* @@logs.example.com',
      '*.* ~',
      '*.* :omrelp:host:2514',
      '*.* ?DynFile',
    ].join('\n');
    const d = parse(src);
    const acts = d.tree.statements.map((s) => (s as RuleStmt).body[0] as LegacyAction);
    assert.deepEqual(acts.map((a) => a.form), [
      'file', 'file-nosync', 'pipe', 'program', 'all-users', 'omusrmsg', 'users', 'udp-forward', 'tcp-forward', 'discard', 'module', 'dynafile',
    ]);
    assert.equal(acts[0].template!.text, 'Tpl');
    assert.deepEqual([acts[7].options!.text, acts[7].host!.text, acts[7].port!.text, acts[7].template!.text], ['o,z9', '2001:db8::1', '10514', 'RSYSLOG_ForwardFormat']);
    assert.equal(acts[8].host!.text, 'logs.example.com');
    assert.equal(acts[8].port, undefined);
    assert.equal(acts[10].module!.text, 'omrelp');
  });

  it('parses RainerScript objects with comments between parameters and blocks', () => {
    const d = parse('module(load="imuxsock" # local\n  SysSock.Use="off") /* c */\ntemplate(name="t" type="list") { property(name="msg") constant(value="\\n") }\nruleset(name="r") { *.* /var/log/r }\n');
    assert.deepEqual(d.problems, []);
    const [m, t, r] = d.tree.statements as ObjectStmt[];
    assert.deepEqual(m.params.map((p) => [p.name.text, p.value!.text]), [['load', 'imuxsock'], ['SysSock.Use', 'off']]);
    assert.equal(t.body!.length, 2);
    assert.equal((t.body![1] as ObjectStmt).params[0].value!.text, '\n');
    assert.equal((r.body![0] as RuleStmt).type, 'rule');
  });

  it('parses if/then/else, property filters, continuations, set, call, foreach and arrays', () => {
    const src = [
      'if $programname == "sshd" and ($msg contains [\'Failed\', "Invalid"]) then {',
      '  set $!user = field($msg, 32, 5);',
      '  action(type="omfile" file="/var/log/ssh-fail.log")',
      '} else if $syslogseverity <= 3 then call alerts',
      'else stop',
      ':msg, !contains, "error" /var/log/ok.log',
      '& stop',
      'foreach ($.i in $!list) do { unset $.i; }',
    ].join('\n');
    const d = parse(src);
    assert.deepEqual(d.problems, []);
    assert.deepEqual(d.tree.statements.map((s) => s.type), ['if', 'propfilter', 'continuation', 'foreach']);
    const pf = d.tree.statements[1];
    assert.ok(pf.type === 'propfilter' && pf.negate && pf.op!.text === 'contains' && pf.value!.text === 'error');
  });

  it('reports unbalanced parentheses, braces and quotes on the right lines and keeps going', () => {
    const d = parse('module(load="imtcp"\ninput(type="imtcp" port="514")\nruleset(name="r") {\n *.* /var/log/r\n');
    const got = d.problems.map((p) => `${p.range.start.line}:${p.code}`);
    assert.deepEqual(got, ['0:rsyslog/unbalanced-paren', '2:rsyslog/unbalanced-brace']);
    assert.equal(d.tree.statements[1].type, 'object');
    const q = parse('input(type="imudp port="514")\n*.* /var/log/x\n');
    assert.ok(q.problems.some((p) => p.code === 'rsyslog/unterminated-string' || p.code === 'rsyslog/unexpected'));
    assert.equal(q.tree.statements[q.tree.statements.length - 1].type, 'rule');
  });

  it('reads 1 MB lines (an action, an unterminated string, a long expression)', () => {
    const big = 'a'.repeat(1 << 20);
    assert.equal(((parse('*.* /' + big).tree.statements[0] as RuleStmt).body[0] as LegacyAction).target.text.length, (1 << 20) + 1);
    assert.deepEqual(parse('input(type="' + big).problems.map((p) => p.code), ['rsyslog/unterminated-string', 'rsyslog/unbalanced-paren']);
    assert.equal(parse('if ' + '('.repeat(1000) + big + ' then stop').tree.statements[0].type, 'if');
  });

  it('never throws on arbitrary input and handles a missing final newline and CRLF', () => {
    const junk = ['', '(', ')', '}{', '"', "'", '\\', '$', ':', '&', '@', 'if', 'if then', 'template(', '*.', '*.*;', '/*', 'a.b c\\', '\r\n\r\n'];
    for (const j of junk) for (const k of junk) assert.doesNotThrow(() => parse(j + k));
    const d = parse('mail.*\t/var/log/mail.log\r\nkern.*\t/var/log/kern.log');
    assert.equal(d.tree.statements.length, 2);
    assert.equal(((d.tree.statements[0] as RuleStmt).body[0] as LegacyAction).target.text, '/var/log/mail.log');
  });
});
