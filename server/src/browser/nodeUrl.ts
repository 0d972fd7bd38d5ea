// Stands in for `node:url` in the browser build (scripts/build.mjs aliases it): the language
// modules only turn file: URIs into POSIX paths and back, which needs no Node.

/** The POSIX path of a file: URL; throws for any other scheme, like Node's. */
export function fileURLToPath(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(u.pathname);
}

/** A file: URL for an absolute POSIX path (each segment percent-encoded). */
export function pathToFileURL(path: string): URL {
  const encoded = path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return new URL('file://' + (encoded.startsWith('/') ? encoded : '/' + encoded));
}
