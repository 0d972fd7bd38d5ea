import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where administrators' tools live; sbin is often missing from a normal user's PATH. */
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The absolute path of an installed program, or undefined. */
export function findProgram(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const full = path.join(dir, name);
    try {
      fs.accessSync(full, fs.constants.X_OK);
      if (fs.statSync(full).isFile()) return full;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started at all. */
  spawnError?: string;
}

const MAX_OUTPUT = 1024 * 1024;

/** Process groups of the tools running now (each tool is started as a group leader). */
const running = new Set<number>();

/**
 * Runs a program without a shell, with a timeout after which it is killed (SIGKILL, the whole
 * process group), stdin closed, and output capped at 1 MiB per stream.
 */
export function runProgram(file: string, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; cleanEnv?: boolean } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: opts.cleanEnv ? opts.env : { ...process.env, LC_ALL: 'C', LANG: 'C', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    if (child.pid) running.add(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs ?? 30_000);
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += d.toString('utf8');
    });
    const done = (r: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      resolve(r);
    };
    child.on('error', (e) => done({ code: null, stdout, stderr, timedOut, spawnError: e.message }));
    child.on('close', (code) => done({ code, stdout, stderr, timedOut }));
  });
}

const active = new Set<string>();
let exitHook = false;

/** Removes our temporary folders older than 15 minutes (left by a process that was killed). */
function sweepStale(root: string): void {
  try {
    const uid = process.getuid?.();
    for (const name of fs.readdirSync(root)) {
      if (!name.startsWith('lac-tool-')) continue;
      const full = path.join(root, name);
      const st = fs.statSync(full);
      // As root, the folder may have been handed to the sandbox's user (nobody, 65534).
      if ((uid === undefined || st.uid === uid || (uid === 0 && st.uid === 65534)) && Date.now() - st.mtimeMs > 15 * 60_000 && !active.has(full)) {
        fs.rmSync(full, { recursive: true, force: true });
      }
    }
  } catch {
    // best effort
  }
}

/**
 * Runs `fn` with a fresh private temporary directory that is always removed afterwards (also
 * when the process exits while a tool is running).
 */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  sweepStale(os.tmpdir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-tool-'));
  active.add(dir);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const d of active) fs.rmSync(d, { recursive: true, force: true });
    });
  }
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    active.delete(dir);
  }
}

/** Kills every running tool's process group and removes every temporary folder, at once. */
export function stopAll(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
  for (const d of active) fs.rmSync(d, { recursive: true, force: true });
  active.clear();
}

const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
let signalsHooked = false;

/**
 * For the command line: on Ctrl-C, SIGTERM or SIGHUP, stop the tools and remove the temporary
 * copies, then exit with 128 + the signal's number (130, 143, 129), as a shell would report.
 */
export function cleanUpOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [sig, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(sig as NodeJS.Signals, () => {
      stopAll();
      process.exit(code);
    });
  }
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Shell-like rendering of a command line, for messages. */
export function commandLine(file: string, args: string[]): string {
  return [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Reads a file as UTF-8, or undefined. */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a file, creating its directory, with a mode the tools accept (0644). */
export function writeText(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o644 });
}
