// Types for scripts/testSummary.mjs, so that the unit tests can import it.
export const TIERS: string[];
export function parseOnly(argv: string[]): string[];
export function mochaCounts(out: string, code: number): { passed: number; failed: number; pending: number };
export function isCI(env: Record<string, string | undefined>): boolean;
export function verdict(c: { passed: number; failed: number; pending: number }, ci: boolean): { line: string; code: number };
