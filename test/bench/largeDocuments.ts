/**
 * Generators of very large documents for every language, for the large-document benchmark and
 * the robustness tier: realistic content repeated to a size, a firewalld zone of N lines, and
 * random bytes.
 */
import { generateRsyslog } from './generate';

export const LARGE_LANGUAGES = ['rsyslog', 'logrotate', 'journald', 'firewalld', 'firewalld-conf', 'iptables', 'syslog-log'] as const;

/** Repeats `unit(i)` until the text reaches `bytes` (at a line end). */
function fill(head: string, unit: (i: number) => string, bytes: number, tail = ''): string {
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** About `bytes` of a plausible document of `languageId`. */
export function largeDocument(languageId: string, bytes: number): string {
  switch (languageId) {
    case 'rsyslog':
      // generateRsyslog's lines average ~40 bytes.
      return generateRsyslog(Math.ceil(bytes / 40));
    case 'logrotate':
      return fill('compress\n', (i) => `/var/log/app${i}/*.log {\n    daily\n    rotate ${i % 9}\n    missingok\n    notifempty\n}\n`, bytes);
    case 'journald':
      return fill('[Journal]\n', (i) => `# setting ${i}\nStorage=persistent\nSystemMaxUse=${(i % 9) + 1}G\n`, bytes);
    case 'firewalld':
      return firewalldZone(Math.ceil(bytes / 40));
    case 'firewalld-conf':
      return fill('DefaultZone=public\n', (i) => `# option ${i}\nLogDenied=all\nFirewallBackend=nftables\n`, bytes);
    case 'iptables':
      return fill('*filter\n:INPUT DROP [0:0]\n', (i) => `-A INPUT -p tcp -m tcp --dport ${1 + (i % 65000)} -m conntrack --ctstate NEW -j ACCEPT\n`, bytes, 'COMMIT\n');
    default:
      return fill('', (i) => `Jan  1 00:00:${String(i % 60).padStart(2, '0')} host sshd[${i}]: Accepted publickey for user${i} from 10.0.0.${i % 250} port 22\n`, bytes);
  }
}

/** A firewalld zone of `lines` lines (ports, services and rich rules). */
export function firewalldZone(lines: number): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<zone target="default">', '  <short>Big</short>'];
  for (let i = 0; out.length < lines - 1; i++) {
    if (i % 3 === 0) out.push(`  <port protocol="tcp" port="${1 + (i % 65000)}"/>`);
    else if (i % 3 === 1) out.push(`  <service name="ssh"/>`);
    else out.push(`  <source address="10.${i % 250}.0.0/16"/>`);
  }
  out.push('</zone>');
  return out.join('\n') + '\n';
}

/** `bytes` random bytes read as Latin-1 text (every byte value, NUL and controls included). */
export function randomBytes(bytes: number, seed = 1): string {
  let s = seed >>> 0 || 1;
  const b = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    b[i] = s & 0xff;
  }
  return b.toString('latin1');
}
