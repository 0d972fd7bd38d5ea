import { strict as assert } from 'node:assert';
import { codes, problems } from './util';

/**
 * Disagreements with rsyslogd -N1 (8.2302) found by running configurations written the way
 * rsyslog's own test suite writes them through both, each fixed in the generic checker or its data.
 * The rsyslogd verdicts of the tool-verdict fixtures are checked against the real tool by the
 * differential tier; these pin where and how we report.
 */
describe('rsyslog: configurations in the style of rsyslog\'s test suite', () => {
  it('$AllowedSender: 0 or too many mask bits is a warning on that entry (rsyslogd adjusts it)', () => {
    const got = codes('$AllowedSender TCP, 127.0.0.1, 192.0.2.0/24, 198.51.100.0/0, [2001:db8::]/129, *.example.com\n*.* /var/log/x\n');
    assert.deepEqual(got, ['1:rsyslog/allowed-sender-bits', '1:rsyslog/allowed-sender-bits']);
    assert.match(problems('$AllowedSender UDP, 198.51.100.0/33\n*.* /var/log/x\n')[0], /1 to 32 for an IPv4 address, uses 32/);
  });

  it('$AllowedSender: mask bits that are not a number are an error (rsyslogd aborts on them)', () => {
    assert.deepEqual(codes('$AllowedSender TCP, 192.0.2.0/x\n*.* /var/log/x\n'), ['1:rsyslog/invalid-value']);
  });

  it('global(environment=[...]): each entry needs NAME=value, and the bad entry is the one flagged', () => {
    const text = 'global(environment=["TZ=UTC", "http_proxy"])\n*.* /var/log/x\n';
    const got = problems(text);
    assert.equal(got.length, 1);
    assert.match(got[0], /^1:rsyslog\/invalid-value 'http_proxy' is not valid for environment/);
  });

  it('an input switched off with config.enabled="off" gives its module no listener', () => {
    const off = 'module(load="imtcp")\ninput(type="imtcp" port="10514" config.enabled="off")\n*.* /var/log/x\n';
    assert.ok(codes(off).includes('1:rsyslog/no-listener'));
    const on = 'module(load="imtcp")\ninput(type="imtcp" port="10514" config.enabled="on")\n*.* /var/log/x\n';
    assert.ok(!codes(on).includes('1:rsyslog/no-listener'));
  });

  it('`:name:` at the start of a line is a legacy action, inside a block and at the top', () => {
    assert.deepEqual(codes('if $msg contains "x" then {\n:omusrmsg:root\n}\n*.* /var/log/x\n'), []);
    // At the top rsyslogd applies it to every message: a warning, not the error we gave before.
    const got = problems(':omusrmsg:root\n/var/log/all\n');
    assert.deepEqual(got.map((p) => p.split(' ')[0]), ['1:rsyslog/action-without-filter', '2:rsyslog/action-without-filter']);
  });

  it('mmanon ipv4.mode="simple" (replace digits) is accepted', () => {
    assert.deepEqual(codes('module(load="mmanon")\n*.* action(type="mmanon" ipv4.mode="simple" ipv4.replaceChar="x")\n*.* /var/log/x\n'), []);
  });

  it('a template may name a variable without its $ (%!x%, %.x%, %/x%, property(name="!x"))', () => {
    const text = 'template(name="t" type="string" string="%!result% %.local% %/global%\\n")\n'
      + 'template(name="l" type="list") {\n  property(name="!result")\n}\n'
      + '*.* action(type="omfile" file="/var/log/x" template="t")\n*.* action(type="omfile" file="/var/log/y" template="l")\n';
    assert.deepEqual(codes(text), []);
    // a real property name that rsyslogd does not know is still reported
    assert.ok(codes('template(name="t" type="string" string="%nosuchprop%")\n*.* action(type="omfile" file="/var/log/x" template="t")\n')
      .some((c) => c.endsWith('rsyslog/unknown-property')));
  });

  it('parameters documented for modules the rsyslog package does not ship (imrelp, omrelp, omelasticsearch, ommysql, omsnmp) are known', () => {
    const text = 'module(load="imrelp" tls.tlsLib="openssl")\ninput(type="imrelp" port="2514" oversizeMode="accept" tls.priorityString="NORMAL" keepAlive.probes="3")\n'
      + 'module(load="ommysql")\n*.* action(type="ommysql" server="db" db="Syslog" uid="u" pwd="p" socket="/run/mysqld/mysqld.sock")\n'
      + 'module(load="omsnmp")\n*.* action(type="omsnmp" server="192.0.2.1" trapOID="1.3.6.1.4.1.19406.1.2.1" trapType="6")\n';
    assert.deepEqual(codes(text).filter((c) => c.endsWith('unknown-parameter')), []);
  });
});
