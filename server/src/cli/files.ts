import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './common';

export interface WalkResult {
  files: string[];
  /** Clear messages for paths that could not be read; the caller exits 2 when there are any. */
  errors: string[];
}

/**
 * Expands the paths given on the command line: files as they are, directories walked
 * (without following symbolic links into directories, so loops cannot trap us), keeping the
 * files `accept` wants.
 */
export function walkPaths(paths: string[], accept: (file: string) => boolean, maxFiles = 100_000): WalkResult {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (dir: string) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(describeFsError(dir, e));
      return;
    }
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const it of items) {
      if (files.length >= maxFiles) return;
      const full = path.join(dir, it.name);
      if (it.isDirectory()) walk(full);
      else if ((it.isFile() || it.isSymbolicLink()) && accept(full)) files.push(full);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push(describeFsError(p, e));
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, errors };
}

/** True when a buffer looks binary (a NUL byte in its first 8 KiB), as grep decides. */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}
