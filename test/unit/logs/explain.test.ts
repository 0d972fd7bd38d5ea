import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../../server/src/languages/common/text';
import type { ParsedDocument, WorkspaceView } from '../../../server/src/languages/common/types';
import { explainLine, renderMarkdown } from '../../../server/src/logs/explain/index';

const FIX = path.join(__dirname, '../../fixtures/logs/explain');
/** Line `n` (1-based) of a fixture file. */
function fx(file: string, n: number): string {
  return fs.readFileSync(path.join(FIX, file), 'utf8').split('\n')[n - 1];
}
const en = (line: string) => explainLine(line, 'en').result;

describe('explain: line formats', () => {
  const cases: [string, number, string, Partial<{ host: string; program: string; pid: string; timestamp: string }>][] = [
    ['kern.log', 1, 'bsd-syslog', { host: 'vbox', program: 'kernel', timestamp: 'Jul 19 19:21:07' }],
    ['messages', 4, 'rsyslog-iso', { host: 'vbox', program: 'sshd', pid: '1234', timestamp: '2024-07-19T19:21:07.482913+09:00' }],
    ['messages', 5, 'journal-short-iso', { program: 'CROND', pid: '4410' }],
    ['messages', 6, 'journal-short-precise', { program: 'systemd', pid: '1' }],
    ['messages', 7, 'journal-ja', { host: 'localhost', program: 'kernel', timestamp: '7月 19 21:48:50' }],
    ['messages', 8, 'rfc5424', { host: 'gw', program: 'sudo' }],
    ['messages', 9, 'bsd-syslog', { host: 'gw', program: 'sshd', pid: '812' }],
    ['dmesg.txt', 1, 'dmesg', { program: 'kernel', timestamp: '3.141592' }],
    ['dmesg.txt', 3, 'dmesg-T', { program: 'kernel', timestamp: 'Fri Jul 19 19:21:07 2024' }],
    ['dmesg.txt', 4, 'dmesg-decode', { program: 'kernel' }],
    ['access_log', 1, 'access-common', { timestamp: '21/Nov/2023:15:03:09 +0900' }],
    ['access_log', 2, 'access-combined', {}],
    ['error_log', 1, 'apache-error', { pid: '1710' }],
    ['error_log', 3, 'nginx-error', { pid: '2211', program: 'nginx' }],
    ['tcpdump.out', 1, 'tcpdump', { timestamp: '09:30:00.000101' }],
    ['last.txt', 1, 'last', {}],
    ['mgetty.ttyS0', 1, 'mgetty', { timestamp: '06/02 03:11:40' }],
  ];
  for (const [file, n, format, parts] of cases) {
    it(`${file}:${n} is ${format}`, () => {
      const r = en(fx(file, n));
      assert.equal(r.format, format);
      for (const [k, v] of Object.entries(parts)) assert.equal((r as any)[k], v, k);
    });
  }
  it('RFC 5424 PRI is decoded into facility and level; BSD PRI too', () => {
    assert.equal(en(fx('messages', 8)).fields.facility, 'authpriv');
    assert.equal(en(fx('messages', 8)).fields.level, 'info');
    assert.equal(en(fx('messages', 9)).fields.facility, 'auth');
  });
  it('a line of no known format is all message and still gets a keyword category', () => {
    const r = en('something odd: connection timed out again');
    assert.equal(r.format, null);
    assert.equal(r.category, 'network');
    assert.match(r.summary, /unrecognised format/);
  });
  it('CRLF line ends and a host-less BSD line are handled', () => {
    assert.equal(en(fx('secure', 1) + '\r').fields.ip, '203.0.113.9');
    const r = en('Feb 17 17:40:17 sshd[1972]: Connection from 192.0.2.10 port 62004 on 192.0.2.8 port 22');
    assert.equal(r.program, 'sshd');
    assert.equal(r.host, null);
  });
});

describe('explain: kernel netfilter LOG', () => {
  it('splits every field of the manual-style firewalld REJECT line', () => {
    const r = en(fx('kern.log', 1));
    assert.equal(r.pattern, 'netfilter-log');
    assert.equal(r.fields.IN, 'enp0s8');
    assert.equal(r.fields.OUT, '');
    assert.equal(r.fields.MAC_destination, '08:00:27:11:22:33');
    assert.equal(r.fields.MAC_source, '0a:00:27:00:00:01');
    assert.equal(r.fields.EtherType, '0x0800 (IPv4)');
    assert.equal(r.fields.SRC, '192.0.2.15');
    assert.equal(r.fields.DPT, '80');
    assert.equal(r.fields.DPT_service, 'http');
    assert.equal(r.fields.TCP_flags, 'CWR ECE SYN');
    assert.equal(r.fields.IP_flags, 'DF');
    assert.equal(r.fields.firewalld_table, 'filter');
    assert.equal(r.fields.firewalld_direction, 'IN');
    assert.equal(r.fields.firewalld_zone, 'public');
    assert.equal(r.fields.firewalld_action, 'REJECT');
    assert.equal(r.fields.connection, 'new');
    assert.equal(r.category, 'access');
    assert.match(r.summary, /new connection attempt \(SYN\) from 192\.0\.2\.15 to port 80/);
    assert.ok(r.advice.some((a) => a.includes('firewall-cmd --add-port=80/tcp')));
  });
  it('a blocked packet that is not a SYN is not called a new connection', () => {
    const r = en(fx('kern.log', 2));
    assert.equal(r.fields.connection, undefined);
    assert.match(r.summary, /not the start of a new connection/);
  });
  it('an iptables-style prefix and a dmesg line work too', () => {
    assert.equal(en(fx('kern.log', 3)).fields.prefix, '[web_drop]:');
    const d = en(fx('dmesg.txt', 2));
    assert.equal(d.fields.firewalld_action, 'DROP');
    assert.equal(d.fields.DPT_service, 'ms-wbt-server (RDP)');
  });
  it('points at the iptables rule and the firewalld setting that log the prefix', () => {
    const doc = (text: string): ParsedDocument<unknown> => ({ text, lines: new LineIndex(text), tree: {}, problems: [] });
    const docs: Record<string, { uri: string; parsed: ParsedDocument<unknown> }[]> = {
      iptables: [{ uri: 'file:///etc/sysconfig/iptables', parsed: doc('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 80 -j LOG --log-prefix "[web_drop]:"\n-A INPUT -p tcp --dport 80 -j DROP\nCOMMIT\n') }],
      'firewalld-conf': [{ uri: 'file:///etc/firewalld/firewalld.conf', parsed: doc('DefaultZone=public\nLogDenied=all\n') }],
    };
    const workspace: WorkspaceView = { *documents(id: string) { yield* docs[id] ?? []; } };
    const ipt = explainLine(fx('kern.log', 3), 'en', { workspace }).result.related;
    assert.deepEqual(ipt.map((r) => [r.kind, r.line]), [['iptables-log-prefix', 2]]);
    const fw = explainLine(fx('kern.log', 1), 'en', { workspace }).result.related;
    assert.deepEqual(fw.map((r) => [r.kind, r.line, r.text]), [['firewalld-log-denied', 1, 'LogDenied=all']]);
    assert.match(renderMarkdown(explainLine(fx('kern.log', 3), 'en', { workspace }).result), /iptables rule with this --log-prefix.*iptables:3/);
    // kern.log with printk times: the kernel's timestamp stands before the prefix.
    const timed = 'Dec  7 03:00:00 fw kernel: [12345.678901] [web_drop]: IN=eth0 OUT= MAC=00:11 SRC=192.0.2.7 DST=192.0.2.1 LEN=60 PROTO=TCP SPT=5555 DPT=80 SYN';
    assert.deepEqual(explainLine(timed, 'en', { workspace }).result.related.map((r) => [r.uri, r.line]), [['file:///etc/sysconfig/iptables', 2]]);
  });
});

describe('explain: kernel messages', () => {
  it('OOM killer, disk I/O errors and segfaults', () => {
    const oom = en(fx('kern.log', 4));
    assert.equal(oom.pattern, 'oom-killed');
    assert.equal(oom.fields.process, 'java');
    assert.equal(oom.severity, 'critical');
    const io = en(fx('kern.log', 5));
    assert.equal(io.fields.dev, 'sda');
    assert.equal(io.fields.sector, '123456789');
    assert.ok(io.advice.some((a) => a.includes('smartctl -a /dev/sda')));
    assert.equal(en(fx('kern.log', 6)).pattern, 'buffer-io-error');
    const seg = en(fx('kern.log', 7));
    assert.equal(seg.fields.object, 'libc.so.6');
    assert.equal(seg.fields.error_meaning, 'user mode, read, no page mapped at the address');
  });
});

describe('explain: Postfix and sendmail (the manual’s mail log case)', () => {
  it('smtpd connect and rejects with SMTP and enhanced codes', () => {
    assert.equal(en(fx('maillog', 1)).fields.client_host, 'mail.example.net');
    const r450 = en(fx('maillog', 2));
    assert.equal(r450.fields.smtp_code, '450');
    assert.equal(r450.fields.enhanced_code, '4.7.1');
    assert.equal(r450.fields.queue_id, 'NOQUEUE');
    assert.equal(r450.fields.to, 'list@example.org');
    assert.equal(r450.fields.from, '');
    assert.ok(r450.advice.some((a) => a.includes('temporary refusal')));
    const r550 = en(fx('maillog', 3));
    assert.equal(r550.fields.enhanced_code, '5.1.1');
    assert.ok(r550.advice.some((a) => a.includes('permanent refusal')));
  });
  it('deferred with Connection timed out says retries pile up in the queue', () => {
    const r = en(fx('maillog', 5));
    assert.equal(r.pattern, 'smtp-delivery');
    assert.equal(r.fields.status, 'deferred');
    assert.equal(r.fields.relay, 'none');
    assert.equal(r.fields.dsn, '4.4.1');
    assert.equal(r.fields.delay_in_queue, '0.01');
    assert.equal(r.category, 'network');
    assert.ok(r.advice.some((a) => /pile up in the queue/.test(a)));
    assert.ok(r.advice.some((a) => a.includes('connect to mx.remote.example[192.0.2.70]:25')), 'advice names the unreachable server');
    // A timeout is not a mail loop: no advice about mailing lists or forged senders here.
    assert.ok(!r.advice.some((a) => /mailing list|forged/i.test(a)), r.advice.join(' | '));
    assert.match(explainLine(fx('maillog', 5), 'ja').result.advice[0], /キューに溜まり/);
  });
  it('cleanup, qmgr, sent, bounced, expired, long queue IDs', () => {
    assert.equal(en(fx('maillog', 6)).fields.message_id, '20240107090210.ABC123@example.net');
    const q = en(fx('maillog', 7));
    assert.deepEqual([q.fields.from, q.fields.size, q.fields.nrcpt], ['alice@example.net', '4312', '1']);
    const sent = en(fx('maillog', 8));
    assert.deepEqual([sent.fields.status, sent.fields.relay_host, sent.fields.relay_port], ['sent', 'mx.example.com', '25']);
    assert.equal(en(fx('maillog', 9)).pattern, 'qmgr-removed');
    assert.equal(en(fx('maillog', 10)).pattern, 'qmgr-expired');
    const b = en(fx('maillog', 11));
    assert.deepEqual([b.fields.queue_id, b.fields.status, b.severity], ['4Q5Zt93Vbcz9vRj', 'bounced', 'error']);
  });
  it('sendmail SYSERR', () => {
    const r = en(fx('maillog', 12));
    assert.deepEqual([r.pattern, r.fields.queue_id, r.category], ['sendmail-syserr', 'OAA05836', 'error']);
  });
});

describe('explain: authentication, cron, systemd', () => {
  it('sshd failures, invalid users, preauth, accepted, break-in, no identification', () => {
    const f = en(fx('secure', 1));
    assert.deepEqual([f.pattern, f.fields.user, f.fields.ip, f.category], ['ssh-failed', 'root', '203.0.113.9', 'dictionary']);
    assert.ok(f.advice.some((a) => /dictionary attack/.test(a)));
    assert.equal(en(fx('secure', 2)).fields.user, 'oracle');
    assert.equal(en(fx('secure', 3)).category, 'portscan');
    assert.equal(en(fx('secure', 4)).fields.method, 'publickey');
    assert.equal(en(fx('secure', 6)).pattern, 'ssh-break-in');
    assert.equal(en(fx('secure', 7)).category, 'portscan');
  });
  it('pam_unix authentication failure fields, via sshd(pam_unix) and su', () => {
    const a = en(fx('secure', 8));
    assert.equal(a.pattern, 'pam-auth-failure');
    assert.deepEqual([a.fields.rhost, a.fields.uid, a.fields.tty], ['203.0.113.4', '0', 'NODEVssh']);
    assert.ok(a.advice.some((x) => /dictionary attack/.test(x)));
    const su = en(fx('secure', 9));
    assert.deepEqual([su.fields.service, su.fields.user, su.fields.logname, su.fields.rhost], ['su', 'root', 'bob', '']);
  });
  it('sudo commands and refusals, cron CMD', () => {
    assert.equal(en(fx('secure', 10)).fields.command, '/usr/bin/systemctl restart httpd');
    const bad = en(fx('secure', 11));
    assert.deepEqual([bad.fields.failure, bad.category], ['3 incorrect password attempts', 'access']);
    assert.deepEqual([en(fx('secure', 12)).fields.user, en(fx('secure', 12)).fields.command], ['root', '/usr/lib64/sa/sa1 1 1']);
  });
  it('systemd exit, failed result, failed start', () => {
    const m = en(fx('messages', 1));
    assert.deepEqual([m.fields.unit, m.fields.code, m.fields.status, m.fields.status_name], ['httpd.service', 'exited', '1', 'FAILURE']);
    assert.equal(en(fx('messages', 2)).fields.result, 'exit-code');
    assert.equal(en(fx('messages', 3)).severity, 'error');
  });
});

describe('explain: web, tcpdump, last, mgetty', () => {
  it('access log status codes and CGI probes', () => {
    const cgi = en(fx('access_log', 2));
    assert.deepEqual([cgi.fields.status, cgi.fields.path, cgi.category], ['404', '/cgi-bin/test-cgi', 'cgi']);
    assert.equal(en(fx('access_log', 3)).pattern, 'http-bad-request');
    assert.equal(en(fx('access_log', 4)).category, 'access');
    assert.equal(en(fx('error_log', 1)).category, 'access');
    assert.equal(en(fx('error_log', 3)).fields.client, '203.0.113.50');
  });
  it('walks the three-way handshake and resets', () => {
    assert.match(en(fx('tcpdump.out', 1)).summary, /Step 1 of the three-way handshake.*port ssh/);
    const sa = en(fx('tcpdump.out', 2));
    assert.match(sa.summary, /Step 2/);
    assert.equal(sa.fields.ack, '1001');
    assert.match(en(fx('tcpdump.out', 3)).summary, /completes the three-way handshake/);
    assert.equal(en(fx('tcpdump.out', 4)).fields.length, '21');
    assert.match(explainLine(fx('tcpdump.out', 1), 'ja').result.summary, /スリーウェイハンドシェイクの1段階目/);
    assert.equal(en(fx('tcpdump.out', 5)).category, 'access');
  });
  it('last sessions, reboots, crashes; mgetty CONNECT and DSR warnings', () => {
    assert.deepEqual([en(fx('last.txt', 1)).fields.user, en(fx('last.txt', 1)).fields.duration], ['carol', '00:07']);
    assert.equal(en(fx('last.txt', 2)).fields.from, '115200');
    assert.match(en(fx('last.txt', 3)).summary, /running since it booted/);
    assert.equal(en(fx('last.txt', 4)).fields.end, 'crash');
    assert.equal(en(fx('mgetty.ttyS0', 1)).pattern, 'mgetty-connect');
    assert.ok(en(fx('mgetty.ttyS0', 2)).advice.some((a) => /cable/.test(a)));
  });
});

describe('explain: Markdown in English and Japanese', () => {
  it('has the parts, the fields with meanings, seriousness and next steps', () => {
    const md = renderMarkdown(explainLine(fx('kern.log', 1), 'en').result);
    for (const h of ['Parts of the line', 'Fields', 'How serious', 'What to check next']) assert.ok(md.includes(`#### ${h}`), h);
    assert.match(md, /\| DPT \| 80 \| Destination port/);
    const ja = renderMarkdown(explainLine(fx('kern.log', 1), 'ja').result);
    assert.match(ja, /#### 行の構成/);
    assert.match(ja, /DPTが|宛先ポート/);
    assert.match(ja, /アクセス制御・不正アクセス/);
  });
  it('escapes Markdown in log text', () => {
    const md = renderMarkdown(en('Jul 19 19:21:07 h prog: <script>alert(1)</script> | *x*'));
    assert.ok(md.split("\n").every((l) => l.startsWith("`") || !l.includes("<script>")), "raw HTML only inside code spans");
    assert.match(md, /\\<script\\>/);
  });
});

describe('explain: CLI', () => {
  it('prints a JSON array with one object per stdin line', function () {
    this.timeout(30000);
    const input = fx('secure', 1) + '\n\n' + fx('maillog', 5) + '\n';
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../../server/src/cli.ts'), 'explain', '--json', '--locale', 'en'], { input, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const arr = JSON.parse(r.stdout);
    assert.equal(arr.length, 2);
    assert.deepEqual(Object.keys(arr[0]).slice(0, 11), ['line', 'format', 'timestamp', 'host', 'program', 'pid', 'message', 'fields', 'category', 'severity', 'summary']);
    assert.equal(arr[1].fields.queue_id, 'BD551C9D845');
  });
});
