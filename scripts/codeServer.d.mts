// Types for scripts/codeServer.mjs, so that the TypeScript e2e harness can import it.
import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
export const CACHE: string;
export const CODE_SERVER_VERSION: string;
export const CODE_SERVER_DIR: string;
export const CODE_SERVER_ENTRY: string;
export const APT_PACKAGES: string[];
export function ensureCodeServer(): { entry: string; installed: boolean };
export function stateDirs(stateDir: string): { extensions: string; data: string; config: string; xdg: string };
export function installVsix(vsix: string, stateDir: string): void;
export function freePort(): Promise<number>;
export interface CodeServer {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}
export function startCodeServer(o: {
  port: number;
  stateDir: string;
  folder?: string;
  locale?: string;
  env?: Record<string, string>;
  stdio?: 'inherit' | 'pipe';
  timeoutMs?: number;
}): Promise<CodeServer>;
export function packageVersion(): string;
