import * as fs from 'node:fs';
import { visiblePieces } from '../logs/engine/display';

const CLI_ERROR = Symbol.for('linux-admin-configs.CliError');

/** An error the CLI reports as one clear line and an exit code, never a stack trace. */
export class CliError extends Error {
  readonly [CLI_ERROR] = true;
  constructor(
    message: string,
    readonly exitCode: number,
    readonly showUsage = false,
  ) {
    super(message);
  }

  /** `instanceof` holds across bundles (check, explain and journal are loaded as bundles of their own). */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CLI_ERROR] === true;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, 2, true);
}

/** A system error as a sentence that names the path and, for permissions, what to do. */
export function describeFsError(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return `${path}: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied (files under /var/log are often readable only by root or the groups adm and systemd-journal: add yourself to one, or use sudo)`;
    case 'ELOOP':
      return `${path}: too many levels of symbolic links (a symlink loop)`;
    case 'EISDIR':
      return `${path}: is a directory`;
    default:
      return `${path}: ${err?.message ?? String(e)}`;
  }
}

/** Splits argv into flags and positionals; `known` maps flags to whether they take a value. */
export function parseArgs(args: string[], known: Record<string, boolean>): { flags: Record<string, string | true>; rest: string[] } {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const [name, inline] = a.split(/=(.*)/s, 2);
      if (!(name in known)) throw usageError(`unknown option '${name}'`);
      if (known[name]) {
        const v = inline ?? args[++i];
        if (v === undefined) throw usageError(`option '${name}' needs a value`);
        flags[name] = v;
      } else flags[name] = true;
    } else rest.push(a);
  }
  return { flags, rest };
}

/** Why a path that is not a regular file (a FIFO, a device, a socket) is skipped. */
export function notRegularMessage(file: string, st: fs.Stats): string {
  const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
  return `${file}: is ${what}, not a regular file; skipped (reading it could block forever)`;
}

/**
 * A clear message when `file` cannot be read as a file (missing, unreadable, a directory, a FIFO
 * or a device such as /dev/zero, which would block or never end), or undefined when it can.
 * Commands check this before they open a path from the command line.
 */
export function fileProblem(file: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return describeFsError(file, e);
  }
  if (st.isDirectory()) return describeFsError(file, { code: 'EISDIR' });
  return st.isFile() ? undefined : notRegularMessage(file, st);
}

/**
 * Text from a file or a log made safe to print on a terminal: escape sequences (which can clear
 * the screen, retitle the window or worse), other control characters and bidirectional
 * overrides are shown as visible markers instead of being obeyed.
 */
export function terminalSafe(text: string): string {
  return visiblePieces(text)
    .map((p) => p.text)
    .join('');
}
