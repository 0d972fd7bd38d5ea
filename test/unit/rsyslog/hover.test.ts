import { strict as assert } from 'node:assert';
import { ctx, hoverAt } from '../helpers/cursor';
import { F } from './util';

const read = (t: string, locale: 'en' | 'ja' = 'en') => hoverAt(F, t, ctx(locale));

describe('rsyslog hover', () => {
  it('reads the RHEL messages line in plain English and Japanese', () => {
    const line = '*.info;mail.none;authpriv.none;cron.none /var/log/messages';
    assert.ok(
      read('*.in|fo;mail.none;authpriv.none;cron.none /var/log/messages').includes(
        'Messages of every facility at info or above, except mail, authpriv and cron, are written to /var/log/messages.',
      ),
    );
    assert.ok(read(line.replace('*.info;', '*.info|;'), 'ja').includes('すべてのファシリティの info 以上のメッセージ（mail、authpriv、cron を除く）を /var/log/messages に書き込みます。'));
  });

  it('explains =, !, != and several facilities', () => {
    assert.ok(read('mail.|=warning /var/log/w').includes('Messages of the mail facility only at warning are written to /var/log/w.'));
    assert.ok(read('mail.|!warning /var/log/w').includes('below warning'));
    assert.ok(read('mail.|!=warning /var/log/w').includes('at every priority except warning'));
    assert.ok(read('uucp,ne|ws.crit /var/log/spooler').includes('Messages of the uucp and news facilities at crit or above are written to /var/log/spooler.'));
    assert.ok(read('*.=info;*.=notice;*.=wa|rn /var/log/m').includes('Messages of every facility only at info or notice or warn'));
    assert.ok(read('mail.|=warning /var/log/w', 'ja').includes('mail ファシリティの warning のみのメッセージを /var/log/w に書き込みます。'));
  });

  it('explains forwarding, no-sync files, discarding and user messages', () => {
    assert.ok(read('authpriv|.* @192.168.0.10').includes('are sent over UDP to 192.168.0.10 port 514'));
    assert.ok(read('mail|.* @@192.168.0.10:10514').includes('are sent over TCP to 192.168.0.10 port 10514'));
    assert.ok(read('mail|.* -/var/log/maillog').includes('are written to /var/log/maillog without syncing after each write'));
    assert.ok(read('mail|.* stop').includes('are discarded'));
    assert.ok(read('*.em|erg :omusrmsg:*').includes('are shown on the terminals of all logged-in users'));
    assert.ok(read('*.em|erg :omusrmsg:root,admin').includes('root and admin'));
    assert.ok(read('authpriv|.* @192.168.0.10', 'ja').includes('UDP で 192.168.0.10 のポート 514 に送信します'));
    assert.ok(read('mail|.* -/var/log/maillog', 'ja').includes('/var/log/maillog に'));
  });

  it('shows catalog docs for facilities, priorities, actions, directives, modules and parameters', () => {
    assert.match(read('ma|il.* /var/log/m'), /mail/);
    assert.match(read('mail.* -/var/lo|g/m'), /sync/i);
    assert.match(read('$Mod|Load imudp'), /\$ModLoad/);
    assert.match(read('module(load="im|udp")'), /imudp/);
    assert.match(read('input(type="imudp" po|rt="514")'), /port/i);
    assert.match(read('mo|dule(load="imudp")'), /module/);
    assert.match(read(':msg, cont|ains, "x" /var/log/x'), /contains/);
  });

  it('uses the docs language of the context', () => {
    const ja = read('ma|il.* /var/log/m', 'ja');
    assert.match(ja, /[\u3040-\u30ff\u4e00-\u9fff]/);
    assert.match(ja, /この行の意味/);
  });

  it('reads property filters', () => {
    assert.ok(read(':msg, contains, "err|or" /var/log/e').includes('Messages whose msg contains "error" are written to /var/log/e.'));
    assert.ok(read(':msg, !contains, "err|or" /var/log/e').includes('does not contain'));
  });
});
