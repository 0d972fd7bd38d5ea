import * as fs from 'node:fs';
import * as path from 'node:path';

/** How a rotated name relates to its live file: `maillog.2.gz` → base `maillog`, number 2. */
export interface RotatedName {
  base: string;
  /** `.N` suffix (1 is the newest rotated file). */
  number?: number;
  /** `-YYYYMMDD` (or longer digits) suffix, as a sortable string. */
  date?: string;
  gz: boolean;
}

/** Splits a file name into its live base and rotation suffix. */
export function parseRotatedName(name: string): RotatedName {
  let n = name;
  const gz = /\.gz$/i.test(n);
  if (gz) n = n.slice(0, -3);
  let m = /^(.*)\.(\d{1,4})$/.exec(n);
  if (m) return { base: m[1], number: +m[2], gz };
  m = /^(.*)[-.](\d{8,14})$/.exec(n);
  if (m) return { base: m[1], date: m[2], gz };
  return { base: n, gz };
}

/**
 * The rotated set a file belongs to, oldest first and the live file last: numbered files from the
 * highest number down, then dated files from the oldest date, then the live file.
 */
export function rotatedSet(file: string): string[] {
  const dir = path.dirname(file);
  const me = parseRotatedName(path.basename(file));
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [file];
  }
  const members = names
    .map((name) => ({ name, r: parseRotatedName(name) }))
    .filter(({ name, r }) => r.base === me.base && (name === me.base || r.number !== undefined || r.date !== undefined));
  members.sort((a, b) => rank(a.r) - rank(b.r) || (a.r.date ?? '').localeCompare(b.r.date ?? ''));
  const out = members.map((m) => path.join(dir, m.name)).filter((p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
  return out.length ? out : [file];
}

function rank(r: RotatedName): number {
  if (r.number !== undefined) return -1e6 - r.number; // maillog.4 before maillog.1
  if (r.date !== undefined) return 0;
  return 1e6;
}

/**
 * Newest first: the rotated copies of a live file, for copytruncate recovery. Compressed copies
 * count too (`compress` without `delaycompress` gzips the copy right after the truncation); of a
 * plain copy and its .gz the plain one comes first, as the .gz may still be being written.
 */
export function rotatedCopies(file: string): string[] {
  const out = rotatedSet(file)
    .filter((p) => p !== file)
    .reverse();
  // The two forms of one rotation sort next to each other (same number or date).
  for (let i = 0; i + 1 < out.length; i++) {
    if (/\.gz$/i.test(out[i]) && out[i].slice(0, -3) === out[i + 1]) [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  return out;
}
