// grep, stats and explain with --journal over a real journal file, compared with journalctl itself.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { standardEntry, writeJournal } from '../../fixtures/journal/generate';
import { tempDir } from './engineHelpers';

const ROOT = path.resolve(__dirname, '../../..');
const TOTAL = 800;

describe('cli grep, stats and explain --journal', function () {
  this.timeout(60_000);
  const T = tempDir();
  let bundle = '';
  const dir = path.join(T.dir, 'journal');
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, TZ: 'UTC' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const journalctl = (...args: string[]) => spawnSync('journalctl', ['--no-pager', '--directory', dir, ...args], { encoding: 'utf8' }).stdout;
  before(() => {
    bundle = path.join(T.dir, 'cli.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'server/src/cli.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    fs.mkdirSync(dir);
    const entries = Array.from({ length: TOTAL }, (_, i) => standardEntry(i, TOTAL));
    entries[6] = { ...entries[6], messageId: '7d4958e842da4a758f6c1cdc7b36dcc5', message: 'Starting nginx.service - A high performance web server' };
    writeJournal(path.join(dir, 'system.journal'), entries);
  });
  after(() => T.cleanup());

  it('grep --journal counts what journalctl -g counts, with -u and -p narrowing as journalctl does', () => {
    const n = (s: string) => s.split('\n').filter(Boolean).length;
    assert.equal(cli('grep', '--journal', dir, '--count', 'Failed password').out.trim(), String(n(journalctl('-g', 'Failed password', '-o', 'cat'))));
    // -ePATTERN, glued, as grep over files takes it.
    assert.equal(cli('grep', '--journal', dir, '-c', '-eFailed password').out.trim(), String(n(journalctl('-g', 'Failed password', '-o', 'cat'))));
    assert.equal(cli('grep', '--journal', dir, '-c', '-u', 'sshd.service', '-p', 'err', 'from').out.trim(), String(n(journalctl('-u', 'sshd.service', '-p', 'err', '-g', 'from', '-o', 'cat'))));
    const lines = cli('grep', '--journal', dir, '-u', 'postfix@-.service', '--since', '2024-05-01 00:00', '--until', '2024-05-01 00:10', 'connect');
    assert.equal(lines.code, 0);
    assert.deepEqual(lines.out.split('\n').filter(Boolean), [
      '2024-05-01T00:03:00.000000+0000 web1 postfix/smtpd[1003]: connect from unknown[203.0.113.3] queue 5CCD',
      '2024-05-01T00:07:00.000000+0000 web1 postfix/smtpd[1007]: connect from unknown[203.0.113.7] queue D889',
    ]);
    assert.equal(cli('grep', '--journal', dir, '-c', '-v', '-u', 'cron.service', 'CMD').out.trim(), '0');
    // -v and regular expressions go to journalctl -g as well: the same lines as journalctl's own.
    const re = cli('grep', '--journal', dir, '-E', '-u', 'sshd.service', '--until', '2024-05-01 00:10', 'Failed p[a]ssword');
    assert.deepEqual(re.out.split('\n').filter(Boolean), spawnSync('journalctl', ['--no-pager', '--directory', dir, '-o', 'short-iso-precise', '--utc', '-u', 'sshd.service', '--until', '2024-05-01 00:10', '-g', 'Failed password'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l && !l.startsWith('-- ')));
    assert.equal(cli('grep', '--journal', dir, 'no such words').code, 1);
  });

  it('grep --journal takes journalctl\'s PCRE2, as the viewer\'s filter does: -E, -i, -v and several -e', () => {
    const n = (s: string) => s.split('\n').filter(Boolean).length;
    const failed = n(journalctl('-g', 'failed password', '-o', 'cat'));
    // PCRE2 syntax JavaScript has no word for: inline flags, possessive quantifiers.
    assert.equal(cli('grep', '--journal', dir, '-c', '-E', '(?i)FAILED pass\\w++').out.trim(), String(failed));
    assert.equal(cli('grep', '--journal', dir, '-c', '-i', 'FAILED PASSWORD').out.trim(), String(failed));
    assert.equal(cli('grep', '--journal', dir, '-c', 'FAILED PASSWORD').code, 1);
    // -v: every entry whose MESSAGE does not match (the host name is not in MESSAGE).
    assert.equal(cli('grep', '--journal', dir, '-c', '-v', 'web1').out.trim(), String(TOTAL));
    assert.equal(cli('grep', '--journal', dir, '-c', '-v', '-e', 'Failed', '-e', 'CMD').out.trim(), String(n(journalctl('-o', 'cat')) - failed - n(journalctl('-g', 'CMD', '-o', 'cat'))));
    const bad = cli('grep', '--journal', dir, '-E', 'port (');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /journalctl: Bad pattern "port \(": missing closing parenthesis/);
  });

  it('stats --journal counts per day, unit and priority, as journalctl sees them', () => {
    const r = cli('stats', '--journal', dir, '--json', '-b', '-1');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    const inBoot = journalctl('-b', '-1', '-o', 'cat').split('\n').filter(Boolean).length;
    assert.equal(j.entries, inBoot);
    assert.equal(Object.values(j.units as Record<string, number>).reduce((a, b) => a + b, 0), inBoot);
    assert.match(j.journal, /^journalctl --directory \S+ --boot=-1$/);
    const text = cli('stats', '--journal', dir);
    assert.match(text.out, /^800 entries/);
    assert.match(text.out, /sshd\.service\s+200/);
  });

  it('explain --journal shows the journal fields and the catalog text for a MESSAGE_ID', () => {
    const r = cli('explain', '--journal', dir, '-u', 'nginx.service', '--until', '2024-05-01 00:06:30', '-n', '1', '--json');
    assert.equal(r.code, 0, r.err);
    const [e] = JSON.parse(r.out);
    assert.equal(e.journal._SYSTEMD_UNIT, 'nginx.service');
    assert.equal(e.journal.MESSAGE_ID, '7d4958e842da4a758f6c1cdc7b36dcc5');
    assert.match(e.catalog, /A start job for unit/);
    const text = cli('explain', '--journal', dir, '-u', 'nginx.service', '--until', '2024-05-01 00:06:30', '-n', '1');
    assert.match(text.out, /Journal fields: _SYSTEMD_UNIT=nginx\.service, _PID=1006, PRIORITY=6 \(info\)/);
  });

  it('reports bad filters, a corrupt file and a missing journalctl clearly, exit 2', () => {
    const bad = cli('grep', '--journal', dir, '-p', 'loud', 'x');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /priority 'loud'/);
    const corrupt = cli('grep', '--journal', T.file('broken.journal', Buffer.alloc(64 * 1024, 0x41)), 'x');
    assert.equal(corrupt.code, 2);
    assert.match(corrupt.err, /journalctl: Failed to open files: /);
    const r = spawnSync(process.execPath, [bundle, 'stats', '--journal', dir], { encoding: 'utf8', env: { ...process.env, LINUX_ADMIN_JOURNALCTL: '/nonexistent/journalctl' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /journalctl was not found on this host/);
  });
});
