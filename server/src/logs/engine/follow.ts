import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_LINE } from './blocks';
import { FollowCapture } from './followCapture';
import { copiesOf, copyHead, idOf, recoverFromCopy } from './followCopy';
import { parseRotatedName } from './rotated';

/** Bytes kept from just before the read position (to find our place in a rotated copy). */
const SIG = 64;
/** Bytes kept from the start of the file (to tell a copy of it from a copy of something else). */
const HEAD = 1024;
const CHUNK = 1 << 20;

export type RotationKind = 'rename' | 'truncate';

export interface FollowEvents {
  /** Complete lines buf[from, to) found at `offset` of the current file (generation `gen`). */
  lines(buf: Buffer, from: number, to: number, offset: number, gen: number): void;
  /**
   * The file was rotated. rename: the old file was fully read first (its descriptor is handed
   * over when keepOldFd is set, else closed). truncate (copytruncate): the unread rest was read from
   * the copy `copyPath` (plain or .gz) when one matched; `lost` says no copy held it.
   */
  rotated?(kind: RotationKind, info: { oldFd?: number; copyPath?: string; lost?: boolean; gen: number }): void;
  /** The path is missing or unreadable (the follower keeps trying). */
  problem?(e: NodeJS.ErrnoException): void;
}

export interface FollowOptions {
  /** Start offset in the file as it is now; default its end (like tail -f without old lines). */
  start?: number;
  /** Polling period; file system notifications make reads prompt in between. */
  intervalMs?: number;
  keepOldFd?: boolean;
  /**
   * React to file system notifications (fs.watch on the directory) besides polling, and keep the
   * end of the file read by a thread of its own (see FollowCapture); default true.
   */
  watch?: boolean;
}

// Synchronous calls on purpose: after a change notification the read must happen at once (logrotate
// truncates a few milliseconds after its copy ends, and lines written in between exist only in the
// live file until then). Appended text is small; a long backlog is read in slices (see readNew).
const p = {
  open: (f: string) => fs.openSync(f, 'r'),
  fstat: (fd: number) => fs.fstatSync(fd),
  stat: (f: string) => fs.statSync(f),
  read: (fd: number, buf: Buffer, len: number, pos: number) => fs.readSync(fd, buf, 0, len, pos),
};
/** Bytes read in one go before letting other work run (a backlog is read in slices). */
const SLICE = 16 * CHUNK;

/**
 * tail -F that survives rotation without losing or repeating a line. It reads as soon as the
 * directory reports a change (and polls besides), and tells rotations apart by identity and size,
 * not by content:
 * - the path names another file (device/inode): rename + create. The old file is read to its end,
 *   and followed until the new one gets its first bytes (the writer switches when told to reopen);
 * - the file is smaller than our position: truncated (copytruncate);
 * - a new rotated copy of this file appeared (a new inode, starting as our file starts) and the file
 *   is now smaller than that copy, or no longer starts as it did: truncated and written again
 *   before we looked.
 * After a truncation the lines not read yet come from the newest copy, plain or .gz, and those
 * written after the copy ended (in no file now) from a thread that reads the end of the file as it
 * changes (FollowCapture), whatever keeps this thread busy meanwhile.
 * As a last resort, bytes before our position that changed also count as a truncation.
 */
export class Follower {
  private fd = -1;
  private id = '';
  private pos = 0;
  private sig: Buffer = Buffer.alloc(0);
  private head: Buffer = Buffer.alloc(0);
  /** Identities of rotated copies that are not news (there before, or already dealt with). */
  private known = new Set<string>();
  private checkCopies = true;
  private dirTime = 0;
  private timer: NodeJS.Timeout | undefined;
  private watcher: fs.FSWatcher | undefined;
  private capture: FollowCapture | undefined;
  private busy: Promise<void> | undefined;
  private again = false;
  private closed = false;
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
    this.fd = p.open(this.file);
    const st = p.fstat(this.fd);
    this.id = idOf(st);
    this.pos = Math.min(this.opts.start ?? st.size, st.size);
    this.sig = this.bytesAt(this.fd, Math.max(0, this.pos - SIG), Math.min(SIG, this.pos));
    this.head = this.bytesAt(this.fd, 0, Math.min(HEAD, this.pos));
    this.known = new Set(copiesOf(this.file).map((c) => c.id));
  }

  start(): void {
    if (this.opts.watch !== false && !this.watcher) this.watch();
    if (this.opts.watch !== false && !this.capture && this.fd >= 0) {
      try {
        this.capture = new FollowCapture(this.file, this.id, this.pos);
      } catch {
        // no thread to spare (resource limits): notifications and polling alone
      }
    }
    const tick = () => {
      this.timer = setTimeout(async () => {
        if (this.closed) return;
        this.checkCopies = true;
        await this.poll();
        if (this.timer) tick();
      }, this.opts.intervalMs ?? 250);
    };
    tick();
  }

  private watch(): void {
    const base = path.basename(this.file);
    const live = parseRotatedName(base).base;
    try {
      this.watcher = fs.watch(path.dirname(this.file), { persistent: false }, (kind, name) => {
        const n = name?.toString();
        if (n !== base) {
          // Another log in the directory, or a copy being written: nothing to read.
          if (n && (parseRotatedName(n).base !== live || kind !== 'rename')) return;
          this.checkCopies = true; // a rotated copy appeared, moved or went
        }
        this.kick();
      });
      this.watcher.on('error', () => this.unwatch());
    } catch {
      // no notifications here (inotify limit, some network file systems): polling alone
    }
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Polls now, or once more right after the poll running now. */
  private kick(): void {
    if (this.closed) return;
    if (this.busy) this.again = true;
    else void this.poll();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.unwatch();
    this.capture?.close();
    this.capture = undefined;
  }

  /** How far the reading thread has read the file (0 without one); tests wait on it. */
  get captured(): number {
    return this.capture?.captured ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    await this.busy;
    const fd = this.fd;
    this.fd = -1;
    // Closed before returning: a late close could hit a descriptor number opened meanwhile.
    if (fd >= 0) fs.closeSync(fd);
  }

  /** One check: read what was appended and handle a rotation. Never runs twice at once. */
  poll(): Promise<void> {
    if (!this.busy) {
      this.busy = (async () => {
        for (;;) {
          this.again = false;
          await this.pollOnce();
          this.polls++;
          if (!this.again || this.closed) break;
          await new Promise((r) => setImmediate(r)); // let notifications and other work in
        }
      })().finally(() => (this.busy = undefined));
    }
    return this.busy;
  }

  private async pollOnce(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.fd < 0) {
        try {
          await this.open();
          this.pos = 0;
          this.sig = this.head = Buffer.alloc(0);
          this.capture?.switchTo(this.id);
        } catch (e) {
          this.ev.problem?.(e as NodeJS.ErrnoException);
          return;
        }
      }
      // Names in the directory changed (a copy may have appeared): its mtime says so, cheaply.
      const dir = p.stat(path.dirname(this.file)).mtimeMs;
      if (dir !== this.dirTime) this.checkCopies = true;
      this.dirTime = dir;
      const st = p.fstat(this.fd);
      if (st.size < this.pos) await this.truncated();
      else if (this.checkCopies && (await this.copiedThenTruncated())) await this.truncated();
      if (!this.readNew(this.fd)) await this.truncated(); // the bytes before our position changed
      let now: fs.Stats;
      try {
        now = p.stat(this.file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.ev.problem?.(e as NodeJS.ErrnoException);
        return; // renamed and not created yet: keep reading the old file
      }
      // A new file at the path: switch once it has bytes (until then the writer may still be
      // writing to the old one, which it keeps open until told to reopen).
      if (idOf(now) !== this.id && now.size > 0) await this.renamed();
    } catch (e) {
      this.ev.problem?.(e as NodeJS.ErrnoException);
    }
  }

  private bytesAt(fd: number, pos: number, len: number): Buffer {
    const b = Buffer.allocUnsafe(len);
    return b.subarray(0, len ? p.read(fd, b, len, pos) : 0);
  }

  /**
   * Was the file copied then truncated before we looked? A new rotated copy that starts as our
   * file started is a copy of it; if the file is now smaller than that copy, or starts otherwise,
   * it was truncated in between. A copy being written, or logrotate's `copy`, stays undecided.
   */
  private async copiedThenTruncated(): Promise<boolean> {
    this.checkCopies = false;
    for (const c of copiesOf(this.file)) {
      if (this.known.has(c.id)) continue;
      if (c.id === this.id) {
        this.known.add(c.id); // our own file under its rotated name: a rename, seen at the path
        continue;
      }
      let h: Buffer;
      try {
        h = await copyHead(c, HEAD);
      } catch {
        continue;
      }
      const n = Math.min(h.length, this.head.length);
      if (n === 0) continue; // nothing to compare yet
      if (!h.subarray(0, n).equals(this.head.subarray(0, n))) {
        this.known.add(c.id); // a copy of something else (an older generation compressed late)
        continue;
      }
      try {
        // The copy's size first, then ours: a file never smaller than its copy unless it shrank.
        if (!c.gz && fs.statSync(c.path).size > p.fstat(this.fd).size) return true;
      } catch {
        // gone (compressed meanwhile): the start of the file decides
      }
      if (!this.bytesAt(this.fd, 0, n).equals(this.head.subarray(0, n))) return true;
    }
    return false;
  }

  /**
   * Reads complete lines after pos. False when the bytes before pos are not what we read. Stops
   * after SLICE bytes and asks for another poll, so a long backlog does not hold the thread.
   */
  private readNew(fd: number): boolean {
    for (let done = 0; ; ) {
      if (done >= SLICE) {
        this.again = true;
        return true;
      }
      const from = this.pos - this.sig.length;
      const n = p.read(fd, this.buf, this.buf.length, from);
      if (n < this.sig.length || (this.sig.length && this.buf.compare(this.sig, 0, this.sig.length, 0, this.sig.length) !== 0)) return false;
      this.keepHead(from, n);
      // (Only within what was read: lastIndexOf(10, -1) would search the whole stale buffer.)
      let last = n > this.sig.length ? this.buf.lastIndexOf(10, n - 1) : -1;
      if (last < this.sig.length) {
        if (n < this.buf.length) return true; // the rest of the line is not written yet
        if (this.buf.length - SIG < MAX_LINE) {
          this.buf = Buffer.allocUnsafe(Math.min(this.buf.length * 2, MAX_LINE + SIG)); // a long line
          continue;
        }
        last = n - 1; // longer than MAX_LINE: handed over in pieces, as the indexer does
      }
      this.ev.lines(this.buf, this.sig.length, last + 1, this.pos, this.gen);
      done += from + last + 1 - this.pos;
      this.pos = from + last + 1;
      this.sig = Buffer.from(this.buf.subarray(Math.max(0, last + 1 - SIG), last + 1));
      if (this.buf.length > CHUNK + SIG) this.buf = Buffer.allocUnsafe(CHUNK + SIG);
      if (n < this.buf.length) return true;
    }
  }

  /** Remembers the first HEAD bytes of the file as reads pass over them. */
  private keepHead(from: number, n: number): void {
    const have = this.head.length;
    if (have >= HEAD || from > have || from + n <= have) return;
    this.head = Buffer.concat([this.head, this.buf.subarray(have - from, Math.min(n, HEAD - from))]);
  }

  private newGeneration(fd: number, id: string, also: string[] = []): void {
    if (id !== this.id) this.capture?.switchTo(id);
    this.fd = fd;
    this.id = id;
    this.pos = 0;
    this.sig = this.head = Buffer.alloc(0);
    this.known = new Set([...copiesOf(this.file).map((c) => c.id), ...also]);
  }

  private async renamed(): Promise<void> {
    // Finish the old file (the writer may have added lines after our last read), then switch.
    if (!this.readNew(this.fd)) await this.truncated();
    const oldFd = this.fd;
    const oldId = this.id;
    const newFd = p.open(this.file);
    const st = p.fstat(newFd);
    this.gen++;
    this.ev.rotated?.('rename', { oldFd: this.opts.keepOldFd ? oldFd : undefined, gen: this.gen });
    if (!this.opts.keepOldFd) fs.closeSync(oldFd);
    this.newGeneration(newFd, idOf(st), [oldId]);
    if (!this.readNew(this.fd)) await this.truncated();
  }

  private async truncated(): Promise<void> {
    // copytruncate: the rest of what we had not read is in the newest copy of this file. New copies
    // are tried first; the list is read again when a plain copy vanished (gzip replaced it).
    let copyPath: string | undefined;
    // Where the lines delivered end, and the bytes just before (to join what the thread read).
    let end = this.pos;
    let before = this.sig;
    const deliver = (buf: Buffer, from: number, to: number, offset: number) => {
      this.ev.lines(buf, from, to, offset, this.gen);
      end = offset + to - from;
      before = Buffer.concat([before, buf.subarray(Math.max(from, to - SIG), to)]);
      before = before.subarray(Math.max(0, before.length - SIG));
    };
    for (let attempt = 0; attempt < 2 && !copyPath; attempt++) {
      let vanished = false;
      const all = copiesOf(this.file);
      const order = [...all.filter((c) => !this.known.has(c.id)), ...all.filter((c) => this.known.has(c.id))];
      for (const c of order) {
        if (c.id === this.id) continue;
        try {
          const r = await recoverFromCopy(c, this.pos, this.head, this.sig, deliver);
          if (r === 'recovered') {
            copyPath = c.path;
            break;
          }
        } catch {
          vanished = true;
        }
      }
      if (!vanished) break;
    }
    // Lines written after the copy ended and gone with the truncation: the thread may have them.
    const rest = await this.capture?.take(end, before);
    const last = rest ? rest.lastIndexOf(10) : -1;
    if (rest && last >= 0) this.ev.lines(rest, 0, last + 1, end, this.gen);
    this.gen++;
    this.ev.rotated?.('truncate', { copyPath, lost: !copyPath && !rest && this.pos > 0, gen: this.gen });
    this.newGeneration(this.fd, this.id);
    this.readNew(this.fd);
  }
}
