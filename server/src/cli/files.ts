import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError, notRegularMessage } from './common';

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
    else if (st.isFile()) files.push(p);
    else errors.push(notRegularMessage(p, st));
  }
  return { files, errors };
}

/** Configuration files larger than this are not read (no real one comes near it). */
export const MAX_CHECK_BYTES = 64 * 1024 * 1024;


/** What reading one listed file gave: its bytes, a note to skip it, or an error (exit 2). */
export type ReadResult = { buf: Buffer } | { skip: string } | { error: string };

/**
 * Reads a listed file for checking without ever blocking: the file is opened without waiting
 * (O_NONBLOCK, so a FIFO does not hang the open), checked to be a regular file on the open
 * descriptor (a path swapped between listing and reading cannot trick us), and size-capped.
 * A file that vanished since it was listed gives a clear error.
 */
export function readCheckable(file: string, io: Pick<typeof fs, 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'> = fs): ReadResult {
  let fd: number;
  try {
    fd = io.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return { error: describeFsError(file, e) };
  }
  try {
    const st = io.fstatSync(fd);
    if (!st.isFile()) return { skip: notRegularMessage(file, st) };
    if (st.size > MAX_CHECK_BYTES) {
      return { skip: `${file}: ${(st.size / 1024 / 1024).toFixed(0)} MB is too large for a configuration file; not checked` };
    }
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < buf.length) {
      const r = io.readSync(fd, buf, n, buf.length - n, n);
      if (r <= 0) break; // the file shrank while we read it: check what is there
      n += r;
    }
    return { buf: buf.subarray(0, n) };
  } catch (e) {
    return { error: describeFsError(file, e) };
  } finally {
    try {
      io.closeSync(fd);
    } catch {
      // Nothing useful to do.
    }
  }
}

/** True when a buffer looks binary (a NUL byte in its first 8 KiB), as grep decides. */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}
