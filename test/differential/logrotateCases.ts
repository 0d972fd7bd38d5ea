/**
 * logrotate configurations generated from our directive catalog for the differential fuzzer
 * (compared with `logrotate -d -s STATE FILE`): every directive with values its type takes and
 * values it does not, in the places it may stand and one it may not; and random files from a
 * seed with several blocks, file lists, globs, script blocks, include, su and create.
 * A user or group that does not exist is refused on this host only (the report says so).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../helpers/random';
import type { GenCase } from './differentialFuzz';

interface Directive {
  name: string;
  type?: string;
  contexts?: string[];
}

const SCRIPT = new Set(['firstaction', 'prerotate', 'postrotate', 'lastaction', 'preremove']);

/** Values of a directive type: the ones logrotate takes and the ones it should not. */
function valuesFor(d: Directive): { good: string[]; bad: string[] } {
  switch (d.type) {
    case 'none':
      return { good: [''], bad: ['yes'] };
    case 'rotateCount':
      return { good: ['4', '0', '-1'], bad: ['seven', '4x'] };
    case 'count':
      return { good: ['3'], bad: ['x', '3.5'] };
    case 'size':
      return { good: ['100k', '10M', '1G', '500'], bad: ['10Q', 'M'] };
    case 'weekday':
      return { good: ['', '0', '7'], bad: ['8', 'monday'] };
    case 'path':
      return { good: ['old'], bad: [] };
    case 'userGroup':
      return { good: ['root root', 'root adm', '0 0'], bad: ['nosuchuser-lac root', 'root nosuchgroup-lac', '4000001 root'] };
    case 'modeOwnerGroup':
      return { good: ['', '0640', '0640 root adm', '640 root root', '0640 0 0'], bad: ['0986 root root', 'rw-r--r--', '0640 nosuchuser-lac root', '0640 root 4000002'] };
    case 'tabooList':
      return { good: ['+ .bak', '.bak .old'], bad: [] };
    case 'command':
      return { good: ['/bin/gzip'], bad: [] };
    case 'extension':
      return { good: ['.gz'], bad: [] };
    case 'options':
      return { good: ['-9'], bad: [] };
    case 'dateformat':
      return { good: ['-%Y%m%d', '.%Y-%m-%d-%s'], bad: ['-%Q'] };
    case 'address':
      return { good: ['root@localhost'], bad: [] };
    case 'include':
      return { good: ['/etc/logrotate.d'], bad: ['/nonexistent-lac-fuzz.d'] };
    default:
      return { good: [''], bad: [] };
  }
}

const LOG = '/var/log/lac-fuzz/app.log';

/** A block around `inner` lines, and where the first of them ends up (0-based). */
function block(global: string[], inner: string[]): { text: string; line: number } {
  const lines = [...global, `${LOG} {`, ...inner.map((l) => `    ${l}`), '}'];
  return { text: lines.join('\n') + '\n', line: global.length + 1 };
}

/** Every directive of the catalog, in its places and out of them, with good and bad values. */
export function logrotateCatalogCases(dataDir: string): GenCase[] {
  const dirs = JSON.parse(fs.readFileSync(path.join(dataDir, 'directives.json'), 'utf8')) as Directive[];
  const out: GenCase[] = [];
  for (const d of dirs) {
    if (d.name === 'endscript') continue;
    const where = d.contexts ?? ['global', 'block'];
    const push = (c: { text: string; line: number }, what: string) => out.push({ ...c, desc: `${d.name} ${what}`, family: `logrotate:${d.name}` });
    if (SCRIPT.has(d.name)) {
      push(block([], [d.name, '    /bin/true', 'endscript']), '(script)');
      push(block([], [d.name, '    /bin/true']), '(no endscript, broken)');
      continue;
    }
    const { good, bad } = valuesFor(d);
    const line = (v: string) => (v ? `${d.name} ${v}` : d.name);
    for (const [list, tag] of [[good, 'allowed'], [bad, 'broken']] as const) {
      for (const v of list) {
        if (where.includes('block')) push(block([], [line(v), 'missingok']), `${v || '(no value)'} in a block (${tag})`);
        if (where.includes('global')) push({ text: `${line(v)}\n${LOG} {\n    missingok\n}\n`, line: 0 }, `${v || '(no value)'} at the top (${tag})`);
      }
    }
    // A directive out of its place: global-only inside a block, block-only at the top.
    if (!where.includes('block') && good.length) push(block([], [line(good[0])]), 'inside a block (out of place)');
    if (!where.includes('global') && good.length) push({ text: `${line(good[0])}\n${LOG} {\n    missingok\n}\n`, line: 0 }, 'at the top (out of place)');
  }
  return out;
}

const NAMES = ['/var/log/lac-fuzz/a.log', '/var/log/lac-fuzz/*.log', '"/var/log/lac-fuzz/with space.log"', '/var/log/lac-fuzz/b.log /var/log/lac-fuzz/c.log', '/var/log/lac-fuzz/[ab].log'];
const BODY_GOOD = ['daily', 'weekly', 'rotate 7', 'compress', 'delaycompress', 'missingok', 'notifempty', 'create 0640 root adm', 'su root adm', 'sharedscripts', 'size 10M', 'maxage 30', 'dateext', 'dateformat -%Y%m%d', 'copytruncate', 'olddir old', 'createolddir 0750 root root', 'minsize 1k', 'maxsize 100M', 'extension .log', 'start 1', 'nomail'];
const BODY_BAD = ['rotate seven', 'size 10Q', 'create 0986 root root', 'weekly 9', 'compresss', 'su nosuchuser-lac root', 'maxage -x', 'tabooext + .bak', 'include /nonexistent-lac-fuzz.d', 'create 0640 4000001 adm', 'su root 4000002'];

/** `n` random files from `seed`: one to three blocks, one line broken in half of them. */
export function logrotateRandomCases(seed: number, n: number): GenCase[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: GenCase[] = [];
  for (let i = 0; i < n; i++) {
    const lines: string[] = [];
    if (r() < 0.5) lines.push(pick(['weekly', 'rotate 4', 'create', 'compress', 'include /etc/logrotate.d', 'su root adm', '# global settings']));
    const broken = r() < 0.5;
    const shape = r();
    let at = -1;
    const blocks = 1 + Math.floor(r() * 3);
    const used = new Set<string>();
    for (let b = 0; b < blocks; b++) {
      const names = pick(NAMES);
      // The same log in two blocks is a mistake of its own; keep it for the broken cases.
      if (used.has(names) && !(broken && shape < 0.1)) continue;
      used.add(names);
      const open = lines.length;
      lines.push(`${names} {`);
      for (let k = 0, m = 1 + Math.floor(r() * 4); k < m; k++) lines.push(`    ${pick(BODY_GOOD)}`);
      if (r() < 0.3) lines.push('    postrotate', '        /usr/bin/systemctl kill -s HUP rsyslog.service >/dev/null 2>&1 || true', '    endscript');
      if (broken && b === 0) {
        at = lines.length;
        if (shape < 0.6) lines.push(`    ${pick(BODY_BAD)}`);
        else if (shape < 0.75) lines.push('    prerotate', '        /bin/true');
        else if (shape < 0.85) lines.push('    {');
        else if (shape < 0.9) {
          // The '{' left out: logrotate reads the directives as names and refuses the '}'.
          lines[open] = names;
          at = lines.length;
        } else {
          lines.push('    missingok');
          lines.push(`${names} {`);
        }
      }
      lines.push('}');
    }
    const family = broken ? 'random (broken)' : 'random';
    out.push({ text: lines.join('\n') + '\n', line: Math.max(0, at), desc: `${family} (seed ${seed} #${i})`, family });
  }
  return out;
}
