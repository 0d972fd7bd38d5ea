import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { explainLine } from '../../../server/src/logs/explain/index';
import { labelledLines } from '../helpers/offenderLabels';

const FIXTURE = path.join(__dirname, '../../fixtures/logs/explain/apps.log');
const en = (line: string) => explainLine(line, 'en').result;
const ja = (line: string) => explainLine(line, 'ja').result;

const lines = labelledLines(FIXTURE);
const find = (s: string) => {
  const l = lines.find((x) => x.line.includes(s));
  assert.ok(l, s);
  return l.line;
};

describe('explain: PBX, mail gateway, web application and broker lines', () => {
  it('every line gets a format and a program (but a JSON line of an unknown program), every attack line a pattern', () => {
    const bad = lines
      .map((l) => [l, en(l.line)] as const)
      .filter(([l, r]) => !r.format || (!r.program && !l.line.includes('Server is listening')) || (l.offender && !r.pattern));
    assert.deepEqual(bad.map(([l, r]) => `${r.format}/${r.program}/${r.pattern}: ${l.line.slice(0, 90)}`), []);
  });

  it('the labelled offender of every attack line is its ip, and the summary names it', () => {
    const bad: string[] = [];
    for (const { line, offender } of lines) {
      if (!offender) continue;
      const r = en(line);
      if (r.fields.ip !== offender) bad.push(`ip ${r.fields.ip} ≠ ${offender}: ${line.slice(0, 90)}`);
      if (!r.summary.includes(offender)) bad.push(`summary lacks ${offender}: ${r.summary}`);
      // A broker's connection line only names the address of the refusal on the next line.
      if (r.severity === 'info' && !line.includes('New connection')) bad.push(`severity ${r.severity}: ${line.slice(0, 90)}`);
    }
    assert.deepEqual(bad, []);
    assert.ok(lines.filter((l) => l.offender).length >= 15);
  });

  it('ordinary lines of the same services are not attacks', () => {
    const cases: [string, string | null, string][] = [
      ['SuccessfulAuth', 'asterisk', 'asterisk'],
      ['logged in successfully', 'vaultwarden', 'rust-log'],
      ['as thermostat-2', 'mosquitto', 'epoch-colon'],
      ['Server is listening', null, 'json-line'],
      ['start of service', 'unbound', 'bracket-epoch'],
      ["successful login to 'carol'", 'directadmin', 'directadmin'],
      ['HTTP Server Listen', 'grafana', 'logfmt'],
    ];
    for (const [s, program, format] of cases) {
      const r = en(find(s));
      assert.equal(r.format, format, s);
      assert.equal(r.program, program, s);
      assert.equal(r.severity, 'info', s);
      assert.notEqual(r.category, 'dictionary', s);
    }
  });

  it('Asterisk: registration, PJSIP, AMI and toll-fraud probes name the service', () => {
    assert.match(en(find("failed for '203.0.113.101:5080'")).summary, /^A SIP registration from 203\.0\.113\.101 failed: Wrong password\.$/);
    assert.equal(en(find("failed for '203.0.113.101:5080'")).fields.port, '5080');
    assert.match(en(find('pjsip_distributor')).summary, /PJSIP refused a request from 203\.0\.113\.104: Failed to authenticate/);
    assert.match(en(find('nonexistent user')).summary, /manager interface \(AMI\) login as monitor from 203\.0\.113\.105/);
    const call = en(find("to extension '900441234567'"));
    assert.equal(call.fields.extension, '900441234567');
    assert.equal(call.fields.context, 'public');
    assert.ok(call.advice.some((a) => /toll-fraud/.test(a)));
    assert.match(ja(find("failed for '203.0.113.101:5080'")).summary, /203\.0\.113\.101 からの SIP 登録が失敗しました/);
  });

  it('Asterisk security events: the peer is the last RemoteAddress, not one written into the SessionID', () => {
    const r = en(find('InvalidAccountID'));
    assert.equal(r.fields.ip, '203.0.113.103');
    assert.equal(r.fields.event, 'InvalidAccountID');
    assert.equal(r.fields.user, '3003');
    assert.match(r.summary, /security event InvalidAccountID: PJSIP account 3003 from 203\.0\.113\.103/);
  });

  it('FreeSWITCH in its own log and through syslog', () => {
    const a = en(find('SIP auth failure'));
    assert.equal(a.program, 'freeswitch');
    assert.equal(a.fields.profile, 'internal');
    const b = en(find("Can't find user"));
    assert.equal(b.format, 'rsyslog-iso');
    assert.equal(b.fields.ip, '203.0.113.108');
    assert.equal(b.fields.target, '1003@192.0.2.5');
  });

  it('Kerio Connect and ASSP mail gateways', () => {
    const k = en(find('SMTP Spam attack'));
    assert.equal(k.program, 'kerio-connect');
    assert.match(k.summary, /SMTP spam attack from 203\.0\.113\.109: client closed connection before SMTP greeting/);
    assert.equal(en(find('SASL method LOGIN')).fields.method, 'LOGIN');
    const a = en(find('[Worker_2]'));
    assert.equal(a.program, 'assp');
    assert.equal(a.fields.code, '535');
    assert.equal(a.category, 'dictionary');
  });

  it('Vaultwarden and lighttpd: an address a client put in a user name is not the offender', () => {
    const v = en(find('Username: bob IP: 198.51.100.251'));
    assert.equal(v.fields.ip, '203.0.113.112');
    assert.equal(v.program, 'vaultwarden');
    assert.equal(v.fields.module, 'api::identity');
    assert.match(v.summary, /^Vaultwarden refused 203\.0\.113\.112: Username or password is incorrect\.$/);
    assert.equal(en(find('Invalid TOTP')).fields.ip, '2001:db8::113');
    assert.equal(en(find('username: eve')).fields.ip, '203.0.113.114');
  });

  it('Mosquitto: the refused client and the connection that names its address', () => {
    const c = en(find('New connection from 203.0.113.115'));
    assert.equal(c.fields.local_port, '1883');
    const n = en(find('not authorised'));
    assert.equal(n.pattern, 'mosquitto-not-authorised');
    assert.equal(n.severity, 'warning');
    assert.ok(n.advice.some((a) => /New connection line/.test(a)));
  });

  it('JSON lines: the top-level remoteAddr, ip_addr or src_ip, never an address quoted in the message', () => {
    const nc = en(find('"remoteAddr":"203.0.113.116"'));
    assert.equal(nc.program, 'nextcloud');
    assert.equal(nc.fields.ip, '203.0.113.116');
    assert.match(nc.summary, /^Nextcloud refused a login from 203\.0\.113\.116\.$/);
    assert.equal(en(find('"ip_addr":"203.0.113.117"')).fields.ip, '203.0.113.117');
    const cw = en(find('cowrie.session.connect'));
    assert.equal(cw.fields.ip, '203.0.113.118');
    assert.equal(cw.category, 'portscan');
    // Any JSON line, of a program we do not know: the top-level address key is the remote party.
    const other = en('{"msg":"client 198.51.100.254 said hello","level":"warn","client_ip":"203.0.113.119"}');
    assert.equal(other.format, 'json-line');
    assert.equal(other.fields.ip, '203.0.113.119');
    assert.equal(en('{"broken": "json", "remote_ip": "203.0.113.120"').format, null);
  });

  it('NSD, Dante, SQL Server, Monit, DirectAdmin, Grafana, CrowdSec and IDS alerts', () => {
    assert.match(en(find('axfr for example.org.')).summary, /^NSD refused a zone transfer of example\.org\. to 203\.0\.113\.131/);
    const d = en(find('block(2)'));
    assert.equal(d.fields.ip, '203.0.113.132');
    assert.equal(d.fields.port, '41000');
    assert.equal(d.fields.rule, '2');
    const m = en(find('[CLIENT: 203.0.113.133]'));
    assert.equal(m.program, 'sqlservr');
    assert.equal(m.fields.user, 'sa');
    assert.match(m.summary, /^SQL Server refused the login sa from 203\.0\.113\.133: Could not find a login/);
    const mo = en(find('missing or invalid Authorization header'));
    assert.equal(mo.pattern, 'monit-no-authorization');
    assert.notEqual(mo.category, 'dictionary');
    assert.equal(en(find("Invalid account 'root'")).fields.count, '4');
    assert.equal(en(find('uname=admin')).fields.ip, '203.0.113.136');
    const c = en(find('crowdsecurity/http-probing'));
    assert.equal(c.severity, 'notice');
    assert.match(c.summary, /^CrowdSec banned 203\.0\.113\.137 for 4h \(crowdsecurity\/http-probing\)\.$/);
    const ids = en(find('SURICATA STREAM'));
    assert.equal(ids.fields.ip, '203.0.113.138');
    assert.equal(ids.fields.sid, '2210045');
    assert.match(ja(find('SURICATA STREAM')).summary, /203\.0\.113\.138 から 192\.0\.2\.13:443 へ/);
  });

  it('a time of day is not an IPv6 address, and an SMTP address literal [IPv6:…] is', () => {
    const p = en(find('`grace`'));
    assert.equal(p.program, 'paperless');
    assert.equal(p.fields.ip, '2001:db8::140');
    assert.equal(en('Jul 20 08:21:04 app worker[1]: job took 17:44:54 to run').fields.ip, undefined);
    assert.equal(en(find('[IPv6:2001:db8::141]')).fields.ip, '2001:db8::141');
  });
});
