/**
 * rsyslog configurations generated from our catalog for the differential fuzzer: every
 * parameter of every installed module with values its type allows and values it does not,
 * and random RainerScript (expressions, `set`, selectors) from a seed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../helpers/random';
import type { GenCase } from './differentialFuzz';

interface Param {
  name: string;
  type?: string;
  default?: string;
  values?: string[];
}
interface Module {
  name: string;
  moduleType?: string;
  builtin?: boolean;
  moduleParams?: Param[];
  inputParams?: Param[];
  actionParams?: Param[];
}

const TAIL = '*.* /var/log/fuzz.log';

/** Modules the installed rsyslog has: its builtins plus the .so files of its package. */
export function installedModules(): Set<string> {
  const r = spawnSync('dpkg', ['-L', 'rsyslog'], { encoding: 'utf8' });
  const out = new Set<string>();
  for (const l of (r.stdout ?? '').split('\n')) if (l.endsWith('.so')) out.add(path.basename(l, '.so'));
  return out;
}

/** Values of a type: the ones rsyslog takes and the ones it should not. */
function valuesFor(p: Param): { good: string[]; bad: string[] } {
  switch (p.type) {
    case 'boolean':
    case 'onoff':
      return { good: ['on', 'off'], bad: ['true', 'ON', 'maybe'] };
    case 'integer':
      return { good: ['1', ...(p.default && /^\d+$/.test(p.default) ? [p.default] : [])], bad: ['abc', '12x'] };
    case 'size':
      return { good: ['10m', '512k'], bad: ['10Q'] };
    case 'port':
      return { good: ['0', '514'], bad: ['70000', 'a b'] };
    case 'mode':
      return { good: ['0640'], bad: ['0986', 'rw'] };
    case 'queue-type':
      return { good: ['LinkedList', 'Direct'], bad: ['Bogus'] };
    case 'enum':
      return { good: p.values ?? [], bad: ['bogus-value'] };
    case 'user':
      return { good: ['root'], bad: [] };
    case 'group':
      return { good: ['root'], bad: [] };
    case 'ruleset':
      return { good: ['RSYSLOG_DefaultRuleset'], bad: [] };
    case 'template':
      return { good: ['RSYSLOG_FileFormat'], bad: ['NoSuchTemplate'] };
    case 'path':
      return { good: ['/var/log/fuzz-path'], bad: ['relative/path'] };
    default:
      return { good: [p.default && !/["\\\n]/.test(p.default) ? p.default : 'x'], bad: [] };
  }
}

/** What an input or action of a module needs besides the parameter under test. */
function required(mod: string, kind: 'input' | 'action', except: string): string {
  const need: Record<string, string> = {
    'input:imfile': 'file="/var/log/fuzz-in" tag="fuzz"',
    'input:imuxsock': 'socket="/run/fuzz-in.sock"',
    'action:mmexternal': 'binary="/bin/cat"',
    'action:mmnormalize': 'rule="rule=:%x:rest%"',
    'input:imtcp': 'port="10514"',
    'input:imptcp': 'port="10514"',
    'input:imudp': 'port="10514"',
    'input:imrelp': 'port="10514"',
    'action:omfile': 'file="/var/log/fuzz-out"',
    'action:omusrmsg': 'users="root"',
    'action:omfwd': 'target="127.0.0.1"',
    'action:omprog': 'binary="/bin/cat"',
    'action:ompipe': 'pipe="/dev/null"',
    'action:omuxsock': 'socketName="/run/fuzz.sock"',
    'action:ommail': 'server="127.0.0.1" port="25" mailfrom="a@b" mailto="c@d"',
  };
  const req = need[`${kind}:${mod}`] ?? '';
  return req
    .split(/ (?=\w+=)/)
    .filter((kv) => kv && kv.split('=')[0].toLowerCase() !== except.toLowerCase())
    .join(' ');
}

/** Every parameter of every installed module, each with good and bad values (deterministic). */
export function rsyslogCatalogCases(dataDir: string): GenCase[] {
  const mods = JSON.parse(fs.readFileSync(path.join(dataDir, 'modules.json'), 'utf8')) as Module[];
  const have = installedModules();
  const out: GenCase[] = [];
  for (const m of mods) {
    if (!m.builtin && !have.has(m.name)) continue;
    // imfile keeps state files in the work directory: without one rsyslogd complains.
    const global = m.name === 'imfile' ? 'global(workDirectory="/tmp")\n' : '';
    const load = global + (m.builtin ? '' : `module(load="${m.name}")\n`);
    // omuxsock takes legacy directives only.
    if (m.name === 'omuxsock') continue;
    const emit = (p: Param, make: (v: string) => { text: string; line: number }) => {
      const { good, bad } = valuesFor(p);
      for (const v of good) out.push({ ...make(v), desc: `${m.name} ${p.name}="${v}" (allowed)`, family: `${m.name}:${p.name}` });
      for (const v of bad) out.push({ ...make(v), desc: `${m.name} ${p.name}="${v}" (broken)`, family: `${m.name}:${p.name}` });
    };
    for (const p of m.moduleParams ?? []) {
      const name = m.builtin ? `builtin:${m.name}` : m.name;
      emit(p, (v) => ({ text: `${global}module(load="${name}" ${p.name}="${v}")\n${inputFor(m)}${TAIL}\n`, line: global ? 1 : 0 }));
    }
    for (const p of m.inputParams ?? []) {
      emit(p, (v) => ({ text: `${load}input(type="${m.name}" ${p.name}="${v}" ${required(m.name, 'input', p.name)})\n${TAIL}\n`, line: load.split('\n').length - 1 }));
    }
    for (const p of m.actionParams ?? []) {
      // A parser module's parameters go to parser(); the others' to action().
      const stmt = m.moduleType === 'parser' ? `parser(name="fuzz.parser" type="${m.name}" ${p.name}="{}")` : `*.* action(type="${m.name}" ${p.name}="{}" ${required(m.name, 'action', p.name)})`;
      emit(p, (v) => ({ text: `${load}${stmt.replace('{}', v)}\n${TAIL}\n`, line: load.split('\n').length - 1 }));
    }
  }
  return out;
}

/** Loading a listener module without a listener only warns; give it one so the run is clean. */
function inputFor(m: Module): string {
  const req = required(m.name, 'input', '');
  return req && (m.inputParams?.length ?? 0) > 0 ? `input(type="${m.name}" ${req})\n` : '';
}

const VARS_GOOD = ['$!a', '$!a!b', '$.x', '$/g', '$!', '$.a.b'];
const VARS_BAD = ['$foo', '$x!a', '$msg', '$!a b'];
const OPERANDS = ['$msg', '$programname', '$!a', '$.x', '"text"', "'text'", '42', '0x1F', 'strlen($msg)', 'tolower($hostname)', 're_match($msg, "a.*")', '$$now'];
const OPERANDS_BAD = ['foo', 'nosuchfunc($msg)', '"unterminated', 'strlen(', '$'];
const OPS = ['==', '!=', '<>', '<', '<=', '>', '>=', 'contains', 'contains_i', 'startswith', 'startswith_i', '+', '-', '*', '/', '%', '&'];
const OPS_BAD = ['=', '===', 'like', '=~'];
const FACILITIES = ['mail', 'kern', 'local0', 'auth', '*', 'authpriv', 'mial', 'foo'];
const PRIORITIES = ['info', '=info', '!info', '!=info', 'warn', 'err', '*', 'none', '=!info', '!!info', 'inf', '<>info'];

/** A random expression: mostly valid, sometimes broken in one place. */
function expression(r: () => number, depth: number, breakIt: boolean): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  if (depth <= 0 || r() < 0.3) return breakIt && r() < 0.5 ? pick(OPERANDS_BAD) : pick(OPERANDS);
  const shape = r();
  if (shape < 0.15) return `not ${expression(r, depth - 1, breakIt)}`;
  if (shape < 0.3) return `(${expression(r, depth - 1, breakIt)})`;
  if (shape < 0.45) return `${expression(r, depth - 1, false)} ${pick(['and', 'or'])} ${expression(r, depth - 1, breakIt)}`;
  const op = breakIt && r() < 0.5 ? pick(OPS_BAD) : pick(OPS);
  return `${expression(r, depth - 1, breakIt && r() < 0.5)} ${op} ${expression(r, depth - 1, false)}`;
}

/** `n` random RainerScript statements from `seed`: `if`, `set`/`unset`, selectors. */
export function rsyslogRandomCases(seed: number, n: number): GenCase[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: GenCase[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r();
    const breakIt = r() < 0.5;
    let stmt: string;
    let family: string;
    if (kind < 0.5) {
      const cond = expression(r, 3, breakIt);
      const shape = breakIt && r() < 0.2 ? `if ${cond} /var/log/fuzz-if.log` : `if ${cond} then /var/log/fuzz-if.log`;
      stmt = shape;
      family = 'if';
    } else if (kind < 0.75) {
      const v = breakIt ? pick(VARS_BAD) : pick(VARS_GOOD);
      stmt = r() < 0.8 ? `set ${v} = ${expression(r, 2, breakIt && r() < 0.3)};` : `unset ${v};`;
      family = 'set';
    } else {
      stmt = `${pick(FACILITIES)}.${pick(PRIORITIES)} /var/log/fuzz-sel.log`;
      family = 'selector';
    }
    out.push({ text: `${stmt}\n${TAIL}\n`, line: 0, desc: `${family} (seed ${seed} #${i})`, family });
  }
  return out;
}
