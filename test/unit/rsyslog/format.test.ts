import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { editsInRange } from '../../../server/src/languages/common/format';
import { DEFAULT_FORMAT } from '../../../server/src/languages/common/format';
import { rsyslogFacade } from '../../../server/src/languages/rsyslog/index';
import { assertKeepsMeaning, formatted } from '../helpers/formatCheck';
import { filesIn } from '../helpers/tree';

describe('rsyslog formatting', () => {
  it('indents statements inside blocks and parameters inside parentheses', () => {
    const text = 'ruleset(name="remote") {\naction(type="omfwd"\ntarget="10.0.0.1"\n      port="514")\n        stop\n}\n';
    assert.equal(formatted(rsyslogFacade, text, { tabSize: 2 }), 'ruleset(name="remote") {\n  action(type="omfwd"\n    target="10.0.0.1"\n    port="514")\n  stop\n}\n');
  });

  it('writes an object wider than the width one parameter per line', () => {
    const text = 'if $programname == "app" then {\n  action(type="omfile" file="/var/log/app.log" template="RSYSLOG_FileFormat") # app\n}\n';
    assert.equal(
      formatted(rsyslogFacade, text, { tabSize: 2, width: 60 }),
      'if $programname == "app" then {\n  action(\n    type="omfile"\n    file="/var/log/app.log"\n    template="RSYSLOG_FileFormat"\n  ) # app\n}\n',
    );
    assert.equal(formatted(rsyslogFacade, text, { tabSize: 2, width: 120 }), text);
  });

  it('aligns the actions of consecutive selector lines in one column, as Debian does', () => {
    const text = 'auth,authpriv.*\t\t\t/var/log/auth.log\ncron.* -/var/log/cron.log\n\nmail.err  /var/log/mail.err\n';
    assert.equal(formatted(rsyslogFacade, text, { insertSpaces: false, tabSize: 8 }), 'auth,authpriv.*\t\t\t/var/log/auth.log\ncron.*\t\t\t\t-/var/log/cron.log\n\nmail.err  /var/log/mail.err\n');
    assert.equal(formatted(rsyslogFacade, text, { alignActions: false }), 'auth,authpriv.*\t\t\t/var/log/auth.log\ncron.* -/var/log/cron.log\n\nmail.err  /var/log/mail.err\n');
  });

  it('keeps comments, conditions and continued selectors as written', () => {
    const text = '  /* one\n     two */\nif $msg contains "a" and\n      $msg contains "b" then stop\n*.=debug;\\\n\tmail.none\t-/var/log/debug\n';
    assert.equal(formatted(rsyslogFacade, text), '/* one\n     two */\nif $msg contains "a" and\n      $msg contains "b" then stop\n*.=debug;\\\n\tmail.none\t-/var/log/debug\n');
  });

  it('leaves a file with an unclosed block alone', () => {
    const text = 'if $msg contains "x" then {\n      stop\n';
    assert.equal(formatted(rsyslogFacade, text), text);
  });

  it('range formatting returns only the edits that touch the range', () => {
    const doc = rsyslogFacade.parse('ruleset(name="a") {\nstop\n}\nruleset(name="b") {\nstop\n}\n');
    const all = rsyslogFacade.format!(doc, DEFAULT_FORMAT);
    assert.equal(all.length, 2);
    const some = editsInRange(all, { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } });
    assert.deepEqual(some.map((e) => e.range.start.line), [4]);
  });

  it('keeps the meaning of every fixture, and a second run changes nothing', () => {
    const files = filesIn('test/fixtures/rsyslog', (n) => n.endsWith('.conf'));
    assert.ok(files.length >= 30);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      assertKeepsMeaning(rsyslogFacade, text, f);
      assertKeepsMeaning(rsyslogFacade, text, f, { width: 40, insertSpaces: false, tabSize: 8 });
    }
  });
});
