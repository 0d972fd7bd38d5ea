/**
 * `check --with-tool` stopped by Ctrl-C or SIGTERM while the tool runs: the built CLI
 * (dist/cli.js, `node scripts/build.mjs`) must stop the tool's processes, remove its temporary
 * copy and exit with 128 + the signal number. The "tool" is a stand-in named rsyslogd, first on
 * PATH, that says it started and then hangs.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram } from '../../../server/src/tools/exec';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
/** An unusual duration, to recognise the stand-in's child among the host's processes. */
const SLEEP = 6173;

/** Processes whose command line mentions `needle`. */
function processesWith(needle: string): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function waitFor(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('check --with-tool stopped by a signal (built CLI)', function () {
  this.timeout(60_000);
  let work = '';
  let fakeBin = '';
  let tmp = '';
  before(function () {
    if (!findProgram('bwrap')) {
      if (process.env.CI) throw new Error('bwrap is not installed (run node scripts/setup.mjs as root)');
      this.skip();
    }
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run node scripts/build.mjs first');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-signals-'));
    fs.chmodSync(work, 0o755);
    fakeBin = path.join(work, 'fake-bin');
    fs.mkdirSync(fakeBin, { mode: 0o755 });
    // It writes "started" into its working folder (the temporary copy), then hangs in a child.
    fs.writeFileSync(path.join(fakeBin, 'rsyslogd'), `#!/bin/sh\n: > started\nsleep ${SLEEP} &\nwait\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(work, 'rsyslog.conf'), '*.* /var/log/syslog\n');
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
    fs.chmodSync(tmp, 0o711);
  });
  after(() => work && fs.rmSync(work, { recursive: true, force: true }));

  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal}: the tool is stopped, the temporary copy removed, exit ${code}`, async () => {
      const child = spawn(process.execPath, [CLI, 'check', '--with-tool', path.join(work, 'rsyslog.conf')], {
        env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, TMPDIR: tmp, LANG: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const copies = () => fs.readdirSync(tmp).filter((n) => n.startsWith('lac-tool-'));
      await waitFor('the stand-in tool to start', () => copies().some((d) => fs.existsSync(path.join(tmp, d, 'started'))));
      const tool = () => [...processesWith(fakeBin), ...processesWith(`sleep\0${SLEEP}\0`)];
      await waitFor('the tool and its child to run', () => processesWith(`sleep\0${SLEEP}\0`).length > 0, 5_000);
      child.kill(signal);
      assert.equal(await exited, code);
      assert.deepEqual(copies(), [], 'the temporary copy is removed');
      await waitFor('the tool and its child to be gone', () => tool().length === 0, 5_000);
    });
  }
});
