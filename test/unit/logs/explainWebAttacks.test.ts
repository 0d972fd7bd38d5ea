import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainLine } from '../../../server/src/logs/explain/index';
import { decodeTarget } from '../../../server/src/logs/explain/webAttacks';

const FIXTURE = path.resolve(__dirname, '../../fixtures/logs/explain/web-attacks.log');

/** The lines of the fixture with the signatures their `# attack:` comment names (none when unlabelled). */
function labelled(): { line: string; attacks: string[] }[] {
  const out: { line: string; attacks: string[] }[] = [];
  let attacks: string[] = [];
  for (const line of fs.readFileSync(FIXTURE, 'utf8').split('\n')) {
    if (line.startsWith('# attack:')) attacks = line.slice(9).split(',').map((s) => s.trim());
    else if (line.startsWith('#') || !line.trim()) continue;
    else {
      out.push({ line, attacks });
      attacks = [];
    }
  }
  return out;
}

describe('explain: attacks and probes in web server lines', () => {
  it('names the attack of every attack line, and none in ordinary traffic', () => {
    const wrong: string[] = [];
    for (const { line, attacks } of labelled()) {
      const { result } = explainLine(line, 'en');
      const got = result.fields.attack ? result.fields.attack.split(', ').sort() : [];
      if (got.join() !== [...attacks].sort().join()) wrong.push(`${line.slice(0, 90)}: expected [${attacks}], got [${got}]`);
    }
    assert.deepEqual(wrong, []);
  });

  it('says what the request tries, whether the server answered it, and raises the severity', () => {
    const sqli = labelled().find((l) => l.line.includes('UNION%20ALL'))!.line;
    const en = explainLine(sqli, 'en').result;
    assert.match(en.summary, /^198\.51\.100\.10 sent an SQL injection attempt to \/item\.php/);
    assert.equal(en.severity, 'warning');
    assert.equal(en.category, 'cgi');
    assert.ok(en.advice.some((a) => /answered 200: the request reached its target/.test(a)), en.advice.join('\n'));
    const ja = explainLine(sqli, 'ja').result;
    assert.match(ja.summary, /SQL インジェクションの試みに見えます/);
    // A probe the server refused stays a notice.
    const probe = explainLine(labelled().find((l) => l.line.includes('/phpmyadmin/'))!.line, 'en').result;
    assert.equal(probe.severity, 'notice');
    assert.ok(probe.advice.some((a) => /answered 404: it refused the request or had nothing there/.test(a)));
  });

  it('decodes the target as the application reads it: percent escapes twice, + in the query', () => {
    assert.equal(decodeTarget('/a%252e%252e/b?q=1+union+select'), '/a../b?q=1 union select');
    assert.equal(decodeTarget('/%zz%4'), '/%zz%4');
  });

  it('explains ModSecurity and bash refusing a Shellshock definition in the error log', () => {
    const modsec = explainLine('[Sun Jul 21 10:00:00.000001 2024] [security2:error] [pid 2001] [client 198.51.100.41:50001] ModSecurity: Access denied with code 403 (phase 2). Matched phrase "union select" at ARGS:id. [file "/etc/modsecurity/crs/r.conf"] [line "100"] [id "942100"] [msg "SQL Injection Attack Detected via libinjection"] [severity "CRITICAL"] [hostname "www.example.org"] [uri "/item.php"] [unique_id "AbCdEf"]', 'en').result;
    assert.equal(modsec.pattern, 'apache-modsecurity');
    assert.equal(modsec.fields.rule_id, '942100');
    assert.equal(modsec.fields.uri, '/item.php');
    assert.match(modsec.summary, /blocked a request from 198\.51\.100\.41:50001 \(Access denied with code 403 \(phase 2\)\) by rule 942100: SQL Injection Attack Detected/);
    const bash = explainLine('[Mon Sep 29 10:11:12.000001 2014] [cgi:error] [pid 3100] [client 198.51.100.40:41000] AH01215: /bin/bash: warning: HTTP_USER_AGENT: ignoring function definition attempt', 'en').result;
    assert.equal(bash.pattern, 'apache-shellshock-refused');
    assert.equal(bash.fields.variable, 'HTTP_USER_AGENT');
    assert.match(bash.severity, /^(?:warning|error)$/);
  });

  it('checks the request nginx quotes in its error log', () => {
    const r = explainLine('2024/07/21 10:00:09 [error] 1234#1234: *5 open() "/usr/share/nginx/html/.env" failed (2: No such file or directory), client: 198.51.100.44, server: _, request: "GET /.env HTTP/1.1", host: "192.0.2.1"', 'en').result;
    assert.equal(r.pattern, 'nginx-open-failed');
    assert.equal(r.fields.attack, 'sensitive-file');
    assert.equal(r.fields.ip, '198.51.100.44');
    assert.ok(r.advice.some((a) => /Probe for a file that holds secrets/.test(a)));
  });
});
