/**
 * What a configuration must not be able to do through a check with the installed tool: run
 * code (rsyslog modules), write outside the temporary copy (logrotate's createolddir), reach
 * the network, or have the content of files outside the configuration shown. Against the REAL
 * tools and bubblewrap (scripts/setup.mjs installs them under CI; without them the test is
 * skipped locally and fails under CI).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram, isRoot, runProgram, withTempDir } from '../../../server/src/tools/exec';
import { checkWithTool } from '../../../server/src/tools/index';
import { systemModuleDir } from '../../../server/src/tools/rsyslogSafety';
import { prepareTemp, sandbox, toolEnv } from '../../../server/src/tools/sandbox';

const FX = path.resolve(__dirname, '../../fixtures/tools/sandbox');

function need(ctx: Mocha.Context, ...programs: string[]) {
  for (const program of programs) {
    if (findProgram(program)) continue;
    if (process.env.CI) throw new Error(`${program} is not installed (run node scripts/setup.mjs as root)`);
    ctx.skip();
  }
}

describe('tool checks run confined (real tools)', function () {
  this.timeout(60_000);
  let work = '';
  before(() => {
    // A folder other users can enter: as root, the tools run as user nobody.
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-sandbox-'));
    fs.chmodSync(work, 0o755);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('the sandbox: only the temporary copy is writable, no network, user nobody', async function () {
    need(this, 'bwrap');
    const box = sandbox();
    assert.ok(box.ok, 'bubblewrap can create a sandbox here');
    const server = net.createServer((c) => c.end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const outside = path.join(work, 'written-outside');
    try {
      await withTempDir(async (tmp) => {
        prepareTemp(tmp, 'nobody');
        const script = `id -u; touch ${outside} || echo outside-denied; touch /etc/lac-sandbox-probe || echo etc-denied; touch ${tmp}/inside && echo inside-ok; (exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null && echo net-open || echo net-closed`;
        const run = box.wrap('/bin/bash', ['-c', script], tmp, 'nobody');
        const r = await runProgram(run.file, run.args, { cwd: tmp, env: toolEnv(), cleanEnv: true });
        const said = r.stdout.trim().split('\n');
        assert.deepEqual(said, [isRoot() ? '65534' : String(process.getuid!()), 'outside-denied', 'etc-denied', 'inside-ok', 'net-closed'], r.stderr);
        assert.ok(fs.existsSync(path.join(tmp, 'inside')));
      });
      assert.equal(fs.existsSync(outside), false);
      assert.equal(fs.existsSync('/etc/lac-sandbox-probe'), false);
      // The same connection works from outside the sandbox: the test itself is sound.
      const plain = spawnSync('/bin/bash', ['-c', `(exec 3<>/dev/tcp/127.0.0.1/${port}) && echo net-open`], { encoding: 'utf8' });
      assert.equal(plain.stdout.trim(), 'net-open');
    } finally {
      server.close();
    }
  });

  describe('rsyslog modules from outside the system module folder', () => {
    let evil = '';
    let marker = '';
    before(function () {
      need(this, 'rsyslogd', 'bwrap', 'gcc');
      marker = path.join(work, 'module-ran');
      evil = path.join(work, 'evil.so');
      const cc = spawnSync('gcc', ['-shared', '-fPIC', `-DMARKER="${marker}"`, '-o', evil, path.join(FX, 'evil.c')], { encoding: 'utf8' });
      assert.equal(cc.status, 0, cc.stderr);
      fs.chmodSync(evil, 0o755);
    });
    afterEach(() => assert.equal(fs.existsSync(marker), false, "the module's code never ran"));

    const check = (text: string, file = path.join(work, 'rsyslog.conf')) => checkWithTool({ languageId: 'rsyslog', file, text });
    const notLoaded = (r: Awaited<ReturnType<typeof check>>) =>
      r.findings
        .filter((f) => /not checked: module loaded from outside the system module directory/.test(f.message))
        .map((f) => f.line)
        .sort((a, b) => a - b);

    it('module(load="/path/x.so") is not loaded and is reported at its line', async () => {
      const r = await check(`module(load="imuxsock")\n\nmodule(load="${evil}"\n       param="x")\n*.* /var/log/syslog\n`);
      assert.deepEqual(notLoaded(r), [2]);
      assert.doesNotMatch(r.output, /LAC-EVIL-MODULE-RAN/);
      assert.match(r.commands[0], /bwrap .*setpriv --reuid=65534 .*\/rsyslogd -N1 -M \//);
    });

    it('$ModLoad by path, $ModDir, a relative path that climbs out and a backtick expression are not loaded either', async () => {
      const dir = path.dirname(evil);
      const rel = path.relative(systemModuleDir() ?? '/usr/lib/rsyslog', evil.replace(/\.so$/, ''));
      const r = await check(`$ModLoad ${evil}\n$ModDir ${dir}/\n$ModLoad evil\nmodule(load="${rel}")\nmodule(load=\`echo ${evil}\`)\n`);
      assert.deepEqual(notLoaded(r), [0, 3, 4]);
      assert.ok(r.findings.some((f) => f.line === 1 && /\$ModDir/.test(f.message)), JSON.stringify(r.findings));
      assert.doesNotMatch(r.output, /LAC-EVIL-MODULE-RAN/);
    });

    it('a quote that is never closed does not hide a module load from the check', async () => {
      const r = await check(`template(name="t" type="string" string="no end)\nmodule(load="${evil}")\n*.* /var/log/syslog\n`);
      assert.deepEqual(notLoaded(r), [1]);
      assert.doesNotMatch(r.output, /LAC-EVIL-MODULE-RAN/);
    });

    it('a module in an included .conf file is not loaded, and is reported in that file', async () => {
      const inc = path.join(work, 'extra.conf');
      fs.writeFileSync(inc, `# extra\nmodule(load="${evil}")\n`);
      const r = await check(`include(file="${inc}")\n*.* /var/log/syslog\n`);
      assert.deepEqual(r.findings.filter((f) => /outside the system module/.test(f.message)).map((f) => [f.file, f.line]), [[inc, 1]]);
    });

    it('a system module named by its full path is loaded as usual', async () => {
      const dir = systemModuleDir();
      assert.ok(dir && fs.existsSync(path.join(dir, 'imuxsock.so')), 'the system module folder is found');
      const r = await check(`module(load="${dir}/imuxsock.so")\n*.* /var/log/syslog\n`);
      assert.deepEqual(r.findings, []);
      assert.equal(r.status, 'ok', r.output);
    });
  });

  it('logrotate: createolddir cannot create a folder outside the copy, and the report says so', async function () {
    need(this, 'logrotate', 'bwrap');
    const logs = path.join(work, 'logs');
    fs.mkdirSync(logs, { mode: 0o755 });
    fs.writeFileSync(path.join(logs, 'app.log'), 'a line\n');
    const olddir = path.join(work, 'old-logs');
    const text = `${logs}/app.log {\n  rotate 2\n  olddir ${olddir}\n  createolddir 0777 nobody nogroup\n}\n`;
    const r = await checkWithTool({ languageId: 'logrotate', file: '/etc/logrotate.d/app', text });
    assert.equal(fs.existsSync(olddir), false, 'the folder was not created');
    assert.deepEqual(r.findings.map((f) => [f.line, f.severity]), [[2, 'warning']]);
    assert.match(r.findings[0].message, /not checked: logrotate would create .*old-logs \(createolddir\)/);
    assert.match(r.summary.en, /sandbox/);
  });
});
