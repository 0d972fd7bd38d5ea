import * as path from 'node:path';

/** Folders of a firewalld configuration (the folder above them is the configuration). */
const FIREWALLD_DIRS = new Set(['zones', 'services', 'policies', 'ipsets', 'icmptypes', 'helpers']);
const FIREWALLD_TOP = new Set(['firewalld.conf', 'direct.xml', 'lockdown-whitelist.xml']);

/** `rsyslog` for rsyslog.conf and rsyslog.d, `journald` for journald.conf and journald.conf.d. */
function stem(name: string): string {
  return name.replace(/\.d$/, '').replace(/\.conf$/, '');
}

/**
 * The configuration a file belongs to, as the tools read them: a main file NAME.conf with the
 * drop-ins of its NAME.d/ folder (logrotate.conf and logrotate.d/, rsyslog.conf and rsyslog.d/,
 * journald.conf and journald.conf.d/), or one firewalld folder (zones/, services/ … and
 * firewalld.conf). Any other file is a configuration of its own. Files with the same key are
 * checked together (templates, duplicate logs, zones that name services); the others apart.
 */
export function configurationKey(file: string, language: string): string {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const base = path.basename(abs);
  const dirBase = path.basename(dir);
  if (language === 'firewalld' || language === 'firewalld-conf') {
    if (FIREWALLD_DIRS.has(dirBase)) return `firewalld:${path.dirname(dir)}`;
    // zones/NAME/*.xml: the parts of a combined zone.
    if (path.basename(path.dirname(dir)) === 'zones') return `firewalld:${path.dirname(path.dirname(dir))}`;
    if (FIREWALLD_TOP.has(base)) return `firewalld:${dir}`;
    return `file:${abs}`;
  }
  if (dirBase.endsWith('.d')) return `tree:${path.join(path.dirname(dir), stem(dirBase))}`;
  if (base.endsWith('.conf')) return `tree:${path.join(dir, stem(base))}`;
  return `file:${abs}`;
}

export const CHECK_HELP = `Usage: linux-admin-configs check [--json] [--language ID] [--locale en|ja] [--with-tool] PATH...

Validates configuration files; directories are walked. Exit 0 fine, 1 errors found, 2 bad usage
or an unreadable path.

Files are checked together only when they form one configuration, as the tools read them:
  - NAME.conf with the drop-ins of its NAME.d/ folder: logrotate.conf and logrotate.d/,
    rsyslog.conf and rsyslog.d/, journald.conf and journald.conf.d/;
  - one firewalld folder: its zones/, services/, policies/, ipsets/, icmptypes/, helpers/ and
    firewalld.conf.
Cross-file checks (a log rotated twice, a template or service defined in another file) look only
inside that configuration; unrelated files named together are checked apart, each on its own.

  --json        findings as JSON
  --language ID check every named file as this language (rsyslog, logrotate, journald,
                firewalld, firewalld-conf, iptables)
  --locale      language of the messages (default from LC_ALL / LANG)
  --with-tool   also run the installed checker (rsyslogd -N1, logrotate -d,
                firewall-offline-cmd --check-config, iptables-restore --test)
`;
