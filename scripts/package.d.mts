// Types for scripts/package.mjs, so that TypeScript tests can import it.
export const ROOT: string;
export const VSIX: string;
export function packageVsix(opts?: { build?: boolean; quiet?: boolean }): string;
export function vsixIsFresh(): boolean;
