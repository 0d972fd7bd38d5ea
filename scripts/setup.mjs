// Makes sure the real programs the tests drive are installed: Neovim (LSP client), Chromium
// (end-to-end), the real validators, and the libraries code-server builds against. As root it
// installs what is missing with apt-get; otherwise it says exactly what to install. Under CI a
// missing program is an error, never a silent skip.
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
  'libkrb5-dev': '/usr/include/krb5.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
  'libx11-dev': '/usr/include/X11/Xlib.h',
  'pkg-config': '/usr/bin/pkg-config',
};

export function missingPackages() {
  return Object.entries(NEEDED)
    .filter(([, file]) => !existsSync(file))
    .map(([pkg]) => pkg);
}

export function ensureSystemPackages() {
  const missing = missingPackages();
  if (missing.length === 0) return true;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (isRoot && hasApt) {
    console.log(`setup: installing ${missing.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    const still = missingPackages();
    if (still.length === 0) return true;
    console.error(`setup: still missing after apt-get: ${still.join(' ')}`);
  } else {
    console.error(`setup: missing programs. Install them with:\n  sudo apt-get install ${missing.join(' ')}`);
  }
  if (process.env.CI) process.exit(1);
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemPackages();
