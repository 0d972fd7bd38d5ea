import { strict as assert } from 'node:assert';
import { check } from '../helpers/cursor';
import { codes, F } from './util';

/** Every case below was run through rsyslogd -N1 8.2302: the first list it accepts, the others it refuses. */
describe('rsyslog RainerScript expressions, as rsyslogd reads them', () => {
  it('accepts the expressions rsyslogd accepts', () => {
    const ok = [
      'if $msg contains ["error", "fail"] then /var/log/e1.log',
      'if $syslogfacility-text == "mail" and $syslogseverity <= 4 then /var/log/e2.log',
      'if prifilt("mail.*") or not ($programname startswith "cron") then /var/log/e3.log',
      'if re_match($msg, "a.*b") then /var/log/e4.log',
      'if $!user!name != "" then /var/log/e5.log',
      'if $$now == "2020-01-01" then /var/log/e6.log',
      "if $fromhost-ip == '127.0.0.1' then /var/log/e7.log",
      'if (strlen($msg) > 100) and ($msg contains_i "x") then /var/log/e8.log',
      'if -1 < cnum($!n) + 0x10 * 2 % 3 then /var/log/e9.log',
      'if $msg == "a" & "b" then {\n  set $.x = field($msg, 32, 2);\n  set $!list = ["a", "b"];\n  unset $.x;\n  reset $.y = 1;\n}',
      'if exists($!x) then /var/log/e10.log',
      'if $hostname <> "x" then /var/log/e11.log',
      'if $.x == 1\n   and $.y == 2 then /var/log/e14.log',
      'set $/count = 0;\nset $!a!!b = "x";\nset $.a.b = "x";',
    ];
    for (const text of ok) assert.deepEqual(codes(text + '\n'), [], text);
  });

  it('reports `=` for `==`, bare words, missing operands and unknown tokens where rsyslogd stops', () => {
    assert.deepEqual(codes('if $msg = "x" then /var/log/a\n'), ['1:rsyslog/expression-syntax']);
    assert.deepEqual(codes('if foo then /var/log/a\n'), ['1:rsyslog/expression-syntax']);
    assert.deepEqual(codes('if $msg contains foo then /var/log/a\n'), ['1:rsyslog/expression-syntax']);
    assert.deepEqual(codes('if $msg == then /var/log/a\n'), ['1:rsyslog/expression-syntax']);
    assert.deepEqual(codes('if 42 like "x" then /var/log/a\n'), ['1:rsyslog/expression-syntax']);
    assert.deepEqual(codes('if $msg ==\n  "x" ==\n  like then /var/log/a\n'), ['3:rsyslog/expression-syntax']);
    assert.deepEqual(codes('set $!a b = "x";\n'), ['1:rsyslog/expression-syntax']);
  });

  it('says what to write instead', () => {
    const [d] = check(F, 'if $msg = "x" then /var/log/a\n');
    assert.match(d.message, /at '=': compare with '=='/);
  });

  it('reports set and unset of variables they cannot write', () => {
    assert.deepEqual(codes('set $foo = "x";\nset $x!a = 1;\nunset $msg;\n'), ['1:rsyslog/invalid-variable', '2:rsyslog/invalid-variable', '3:rsyslog/invalid-variable']);
  });

  it('warns about functions rsyslog has only with a module (toupper is none of them)', () => {
    assert.deepEqual(codes('if toupper($msg) == "X" then /var/log/a\n'), ['1:rsyslog/unknown-function']);
  });
});
