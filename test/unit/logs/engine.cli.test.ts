import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { syslogText } from '../../fixtures/logs/generate';
import { sleep, tempDir } from './engineHelpers';

const ROOT = path.resolve(__dirname, '../../..');
let bundle = '';
const cli = (...args: string[]) => cliIn(process.env, ...args);
const cliIn = (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', cwd: ROOT, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('cli grep and stats', function () {
  this.timeout(60_000);
  const T = tempDir();
  // The CLI from source, bundled once (as scripts/build.mjs does) so each run starts fast.
  before(() => {
    bundle = path.join(T.dir, 'cli.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'server/src/cli.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  });
  after(() => T.cleanup());
  const a = T.file('maillog', 'Dec 27 00:01:08 sv postfix/smtp[1]: A1: Connection timed out\nDec 27 00:02:00 sv sshd[2]: Accepted publickey for root\nDec 28 00:03:00 sv postfix/smtp[3]: B2: connection TIMED OUT\n');
  const b = T.file('maillog.1.gz', zlib.gzipSync('Dec 26 10:00:00 sv postfix/qmgr[4]: A1: removed\n'));

  it('prints matching lines like grep, with file: prefixes for several files, and exits 0', () => {
    const one = cli('grep', 'timed out', a);
    assert.equal(one.code, 0);
    assert.equal(one.out, 'Dec 27 00:01:08 sv postfix/smtp[1]: A1: Connection timed out\n');
    const two = cli('grep', '-i', 'A1', a, b);
    assert.equal(two.out, `${a}:Dec 27 00:01:08 sv postfix/smtp[1]: A1: Connection timed out\n${b}:Dec 26 10:00:00 sv postfix/qmgr[4]: A1: removed\n`);
  });

  it('counts, inverts, takes several -e patterns and regular expressions', () => {
    assert.equal(cli('grep', '--count', '-i', 'timed out', a).out, '2\n');
    assert.equal(cli('grep', '-c', '-v', 'postfix', a).out, '1\n');
    assert.equal(cli('grep', '-c', '-e', 'sshd', '-e', 'B2', a).out, '2\n');
    assert.equal(cli('grep', '-c', '--regex', '^Dec 2[78] .*smtp\\[', a).out, '2\n');
  });

  it('prints the same through rg and through the JS engine (--engine), and says when rg cannot take a pattern', () => {
    const crlf = T.file('crlf.log', 'Dec 27 00:01:08 sv app[1]: done\r\nDec 27 00:01:09 sv app[1]: DONE again\r\n');
    for (const args of [['timed out', a], ['-i', 'TIMED', a, b], ['-c', '-v', 'postfix', a], ['-e', 'sshd', '-e', 'B2', a], ['--regex', '-c', '[AB][0-9]: (removed|conn)', a, b], ['-i', '--regex', 'done$', crlf], ['-c', 'nothing', a]]) {
      const js = cli('grep', '--engine', 'js', ...args);
      const rg = cli('grep', '--engine', 'rg', ...args);
      assert.equal(rg.err, '', args.join(' '));
      assert.deepEqual(rg, js, args.join(' '));
    }
    assert.equal(cli('grep', '--engine', 'rg', '-i', '--regex', 'done$', crlf).out, 'Dec 27 00:01:08 sv app[1]: done\n');
    const look = cli('grep', '--engine', 'rg', '--regex', '(?<=sv )sshd', a);
    assert.equal(look.out, 'Dec 27 00:02:00 sv sshd[2]: Accepted publickey for root\n');
    assert.match(look.err, /means something else to rg: searched without it/);
    const bad = cli('grep', '--engine', 'fast', 'x', a);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /'--engine' must be auto, rg or js/);
  });

  it('searches with the rg named by --rg when PATH has none, and says when that file is no rg', () => {
    const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
    assert.ok(rg, 'rg is not installed (Debian package ripgrep)');
    const noPath = { ...process.env, PATH: '' };
    assert.match(cliIn(noPath, 'grep', '--engine', 'rg', '-c', 'timed out', a).err, /no rg on PATH/);
    assert.deepEqual(cliIn(noPath, 'grep', '--engine', 'rg', '--rg', rg, '-c', '--regex', 'A1: (Conn|rem)', a), { code: 0, out: '1\n', err: '' });
    const bad = cli('grep', '--rg', path.join(T.dir, 'no-rg'), 'x', a);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /'--rg .*no-rg': not an executable file/);
  });

  it('searches a .gz itself (bounded memory on an endless line), a plain file through rg', () => {
    // An rg on PATH that answers 99 to any count: which files reached it shows in the counts.
    const bin = path.join(T.dir, 'fake-rg');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'rg'), '#!/bin/sh\necho 99\n', { mode: 0o755 });
    const r = spawnSync(process.execPath, [bundle, 'grep', '-c', '-H', 'A1', a, b], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
    assert.equal(r.stdout, `${a}:99\n${b}:1\n`);
  });

  it('exits 1 when nothing matched and 2 on errors, naming the file', () => {
    const none = cli('grep', 'nothing-like-this', a);
    assert.equal(none.code, 1);
    assert.equal(none.out, '');
    const missing = cli('grep', 'x', T.dir + '/nope.log');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.log: no such file or directory/);
    const badRe = cli('grep', '--regex', '(', a);
    assert.equal(badRe.code, 2);
    assert.match(badRe.err, /invalid regular expression/);
  });

  it('stats prints lines per day and per program, and JSON with --json', () => {
    const r = cli('stats', '--json', b, a);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out);
    assert.equal(j.lines, 4);
    assert.deepEqual(
      j.days.map((d: { day: string; lines: number }) => [d.day.slice(5), d.lines]),
      [
        ['12-26', 1],
        ['12-27', 2],
        ['12-28', 1],
      ],
    );
    assert.equal(j.programs[0].program, 'postfix/smtp');
    const text = cli('stats', a).out;
    assert.match(text, /postfix\/smtp\s+2/);
  });

  it('explain cuts a line of hundreds of MB as the viewer does and says so, instead of crashing', () => {
    const f = T.file('huge.log', 'Dec  7 02:00:00 host sshd[41]: Failed password for root from 192.0.2.1 port 22 ssh2 ');
    fs.truncateSync(f, 300 * 1024 * 1024); // one line of 300 MiB (a sparse file: NUL bytes, no disk)
    const r = spawnSync(process.execPath, [bundle, 'explain', '--file', f], { encoding: 'utf8', cwd: ROOT, timeout: 60_000, maxBuffer: 1 << 26 });
    assert.equal(r.signal, null, 'explain was killed (took over a minute)');
    assert.equal(r.status, 0, r.stderr.slice(0, 500));
    assert.match(r.stdout, /sshd/);
    assert.match(r.stderr, new RegExp(`huge\\.log:1: line of ${300 * 1024 * 1024} bytes cut to its first 65536 bytes`));
  });

  it('stats says the counts are partial, with exit 1, when the file is truncated while it is read', async () => {
    const block = syslogText(2000);
    const reps = Math.ceil((64 << 20) / block.length);
    const f = T.file('busy.log', block.repeat(reps)); // 64 MiB
    const child = spawn(process.execPath, [bundle, 'stats', '--json', f], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exit = new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    // Truncate once it has read a quarter of the file (bytes read, from /proc/PID/io).
    const rchar = () => Number(/rchar: (\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/io`, 'utf8'))?.[1] ?? 0);
    while (child.exitCode === null && rchar() < 16 << 20) await sleep(1);
    fs.truncateSync(f, 0);
    const code = await exit;
    const lines = JSON.parse(out).lines as number;
    assert.ok(lines < 2000 * reps, `the truncation came too late to test anything (${lines} lines)`);
    assert.equal(code, 1);
    assert.match(err, /busy\.log was truncated while it was read \(\d+ of its \d+ bytes counted\): the counts are partial/);
  });
});
