// Makes sure the real programs the tests drive are installed: Neovim (LSP client), Chromium
// (end-to-end), the real validators, and the libraries code-server builds against. As root it
// installs what is missing with apt-get; otherwise it says exactly what to install. Under CI a
// missing program is an error, never a silent skip. This is the one list of Debian packages and
// the one way they are installed: `npm test` and the code-server install (`npm start`) both use it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package → a file that shows it is installed. */
export const NEEDED = {
  neovim: '/usr/bin/nvim',
  chromium: '/usr/bin/chromium',
  rsyslog: '/usr/sbin/rsyslogd',
  logrotate: '/usr/sbin/logrotate',
  iptables: '/usr/sbin/iptables-restore',
  firewalld: '/usr/bin/firewall-offline-cmd',
  // Tests and the journal benchmark write real journal files from export format with it.
  'systemd-journal-remote': '/lib/systemd/systemd-journal-remote',
  // Tool checks run inside a bubblewrap sandbox; the sandbox tests build a module with gcc.
  bubblewrap: '/usr/bin/bwrap',
  gcc: '/usr/bin/gcc',
  'libkrb5-dev': '/usr/include/krb5.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
  'libx11-dev': '/usr/include/X11/Xlib.h',
  'pkg-config': '/usr/bin/pkg-config',
  python3: '/usr/bin/python3',
  make: '/usr/bin/make',
  'g++': '/usr/bin/g++',
  // The CLI's grep searches through rg on PATH; a test compares it with the JS engine.
  ripgrep: '/usr/bin/rg',
};

/** What code-server's native modules (kerberos, keymap, secrets, pty) need to build: part of NEEDED. */
export const CODE_SERVER_BUILD = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'pkg-config', 'python3', 'make', 'g++'];

/** The packages of `packages` (all of NEEDED by default) that are not installed. */
export function missingPackages(packages = Object.keys(NEEDED)) {
  return packages.filter((pkg) => !existsSync(NEEDED[pkg]));
}

/**
 * Installs the missing ones of `packages` with apt-get when running as root, or prints the
 * apt-get line to run. Returns true when all are there; under CI a missing package exits.
 */
export function ensureSystemPackages(packages = Object.keys(NEEDED)) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return true;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (isRoot && hasApt) {
    console.log(`setup: installing ${missing.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    const still = missingPackages(packages);
    if (still.length === 0) return true;
    console.error(`setup: still missing after apt-get: ${still.join(' ')}`);
  } else {
    console.error(`setup: missing programs. Install them with:\n  sudo apt-get install ${missing.join(' ')}`);
  }
  if (process.env.CI) process.exit(1);
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemPackages();
