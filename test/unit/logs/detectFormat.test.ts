// The log viewer decides a file's format once from its first lines, shows it, and explain tries it
// first; the journal viewer passes the entry's PRIORITY, which the line's text does not show.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileFilter, runFilter, StatsAccumulator, statsOf } from '../../../server/src/logs/engine';
import { detectFormat, SAMPLE_BYTES, SAMPLE_LINES } from '../../../server/src/logs/explain/detect';
import { tempDir } from './engineHelpers';
import { explainText } from '../../../server/src/logs/explainRequest';

const dir = path.join(__dirname, '../../fixtures/logs/formats');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

describe('log format detection from a file\'s first lines', () => {
  const expected: [string, string, string][] = [
    ['messages.log', 'bsd-syslog', 'BSD syslog (also journalctl\'s default short output)'],
    ['messages-year.log', 'bsd-syslog', 'BSD syslog (also journalctl\'s default short output)'],
    ['export-no-date.log', 'journal-no-date', 'Journal export without a date (host program[pid]: message)'],
    ['rsyslog-iso.log', 'rsyslog-iso', 'ISO 8601 timestamp (rsyslog RFC 3339, with or without fraction and zone)'],
    ['rfc5424.log', 'rfc5424', 'RFC 5424 syslog'],
    ['audit.log', 'audit', 'auditd audit.log record'],
    ['access.log', 'access-combined', 'Apache/nginx access log (combined)'],
    ['apache-error.log', 'apache-error', 'Apache error_log'],
    ['nginx-error.log', 'nginx-error', 'nginx error.log'],
  ];
  for (const [file, name, label] of expected) {
    it(`detects ${file} as ${name}`, () => {
      const d = detectFormat(read(file));
      assert.equal(d?.name, name);
      assert.equal(d?.label.en, label);
      assert.equal(d?.lines, d?.sampled, 'every line of a one-format file counts');
    });
  }

  it('picks the majority in a mixed file, whichever format comes first', () => {
    const mixed = read('mixed.log');
    assert.deepEqual({ ...detectFormat(mixed), label: undefined }, { name: 'access-combined', label: undefined, lines: 3, sampled: 6 });
    // The same lines with syslog in the majority.
    const more = mixed + 'Jul 19 19:22:02 gw sshd[4022]: Connection closed by 203.0.113.9 port 51530\nJul 19 19:22:03 gw sshd[4022]: Disconnected from 203.0.113.9\n';
    assert.equal(detectFormat(more)?.name, 'bsd-syslog');
  });

  it('samples only the first lines: a file that changes format later keeps its first format', () => {
    const access = read('access.log').split('\n').filter(Boolean);
    const head = Array.from({ length: SAMPLE_LINES }, (_, i) => access[i % access.length]).join('\n') + '\n';
    const tail = read('messages.log').repeat(40);
    assert.deepEqual([detectFormat(head + tail)?.name, detectFormat(head + tail)?.sampled], ['access-combined', SAMPLE_LINES]);
    // Past the byte budget nothing is read, however few lines that is.
    const long = 'x'.repeat(SAMPLE_BYTES) + '\n' + read('audit.log');
    assert.equal(detectFormat(long), undefined);
  });

  it('says nothing for a file of no known format', () => {
    assert.equal(detectFormat('hello\nworld\n\n'), undefined);
    assert.equal(detectFormat(''), undefined);
  });

  it('explain tries the file\'s format first: lines its guard would refuse are read in that format', () => {
    // `host program: message` without a PID is accepted alone only for known programs.
    const line = 'web1 myapp: cache warmed in 20 ms';
    assert.equal(explainText(line, 'en', undefined).result?.format, null);
    const r = explainText(line, 'en', undefined, { format: detectFormat(read('export-no-date.log'))!.name }).result!;
    assert.deepEqual([r.format, r.host, r.program, r.summary], ['journal-no-date', 'web1', 'myapp', 'A message from myapp: cache warmed in 20 ms']);
    // A line in another format is still read as before (a continuation line, another daemon's line).
    const other = explainText('Mar  3 04:06:12 mail sshd[812]: Accepted publickey for alice from 192.0.2.44 port 50522 ssh2', 'en', undefined, { format: 'access-combined' }).result!;
    assert.equal(other.format, 'bsd-syslog');
    assert.equal(explainText('  continued text', 'en', undefined, { format: 'access-combined' }).result?.format, null);
  });
});

describe('times of lines in the file\'s format (charts and the time filter)', () => {
  const T = tempDir();
  after(() => T.cleanup());
  const hour = (y: number, mo: number, d: number, h: number) => Date.UTC(y, mo, d, h) / 3_600_000;

  async function stats(file: string, format?: string) {
    const acc = new StatsAccumulator(2024, format);
    await statsOf(file, acc);
    const r = acc.result();
    return { unparsed: r.unparsed, hours: r.hours.map((h) => [h.hour, h.lines]) };
  }
  async function filtered(file: string, from: number, to: number, format?: string) {
    const c = compileFilter({ from, to, format });
    assert.ok(c.ok);
    const out: string[] = [];
    await runFilter(file, c.filter, (buf, s, e) => void out.push(buf.toString('utf8', s, e)), { baseYear: 2024 });
    return out;
  }

  it('counts access, Apache and nginx error log lines by the hour they were written', async () => {
    for (const f of ['access.log', 'apache-error.log', 'nginx-error.log']) {
      const file = path.join(dir, f);
      const format = detectFormat(read(f))!.name;
      assert.deepEqual(await stats(file), { unparsed: 3, hours: [] }, `${f} without its format`);
      assert.deepEqual(await stats(file, format), { unparsed: 0, hours: [[hour(2024, 6, 19, 19), 3]] }, f);
    }
    // A line without the format's time (a continuation line) is read as before: a syslog line counts, text does not.
    const file = T.file('error_log', read('apache-error.log') + '  at a continuation line\n' + 'Jul 20 01:00:00 gw sshd[1]: x\n');
    assert.deepEqual(await stats(file, 'apache-error'), { unparsed: 1, hours: [[hour(2024, 6, 19, 19), 3], [hour(2024, 6, 20, 1), 1]] });
  });

  it('counts the lines of application logs explain knows (Asterisk, Vaultwarden, lighttpd, Suricata …) by their hour too', async () => {
    // Our own lines, two per file, both written between 19:00 and 20:00 on 19 July 2024.
    const logs: Record<string, string[]> = {
      asterisk: ["[2024-07-19 19:21:09] NOTICE[2211] chan_sip.c: Registration from '<sip:2001@pbx.example.com>' failed for '203.0.113.62:5080' - Wrong password", "[2024-07-19 19:59:59] NOTICE[2211] chan_sip.c: Registration from '<sip:2002@pbx.example.com>' failed for '203.0.113.63:5080' - Wrong password"],
      'rust-log': ['[2024-07-19 19:23:01.123][vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 203.0.113.70. Username: eve@example.com.', '[2024-07-19 19:40:00.001][vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 203.0.113.71. Username: bob@example.com.'],
      'suricata-fast': ['07/19/2024-19:17:01.123456  [**] [1:2001219:20] ET SCAN Potential SSH Scan [**] [Classification: Attempted Information Leak] [Priority: 2] {TCP} 203.0.113.90:40000 -> 192.0.2.10:22', '07/19/2024-19:18:02.000001  [**] [1:2001219:20] ET SCAN Potential SSH Scan [**] [Classification: Attempted Information Leak] [Priority: 2] {TCP} 203.0.113.91:40001 -> 192.0.2.10:22'],
      'lighttpd-error': ['2024-07-19 19:24:01: (mod_auth.c.1250) password doesn\'t match for /admin/ username: bob, IP: 203.0.113.74', '2024-07-19 19:25:01: (mod_auth.c.1250) password doesn\'t match for /admin/ username: eve, IP: 203.0.113.75'],
    };
    for (const [name, lines] of Object.entries(logs)) {
      const file = T.file(`${name}.log`, lines.join('\n') + '\n');
      assert.equal(detectFormat(lines.join('\n'))?.name, name);
      assert.deepEqual(await stats(file, name), { unparsed: 0, hours: [[hour(2024, 6, 19, 19), 2]] }, name);
    }
  });

  it('filters access log lines by time', async () => {
    const file = path.join(dir, 'access.log');
    const from = Date.UTC(2024, 6, 19, 19, 21, 8);
    const to = Date.UTC(2024, 6, 19, 19, 23);
    assert.deepEqual(await filtered(file, from, to), []);
    assert.deepEqual(await filtered(file, from, to, 'access-combined'), read('access.log').split('\n').slice(1, 3));
  });
});

describe('explain with the journal entry\'s PRIORITY', () => {
  const line = '2024-07-19T19:21:07.123456+0900 gw myapp[812]: could not reach the backend, retrying';

  it('takes the severity and level from PRIORITY (0-7 → emerg … debug)', () => {
    assert.equal(explainText(line, 'en', undefined).result?.severity, 'info');
    const want = ['critical', 'critical', 'critical', 'error', 'warning', 'notice', 'info', 'info'];
    const levels = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
    for (let p = 0; p <= 7; p++) {
      const r = explainText(line, 'en', undefined, { priority: p }).result!;
      assert.equal(r.severity, want[p], `PRIORITY=${p}`);
      assert.equal(r.fields.level, levels[p], `PRIORITY=${p}`);
    }
  });

  it('ignores a PRIORITY outside 0-7', () => {
    for (const p of [8, -1, 3.5, NaN]) assert.equal(explainText(line, 'en', undefined, { priority: p }).result?.severity, 'info');
  });
});
