// Cross-file checks on big configuration trees: `check` on 1,000 and 10,000 rsyslog drop-ins, on
// 3,000 logrotate.d files and on 3,000 firewalld services with one zone, next to the real
// validators on the same trees (rsyslogd -N1, logrotate -d, firewall-offline-cmd --check-config)
// when they are installed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { printTable } from './common';

const CLI = path.resolve('dist/cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-ws-bench-'));

function rsyslogTree(n: number): string {
  const root = path.join(dir, `rsyslog-${n}`);
  fs.mkdirSync(path.join(root, 'rsyslog.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'rsyslog.conf'), `module(load="imuxsock")\n$IncludeConfig ${root}/rsyslog.d/*.conf\n*.info;mail.none /var/log/messages\n`);
  for (let i = 0; i < n; i++) {
    // Each drop-in refers to the template of the one before it (rsyslog reads them by name), so
    // every check looks at the others.
    fs.writeFileSync(
      path.join(root, 'rsyslog.d', `${String(i).padStart(5, '0')}.conf`),
      `template(name="t${i}" type="string" string="%msg%\\n")\nif $programname == "app${i}" then {\n  action(type="omfile" file="/var/log/app/${i}.log" template="t${Math.max(0, i - 1)}")\n  stop\n}\nlocal3.* -/var/log/local3-${i}.log\n`,
    );
  }
  return root;
}

function firewalldTree(n: number): string {
  const root = path.join(dir, `firewalld-${n}`);
  fs.mkdirSync(path.join(root, 'services'), { recursive: true });
  fs.mkdirSync(path.join(root, 'zones'), { recursive: true });
  fs.writeFileSync(path.join(root, 'firewalld.conf'), 'DefaultZone=internal\n');
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(root, 'services', `app${i}.xml`), `<?xml version="1.0" encoding="utf-8"?>\n<service>\n  <short>app${i}</short>\n  <port protocol="tcp" port="${10000 + i}"/>\n</service>\n`);
  }
  fs.writeFileSync(path.join(root, 'zones', 'internal.xml'), `<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Internal</short>\n  <service name="ssh"/>\n  <service name="app${n - 1}"/>\n</zone>\n`);
  return root;
}

function logrotateTree(n: number): string {
  const root = path.join(dir, `logrotate-${n}`);
  fs.mkdirSync(path.join(root, 'logrotate.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'logrotate.conf'), `weekly\nrotate 4\ncreate\ninclude ${root}/logrotate.d\n`);
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(root, 'logrotate.d', `app${i}`), `/var/log/app${i}/*.log /var/log/app${i}/current {\n  daily\n  rotate 7\n  compress\n  missingok\n  notifempty\n}\n`);
  }
  return root;
}

function run(cmd: string, args: string[]): { ms: number; code: number | null } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 600_000 });
  return { ms: performance.now() - t, code: r.status };
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const secs = (r: { ms: number; code: number | null }) => `${(r.ms / 1000).toFixed(2)} s (exit ${r.code})`;
const rows: string[][] = [];
try {
  for (const n of [1000, 10000]) {
    const root = rsyslogTree(n);
    const ours = run(process.execPath, [CLI, 'check', root]);
    const real = has('rsyslogd') ? secs(run('rsyslogd', ['-N1', '-f', path.join(root, 'rsyslog.conf')])) : 'not installed';
    rows.push([`rsyslog: ${n.toLocaleString('en')} drop-ins`, secs(ours), `rsyslogd -N1: ${real}`]);
  }
  const lr = logrotateTree(3000);
  const lrOurs = run(process.execPath, [CLI, 'check', lr]);
  const lrReal = has('logrotate') ? secs(run('logrotate', ['-d', '-s', path.join(dir, 'logrotate.state'), path.join(lr, 'logrotate.conf')])) : 'not installed';
  rows.push(['logrotate: 3,000 files in logrotate.d', secs(lrOurs), `logrotate -d: ${lrReal}`]);
  const fw = firewalldTree(3000);
  const ours = run(process.execPath, [CLI, 'check', fw]);
  let real = 'not installed';
  if (has('firewall-offline-cmd')) real = secs(run('firewall-offline-cmd', ['--system-config', fw, '--default-config', '/usr/lib/firewalld', '--check-config']));
  rows.push(['firewalld: 3,000 services and a zone', secs(ours), `firewall-offline-cmd --check-config: ${real}`]);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${os.cpus().length} CPUs; wall clock of whole runs, including Node's start`);
printTable(['tree', 'linux-admin-configs check', 'real validator, same tree'], rows);
