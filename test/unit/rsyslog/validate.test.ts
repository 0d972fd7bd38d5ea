import { strict as assert } from 'node:assert';
import { check, ctx } from '../helpers/cursor';
import { codes, F, problems, workspace } from './util';

describe('rsyslog validate', () => {
  it('reports unknown facilities and priorities with a did-you-mean', () => {
    const d = check(F, 'mial.info /var/log/mail.log\nauthpriv.warnig /var/log/secure\n');
    assert.deepEqual(d.map((x) => `${x.range.start.line}:${x.range.start.character}:${x.code}`), ['0:0:rsyslog/unknown-facility', '1:9:rsyslog/unknown-priority']);
    assert.match(d[0].message, /Unknown facility 'mial': rsyslog warns and ignores it\. Did you mean 'mail'/);
    assert.match(d[1].message, /'warning'/);
  });

  it('speaks Japanese when the locale is ja', () => {
    const d = check(F, 'mial.info /var/log/mail.log\n', ctx('ja'));
    assert.equal(d[0].message, "'mial' というファシリティはありません（rsyslog は警告して無視します）。 もしかして 'mail'?");
  });

  it('accepts every facility, priority, alias and modifier', () => {
    const facs = ['auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'mark', 'news', 'syslog', 'user', 'uucp', 'local0', 'local7', '*'];
    const prios = ['debug', 'info', 'notice', 'warning', 'warn', 'err', 'error', 'crit', 'alert', 'emerg', 'panic', 'none', '*'];
    const lines: string[] = [];
    for (const f of facs) for (const p of prios) for (const m of ['', '=', '!', '!=']) lines.push(`${f}.${m}${p} /var/log/x`);
    assert.deepEqual(problems(lines.join('\n')), []);
    // The deprecated aliases are hints, not errors.
    assert.deepEqual(codes('mail.warn /var/log/x\n*.panic /var/log/y\n'), ['1:rsyslog/deprecated-name', '2:rsyslog/deprecated-name']);
  });

  it('flags a selector without action and a relative file path', () => {
    assert.deepEqual(codes('kern.*\ncron.* var/log/cron.log\nmail.* -var/log/m\n'), ['1:rsyslog/missing-action', '2:rsyslog/relative-path', '3:rsyslog/relative-sync-path']);
    assert.deepEqual(codes('action(type="omfile" file="log/x.log")\n'.replace(/^/, '*.* ')), ['1:rsyslog/relative-path']);
    // An action on the next line is fine (RainerScript ignores the line break).
    assert.deepEqual(codes('mail.*\n  action(type="omfile" file="/var/log/m")\n'), []);
  });

  it('checks ports of forwarding actions', () => {
    // rsyslogd -N1 accepts any port (0 picks a free one); a port past 65535 fails at start: a warning.
    const d = check(F, '*.* @@logs.example.com:99999\n*.* @[::1]:514\n*.* @10.0.0.1:0\n');
    assert.deepEqual(d.map((x) => `${x.range.start.line + 1}:${x.code}:${x.severity}`), ['1:rsyslog/invalid-port:2']);
  });

  it('flags unknown directives and explains legacy ones with their RainerScript form', () => {
    const d = check(F, '$ModLaod imudp\n$ModLoad imudp\ninput(type="imudp" port="514")\n');
    assert.deepEqual(d.map((x) => `${x.range.start.line}:${x.code}`), ['0:rsyslog/unknown-directive', '1:rsyslog/deprecated-directive']);
    assert.match(d[0].message, /Did you mean '\$ModLoad'/);
    assert.match(d[1].message, /module\(load="imudp"\)/);
    assert.equal(d[1].severity, 4);
    assert.deepEqual(d[1].tags, [2]);
  });

  it('warns about modules it does not know, naming close matches', () => {
    const d = check(F, 'module(load="imudpp")\nmodule(load="omkafka2")\n');
    assert.equal(d[0].code, 'rsyslog/unknown-module');
    assert.equal(d[0].severity, 2);
    assert.match(d[0].message, /'imudp'/);
  });

  it('flags unknown parameters and wrong value types', () => {
    const src = [
      'module(load="imudp")',
      'input(type="imudp" prot="514")',
      'input(type="imudp" port="70000")',
      'module(load="imuxsock" SysSock.Use="maybe")',
      'main_queue(queue.size="lots")',
      'action(type="omfwd" target="h" protocol="sctp")',
      'global(maxMessageSize="64kk")',
      'template(name="x" type="text" string="y")',
    ].join('\n');
    assert.deepEqual(codes(src), [
      '2:rsyslog/missing-parameter',
      '2:rsyslog/unknown-parameter',
      '3:rsyslog/invalid-port',
      '4:rsyslog/invalid-value',
      '5:rsyslog/invalid-value',
      '6:rsyslog/invalid-value',
      '7:rsyslog/invalid-value',
      '8:rsyslog/invalid-value',
    ]);
    assert.match(check(F, src)[1].message, /Did you mean 'port'/);
  });

  it('warns about an input whose module is never loaded, looking at the whole workspace', () => {
    assert.deepEqual(codes('input(type="imudp" port="514")\n'), ['1:rsyslog/module-not-loaded']);
    const ws = workspace({ 'file:///etc/rsyslog.conf': 'module(load="imudp")\n' });
    assert.deepEqual(codes('input(type="imudp" port="514")\n', ws), []);
    // Built-in modules need no load.
    assert.deepEqual(codes('*.* action(type="omfile" file="/var/log/x")\n*.* action(type="omfwd" target="h" port="514")\n'), []);
  });

  it('warns when the module is loaded only further down the same file', () => {
    assert.deepEqual(codes('input(type="imudp" port="514")\nmodule(load="imudp")\n'), ['1:rsyslog/module-loaded-later']);
    assert.deepEqual(codes('module(load="imudp")\ninput(type="imudp" port="514")\n'), []);
  });

  it('keeps separate configuration trees of one workspace apart', () => {
    const others = workspace({
      'file:///hostA/etc/rsyslog.conf': 'module(load="imudp")\n',
      'file:///hostB/etc/rsyslog.conf': 'module(load="imtcp")\n',
    });
    const c = { ...others, uri: 'file:///hostA/etc/rsyslog.d/remote.conf' };
    assert.deepEqual(codes('input(type="imudp" port="514")\ninput(type="imtcp" port="514")\n', c), ['2:rsyslog/module-not-loaded']);
  });

  it('warns about a module loaded twice, also across files', () => {
    assert.deepEqual(codes('module(load="imudp")\nmodule(load="imudp")\ninput(type="imudp" port="514")\n'), ['2:rsyslog/duplicate-module']);
    const ws = workspace({ 'file:///etc/rsyslog.conf': 'module(load="imtcp")\n' });
    const d = check(F, '$ModLoad imtcp\n', ws);
    assert.ok(d.some((x) => x.code === 'rsyslog/duplicate-module' && x.relatedInformation?.[0].location.uri === 'file:///etc/rsyslog.conf'));
  });

  it('says when a template is used before rsyslog has read its definition, in reading order', () => {
    const t = (n: string) => `template(name="${n}" type="string" string="%msg%\\n")\n`;
    assert.deepEqual(codes('*.* /var/log/a;Later\n' + t('Later')), ['1:rsyslog/template-defined-later']);
    // rsyslog.conf up to its include, then the drop-ins by name, then the rest of rsyslog.conf.
    const ws = workspace({
      'file:///etc/rsyslog.conf': t('Early') + '$IncludeConfig /etc/rsyslog.d/*.conf\n' + t('Late'),
      'file:///etc/rsyslog.d/10-first.conf': t('First'),
      'file:///etc/rsyslog.d/90-last.conf': t('Last'),
    });
    const c = { ...ws, uri: 'file:///etc/rsyslog.d/50-app.conf' };
    const d = check(F, '*.* /var/log/a;Early\n*.* /var/log/b;First\n*.* /var/log/c;Last\n*.* /var/log/d;Late\n', c);
    assert.deepEqual(d.map((x) => `${x.range.start.line + 1}:${x.code}`), ['3:rsyslog/template-defined-later', '4:rsyslog/template-defined-later']);
    assert.match(d[0].message, /defined only further on \(rsyslog\.d\/90-last\.conf:1\)/);
    assert.equal(d[1].relatedInformation?.[0].location.uri, 'file:///etc/rsyslog.conf');
    // Defaults (module() parameters, $Action…DefaultTemplate) are looked up when actions are made.
    assert.deepEqual(codes('module(load="builtin:omfile" template="Later")\n' + t('Later')), []);
    assert.deepEqual(codes('$ActionFileDefaultTemplate Later\n' + t('Later')).filter((c) => !c.endsWith('deprecated-directive')), []);
    assert.deepEqual(codes('action(type="omfile" file="/var/log/x" template="Later")\n' + t('Later')), ['1:rsyslog/template-defined-later']);
    // In rsyslog.conf itself, a use after the include sees the drop-ins' templates.
    assert.deepEqual(codes('include(file="/etc/rsyslog.d/*.conf")\n*.* /var/log/a;First\n', { ...ws, uri: 'file:///etc/rsyslog.conf' }), []);
  });

  it('warns about templates and rulesets that are not defined anywhere', () => {
    const src = '*.* /var/log/a;Missing\n*.* action(type="omfile" file="/var/log/b" template="Nope")\ncall nowhere\ninput(type="imuxsock" ruleset="gone")\n*.* /var/log/c;RSYSLOG_FileFormat\n';
    assert.deepEqual(codes(src, workspace({ 'file:///x': 'module(load="imuxsock")' })), [
      '1:rsyslog/undefined-template',
      '2:rsyslog/undefined-template',
      '3:rsyslog/undefined-ruleset',
      '4:rsyslog/undefined-ruleset',
    ]);
    const ws = workspace({ 'file:///etc/rsyslog.conf': 'template(name="Missing" type="string" string="%msg%")\n$template Nope,"%msg%\\n"\nruleset(name="nowhere") { stop }\n' });
    assert.deepEqual(codes('*.* /var/log/a;Missing\n*.* action(type="omfile" file="/var/log/b" template="Nope")\ncall nowhere\n', ws), []);
  });

  it('flags deprecated action forms', () => {
    assert.deepEqual(codes('*.emerg *\n:msg, contains, "x" ~\n*.alert root,admin\n'), [
      '1:rsyslog/deprecated-action',
      '2:rsyslog/deprecated-action',
      '3:rsyslog/deprecated-action',
    ]);
  });

  it('checks property filters: properties and compare operations', () => {
    assert.deepEqual(codes(':msg, contians, "x" /var/log/x\n:mgs, contains, "x" /var/log/x\n:msg, !isequal, "x" /var/log/x\n:msg "x"\n'), [
      '1:rsyslog/unknown-compare-op',
      '2:rsyslog/unknown-property',
      '4:rsyslog/bad-property-filter',
    ]);
  });

  it('flags unknown statements and objects', () => {
    assert.deepEqual(codes('modul(load="imudp")\n/var/log/x\n'), ['1:rsyslog/unknown-object', '2:rsyslog/action-without-filter']);
  });

  it('reports syntax problems on their line', () => {
    assert.deepEqual(codes('if $msg contains "x then {\n  stop\n}\n'), ['1:rsyslog/missing-keyword', '1:rsyslog/unterminated-string', '3:rsyslog/unbalanced-brace']);
  });
});
