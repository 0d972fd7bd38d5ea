// Where the iptables catalog generator reads the installed package: the extension libraries, each
// extension's --help, iptables-extensions(8), and /etc/protocols and /etc/services (netbase).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The folder of the extension libraries: XTABLES_LIBDIR, else where the distribution puts it. */
export function xtablesDir() {
  const tries = [process.env.XTABLES_LIBDIR, '/usr/lib/xtables', '/usr/lib64/xtables', '/usr/local/lib/xtables', '/usr/libexec/xtables'];
  for (const d of fs.existsSync('/usr/lib') ? fs.readdirSync('/usr/lib') : []) tries.push(path.join('/usr/lib', d, 'xtables'));
  const dir = tries.find((d) => d && fs.existsSync(d) && fs.readdirSync(d).some((f) => f.startsWith('libxt_')));
  if (!dir) {
    console.error('no xtables extension folder found (libxt_*.so); set XTABLES_LIBDIR to it.');
    process.exit(2);
  }
  return dir;
}

/** The text after the generic help: the extension's own options. */
export function help(family, kind, name) {
  const prog = family === 'ipv6' ? 'ip6tables' : 'iptables';
  const r = spawnSync('unshare', ['-n', prog, kind === 'match' ? '-m' : '-j', name, '--help'], { encoding: 'utf8' });
  if (r.status !== 0 || /Couldn't load/.test(r.stderr + r.stdout)) return undefined;
  const at = r.stdout.indexOf('print package version.');
  const own = at === -1 ? '' : r.stdout.slice(r.stdout.indexOf('\n', at) + 1);
  // `-j NAME` of no target at all is taken as a jump to a chain: the help then has no part of its own.
  return own.trim() ? own : undefined;
}

/** iptables-extensions(8): per extension name, its summary and options marked `[!]`. */
export function manual() {
  const src = ['/usr/share/man/man8/iptables-extensions.8.gz', '/usr/share/man/man8/iptables-extensions.8'].find((f) => fs.existsSync(f));
  if (!src) {
    console.error('iptables-extensions(8) is not installed (Debian: the iptables package ships it; check /etc/dpkg/dpkg.cfg.d for path-exclude of man pages).');
    process.exit(2);
  }
  const text = src.endsWith('.gz') ? spawnSync('zcat', [src], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout : fs.readFileSync(src, 'utf8');
  const plain = (s) => s.replace(/\\f[BIRP]/g, '').replace(/\\-/g, '-').replace(/\\\(aq/g, "'").replace(/\\(.)/g, '$1').trim();
  const out = new Map();
  let section = '';
  let cur;
  for (const line of text.split('\n')) {
    if (line.startsWith('.SH ')) section = /TARGET/.test(line) ? 'target' : 'match';
    const ss = /^\.SS (\S+)/.exec(line);
    if (ss) {
      const key = `${section}:${ss[1]}`;
      cur = out.get(key) ?? { summary: '', negatable: new Set(), options: new Set(), collecting: true };
      cur.collecting = !cur.summary;
      out.set(key, cur);
      continue;
    }
    if (!cur) continue;
    if (/^\.(TP|PP|IP|RS|RE|SH|SS|HP|LP|P|nf|EX|sp)\b/.test(line)) {
      if (cur.summary) cur.collecting = false;
    } else if (line.startsWith('.') && cur.collecting) {
      cur.summary += (cur.summary ? ' ' : '') + plain(line.replace(/^\.[A-Z]+\s*/, '').replace(/"/g, ''));
    } else if (cur.collecting) {
      cur.summary += (cur.summary ? ' ' : '') + plain(line);
    }
    const p = plain(line);
    for (const m of p.matchAll(/(\[!\]\s*)?(--[a-z0-9][a-z0-9-]*)/g)) {
      cur.options.add(m[2]);
      if (m[1]) cur.negatable.add(m[2]);
    }
  }
  return out;
}

/** /etc/protocols and /etc/services (Debian: netbase), which iptables reads for -p and port names. */
export function netbase() {
  const read = (f) => {
    if (!fs.existsSync(f)) {
      console.error(`${f} is missing: install the Debian package 'netbase'.`);
      process.exit(2);
    }
    return fs.readFileSync(f, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).filter((w) => w.length >= 2 && w[0]);
  };
  const protocols = read('/etc/protocols').map(([name, number, ...aliases]) => ({ name, number: Number(number), aliases: aliases.filter((a) => a !== name) }));
  const services = {};
  for (const [name, portProto, ...aliases] of read('/etc/services')) {
    const [port, proto] = portProto.split('/');
    if (proto !== 'tcp' && proto !== 'udp') continue;
    for (const n of [name, ...aliases]) services[n] ??= Number(port);
  }
  return { protocols, services };
}
