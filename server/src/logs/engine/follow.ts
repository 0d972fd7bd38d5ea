import * as fs from 'node:fs';
import { rotatedCopies } from './rotated';

const SIG = 64;
const CHUNK = 1 << 20;

export type RotationKind = 'rename' | 'truncate';

export interface FollowEvents {
  /** Complete lines buf[from, to) found at `offset` of the current file (generation `gen`). */
  lines(buf: Buffer, from: number, to: number, offset: number, gen: number): void;
  /**
   * The file was rotated. rename: the old file was fully read first (its descriptor is handed
   * over when keepOldFd is set, else closed). truncate (copytruncate): the unread rest was read from
   * the copy `copyPath` when one matched; `lost` says no copy held it.
   */
  rotated?(kind: RotationKind, info: { oldFd?: number; copyPath?: string; lost?: boolean; gen: number }): void;
  /** The path is missing or unreadable (the follower keeps trying). */
  problem?(e: NodeJS.ErrnoException): void;
}

export interface FollowOptions {
  /** Start offset in the file as it is now; default its end (like tail -f without old lines). */
  start?: number;
  intervalMs?: number;
  keepOldFd?: boolean;
}

const p = {
  open: (f: string) => new Promise<number>((res, rej) => fs.open(f, 'r', (e, fd) => (e ? rej(e) : res(fd)))),
  fstat: (fd: number) => new Promise<fs.Stats>((res, rej) => fs.fstat(fd, (e, s) => (e ? rej(e) : res(s)))),
  stat: (f: string) => new Promise<fs.Stats>((res, rej) => fs.stat(f, (e, s) => (e ? rej(e) : res(s)))),
  read: (fd: number, buf: Buffer, len: number, pos: number) => new Promise<number>((res, rej) => fs.read(fd, buf, 0, len, pos, (e, n) => (e ? rej(e) : res(n)))),
};

/**
 * tail -f that survives rotation without losing or repeating a line. It watches the path (not the
 * descriptor): when the path names a new file (rename + create) it first reads the old descriptor
 * to its end, then switches; when the file shrank or its bytes before our position changed
 * (copytruncate), it reads what it had not seen yet from the rotated copy, then restarts at 0.
 * Every read starts SIG bytes before the position and checks those bytes, so a truncation that
 * happens between two polls is noticed in the same read that would otherwise return new text.
 */
export class Follower {
  private fd = -1;
  private ino = -1;
  private pos = 0;
  private sig: Buffer = Buffer.alloc(0);
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> | undefined;
  private buf = Buffer.allocUnsafe(CHUNK + SIG);
  /** Increments at each rotation. */
  gen = 0;
  /** Polls done (tests wait on it). */
  polls = 0;

  constructor(
    readonly file: string,
    private readonly ev: FollowEvents,
    private readonly opts: FollowOptions = {},
  ) {}

  /** Opens the file; resolves once positioned. */
  async open(): Promise<void> {
    this.fd = await p.open(this.file);
    const st = await p.fstat(this.fd);
    this.ino = st.ino;
    this.pos = Math.min(this.opts.start ?? st.size, st.size);
    if (this.pos > 0) {
      // Start at a line start and remember the bytes before it.
      const from = Math.max(0, this.pos - SIG);
      const n = await p.read(this.fd, this.buf, this.pos - from, from);
      this.sig = Buffer.from(this.buf.subarray(0, n));
    }
  }

  start(): void {
    const tick = () => {
      this.timer = setTimeout(async () => {
        await this.poll();
        if (this.timer) tick();
      }, this.opts.intervalMs ?? 250);
    };
    tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  async close(): Promise<void> {
    this.stop();
    await this.busy;
    if (this.fd >= 0) fs.close(this.fd, () => undefined);
    this.fd = -1;
  }

  /** One check: read what was appended and handle a rotation. Never runs twice at once. */
  poll(): Promise<void> {
    if (!this.busy) {
      this.busy = this.pollOnce().finally(() => {
        this.busy = undefined;
        this.polls++;
      });
    }
    return this.busy;
  }

  private async pollOnce(): Promise<void> {
    try {
      if (this.fd < 0) {
        try {
          await this.open();
          this.pos = 0;
          this.sig = Buffer.alloc(0);
        } catch (e) {
          this.ev.problem?.(e as NodeJS.ErrnoException);
          return;
        }
      }
      if (!(await this.readNew(this.fd))) await this.truncated();
      let st: fs.Stats | undefined;
      try {
        st = await p.stat(this.file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.ev.problem?.(e as NodeJS.ErrnoException);
        return; // renamed and not created yet: keep reading the old file
      }
      if (st.ino !== this.ino) await this.renamed();
    } catch (e) {
      this.ev.problem?.(e as NodeJS.ErrnoException);
    }
  }

  /**
   * Reads complete lines after pos. Returns false when the bytes before pos are no longer what
   * we read (the file was truncated or rewritten).
   */
  private async readNew(fd: number, deliver = true): Promise<boolean> {
    for (;;) {
      const from = this.pos - this.sig.length;
      const n = await p.read(fd, this.buf, this.buf.length, from);
      if (n < this.sig.length || (this.sig.length && this.buf.compare(this.sig, 0, this.sig.length, 0, this.sig.length) !== 0)) return false;
      const last = this.buf.lastIndexOf(10, n - 1);
      if (last < this.sig.length) {
        if (n === this.buf.length) this.buf = Buffer.allocUnsafe(this.buf.length * 2); // a very long line
        else return true;
        continue;
      }
      if (deliver) this.ev.lines(this.buf, this.sig.length, last + 1, this.pos, this.gen);
      this.pos = from + last + 1;
      this.sig = Buffer.from(this.buf.subarray(Math.max(0, last + 1 - SIG), last + 1));
      if (n < this.buf.length) return true;
    }
  }

  private async renamed(): Promise<void> {
    // Finish the old file (the writer may have added lines after our last read), then switch.
    if (!(await this.readNew(this.fd))) await this.truncated();
    const oldFd = this.fd;
    const newFd = await p.open(this.file);
    const st = await p.fstat(newFd);
    this.gen++;
    this.ev.rotated?.('rename', { oldFd: this.opts.keepOldFd ? oldFd : undefined, gen: this.gen });
    if (!this.opts.keepOldFd) fs.close(oldFd, () => undefined);
    this.fd = newFd;
    this.ino = st.ino;
    this.pos = 0;
    this.sig = Buffer.alloc(0);
    if (!(await this.readNew(this.fd))) await this.truncated();
  }

  private async truncated(): Promise<void> {
    // copytruncate: the rest of what we had not read is in the newest copy that matches our signature.
    let copyPath: string | undefined;
    for (const c of rotatedCopies(this.file)) {
      let fd = -1;
      try {
        fd = await p.open(c);
        const head = Buffer.allocUnsafe(this.sig.length);
        const n = await p.read(fd, head, head.length, this.pos - this.sig.length);
        if (n === this.sig.length && head.equals(this.sig)) {
          await this.readNew(fd);
          // A final line without newline in the copy is delivered as it is.
          const tail = Buffer.allocUnsafe(CHUNK);
          const m = await p.read(fd, tail, CHUNK, this.pos);
          if (m > 0) this.ev.lines(tail, 0, m, this.pos, this.gen);
          copyPath = c;
          break;
        }
      } catch {
        // unreadable candidate: try the next
      } finally {
        if (fd >= 0) fs.close(fd, () => undefined);
      }
    }
    this.gen++;
    this.ev.rotated?.('truncate', { copyPath, lost: !copyPath && this.pos > 0, gen: this.gen });
    this.pos = 0;
    this.sig = Buffer.alloc(0);
    await this.readNew(this.fd);
  }
}
