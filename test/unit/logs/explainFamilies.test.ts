import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FAMILIES, FORMATS } from '../../../server/src/logs/explain/data';
import { explainLine, fieldDoc, renderMarkdown } from '../../../server/src/logs/explain/index';
import { labelledLines } from '../helpers/offenderLabels';

const FIX = path.join(__dirname, '../../fixtures/logs/explain');
const en = (line: string) => explainLine(line, 'en').result;

const labelled = (file: string) => labelledLines(path.join(FIX, file));
const FILES = ['auth.log', 'mail.log', 'services.log', 'system.log'];

describe('explain: headers of the lines admins paste', () => {
  const cases: [string, string, Partial<{ host: string; program: string; pid: string; timestamp: string }>][] = [
    ['gw sshd[4021]: Failed password for root from 198.51.100.98 port 51514 ssh2', 'journal-no-date', { host: 'gw', program: 'sshd', pid: '4021' }],
    ['2024-07-19T20:04:05 gw sshd[4022]: Invalid user test from 198.51.100.97', 'rsyslog-iso', { host: 'gw', timestamp: '2024-07-19T20:04:05' }],
    ['2024-07-19T20:04:06,5 gw sshd[4023]: Invalid user test from 198.51.100.96', 'rsyslog-iso', { program: 'sshd' }],
    ['Jul 19 2024 20:04:07 gw sshd[4024]: Invalid user test from 198.51.100.95', 'bsd-syslog', { timestamp: 'Jul 19 2024 20:04:07', host: 'gw' }],
    ['Jul 19 20:04:07 <auth.info> gw sshd[4024]: Invalid user test from 198.51.100.95', 'bsd-syslog', { host: 'gw', program: 'sshd' }],
    ['Jul 19 20:04:07 [sshd] User root from 198.51.100.95 not allowed because not listed in AllowUsers', 'bsd-syslog', { program: 'sshd' }],
    ['Jul 19 20:04:07 ovpn-server[13818]: 198.51.100.95:55329 TLS Error: TLS handshake failed', 'bsd-syslog', { program: 'ovpn-server', pid: '13818' }],
    ["type=USER_LOGIN msg=audit(1721384467.415:4063): pid=1 uid=0 msg='op=login acct=\"root\" addr=198.51.100.94 res=failed'", 'audit', { program: 'auditd', timestamp: '1721384467.415' }],
    ['[Fri Jul 19 20:04:02.123456 2024] [auth_basic:error] [pid 3175:tid 1404] [remote 198.51.100.93:35924] AH01618: user bob not found: /admin', 'apache-error', { pid: '3175' }],
    ['[Fri Jul 19 20:04:01 2024] [:error] [pid 3790] [client 198.51.100.92:46301] script not found or unable to stat', 'apache-error', { pid: '3790' }],
    ['198.51.100.91 - alice [19/Jul/2024:20:04:04] "GET /admin/ HTTP/1.1" 401 199', 'access-common', { timestamp: '19/Jul/2024:20:04:04' }],
    ['2024-07-19 20:04:05 5907 [Warning] Access denied for user \'root\'@\'198.51.100.90\' (using password: YES)', 'mysqld', { program: 'mysqld' }],
    ["19-Jul-2024 19:50:02.001 security: info: client 198.51.100.89#40000 (example.org): query 'example.org/A/IN' denied", 'bind', { program: 'named' }],
    ['2024-07-19 20:04:06 H=(helo.example) [198.51.100.88] F=<x@example.com> rejected RCPT <y@example.org>: relay not permitted', 'datetime', { program: 'exim' }],
    ['@400000004c91b044077a9e94 imap-login: Info: Aborted login (auth failed, 1 attempts): user=<a>, rip=198.51.100.87, lip=192.0.2.1', 'tai64n', { program: 'imap-login' }],
  ];
  for (const [line, format, parts] of cases) {
    it(`${format}: ${line.slice(0, 60)}`, () => {
      const r = en(line);
      assert.equal(r.format, format);
      for (const [k, v] of Object.entries(parts)) assert.equal((r as any)[k], v, k);
    });
  }
  it('does not take a sentence with a colon for a date-less header', () => {
    assert.equal(en('Error code: 5 while reading the file').format, null);
    assert.equal(en('Note that: the disk is full').program, null);
  });
});

describe('explain: one field vocabulary across families', () => {
  it('every labelled offender of the fixtures is the line\'s ip (or client_host), whatever the program', () => {
    const bad: string[] = [];
    let n = 0;
    for (const file of FILES) {
      for (const { line, offender } of labelled(file)) {
        if (!offender) continue;
        n++;
        const f = en(line).fields;
        if (f.ip !== offender && f.client_host !== offender) bad.push(`${file}: ${offender} not in ip/client_host of ${line.slice(0, 80)}`);
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(n >= 60, `only ${n} labelled lines`);
  });
  it('every line of the fixtures gets a format and a program', () => {
    const bad = FILES.flatMap((file) => labelled(file).map((l) => [file, l.line, en(l.line)] as const)).filter(([, , r]) => !r.format || !r.program);
    assert.deepEqual(bad.map(([f, l]) => `${f}: ${l}`), []);
  });
  it('an IPv4 address written as IPv6 (::ffff:) is the IPv4 address', () => {
    assert.equal(en('Jul 19 18:13:06 mx imapd: LOGIN FAILED, user=a@example.org, ip=[::ffff:203.0.113.48]').fields.ip, '203.0.113.48');
    assert.equal(en('Jul 19 19:30:19 gw sshd[4040]: ROOT LOGIN REFUSED FROM ::ffff:203.0.113.26').fields.ip, '203.0.113.26');
  });
  it('client:port of Apache, HAProxy and OpenVPN splits into ip and port', () => {
    const a = en('[Fri Jul 19 20:04:02 2024] [error] [client 203.0.113.98:35924] user x not found: /admin');
    assert.equal(a.fields.ip, '203.0.113.98');
    assert.equal(a.fields.port, '35924');
  });
  it('a logged packet names its remote party as ip: the source when incoming', () => {
    const r = en('Jul 19 20:00:00 gw kernel: IN=eth0 OUT= SRC=203.0.113.60 DST=192.0.2.1 LEN=60 PROTO=TCP SPT=40000 DPT=22 SYN URGP=0');
    assert.equal(r.fields.ip, '203.0.113.60');
  });
  it('an attacker-chosen user name cannot spoof the address sshd logged', () => {
    const a = en('Jul 19 19:30:20 gw sshd[4041]: Failed password for invalid user x from 192.0.2.1 port 1 ssh2 from 203.0.113.27 port 40013 ssh2');
    assert.equal(a.fields.ip, '203.0.113.27');
    const b = en('Jul 19 19:30:20 gw sshd[4041]: Failed password for invalid user x from 203.0.113.27 port 40013 ssh2: from 192.0.2.1 port 1 ssh2');
    assert.equal(b.fields.ip, '203.0.113.27');
  });
  it('Exim message IDs are queue IDs, and its client is H= (not I=, not the HELO)', () => {
    const r = en('2024-07-19 18:13:04 1sUabc-000123-Xy H=mail.example.net (helo.example) [198.51.100.67]:32706 I=[192.0.2.25]:25 F=<b@example.net> rejected after DATA: virus');
    assert.equal(r.fields.queue_id, '1sUabc-000123-Xy');
    assert.equal(r.fields.ip, '198.51.100.67');
    assert.equal(r.fields.client_host, 'mail.example.net');
    assert.equal(r.fields.helo, 'helo.example');
  });
});

describe('explain: Postfix and the other mail servers', () => {
  const mail = labelled('mail.log').map((l) => l.line);
  const find = (s: string) => en(mail.find((l) => l.includes(s))!);
  it('reads every status= value with its codes', () => {
    const st = (s: string) => find(`status=${s}`);
    assert.equal(st('bounced').fields.smtp_code, '550');
    assert.equal(st('bounced').fields.enhanced_code, '5.1.1');
    assert.equal(st('bounced').severity, 'error');
    assert.equal(st('deferred').fields.smtp_code, '451');
    assert.equal(st('expired').severity, 'error');
    assert.match(st('undeliverable').summary, /Address verification/);
    assert.match(st('deliverable').summary, /deliverable/);
    assert.equal(st('sent (delivered to maildir').fields.enhanced_code, '2.0.0');
  });
  it('postscreen PREGREET, HANGUP, COMMAND LIMITs and DNSBL rank', () => {
    assert.equal(find('PREGREET').pattern, 'postscreen-pregreet');
    assert.equal(find('HANGUP').pattern, 'postscreen-hangup');
    assert.equal(find('COMMAND TIME LIMIT').fields.limit, 'TIME');
    assert.equal(find('COMMAND COUNT LIMIT').fields.limit, 'COUNT');
    assert.equal(find('DNSBL rank').fields.dnsbl_rank, '3');
    const rej = find('postscreen[4100]: NOQUEUE');
    assert.equal(rej.fields.from, 'a@example.com');
    assert.equal(rej.fields.to, 'b@example.org');
  });
  it('milter-reject, header checks, bounce notifications, SASL, pipelining, too many errors', () => {
    assert.equal(find('milter-reject').fields.enhanced_code, '5.7.1');
    assert.equal(find('reject: header').fields.action, 'reject');
    assert.equal(find('warning: header').fields.check, 'header');
    assert.equal(find('prepend: header').fields.action, 'prepend');
    assert.equal(find('non-delivery notification').fields.new_queue_id, '8C9DAEBFC0');
    assert.equal(find('SASL LOGIN').category, 'dictionary');
    assert.equal(find('improper command pipelining').fields.command, 'CONNECT');
    assert.equal(find('too many errors').fields.command, 'AUTH');
  });
  it('sendmail ruleset rejects, dovecot, exim, cyrus and courier failures', () => {
    const sm = find('ruleset=check_rcpt');
    assert.equal(sm.fields.ruleset, 'check_rcpt');
    assert.equal(sm.fields.smtp_code, '550');
    assert.equal(find('auth failed').fields.user, 'alice');
    assert.equal(find('authenticator failed').fields.user, 'alice@example.org');
    assert.equal(find('badlogin').pattern, 'cyrus-badlogin');
    assert.equal(find('LOGIN FAILED').pattern, 'courier-login-failed');
  });
});

describe('explain: the pattern library and the generic fallback', () => {
  const sys = labelled('system.log').map((l) => l.line);
  const svc = labelled('services.log').map((l) => l.line);
  it('every line of the system and services fixtures matches a pattern, except the two generic ones', () => {
    const unmatched = [...sys, ...svc].filter((l) => !en(l).pattern);
    assert.deepEqual(unmatched.map((l) => /app\[\d+\]/.exec(l)?.[0] ?? l), ['app[77]', 'app[78]']);
  });
  it('an unknown program still says who: key=value pairs, from X, quoted strings', () => {
    const r = en(svc.find((l) => l.includes('app[77]'))!);
    assert.equal(r.fields.ip, '198.51.100.93');
    assert.equal(r.fields.user, 'mallory');
    assert.equal(r.fields.reason, 'bad token');
    assert.equal(en(svc.find((l) => l.includes('app[78]'))!).fields.ip, '198.51.100.92');
    const v6 = en('Jul 19 20:04:11 gw app[79]: peer 2001:db8::7 closed the stream "tls-1"');
    assert.equal(v6.fields.ip, '2001:db8::7');
    assert.equal(v6.fields.quoted, 'tls-1');
    assert.equal(en('Jul 19 20:04:12 gw app[80]: relay mail.example.net[198.51.100.7] refused').fields.client_host, 'mail.example.net');
  });
  it('SELinux denials and audit records give their key=value fields', () => {
    const avc = en(sys.find((l) => l.startsWith('type=AVC'))!);
    assert.equal(avc.fields.permission, 'read ');
    assert.equal(avc.fields.tcontext, 'unconfined_u:object_r:user_home_t:s0');
    assert.equal(avc.category, 'access');
    const login = en(sys.find((l) => l.includes('USER_LOGIN'))!);
    assert.equal(login.fields.acct, 'root');
    assert.equal(login.severity, 'warning');
  });
  it('a level the message states raises the severity ([WARNING], <warn>)', () => {
    assert.equal(en('Jul 19 19:56:02 ftp pure-ftpd: (?@192.0.2.64) [WARNING] Can\'t change directory').severity, 'warning');
    assert.equal(en(sys.find((l) => l.includes('<warn>'))!).severity, 'warning');
  });
  it('any bytes explain without throwing', () => {
    let s = 1;
    for (let i = 0; i < 200; i++) {
      const bytes = Array.from({ length: 300 }, () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) & 0xff));
      const line = Buffer.from(bytes).toString('latin1');
      assert.doesNotThrow(() => renderMarkdown(explainLine(line, 'en').result));
    }
  });
});

describe('explain: the preview reads well', () => {
  it('says the severity once', () => {
    const md = renderMarkdown(en('Jul 19 19:30:01 gw sshd[4021]: Failed password for root from 203.0.113.9 port 51514 ssh2'));
    assert.match(md, /- \*\*warning\*\*\n/);
    assert.doesNotMatch(md, /warning\*\* \(warning\)/);
    assert.doesNotMatch(renderMarkdown(explainLine('Jul 19 19:30:01 gw sshd[4021]: Invalid user x from 203.0.113.9', 'ja').result), /\(warning\)/);
  });
  it('offers line breaks in long values so the fields table fits the width', () => {
    const r = en(labelled('system.log').map((l) => l.line).find((l) => l.startsWith('type=AVC'))!);
    const row = renderMarkdown(r).split('\n').find((l) => l.startsWith('| scontext'))!;
    assert.match(row, /<wbr>/);
    assert.ok(row.split('|')[2].split('<wbr>').every((part) => part.length <= 30), row);
  });
  it('every field of every sample has a meaning in English and Japanese (invalid, delay_before_queue …)', () => {
    const missing = new Set<string>();
    const samples = [...FORMATS.all.flatMap((f) => f.data.samples), ...FAMILIES.flatMap((f) => f.patterns.flatMap((p) => p.data.samples))];
    for (const s of samples) {
      const r = en(s);
      for (const k of Object.keys(r.fields)) {
        if (!fieldDoc(k, r.family ?? undefined, 'en') || !fieldDoc(k, r.family ?? undefined, 'ja')) missing.add(`${r.family}:${k}`);
      }
    }
    assert.deepEqual([...missing], []);
    assert.match(fieldDoc('delay_in_queue', 'postfix', 'en')!, /queue/);
    assert.match(fieldDoc('invalid', 'sshd', 'ja')!, /存在しない/);
  });
  it('advice belongs to the pattern: a connection timeout gives no mail-loop advice', () => {
    const r = en(labelled('mail.log').map((l) => l.line).find((l) => l.includes('status=expired (connect to'))!);
    assert.ok(!r.advice.some((a) => /mailing list/.test(a)), r.advice.join(' | '));
  });
  it('a FAILED SU is a failed attempt, not a switch of user', () => {
    const r = en(labelled('auth.log').map((l) => l.line).find((l) => l.includes('FAILED SU'))!);
    assert.equal(r.pattern, 'su-failed');
    assert.equal(r.severity, 'warning');
    assert.match(r.summary, /bob tried to become root with su on pts\/1, and the password was wrong/);
  });
});
