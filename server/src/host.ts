import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostView } from './languages/common/types';

function readNames(file: string): Set<string> | undefined {
  try {
    const names = new Set<string>();
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const name = line.split(':', 1)[0].trim();
      if (name && !name.startsWith('#')) names.add(name);
    }
    return names;
  } catch {
    return undefined;
  }
}

/** Matches a simple glob (`*`, `?` in the last segments) against the file system, without following loops. */
function expandGlob(pattern: string, limit = 1000): string[] | undefined {
  if (!path.isAbsolute(pattern)) return undefined;
  const parts = pattern.split('/').filter(Boolean);
  let current = ['/'];
  for (const part of parts) {
    const next: string[] = [];
    const wild = /[*?[]/.test(part);
    const re = wild ? new RegExp('^' + part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$') : null;
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

/** The real machine, read lazily and cached for a short while (users and groups change rarely). */
export function nodeHost(): HostView {
  let users: { at: number; v: Set<string> | undefined } | undefined;
  let groups: { at: number; v: Set<string> | undefined } | undefined;
  const fresh = (c: { at: number } | undefined) => c !== undefined && Date.now() - c.at < 30_000;
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
    users() {
      if (!fresh(users)) users = { at: Date.now(), v: readNames('/etc/passwd') };
      return users!.v;
    },
    groups() {
      if (!fresh(groups)) groups = { at: Date.now(), v: readNames('/etc/group') };
      return groups!.v;
    },
  };
}
