/**
 * The runners against the REAL tools on small fixture configurations (scripts/setup.mjs
 * installs rsyslog, logrotate, iptables and firewalld under CI). Without a tool the test is
 * skipped locally and fails under CI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram, isRoot } from '../../../server/src/tools/exec';
import { sandbox } from '../../../server/src/tools/sandbox';
import { checkWithTool } from '../../../server/src/tools/index';

const FX = path.resolve(__dirname, '../../fixtures/tools');
const read = (rel: string) => fs.readFileSync(path.join(FX, rel), 'utf8');

function need(ctx: Mocha.Context, program: string) {
  if (findProgram(program)) return;
  if (process.env.CI) throw new Error(`${program} is not installed (run node scripts/setup.mjs as root)`);
  ctx.skip();
}

const tempDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('lac-tool-')).sort();

describe('tool runners (real tools)', function () {
  this.timeout(60_000);
  // A private TMPDIR, so that what the runners leave behind (nothing, we hope) can be counted.
  const savedTmp = process.env.TMPDIR;
  let privateTmp = '';
  before(() => {
    privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-runners-'));
    // As root the tools run as user nobody, who must be able to enter it (as /tmp allows).
    fs.chmodSync(privateTmp, 0o711);
    process.env.TMPDIR = privateTmp;
  });
  after(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(privateTmp, { recursive: true, force: true });
  });
  afterEach(() => {
    assert.deepEqual(tempDirs(), [], 'temporary folders are removed');
  });

  it('rsyslog: checks a drop-in with its main file and the unsaved text in place', async function () {
    need(this, 'rsyslogd');
    const file = path.join(FX, 'rsyslog/rsyslog.d/30-app.conf');
    const saved = await checkWithTool({ languageId: 'rsyslog', file, text: read('rsyslog/rsyslog.d/30-app.conf') });
    assert.equal(saved.status, 'problems');
    assert.match(saved.commands[0], /rsyslogd -N1 (-M \S+ )?-f \S+\/rsyslog\.conf$/);
    const own = saved.findings.filter((f) => f.file === file);
    assert.ok(own.some((f) => f.line === 3 && /colour/.test(f.message)), JSON.stringify(own));
    const main = saved.findings.filter((f) => f.file === path.join(FX, 'rsyslog/rsyslog.conf'));
    assert.ok(main.some((f) => f.line === 2 && /imklogg/.test(f.message)), 'the main file\'s own errors are reported on it');
    // The editor's text, not the file on disk, is what gets checked.
    const fixed = read('rsyslog/rsyslog.d/30-app.conf').replace(/\n\s*colour="red"\)/, ')').replace('$ActionQueueTypo', '$ActionQueueType').replace('AppFormatt', 'AppFormat');
    const unsaved = await checkWithTool({ languageId: 'rsyslog', file, text: fixed });
    assert.deepEqual(unsaved.findings.filter((f) => f.file === file), []);
  });

  it('logrotate: debug mode with a temporary state file, never running a script', async function () {
    need(this, 'logrotate');
    const marker = path.join(os.tmpdir(), `lac-marker-${process.pid}`);
    const text = `/var/log/lac-test-nonexistent/*.log\n/var/log/lac-test-other.log\n{\n  weekly\n  rotate eight\n  firstaction\n    touch ${marker}\n  endscript\n  postrotate\n    touch ${marker}\n  endscript\n}\n`;
    const r = await checkWithTool({ languageId: 'logrotate', file: '/etc/logrotate.d/lac-test', text });
    assert.match(r.commands[0], /logrotate -d -s \S+\/state \S+/);
    assert.doesNotMatch(r.commands[0], /\s-f\b|\/var\/lib\/logrotate/);
    assert.deepEqual(r.findings.map((f) => [f.line, f.message]), [[4, "bad rotation count 'eight'"]]);
    assert.equal(fs.existsSync(marker), false, 'no script from the configuration ran');
    const ok = await checkWithTool({ languageId: 'logrotate', file: '/etc/logrotate.d/lac-test', text: text.replace('eight', '8') });
    assert.equal(ok.status, 'ok');
    assert.equal(fs.existsSync(marker), false);
  });

  it('logrotate: an include of a path that does not exist is reported at the include', async function () {
    need(this, 'logrotate');
    const text = `weekly\ninclude /nonexistent/lac-test.d\n/var/log/lac-test.log {\n  rotate 4\n}\n`;
    const r = await checkWithTool({ languageId: 'logrotate', file: '/etc/lac-test-logrotate.conf', text });
    assert.equal(r.status, 'problems');
    assert.deepEqual(
      r.findings.map((f) => [f.line, f.severity, f.message]),
      [[1, 'error', 'cannot stat /nonexistent/lac-test.d: No such file or directory']],
    );
  });

  it('iptables: --test, then a load into a throw-away network namespace', async function () {
    need(this, 'iptables-restore');
    const file = path.join(FX, 'iptables/rules.v4');
    const r = await checkWithTool({ languageId: 'iptables', file, text: read('iptables/rules.v4') });
    if (!sandbox().ok) {
      assert.notEqual(r.status, 'ok');
      assert.match(r.summary.en, /sandbox/);
      return;
    }
    assert.equal(r.tool, 'iptables-restore');
    assert.deepEqual(r.findings.map((f) => [f.line, f.message]), [[7, "Chain 'WEBLOG' does not exist"]]);
    const port = await checkWithTool({ languageId: 'iptables', file, text: read('iptables/port.v4') });
    assert.deepEqual(port.findings.map((f) => f.line), [6]);
    const good = await checkWithTool({ languageId: 'iptables', file, text: read('iptables/rules.v4').replace('-j WEBLOG', '-j ACCEPT') });
    assert.equal(good.status, 'ok', good.output);
    const v6 = await checkWithTool({ languageId: 'iptables', file: '/etc/iptables/rules.v6', text: '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 2001:db8::/32 -j ACCEPT\nCOMMIT\n' });
    assert.equal(v6.tool, 'ip6tables-restore');
    assert.equal(v6.status, 'ok', v6.output);
  });

  it('firewalld: --check-config on temporary copies of the configuration', async function () {
    need(this, 'firewall-offline-cmd');
    // A folder of our own: the fixture folder holds several broken zones and the tool stops at the first.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-fx-'));
    try {
      fs.mkdirSync(path.join(dir, 'zones'));
      const office = path.join(dir, 'zones/office.xml');
      fs.writeFileSync(office, read('firewalld/zones/office.xml'));
      const r = await checkWithTool({ languageId: 'firewalld', file: office, text: read('firewalld/zones/office.xml') });
      if (!isRoot()) {
        assert.equal(r.status, 'needs-root');
        assert.match(r.summary.en, /root/);
        return;
      }
      assert.match(r.commands[0], /--system-config \S+ --default-config \S+ --check-config/);
      assert.doesNotMatch(r.commands[0], /\/etc\/firewalld|\/usr\/lib\/firewalld/);
      assert.deepEqual(r.findings.map((f) => [f.file, f.line, f.message]), [[office, 1, 'INVALID_TARGET: ACCEPTED']]);
      // Unsaved fix in the editor; the unknown service of another zone is reported on that zone.
      const fixed = read('firewalld/zones/office.xml').replace('ACCEPTED', 'ACCEPT');
      assert.equal((await checkWithTool({ languageId: 'firewalld', file: office, text: fixed })).status, 'ok');
      const lab = path.join(dir, 'zones/lab.xml');
      fs.writeFileSync(lab, read('firewalld/zones/lab.xml'));
      const other = await checkWithTool({ languageId: 'firewalld', file: office, text: fixed });
      assert.deepEqual(other.findings.map((f) => [f.file, f.line]), [[lab, 3]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('firewalld: a part of a combined zone (zones/NAME/*.xml) is checked with its configuration', async function () {
    need(this, 'firewall-offline-cmd');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-fx-'));
    try {
      const part = path.join(dir, 'zones/office/extra.xml');
      fs.mkdirSync(path.dirname(part), { recursive: true });
      const text = '<?xml version="1.0" encoding="utf-8"?>\n<zone target="ACCEPTED">\n  <short>Office extra</short>\n</zone>\n';
      fs.writeFileSync(part, text);
      const r = await checkWithTool({ languageId: 'firewalld', file: part, text });
      if (!isRoot()) return assert.equal(r.status, 'needs-root');
      assert.deepEqual(r.findings.map((f) => [f.file, f.line, f.message]), [[part, 1, 'INVALID_TARGET: ACCEPTED']]);
      assert.equal((await checkWithTool({ languageId: 'firewalld', file: part, text: text.replace('ACCEPTED', 'ACCEPT') })).status, 'ok');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a tool that runs too long is stopped', async function () {
    need(this, 'firewall-offline-cmd');
    const r = await checkWithTool({ languageId: 'firewalld', file: path.join(FX, 'firewalld/zones/office.xml'), text: read('firewalld/zones/office.xml'), timeoutMs: 30 });
    if (!isRoot()) return;
    assert.equal(r.status, 'timeout');
    assert.match(r.summary.en, /did not finish within/);
  });

  it('journald: says that there is no offline checker', async () => {
    const r = await checkWithTool({ languageId: 'journald', file: '/etc/systemd/journald.conf', text: '[Journal]\nStorage=persistent\n' });
    assert.equal(r.status, 'unsupported');
    assert.match(r.summary.en, /no offline configuration checker/);
    assert.match(r.summary.ja, /ツールがありません/);
  });
});
