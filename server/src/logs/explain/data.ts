import formatsJson from '../../../data/logs/formats.json';
import appFormats from '../../../data/logs/appFormats.json';
import adminTools from '../../../data/logs/patterns/adminTools.json';
import cron from '../../../data/logs/patterns/cron.json';
import databases from '../../../data/logs/patterns/databases.json';
import dns from '../../../data/logs/patterns/dns.json';
import dropbear from '../../../data/logs/patterns/dropbear.json';
import ftp from '../../../data/logs/patterns/ftp.json';
import http from '../../../data/logs/patterns/http.json';
import kernel from '../../../data/logs/patterns/kernel.json';
import lastMgetty from '../../../data/logs/patterns/lastMgetty.json';
import mailGateways from '../../../data/logs/patterns/mailGateways.json';
import mailServers from '../../../data/logs/patterns/mailServers.json';
import pam from '../../../data/logs/patterns/pam.json';
import polkit from '../../../data/logs/patterns/polkit.json';
import postfix from '../../../data/logs/patterns/postfix.json';
import proxies from '../../../data/logs/patterns/proxies.json';
import security from '../../../data/logs/patterns/security.json';
import sendmail from '../../../data/logs/patterns/sendmail.json';
import sshd from '../../../data/logs/patterns/sshd.json';
import suSudo from '../../../data/logs/patterns/suSudo.json';
import system from '../../../data/logs/patterns/system.json';
import systemd from '../../../data/logs/patterns/systemd.json';
import tcpdump from '../../../data/logs/patterns/tcpdump.json';
import voip from '../../../data/logs/patterns/voip.json';
import webApps from '../../../data/logs/patterns/webApps.json';
import type { FamilyData, FormatData, PatternData } from './types';

/** Every pattern family, in the order they are tried when several apply. */
export const FAMILY_DATA: FamilyData[] = [kernel, postfix, sendmail, mailServers, mailGateways, sshd, dropbear, pam, suSudo, polkit, cron, systemd, system, security, dns, databases, ftp, proxies, voip, webApps, adminTools, http, tcpdump, lastMgetty].flatMap(
  (f: any) => (Array.isArray(f) ? f : [f]),
) as FamilyData[];

/** The system formats, then those of applications' own log files (tried after, by first character). */
export const FORMAT_DATA: FormatData[] = [...formatsJson.formats, ...appFormats.formats] as FormatData[];
const MACROS: Record<string, string> = formatsJson.macros;

/** Replaces `{{NAME}}` with the shared macro (unknown names are left as they are, so the regex fails loudly in tests). */
export function expandMacros(re: string): string {
  let out = re;
  // Macros may use other macros (LASTTIME uses DOW and MON); three rounds are plenty.
  for (let i = 0; i < 3 && out.includes('{{'); i++) out = out.replace(/\{\{([A-Z]+)\}\}/g, (m, name: string) => MACROS[name] ?? m);
  return out;
}

/**
 * A data regex compiled twice: `re` with its named groups (for tests and readers), and `fast`
 * with the names removed plus the list of names by group number. Matching with `fast` spares
 * V8 building a `groups` object per match, which matters at hundreds of thousands of lines a second.
 */
export interface CompiledRegex {
  re: RegExp;
  fast: RegExp;
  names: (string | undefined)[];
}

/** Where a regex source has syntax: every position outside escapes (`\(`) and character classes (`[(|]`). */
function* syntaxPositions(source: string): Generator<number> {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else yield i;
  }
}

/** Names of the capturing groups by number (index 0 is the whole match). */
function groupNames(source: string): (string | undefined)[] {
  const names: (string | undefined)[] = [undefined];
  for (const i of syntaxPositions(source)) {
    if (source[i] === '(') {
      if (source[i + 1] !== '?') names.push(undefined);
      else {
        const m = /^\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i + 1, i + 80));
        if (m) names.push(m[1]);
      }
    }
  }
  return names;
}

export function compileRegex(source: string): CompiledRegex {
  const src = expandMacros(source);
  return { re: new RegExp(src), fast: new RegExp(src.replace(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g, '(')), names: groupNames(src) };
}

/** Runs a compiled regex; the named groups that took part, or undefined when it does not match. */
export function execNamed(c: CompiledRegex, text: string): Record<string, string> | undefined {
  const m = c.fast.exec(text);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  const names = c.names;
  for (let i = 1; i < m.length; i++) {
    const n = names[i];
    if (n !== undefined && m[i] !== undefined) out[n] = m[i];
  }
  return out;
}

export interface CompiledFormat extends CompiledRegex {
  data: FormatData;
  /** `data.programs` compiled. */
  programs?: { program: string; re: RegExp }[];
}

export interface CompiledPattern extends CompiledRegex {
  data: PatternData;
  family: string;
  /** The literal text an anchored regex starts with (`^Failed ` → `Failed `); '' when none. */
  prefix: string;
  /** `data.hint` and `data.extract` ('' when none), read here on every line with one object shape. */
  hint: string;
  extract: string;
}

/**
 * The literal beginning of an anchored regex, so a message that does not start with it is
 * skipped with one `startsWith` instead of a regex run (most of a family's patterns, most lines).
 */
export function literalPrefix(source: string): string {
  if (!source.startsWith('^')) return '';
  let out = '';
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (/[A-Za-z0-9 :_=,'"<>@#%&~`!;-]/.test(c)) {
      out += c;
      continue;
    }
    if (c === '\\' && /[.\/\[\]()]/.test(source[i + 1] ?? '')) {
      out += source[i + 1];
      i++;
      continue;
    }
    // A quantifier or alternation makes the last literal optional or repeated: drop it.
    if (c === '?' || c === '*' || c === '{') out = out.slice(0, -1);
    if (c === '|') return '';
    break;
  }
  // An alternation later at the top level (`^a|b`) would make the prefix wrong.
  return hasTopLevelBar(source) ? '' : out;
}

function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  for (const i of syntaxPositions(source)) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

export interface CompiledFamily {
  data: FamilyData;
  patterns: CompiledPattern[];
  /**
   * The patterns worth trying on a message by its first character (ASCII code; index 128 for
   * any other or an empty message): those whose literal prefix starts with it and those
   * without one, in the family's order. Most lines skip most of a large family this way.
   */
  byFirst: CompiledPattern[][];
}

function patternsByFirst(patterns: CompiledPattern[]): CompiledPattern[][] {
  const out: CompiledPattern[][] = Array.from({ length: 129 }, () => []);
  for (const p of patterns) {
    const c = p.prefix ? p.prefix.charCodeAt(0) : -1;
    for (let i = 0; i < 129; i++) if (c < 0 || c === i) out[i].push(p);
  }
  return out;
}

/** Formats by the first character of a line (ASCII); index 128 holds those for any character. */
export interface FormatTable {
  byFirst: CompiledFormat[][];
  all: CompiledFormat[];
}

function compileFormats(): FormatTable {
  const all: CompiledFormat[] = FORMAT_DATA.map((data) => ({
    data,
    ...compileRegex(data.regex),
    programs: data.programs?.map((r) => ({ program: r.program, re: new RegExp(r.regex) })),
  }));
  const byFirst: CompiledFormat[][] = Array.from({ length: 129 }, () => []);
  for (const f of all) {
    if (!f.data.first) {
      for (const list of byFirst) list.push(f);
      continue;
    }
    const cls = new RegExp('^' + f.data.first + '$');
    for (let c = 0; c < 128; c++) if (cls.test(String.fromCharCode(c))) byFirst[c].push(f);
  }
  return { byFirst, all };
}

export const FORMATS: FormatTable = compileFormats();

export const FORMAT_BY_NAME = new Map(FORMATS.all.map((f) => [f.data.name, f.data]));

export const FAMILIES: CompiledFamily[] = FAMILY_DATA.map((data) => {
  const patterns = data.patterns.map((p) => {
    const c = compileRegex(p.regex);
    // A hint the literal prefix already contains needs no second search.
    const prefix = literalPrefix(c.re.source);
    return { data: p, family: data.name, ...c, prefix, hint: p.hint && !prefix.includes(p.hint) ? p.hint : '', extract: p.extract ?? '' };
  });
  return { data, patterns, byFirst: patternsByFirst(patterns) };
});

export const FAMILY_BY_NAME = new Map(FAMILIES.map((f) => [f.data.name, f]));

/** Lower-case program name → families that claim it. */
const byProgram = new Map<string, CompiledFamily[]>();
for (const f of FAMILIES) {
  for (const p of f.data.programs ?? []) {
    const list = byProgram.get(p) ?? [];
    list.push(f);
    byProgram.set(p, list);
  }
}
const prefixed = FAMILIES.filter((f) => f.data.programPrefixes?.length);
const byMessagePrefix = FAMILIES.filter((f) => f.data.messagePrefixes?.length);
const MESSAGE_PREFIX = new RegExp(
  '^(?:' + byMessagePrefix.flatMap((f) => f.data.messagePrefixes!).map((x) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|') + ')',
);

/**
 * The families to try for a program and message: those claiming the program (or its
 * `(sub)` part, as in `sshd(pam_unix)`), then those claiming the message's beginning.
 */
export function familiesFor(program: string | undefined, message: string): CompiledFamily[] {
  let out = program ? programCache.get(program) : NO_FAMILIES;
  if (!out) {
    out = programFamilies(program!);
    if (programCache.size > 4096) programCache.clear();
    programCache.set(program!, out);
  }
  let extra: CompiledFamily[] | undefined;
  // One anchored test of every prefix at once spares the loop below on almost every line.
  if (!MESSAGE_PREFIX.test(message)) return out;
  for (const f of byMessagePrefix) {
    if (out.includes(f)) continue;
    const prefixes = f.data.messagePrefixes!;
    for (const x of prefixes) {
      if (message.startsWith(x)) {
        (extra ??= []).push(f);
        break;
      }
    }
  }
  return extra ? [...out, ...extra] : out;
}

const NO_FAMILIES: CompiledFamily[] = [];
const programCache = new Map<string, CompiledFamily[]>();

function programFamilies(program: string): CompiledFamily[] {
  const out: CompiledFamily[] = [];
  {
    const p = program.toLowerCase();
    const paren = p.indexOf('(');
    const base = paren > 0 ? p.slice(0, paren) : p;
    for (const f of byProgram.get(base) ?? []) out.push(f);
    if (paren > 0) {
      const sub = p.slice(paren + 1, p.endsWith(')') ? -1 : undefined);
      for (const f of byProgram.get(sub) ?? []) if (!out.includes(f)) out.push(f);
    }
    for (const f of prefixed) if (!out.includes(f) && f.data.programPrefixes!.some((x) => base.startsWith(x))) out.push(f);
  }
  return out;
}
