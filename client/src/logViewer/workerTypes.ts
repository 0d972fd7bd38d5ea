import type { FilterSpec, IndexState, LogEncoding, LogStats } from '../../../server/src/logs/engine';

/** What a worker is asked to do (passed as workerData). */
export type WorkerJob =
  | { kind: 'index'; file: string; step?: number }
  | {
      kind: 'filter';
      files: string[];
      spec: FilterSpec;
      encoding: LogEncoding;
      baseYears: number[];
      /** VS Code's own ripgrep, when found: searches run through it when the filter means the same to it. */
      rg?: string;
      /** Only this byte range of the (single) file, whose first line has number lineBase (follow mode). */
      range?: { start: number; end: number; lineBase: number };
    }
  | { kind: 'stats'; files: string[]; baseYears: number[]; /** the file's dominant format (times not in syslog form) */ format?: string };

/** What a worker posts back. */
export type WorkerReply =
  | { kind: 'index'; state: IndexState; done: boolean }
  | { kind: 'matches'; lines: Uint32Array; total: number; scanned: number }
  | { kind: 'filterDone'; total: number; stored: number; scanned: number }
  | { kind: 'stats'; stats: LogStats }
  | { kind: 'progress'; done: number; total: number }
  /** A child process (rg) the host kills when it ends the worker early. */
  | { kind: 'child'; pid: number; running: boolean }
  | { kind: 'error'; message: string; code?: string };
