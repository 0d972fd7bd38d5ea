/**
 * The differential suite's corpus: configuration files shipped by Debian packages, fetched at
 * test time with `apt-get download` into a temporary folder (never committed), plus a few
 * iptables-save files the suite writes itself (no Debian package ships plain rule files).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatedRules } from './generated';

export const PACKAGES = [
  'rsyslog',
  'logrotate',
  'ufw',
  'haproxy',
  'apache2',
  'nginx-common',
  'apt',
  'dpkg',
  'cups-daemon',
  'samba-common-bin',
  'postgresql-common',
  'mariadb-server',
  'exim4-base',
  'squid',
  'fail2ban',
  'unattended-upgrades',
  'chrony',
  'firewalld',
];

export type Lang = 'rsyslog' | 'logrotate' | 'firewalld' | 'iptables';

export interface CorpusFile {
  lang: Lang;
  /** Absolute path inside the temporary root (placed as on a real system: ROOT/etc/…). */
  file: string;
  /** Where it came from, for the report: package:path. */
  origin: string;
  text: string;
}

export interface Corpus {
  root: string;
  files: CorpusFile[];
  downloaded: string[];
  failed: string[];
  cleanup(): void;
}

function download(dir: string, pkgs: string[]): { ok: string[]; failed: string[] } {
  const ok: string[] = [];
  const failed: string[] = [];
  const run = () => spawnSync('apt-get', ['download', '-q', ...pkgs.filter((p) => !ok.includes(p))], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  let r = run();
  const have = () => fs.readdirSync(dir).filter((f) => f.endsWith('.deb'));
  const mark = () => {
    for (const p of pkgs) if (!ok.includes(p) && have().some((f) => f.startsWith(p + '_'))) ok.push(p);
  };
  mark();
  if (ok.length < pkgs.length && process.getuid?.() === 0) {
    // apt-get download needs package lists: fetch them once and try again.
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 180_000 });
    r = run();
    mark();
  }
  for (const p of pkgs) if (!ok.includes(p)) failed.push(p);
  if (failed.length && r.stderr) process.stderr.write(r.stderr);
  return { ok, failed };
}

function walk(dir: string, out: string[] = []): string[] {
  let items: fs.Dirent[] = [];
  try {
    items = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const it of items) {
    const full = path.join(dir, it.name);
    if (it.isDirectory()) walk(full, out);
    else if (it.isFile()) out.push(full);
  }
  return out;
}

/** Downloads and unpacks the packages, and returns the files of our languages. */
export function loadCorpus(): Corpus {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-differential-'));
  fs.chmodSync(root, 0o755);
  const debs = path.join(root, 'debs');
  const tree = path.join(root, 'tree');
  fs.mkdirSync(debs, { mode: 0o777 });
  fs.chmodSync(debs, 0o777); // apt's _apt user writes here when run as root
  fs.mkdirSync(tree);
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });
  const { ok, failed } = download(debs, PACKAGES);
  const files: CorpusFile[] = [];
  const originOf = new Map<string, string>();
  for (const deb of fs.readdirSync(debs).filter((f) => f.endsWith('.deb')).sort()) {
    const pkg = deb.split('_')[0];
    const one = path.join(root, 'x-' + pkg);
    execFileSync('dpkg-deb', ['-x', path.join(debs, deb), one]);
    for (const f of walk(one)) {
      const rel = path.relative(one, f);
      const dest = path.join(tree, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (!fs.existsSync(dest)) fs.copyFileSync(f, dest);
      originOf.set(dest, `${pkg}:/${rel}`);
    }
    fs.rmSync(one, { recursive: true, force: true });
  }
  const add = (lang: Lang, file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    files.push({ lang, file, origin: originOf.get(file) ?? file, text });
  };
  const etc = path.join(tree, 'etc');
  if (fs.existsSync(path.join(etc, 'rsyslog.conf'))) add('rsyslog', path.join(etc, 'rsyslog.conf'));
  for (const f of walk(path.join(etc, 'rsyslog.d')).sort()) if (f.endsWith('.conf')) add('rsyslog', f);
  if (fs.existsSync(path.join(etc, 'logrotate.conf'))) add('logrotate', path.join(etc, 'logrotate.conf'));
  for (const f of walk(path.join(etc, 'logrotate.d')).sort()) add('logrotate', f);
  const fw = path.join(tree, 'usr/lib/firewalld');
  for (const f of walk(fw).sort()) if (f.endsWith('.xml')) add('firewalld', f);
  for (const f of walk(path.join(tree, 'usr/share/ufw/iptables')).sort()) if (f.endsWith('.rules')) add('iptables', f);
  const gen = path.join(tree, 'etc/iptables');
  fs.mkdirSync(gen, { recursive: true });
  for (const [name, text] of Object.entries(generatedRules())) {
    const f = path.join(gen, name);
    fs.writeFileSync(f, text);
    originOf.set(f, `generated:/etc/iptables/${name}`);
    add('iptables', f);
  }
  return { root, files, downloaded: ok, failed, cleanup };
}
