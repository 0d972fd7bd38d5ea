import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../../server/src/cli/check';
import { configurationKey } from '../../../server/src/cli/configurations';

/** Runs `check ARGS` in process and returns what it printed and its exit code. */
async function check(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => {
    out += s;
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await runCheck(args);
    return { code, out };
  } finally {
    process.stdout.write = write;
  }
}

describe('check: one configuration per check (issue 14, item 5)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-configs-'));
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    const app = '/var/log/app.log {\n  daily\n  rotate 7\n}\n';
    // Two packages' files, kept in different places, rotating the same log.
    put('pkg-a/etc/logrotate.d/app', app);
    put('pkg-b/etc/logrotate.d/app', app);
    // One configuration: logrotate.conf and two drop-ins of its logrotate.d/.
    put('etc/logrotate.conf', 'weekly\ninclude /etc/logrotate.d\n');
    put('etc/logrotate.d/one', app);
    put('etc/logrotate.d/two', app);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('groups NAME.conf with NAME.d/, and a firewalld folder, and leaves other files alone', () => {
    assert.equal(configurationKey('/etc/logrotate.conf', 'logrotate'), configurationKey('/etc/logrotate.d/apt', 'logrotate'));
    assert.equal(configurationKey('/etc/rsyslog.conf', 'rsyslog'), configurationKey('/etc/rsyslog.d/50-default.conf', 'rsyslog'));
    assert.equal(configurationKey('/etc/systemd/journald.conf', 'journald'), configurationKey('/etc/systemd/journald.conf.d/size.conf', 'journald'));
    assert.equal(configurationKey('/etc/firewalld/zones/public.xml', 'firewalld'), configurationKey('/etc/firewalld/services/app.xml', 'firewalld'));
    assert.equal(configurationKey('/etc/firewalld/firewalld.conf', 'firewalld-conf'), configurationKey('/etc/firewalld/zones/public.xml', 'firewalld'));
    assert.notEqual(configurationKey('/a/etc/logrotate.d/x', 'logrotate'), configurationKey('/b/etc/logrotate.d/x', 'logrotate'));
    assert.notEqual(configurationKey('/etc/firewalld/zones/a.xml', 'firewalld'), configurationKey('/usr/lib/firewalld/zones/a.xml', 'firewalld'));
    assert.notEqual(configurationKey('/srv/a.rules', 'iptables'), configurationKey('/srv/b.rules', 'iptables'));
  });

  it('two unrelated logrotate files rotating the same log are not "duplicates"', async () => {
    const r = await check(['--language', 'logrotate', path.join(dir, 'pkg-a/etc/logrotate.d/app'), path.join(dir, 'pkg-b/etc/logrotate.d/app')]);
    assert.equal(r.out, '');
    assert.equal(r.code, 0);
  });

  it('drop-ins of one logrotate.d still are (logrotate refuses them)', async () => {
    const r = await check(['--language', 'logrotate', path.join(dir, 'etc')]);
    assert.match(r.out, /logrotate\.d\/one:1:1: error logrotate\/duplicate-path/);
    assert.match(r.out, /logrotate\.d\/two:1:1: error logrotate\/duplicate-path/);
    assert.equal(r.code, 1);
  });

  it('check --help says how files are grouped', async () => {
    const r = await check(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /checked together only when they form one configuration/);
    assert.match(r.out, /unrelated files named together are checked apart/);
  });
});
