import type { CancellationToken } from 'vscode-languageserver';

/**
 * Runs a request handler so that nothing escapes: a cancelled request or an exception gives
 * the empty result, and the exception is logged once with the request's name.
 */
export function runSafe<T>(
  log: (message: string) => void,
  name: string,
  empty: T,
  token: CancellationToken | undefined,
  fn: () => T,
): T {
  if (token?.isCancellationRequested) return empty;
  try {
    const result = fn();
    return token?.isCancellationRequested ? empty : result;
  } catch (e) {
    const err = e as Error;
    log(`${name} failed: ${err?.stack ?? String(e)}`);
    return empty;
  }
}
