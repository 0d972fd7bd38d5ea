import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { forEachLineBlock, plainBlocksFd } from './blocks';
import { isGzPath } from './reader';
import { rotatedCopies } from './rotated';

/** A rotated copy of the followed file and its identity (device and inode). */
export interface CopyFile {
  path: string;
  id: string;
  gz: boolean;
}

/** How many of the newest copies are looked at (the copy of a rotation is always among them). */
const MAX_COPIES = 4;

export const idOf = (st: fs.Stats) => `${st.dev}:${st.ino}`;

/** The newest rotated copies of `file` (plain before .gz for one rotation), with their identities. */
export function copiesOf(file: string): CopyFile[] {
  const out: CopyFile[] = [];
  for (const p of rotatedCopies(file).slice(0, MAX_COPIES)) {
    try {
      out.push({ path: p, id: idOf(fs.statSync(p)), gz: isGzPath(p) });
    } catch {
      // gone between the listing and the stat (gzip removes the plain copy): skip it
    }
  }
  return out;
}

/** The first `n` bytes of a copy (inflated for .gz); shorter when the copy is. */
export async function copyHead(c: CopyFile, n: number): Promise<Buffer> {
  if (!c.gz) {
    const fd = fs.openSync(c.path, 'r');
    try {
      const b = Buffer.allocUnsafe(n);
      return b.subarray(0, fs.readSync(fd, b, 0, n, 0));
    } finally {
      fs.closeSync(fd);
    }
  }
  const parts: Buffer[] = [];
  let got = 0;
  const src = fs.createReadStream(c.path);
  const gz = src.pipe(zlib.createGunzip());
  src.on('error', (e) => gz.destroy(e));
  try {
    for await (const chunk of gz as AsyncIterable<Buffer>) {
      parts.push(chunk);
      got += chunk.length;
      if (got >= n) break;
    }
  } catch {
    // a .gz still being written ends early: compare what there is
  } finally {
    src.destroy();
  }
  return Buffer.concat(parts).subarray(0, n);
}

export type Deliver = (buf: Buffer, from: number, to: number, offset: number) => void;

/**
 * Reads the part of a copy our follower had not seen: `head` are the first bytes of the followed
 * file and `sig` the bytes just before `pos`, so a copy of something else is refused. Delivers
 * [pos, end of copy) as blocks of lines. Resolves to 'recovered' (also when the copy ends before
 * pos: everything in it was read already) or 'other' (not a copy of the followed file).
 */
export async function recoverFromCopy(c: CopyFile, pos: number, head: Buffer, sig: Buffer, deliver: Deliver): Promise<'recovered' | 'other'> {
  return c.gz ? fromGz(c.path, pos, head, sig, deliver) : fromPlain(c.path, pos, head, sig, deliver);
}

async function fromPlain(p: string, pos: number, head: Buffer, sig: Buffer, deliver: Deliver): Promise<'recovered' | 'other'> {
  // One descriptor throughout: gzip may unlink the plain copy while it is read.
  const fd = fs.openSync(p, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const at = (off: number, len: number) => {
      const b = Buffer.allocUnsafe(len);
      return b.subarray(0, fs.readSync(fd, b, 0, len, off));
    };
    if (size === 0 && pos > 0) return 'other';
    const h = Math.min(head.length, size);
    if (!at(0, h).equals(head.subarray(0, h))) return 'other';
    if (size < pos) return 'recovered';
    if (!at(pos - sig.length, sig.length).equals(sig)) return 'other';
    await plainBlocksFd(fd, (buf, from, to, offset) => void deliver(buf, from, to, offset), { start: pos, chunkSize: 1 << 20 });
    return 'recovered';
  } finally {
    fs.closeSync(fd);
  }
}

async function fromGz(p: string, pos: number, head: Buffer, sig: Buffer, deliver: Deliver): Promise<'recovered' | 'other'> {
  // One pass: check the head and the bytes before pos as they stream by, then deliver.
  const sigFrom = pos - sig.length;
  let ok = true;
  const check = (buf: Buffer, from: number, to: number, offset: number, want: Buffer, wantAt: number) => {
    const s = Math.max(offset, wantAt);
    const e = Math.min(offset + to - from, wantAt + want.length);
    if (s < e && buf.compare(want, s - wantAt, e - wantAt, from + s - offset, from + e - offset) !== 0) ok = false;
  };
  let end = 0;
  await forEachLineBlock(p, (buf, from, to, offset) => {
    check(buf, from, to, offset, head, 0);
    check(buf, from, to, offset, sig, sigFrom);
    if (!ok) return false;
    end = offset + to - from;
    if (end > pos) deliver(buf, Math.max(from, from + pos - offset), to, Math.max(offset, pos));
  }).catch(() => undefined); // a damaged .gz: what was read counts
  return ok && (end > 0 || pos === 0) ? 'recovered' : 'other';
}
