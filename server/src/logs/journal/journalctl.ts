/**
 * Running the host's own journalctl: the journal's binary format is never read here. Each run
 * streams `-o json` entries to a callback, can stop after N entries (the process is killed), and
 * every process started is tracked so that a closing viewer stops all of its journalctl runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One journal entry as journalctl's JSON output gives it (binary fields decoded as UTF-8). */
export type JournalEntry = Record<string, string | undefined> & { __CURSOR: string; __REALTIME_TIMESTAMP: string };

/** A journalctl problem as one sentence a user can act on. */
export class JournalError extends Error {
  constructor(
    message: string,
    readonly kind: 'missing' | 'failed' | 'access',
  ) {
    super(message);
  }
}

/** An executable on the PATH or in the usual places; undefined when absent. */
function onPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/bin', '/bin'];
  for (const d of dirs) {
    const p = path.join(d, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Where journalctl is: $LINUX_ADMIN_JOURNALCTL, else the PATH, else the usual places; undefined when absent. */
export function findJournalctl(): string | undefined {
  const env = process.env.LINUX_ADMIN_JOURNALCTL;
  if (env) return fs.existsSync(env) ? env : undefined;
  return onPath('journalctl');
}

let stdbuf: string | null | undefined;
/** coreutils' stdbuf, which sets journalctl's output buffer (a pipe gets 4 KB writes otherwise). */
function findStdbuf(): string | undefined {
  if (stdbuf === undefined) stdbuf = onPath('stdbuf') ?? null;
  return stdbuf ?? undefined;
}

export const NO_JOURNALCTL = 'journalctl was not found on this host. The journal is read through the host\'s own journalctl, which comes with systemd (Debian/Ubuntu: package "systemd"; RHEL family: "systemd").';

export const ACCESS_HINT =
  'journalctl shows only your own entries: the system\'s entries need the group systemd-journal (or adm on Debian/Ubuntu, wheel on some RHEL-family systems). Add yourself with "sudo usermod -aG systemd-journal $USER", then log in again.';

/** Turns what journalctl wrote on stderr into the notices a user should see (access first). */
export function stderrNotices(stderr: string): { access: boolean; messages: string[] } {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const access = lines.some((l) => /not seeing messages from other users|insufficient permissions|Permission denied/i.test(l));
  // The hint's continuation lines and the "-q" advice mean nothing in an editor.
  const messages = lines.filter((l) => !/^(Hint:|Users in groups|Pass -q|Users in the groups)/.test(l));
  return { access, messages };
}

/** Every journalctl process currently running, by owner, so each can be stopped. */
const running = new Map<object, Set<ChildProcess>>();

/** Stops every journalctl run started for `owner` (a viewer, a CLI run). */
export function stopAll(owner: object): void {
  for (const p of running.get(owner) ?? []) p.kill('SIGKILL');
  running.delete(owner);
}

/** How many journalctl processes `owner` has running now. */
export function runningCount(owner: object): number {
  return running.get(owner)?.size ?? 0;
}

export interface RunOptions {
  owner?: object;
  /** Stop after this many entries (the process is killed; that is not an error). */
  limit?: number;
  /** Called per entry; return false to stop early. */
  onEntry?: (e: JournalEntry) => boolean | void;
  /** Raw stdout bytes, as they come (return false to stop; a promise holds journalctl's output until it settles). */
  onData?: (chunk: Buffer) => boolean | void | Promise<void>;
  /** Raw stdout lines instead (for -F, --list-boots, --dump-catalog). */
  onLine?: (line: string) => void;
  journalctl?: string;
  /**
   * journalctl's output buffer in bytes, for long runs: fewer, larger writes cost both sides less
   * (through stdbuf, when the host has it); what matches comes out in such blocks.
   */
  outputBuffer?: number;
}

export interface RunResult {
  entries: number;
  /** journalctl's exit code; null when it was stopped (limit reached, early stop, stopAll). */
  code: number | null;
  stopped: boolean;
  stderr: string;
}

/** Decodes a field: journalctl gives binary values as arrays of bytes, and null for ones too big to show. */
function fieldText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return Buffer.from(v.filter((x) => typeof x === 'number') as number[]).toString('utf8');
  return undefined;
}

export function parseEntry(line: string): JournalEntry | undefined {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null) return undefined;
  const e: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(o)) e[k] = fieldText(v);
  return typeof e.__CURSOR === 'string' ? (e as JournalEntry) : undefined;
}

/**
 * Runs journalctl with `args` (add `-o json` for entries). Resolves when it exits or was stopped;
 * rejects with a JournalError when journalctl is missing or failed without output.
 */
export function runJournalctl(args: string[], opts: RunOptions = {}): Promise<RunResult> & { process?: ChildProcess } {
  const bin = opts.journalctl ?? findJournalctl();
  if (!bin) return Promise.reject(new JournalError(NO_JOURNALCTL, 'missing'));
  const owner = opts.owner ?? running;
  // stdbuf runs journalctl in its own place (exec): the process is journalctl's, to stop as such.
  const wrap = opts.outputBuffer ? findStdbuf() : undefined;
  const argv = ['--no-pager', ...args];
  const child = spawn(wrap ?? bin, wrap ? ['-o', String(opts.outputBuffer), bin, ...argv] : argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '', LC_ALL: 'C.UTF-8' } });
  let set = running.get(owner);
  if (!set) running.set(owner, (set = new Set()));
  set.add(child);
  let entries = 0;
  let stopped = false;
  let stderr = '';
  let rest = '';
  const stop = () => {
    if (!stopped) {
      stopped = true;
      child.kill('SIGKILL');
    }
  };
  if (opts.limit === 0) stop();
  if (opts.onData) {
    const onData = opts.onData;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped) return;
      const r = onData(chunk);
      if (r === false) stop();
      else if (r instanceof Promise) {
        // journalctl waits on a full pipe meanwhile: held, not buffered here.
        child.stdout.pause();
        void r.finally(() => child.stdout.resume());
      }
    });
    // A process stopped while held: read what is left so that it can close.
    child.on('exit', () => child.stdout.resume());
  } else child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (stopped || opts.onData) return;
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      if (stopped) return;
      if (opts.onLine) {
        opts.onLine(line);
        continue;
      }
      const e = parseEntry(line);
      if (!e) continue;
      entries++;
      if (opts.onEntry?.(e) === false || (opts.limit !== undefined && entries >= opts.limit)) stop();
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => {
    if (stderr.length < 64 * 1024) stderr += c;
  });
  const p = new Promise<RunResult>((resolve, reject) => {
    child.on('error', (e) => {
      set!.delete(child);
      reject(new JournalError((e as NodeJS.ErrnoException).code === 'ENOENT' ? NO_JOURNALCTL : `journalctl: ${e.message}`, 'missing'));
    });
    child.on('close', (code, signal) => {
      set!.delete(child);
      if (set!.size === 0 && running.get(owner) === set) running.delete(owner);
      if (!stopped && rest && opts.onLine) opts.onLine(rest);
      const wasStopped = stopped || signal !== null;
      const { access, messages } = stderrNotices(stderr);
      // journalctl -g that finds nothing exits 1 without a word: that is an empty result, not a failure.
      if (!wasStopped && code !== 0 && entries === 0 && (messages.length || access)) {
        const msg = messages.join(' ') || `journalctl exited with code ${code}`;
        return reject(new JournalError(access ? `${msg} ${ACCESS_HINT}` : `journalctl: ${msg}`, access ? 'access' : 'failed'));
      }
      resolve({ entries, code: wasStopped ? null : code, stopped: wasStopped, stderr });
    });
  });
  return Object.assign(p, { process: child });
}
