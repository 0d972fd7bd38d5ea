import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the absolute paths written in a configuration are found. A workspace often holds a copy of
 * a system tree (an etckeeper checkout, the demo, an Ansible role's files): `/etc/logrotate.d` in
 * `<copy>/etc/logrotate.conf` means `<copy>/etc/logrotate.d`. One resolver answers for every
 * language (links, definitions, logrotate's includes), in the spirit of the CSS language service's
 * `DocumentContext.resolveReference`.
 */
export interface PathResolver {
  /**
   * The file-system path that `written` (absolute, or relative to the configuration's directory)
   * names for the configuration at `fromUri`: inside the copy of a system tree first, where it
   * exists there, else on this machine.
   */
  resolve(written: string, fromUri: string): string;
  /** Every path `written` may name, best first (a definition looks through them in turn). */
  candidates(written: string, fromUri: string): string[];
}

/** A file: URI as a path, or undefined for other schemes. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOfPath(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * The root of the system tree a configuration file lives in: the folder holding the `etc/` that
 * contains it (`/srv/copy` for `/srv/copy/etc/rsyslog.conf`, '' for `/etc/rsyslog.conf`; likewise
 * for `usr/lib/` and `run/`), or undefined for a file outside any of them.
 */
export function treeRootOf(file: string): string | undefined {
  for (const marker of ['/etc/', '/usr/lib/', '/run/']) {
    const at = file.lastIndexOf(marker);
    if (at >= 0) return file.slice(0, at);
  }
  return undefined;
}

function dirOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at <= 0 ? '/' : file.slice(0, at);
}

/** Collapses `.`, `..` and repeated slashes of an absolute path (no file-system access). */
export function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/**
 * The paths `written` may name, best first: inside the configured system root, inside the tree the
 * configuration lives in, inside workspace folders that hold `etc/`, then on this machine.
 */
export function candidates(written: string, fromFile: string | undefined, roots: readonly string[] = []): string[] {
  if (!written.startsWith('/')) return [normalize(`${fromFile ? dirOf(fromFile) : '/'}/${written}`)];
  const out: string[] = [];
  const add = (root: string | undefined) => {
    if (root === undefined) return;
    const p = normalize(root + written);
    if (!out.includes(p)) out.push(p);
  };
  for (const r of roots) add(r);
  add(fromFile ? treeRootOf(fromFile) : undefined);
  add('');
  return out;
}

/**
 * A pure resolver: maps into the tree the configuration lives in, without looking at the disk.
 * Used where no file system is at hand (unit tests, the workspace index's matching).
 */
export const treeResolver: PathResolver = {
  resolve(written, fromUri) {
    return candidates(written, pathOfUri(fromUri))[0];
  },
  candidates: (written, fromUri) => candidates(written, pathOfUri(fromUri)),
};

/** A glob's folder before its first wildcard (`/etc/rsyslog.d` for `/etc/rsyslog.d/*.conf`); a plain path as is. */
export function staticPart(p: string): string {
  const w = p.search(/[*?[]/);
  if (w < 0) return p;
  const slash = p.lastIndexOf('/', w);
  return slash <= 0 ? '/' : p.slice(0, slash);
}

/**
 * The resolver of a running server: `roots` are the configured `systemRoot` and the workspace folders
 * that hold `etc/`; the first candidate that exists wins, else the one inside the configuration's tree.
 */
export function diskResolver(roots: () => readonly string[], exists: (p: string) => boolean): PathResolver {
  return {
    resolve(written, fromUri) {
      const from = pathOfUri(fromUri);
      const list = candidates(written, from, roots());
      for (const c of list) if (exists(staticPart(c))) return c;
      return list[0];
    },
    candidates: (written, fromUri) => candidates(written, pathOfUri(fromUri), roots()),
  };
}
