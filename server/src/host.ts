import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostView } from './languages/common/types';

function readNames(file: string, field = 0): Set<string> | undefined {
  try {
    const names = new Set<string>();
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.trimStart().startsWith('#')) continue;
      const name = (line.split(':', field + 1)[field] ?? '').trim();
      if (name && !name.startsWith('#')) names.add(name);
    }
    return names;
  } catch {
    return undefined;
  }
}

/**
 * `*` and `?` matching without regular expressions: a pattern such as `a*a*a*a*b` compiled to
 * `^a.*a.*a.*a.*b$` backtracks exponentially on a long name, and `[` made `new RegExp` throw.
 * This is the classic greedy two-pointer match: O(pattern × name) at worst.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    const cls = pattern[p] === '[' ? bracket(pattern, p, name[n]) : undefined;
    if (cls?.match) {
      p = cls.end;
      n++;
    } else if (!cls && p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A `[...]` class at `p` (ranges, `!` or `^` to negate): whether `ch` matches and where it ends; undefined when unclosed (then `[` is literal). */
function bracket(pattern: string, p: number, ch: string): { match: boolean; end: number } | undefined {
  let i = p + 1;
  const negate = pattern[i] === '!' || pattern[i] === '^';
  if (negate) i++;
  const close = pattern.indexOf(']', i + 1);
  if (close < 0) return undefined;
  let hit = false;
  for (let k = i; k < close; k++) {
    if (pattern[k + 1] === '-' && k + 2 < close) {
      if (ch >= pattern[k] && ch <= pattern[k + 2]) hit = true;
      k += 2;
    } else if (pattern[k] === ch) hit = true;
  }
  return { match: hit !== negate, end: close + 1 };
}

/** Matches a simple glob (`*`, `?` in the last segments) against the file system, without following loops. */
function expandGlob(pattern: string, limit = 1000): string[] | undefined {
  if (!path.isAbsolute(pattern)) return undefined;
  const parts = pattern.split('/').filter(Boolean);
  let current = ['/'];
  for (const part of parts) {
    const next: string[] = [];
    const wild = /[*?[]/.test(part);
    const re = wild ? { test: (name: string) => wildcardMatch(part, name) } : null;
    for (const dir of current) {
      if (!re) {
        next.push(path.join(dir, part));
        continue;
      }
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const n of names) if (re.test(n) && !n.startsWith('.')) next.push(path.join(dir, n));
      if (next.length > limit) break;
    }
    current = next;
  }
  return current.filter((p) => fs.existsSync(p));
}

/** A configuration file of at most 64 KiB: null when it does not exist, undefined when it cannot be read or is larger. */
function readSmall(p: string): string | null | undefined {
  try {
    const st = fs.statSync(p);
    if (!st.isFile() || st.size > 64 * 1024) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined;
  }
}

/** The real machine, read lazily and cached for a short while (users and groups change rarely). */
export function nodeHost(): HostView {
  // One short-lived cache for every file read: users and groups, their ids, small config files.
  const cache = new Map<string, { at: number; v: unknown }>();
  const cached = <T>(key: string, read: () => T): T => {
    const c = cache.get(key);
    if (c && Date.now() - c.at < 30_000) return c.v as T;
    const v = read();
    cache.set(key, { at: Date.now(), v });
    return v;
  };
  return {
    exists(p: string) {
      try {
        fs.statSync(p);
        return true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? false : undefined;
      }
    },
    glob: (pattern: string) => expandGlob(pattern),
    users: () => cached('users', () => readNames('/etc/passwd')),
    groups: () => cached('groups', () => readNames('/etc/group')),
    userIds: () => cached('userIds', () => readNames('/etc/passwd', 2)),
    groupIds: () => cached('groupIds', () => readNames('/etc/group', 2)),
    readConfig: (p: string) => cached(`file:${p}`, () => readSmall(p)),
  };
}
