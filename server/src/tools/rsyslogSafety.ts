import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What the rsyslog tool check must never do: load a module (code) from anywhere but the
 * system's rsyslog module folder, or read a file that is not part of the configuration.
 * The statements that would are blanked out in the temporary copy (spaces, so line and
 * column numbers do not move) and reported as "not checked" at their line.
 */

/** A statement that was blanked out, at a 0-based line of the file it is in. */
export interface Blanked {
  line: number;
  message: string;
}

const CANDIDATE_DIRS = ['/usr/lib64/rsyslog', '/usr/lib/rsyslog', '/usr/local/lib/rsyslog'];

let moduleDirCache: string | null | undefined;

/**
 * The folder the installed rsyslog's modules live in: where the package put lmnet.so (dpkg,
 * then rpm), else the usual multiarch and lib64 folders that hold it.
 */
export function systemModuleDir(): string | undefined {
  if (moduleDirCache !== undefined) return moduleDirCache ?? undefined;
  const fromList = (out: string | undefined) => out?.split('\n').find((l) => /\/lmnet\.so$/.test(l.trim()))?.trim();
  const viaPackage =
    fromList(spawnSync('dpkg', ['-L', 'rsyslog'], { encoding: 'utf8', timeout: 10_000 }).stdout) ??
    fromList(spawnSync('rpm', ['-ql', 'rsyslog'], { encoding: 'utf8', timeout: 10_000 }).stdout);
  let dir = viaPackage ? path.dirname(viaPackage) : undefined;
  if (!dir) {
    const multiarch: string[] = [];
    try {
      for (const n of fs.readdirSync('/usr/lib')) if (/-linux-gnu/.test(n)) multiarch.push(`/usr/lib/${n}/rsyslog`);
    } catch {
      // no /usr/lib
    }
    dir = [...multiarch, ...CANDIDATE_DIRS].find((d) => fs.existsSync(path.join(d, 'lmnet.so')));
  }
  moduleDirCache = dir ? fs.realpathSync(dir) : null;
  return dir ? moduleDirCache! : undefined;
}

/** True when `load="…"` names a module rsyslog would take from its module folder `dir`. */
export function isSystemModule(name: string, dir: string | undefined): boolean {
  if (/^builtin:[\w-]+$/.test(name)) return true;
  if (name.includes('\\')) return false;
  if (/^[A-Za-z0-9_-]+(\.so)?$/.test(name)) return true;
  if (!dir || !name.startsWith('/') || name.split('/').includes('..')) return false;
  let real = name;
  try {
    real = fs.realpathSync(name.endsWith('.so') ? name : name + '.so');
  } catch {
    // a module that does not exist is harmless; rsyslogd will say it is missing
    return path.dirname(path.normalize(name)) === dir;
  }
  return path.dirname(real) === dir;
}

/** Replaces `text[from, to)` with spaces, keeping line breaks. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
}

/** The end (exclusive) of the parenthesised statement whose `(` is at `open`, skipping strings and comments. */
export function statementEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * The offsets of statements `name(` outside whole-line comments. Deliberately blind to strings
 * and trailing comments: after a quote that is never closed, the tool and a careful scanner may
 * disagree on what is a string, and a statement that might load code must never be missed
 * (something that only looks like one, in a string or a comment, is at worst reported too).
 */
export function statementsNamed(text: string, name: string): { start: number; open: number }[] {
  const out: { start: number; open: number }[] = [];
  const re = new RegExp(`\\b${name}\\s*\\(`, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (/^\s*#/.test(text.slice(lineStart, m.index))) continue;
    if (/[\w$.]/.test(text[m.index - 1] ?? '')) continue;
    out.push({ start: m.index, open: m.index + m[0].length - 1 });
  }
  return out;
}

/** Every value of `param=…` in a statement's text: quoted, backtick or bare. */
export function paramValues(statement: string, param: string): { value: string; quoted: boolean }[] {
  const out: { value: string; quoted: boolean }[] = [];
  const re = new RegExp(`\\b${param}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\`[^\`]*\`|[^\\s)]+))`, 'gi');
  for (let m = re.exec(statement); m; m = re.exec(statement)) out.push({ value: m[1] ?? m[2] ?? m[3], quoted: m[3] === undefined });
  return out;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

export const OUTSIDE_MODULE = 'not checked: module loaded from outside the system module directory';

/**
 * Blanks out `module(load=…)` and `$ModLoad` of modules outside `dir`, and `$ModDir` (which
 * would move the module folder elsewhere). Returns the safe text and what was blanked.
 */
export function neutraliseModules(text: string, dir: string | undefined): { text: string; blanked: Blanked[] } {
  const blanked: Blanked[] = [];
  let out = text;
  for (const s of statementsNamed(text, 'module')) {
    const end = statementEnd(text, s.open);
    // Every load= must be a quoted name of a system module: a backtick expression is not trusted.
    const loads = paramValues(text.slice(s.start, end), 'load');
    const bad = loads.find((l) => !l.quoted || !isSystemModule(l.value, dir));
    if (!bad) continue;
    const load = bad.value;
    out = blank(out, s.start, end);
    blanked.push({ line: lineAt(text, s.start), message: `${OUTSIDE_MODULE} (${load}); it was not loaded` });
  }
  const lines = out.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const legacy = /\$(ModLoad|ModDir)\s+(\S+)/i.exec(lines[n]);
    if (!legacy || /^\s*#/.test(lines[n])) continue;
    const isDir = legacy[1].toLowerCase() === 'moddir';
    if (!isDir && isSystemModule(legacy[2], dir)) continue;
    lines[n] = lines[n].replace(/[^\n]/g, ' ');
    blanked.push({
      line: n,
      message: isDir ? `not checked: $ModDir ${legacy[2]} would load modules from outside the system module directory; it was ignored` : `${OUTSIDE_MODULE} (${legacy[2]}); it was not loaded`,
    });
  }
  return { text: lines.join('\n'), blanked };
}

/** One include statement: where it is, what it names, and how to blank it. */
export interface IncludeRef {
  line: number;
  /** The path or pattern as written (undefined for include(text=…)). */
  target: string | undefined;
  /** Offsets of the path in the text, to rewrite it. */
  at: [number, number];
  /** Offset of the statement's start (to blank it: see `blankInclude`). */
  start: number;
  legacy: boolean;
}

/** Blanks an include statement in `text` (which may have been rewritten after it since it was found). */
export function blankInclude(text: string, inc: IncludeRef): string {
  if (inc.legacy) {
    const eol = text.indexOf('\n', inc.start);
    return blank(text, inc.start, eol === -1 ? text.length : eol);
  }
  return blank(text, inc.start, statementEnd(text, text.indexOf('(', inc.start)));
}

/** `include(file=…)`, `include(text=…)` and `$IncludeConfig` statements. */
export function findIncludes(text: string): IncludeRef[] {
  const out: IncludeRef[] = [];
  for (const s of statementsNamed(text, 'include')) {
    const end = statementEnd(text, s.open);
    const stmt = text.slice(s.start, end);
    const m = /\bfile\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(stmt);
    const value = m ? (m[1] ?? m[2]) : undefined;
    const from = m ? s.start + m.index + m[0].length - 1 - value!.length : s.start;
    out.push({ line: lineAt(text, s.start), target: value, at: [from, from + (value?.length ?? 0)], start: s.start, legacy: false });
  }
  const re = /^([ \t]*\$IncludeConfig[ \t]+)(\S+)/gim;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[1].length;
    out.push({ line: lineAt(text, m.index), target: m[2], at: [from, from + m[2].length], start: m.index, legacy: true });
  }
  return out.sort((a, b) => a.at[0] - b.at[0]);
}

/**
 * A file rsyslog would read as configuration, by the rule the check applies: its name ends in
 * `.conf`, and so does the file it really is (a `x.conf` link to /etc/shadow is not one).
 */
export function isConfigFile(file: string): boolean {
  if (!file.endsWith('.conf')) return false;
  try {
    return fs.realpathSync(file).endsWith('.conf');
  } catch {
    return true; // missing: nothing to read, rsyslogd will say so
  }
}

/** The files a path or pattern names (`*`, `?` and `[…]` in the last part; a folder means its files). */
export function expandInclude(target: string, listDir: (dir: string) => string[] | undefined): string[] {
  const abs = path.resolve('/', target);
  const dir = target.endsWith('/') ? abs : path.dirname(abs);
  const base = target.endsWith('/') ? '*' : path.basename(abs);
  if (!/[*?[]/.test(base)) {
    const inDir = listDir(abs);
    return inDir ? inDir.map((n) => path.join(abs, n)).sort() : [abs];
  }
  const re = new RegExp(
    '^' +
      base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\[!/g, '[^') +
      '$',
  );
  return (listDir(dir) ?? []).filter((n) => !n.startsWith('.') && re.test(n)).map((n) => path.join(dir, n)).sort();
}

