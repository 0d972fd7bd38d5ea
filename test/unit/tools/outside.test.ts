/**
 * Files outside the checked configuration, and findings that must land where they belong,
 * with the REAL tools: an included /etc/shadow (or any file that is not configuration) is
 * named but never quoted; a problem in an included .conf file is shown on that file; a file
 * name with a line break keeps its finding; a host-dependent rsyslog warning sits on its line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram } from '../../../server/src/tools/exec';
import { checkWithTool } from '../../../server/src/tools/index';
import type { ToolReport } from '../../../server/src/tools/types';

function need(ctx: Mocha.Context, ...programs: string[]) {
  for (const program of programs) {
    if (findProgram(program)) continue;
    if (process.env.CI) throw new Error(`${program} is not installed (run node scripts/setup.mjs as root)`);
    ctx.skip();
  }
}

/** A word the tools quote when they read it ("invalid … command 'lacsecretword'", "unknown option 'lacsecretword'"). */
const SECRET = 'lacsecretword';

/** Everything a user could see of a report. */
const visible = (r: ToolReport) => [r.output, r.summary.en, r.summary.ja, ...r.findings.map((f) => f.message)].join('\n');

describe('files outside the checked configuration (real tools)', function () {
  this.timeout(60_000);
  let work = '';
  let secret = '';
  let secretLr = '';
  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-outside-'));
    fs.chmodSync(work, 0o755);
    // Readable by anyone, so only the check's own rule keeps it out of the report.
    secret = path.join(work, 'notes.txt');
    fs.writeFileSync(secret, `$${SECRET} on\n`, { mode: 0o644 });
    secretLr = path.join(work, 'rotate-notes.txt');
    fs.writeFileSync(secretLr, `/var/log/lac-x.log {\n  ${SECRET}\n}\n`, { mode: 0o644 });
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('rsyslog: an included /etc/shadow or other non-configuration file is named at the include line, never quoted', async function () {
    need(this, 'rsyslogd', 'bwrap');
    const shadowStart = fs.existsSync('/etc/shadow') ? fs.readFileSync('/etc/shadow', 'utf8').split(':')[0] + ':' : undefined;
    const file = path.join(work, 'rsyslog.conf');
    const text = `module(load="imuxsock")\ninclude(file="/etc/shadow")\n$IncludeConfig ${secret}\n*.* /var/log/syslog\n`;
    const r = await checkWithTool({ languageId: 'rsyslog', file, text });
    assert.doesNotMatch(visible(r), new RegExp(SECRET));
    if (shadowStart) assert.ok(!visible(r).includes(shadowStart + '*') && !visible(r).includes(`'${shadowStart}`), visible(r));
    const at = r.findings.map((f) => [f.file, f.line, f.message.replace(work, 'WORK')]).sort();
    assert.deepEqual(at, [
      [file, 1, 'not checked: /etc/shadow is not a configuration file (only files named *.conf are passed to the tool), so its content was not read'],
      [file, 2, 'not checked: WORK/notes.txt is not a configuration file (only files named *.conf are passed to the tool), so its content was not read'],
    ]);
  });

  it('rsyslog: a .conf name that links to a file that is not configuration is not read either', async function () {
    need(this, 'rsyslogd', 'bwrap');
    const dir = path.join(work, 'links');
    fs.mkdirSync(path.join(dir, 'rsyslog.d'), { recursive: true });
    fs.symlinkSync(secret, path.join(dir, 'notes.conf'));
    fs.symlinkSync(secret, path.join(dir, 'rsyslog.d/10-notes.conf'));
    const file = path.join(dir, 'rsyslog.conf');
    const r = await checkWithTool({ languageId: 'rsyslog', file, text: `include(file="${dir}/notes.conf")
$IncludeConfig ${dir}/rsyslog.d/*.conf
*.* /var/log/syslog
` });
    assert.doesNotMatch(visible(r), new RegExp(SECRET));
    assert.deepEqual(r.findings.map((f) => [path.basename(f.file), f.line, /^not checked: .* (is not a configuration file|is a link to a file that is not)/.test(f.message)]).sort(), [
      ['10-notes.conf', 0, true],
      ['rsyslog.conf', 0, true],
    ]);
  });

  it('rsyslog: a problem in an included .conf file is shown on that file, not on the checked one', async function () {
    need(this, 'rsyslogd', 'bwrap');
    const extra = path.join(work, 'extra.conf');
    fs.writeFileSync(extra, '# more rules\n\n*.* ~/no-such-action\nif $msg contain "x" then stop\n');
    const file = path.join(work, 'main.conf');
    const r = await checkWithTool({ languageId: 'rsyslog', file, text: `module(load="imuxsock")\ninclude(file="${extra}")\n*.* /var/log/syslog\n` });
    assert.ok(r.findings.length > 0, r.output);
    assert.deepEqual([...new Set(r.findings.map((f) => f.file))], [extra], JSON.stringify(r.findings));
    assert.ok(r.findings.some((f) => f.line === 3 && /contain/.test(f.message)), JSON.stringify(r.findings));
  });

  it('rsyslog: "$WorkDirectory can not be accessed" is a host-dependent warning on the workDirectory line', async function () {
    need(this, 'rsyslogd', 'bwrap');
    const file = path.join(work, 'wd.conf');
    const text = `# a comment\nmodule(load="imuxsock")\nglobal(\n  workDirectory="/nonexistent/lac-wd"\n)\n*.* /var/log/syslog\n`;
    const r = await checkWithTool({ languageId: 'rsyslog', file, text });
    assert.deepEqual(r.findings.map((f) => [f.line, f.severity]), [[3, 'warning']]);
    assert.match(r.findings[0].message, /\/nonexistent\/lac-wd does not exist on this host.*depends on the host/);
    const legacy = await checkWithTool({ languageId: 'rsyslog', file, text: '$WorkDirectory /nonexistent/lac-wd\n*.* /var/log/syslog\n' });
    assert.deepEqual(legacy.findings.map((f) => [f.line, f.severity]), [[0, 'warning']]);
  });

  it('logrotate: an included file outside the configuration is named at the include line, never quoted', async function () {
    need(this, 'logrotate', 'bwrap');
    const text = `/var/log/lac-app.log {\n  rotate 2\n}\ninclude /etc/shadow\ninclude ${secretLr}\n`;
    const r = await checkWithTool({ languageId: 'logrotate', file: '/etc/logrotate.d/lac-app', text });
    assert.doesNotMatch(visible(r), new RegExp(SECRET));
    assert.doesNotMatch(visible(r), /\broot:/);
    const at = r.findings.map((f) => [f.line, f.severity]);
    assert.deepEqual(at, [[3, 'warning'], [4, 'warning']], JSON.stringify(r.findings));
    assert.match(r.findings[0].message, /\/etc\/shadow/);
    assert.match(r.findings[1].message, /rotate-notes\.txt, which is included here but is not part of the checked configuration; its text is not shown/);
  });

  it('logrotate: a problem in the logrotate.d folder beside a logrotate.conf is shown on that drop-in', async function () {
    need(this, 'logrotate', 'bwrap');
    const etc = path.join(work, 'etc');
    fs.mkdirSync(path.join(etc, 'logrotate.d'), { recursive: true });
    const dropin = path.join(etc, 'logrotate.d/app');
    fs.writeFileSync(dropin, '/var/log/lac-app/*.log {\n  # a comment\n  daly\n}\n');
    const conf = path.join(etc, 'logrotate.conf');
    const r = await checkWithTool({ languageId: 'logrotate', file: conf, text: 'weekly\ninclude /etc/logrotate.d\n' });
    assert.deepEqual(r.findings.map((f) => [f.file, f.line, f.message]), [[dropin, 2, "unknown option 'daly' -- ignoring line"]]);
  });

  it('logrotate: a logrotate.d entry that links to a file elsewhere is not read', async function () {
    need(this, 'logrotate', 'bwrap');
    const etc = path.join(work, 'etc2');
    fs.mkdirSync(path.join(etc, 'logrotate.d'), { recursive: true });
    fs.symlinkSync(secretLr, path.join(etc, 'logrotate.d/notes'));
    const r = await checkWithTool({ languageId: 'logrotate', file: path.join(etc, 'logrotate.conf'), text: 'weekly\ninclude /etc/logrotate.d\n' });
    assert.doesNotMatch(visible(r), new RegExp(SECRET));
    assert.deepEqual(r.findings.map((f) => [f.file, f.line]), [[path.join(etc, 'logrotate.d/notes'), 0]]);
    assert.match(r.findings[0].message, /^not checked: .* is a link to a file outside/);
  });

  it("logrotate: the tool's finding survives a file name with a line break", async function () {
    need(this, 'logrotate', 'bwrap');
    const file = '/etc/logrotate.d/odd\nname';
    const r = await checkWithTool({ languageId: 'logrotate', file, text: '/var/log/lac-odd.log {\n  weekly\n  rotate eight\n}\n' });
    assert.deepEqual(r.findings.map((f) => [f.file, f.line, f.message]), [[file, 2, "bad rotation count 'eight'"]]);
  });
});
