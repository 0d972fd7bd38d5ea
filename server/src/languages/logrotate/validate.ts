import type { Range } from 'vscode-languageserver-types';
import { lineRange } from '../common/text';
import type { Finding, LanguageContext } from '../common/types';
import { workspaceMemo } from '../common/workspaceMemo';
import { checkArguments } from './args';
import { CATALOG } from './catalog';
import type { LrBlock, LrDocument, LrTree, Word } from './tree';
import { ArgType } from './info';
import { checkScope } from './scope';


/** Matches a shell glob (`*`, `?`, `[…]`) against a path without backtracking blow-ups. */
export function globMatch(pattern: string, path: string): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < path.length) {
    const pc = pattern[p];
    if (pc === '*' && path[s] !== '/') {
      starP = p++;
      starS = s;
      continue;
    }
    if (pc === '?' && path[s] !== '/') {
      p++;
      s++;
      continue;
    }
    if (pc === '[') {
      const close = pattern.indexOf(']', p + 2);
      if (close !== -1) {
        let set = pattern.slice(p + 1, close);
        const neg = set[0] === '!' || set[0] === '^';
        if (neg) set = set.slice(1);
        let hit = false;
        for (let i = 0; i < set.length; i++) {
          if (set[i + 1] === '-' && i + 2 < set.length) {
            if (path[s] >= set[i] && path[s] <= set[i + 2]) hit = true;
            i += 2;
          } else if (set[i] === path[s]) hit = true;
        }
        if (hit !== neg) {
          p = close + 1;
          s++;
          continue;
        }
      }
    } else if (pc !== undefined && pc === path[s]) {
      p++;
      s++;
      continue;
    }
    if (starP !== -1 && path[starS] !== '/') {
      p = starP + 1;
      s = ++starS;
      continue;
    }
    return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Line of the first global `ignoreduplicates`; definitions after it may repeat paths. */
function ignoreDuplicatesFrom(tree: LrTree): number {
  for (const it of tree.items) if (it.type === 'directive' && it.name === 'ignoreduplicates') return it.line;
  return Infinity;
}

function fileLabel(uri: string): string {
  const i = uri.lastIndexOf('/');
  return decodeURIComponent(i === -1 ? uri : uri.slice(i + 1));
}

function wordRange(w: Word): Range {
  return lineRange(w.line, w.start, w.end);
}

/** Results of `scanPath`: facts about the path last scanned, read in one pass over it. */
let scanHash = 0;
/** Index of the first wildcard, or -1. */
let scanGlob = -1;
/** Hash and length of the directory part the path is indexed or looked up under, or -1 for none. */
let scanDirHash = 0;
let scanDirLen = -1;

/** Mixes a hash's bits for a table slot. */
function mix(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ (h >>> 13);
}

/**
 * Reads a path once: its hash, its first wildcard, and the directory part it belongs under.
 * A plain path's directory is everything up to its last `/`; a glob's is everything up to the
 * last `/` before its first wildcard, and it has none when a `/` follows the wildcard
 * (wildcards in directory names are not compared).
 */
function scanPath(s: string): void {
  let h = 0;
  let dirHash = 0;
  let dirLen = 0;
  let glob = -1;
  let globDirHash = 0;
  let globDirLen = 0;
  let slashAfterGlob = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = (Math.imul(h, 31) + c) | 0;
    if (c === 47 /* / */) {
      dirHash = h;
      dirLen = i + 1;
      if (glob !== -1) slashAfterGlob = true;
    } else if (glob === -1 && (c === 42 || c === 63 || c === 91) /* * ? [ */) {
      glob = i;
      globDirHash = dirHash;
      globDirLen = dirLen;
    }
  }
  scanHash = h;
  scanGlob = glob;
  if (glob === -1) {
    scanDirHash = dirHash;
    scanDirLen = dirLen;
  } else if (slashAfterGlob) {
    scanDirLen = -1;
  } else {
    scanDirHash = globDirHash;
    scanDirLen = globDirLen;
  }
}

/** True when `a` and `b` start with the same `len` characters. */
function samePrefix(a: string, b: string, len: number): boolean {
  if (a.length < len || b.length < len) return false;
  for (let i = len - 1; i >= 0; i--) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/**
 * Log paths by exact text, and globs by the directory their literal part names, so that each
 * lookup costs a few probes instead of a scan of every definition in the workspace. Entries
 * are numbered and kept in parallel arrays (globs of one directory chained through `next`);
 * both tables are open-addressing hash tables of entry numbers, keyed by hashes `scanPath`
 * computes, so that indexing a large file allocates no object per path.
 */
class PathIndex {
  private count = 0;
  private readonly uris: string[] = [];
  private readonly words: Word[] = [];
  private readonly blocks: (LrBlock | undefined)[] = [];
  /**
   * Five numbers per entry: the path's hash, the next glob in the same directory (-1 at the
   * end), the directory's hash and length, and (for the first glob of a directory) the last one.
   */
  private meta: Int32Array;
  /** Exact text → first entry with it (slot holds entry + 1). */
  private exact: Int32Array;
  private exactUsed = 0;
  /** Directory → first glob in it (slot holds entry + 1). */
  private dirs: Int32Array = new Int32Array(64);
  private dirsUsed = 0;
  /** Later entries with the same text as an earlier one, by the first (only read when skipping a file). */
  private readonly sameText = new Map<number, number[]>();
  /** The match of the last successful `find`. */
  foundUri = '';
  foundWord: Word | undefined;

  /** `uri`: the document of every entry, when they all come from one; `capacity`: the expected number of entries. */
  constructor(
    private readonly uri: string | undefined,
    capacity: number,
  ) {
    this.meta = new Int32Array(Math.max(16, capacity) * 5);
    let size = 64;
    while (size < capacity * 2) size *= 2;
    this.exact = new Int32Array(size);
  }

  /** Adds the path last given to scanPath. */
  add(uri: string, word: Word, block: LrBlock | undefined): void {
    const path = word.text;
    const i = this.count++;
    if (this.uri === undefined) this.uris.push(uri);
    this.words.push(word);
    this.blocks.push(block);
    if ((i + 1) * 5 > this.meta.length) {
      const bigger = new Int32Array(this.meta.length * 2);
      bigger.set(this.meta);
      this.meta = bigger;
    }
    const meta = this.meta;
    const m = i * 5;
    meta[m] = scanHash;
    meta[m + 1] = -1;
    meta[m + 2] = scanDirHash;
    meta[m + 3] = scanDirLen;
    meta[m + 4] = -1;
    const had = this.exactSlot(path, scanHash);
    if (had < 0) {
      if ((this.exactUsed + 1) * 2 > this.exact.length) this.exact = this.rehash(this.exact, 0);
      this.exact[-this.exactSlot(path, scanHash) - 1] = i + 1;
      this.exactUsed++;
    } else {
      const first = this.exact[had] - 1;
      const later = this.sameText.get(first);
      if (later) later.push(i);
      else this.sameText.set(first, [i]);
    }
    if (scanGlob !== -1 && scanDirLen !== -1) {
      const slot = this.dirSlot(path, scanDirHash, scanDirLen);
      if (slot >= 0) {
        const first = this.dirs[slot] - 1;
        meta[meta[first * 5 + 4] * 5 + 1] = i;
        meta[first * 5 + 4] = i;
      } else {
        if ((this.dirsUsed + 1) * 2 > this.dirs.length) this.dirs = this.rehash(this.dirs, 2);
        this.dirs[-this.dirSlot(path, scanDirHash, scanDirLen) - 1] = i + 1;
        this.dirsUsed++;
        meta[m + 4] = i;
      }
    }
  }

  /** The slot holding `path`, or -(free slot + 1). */
  private exactSlot(path: string, h: number): number {
    const t = this.exact;
    const mask = t.length - 1;
    for (let s = mix(h) & mask; ; s = (s + 1) & mask) {
      const k = t[s];
      if (k === 0) return -s - 1;
      if (this.meta[(k - 1) * 5] === h && this.words[k - 1].text === path) return s;
    }
  }

  /** The slot holding the first glob under the directory `path` starts with (`len` characters, hash `h`), or -(free slot + 1). */
  private dirSlot(path: string, h: number, len: number): number {
    const t = this.dirs;
    const mask = t.length - 1;
    for (let s = mix(h) & mask; ; s = (s + 1) & mask) {
      const k = t[s];
      if (k === 0) return -s - 1;
      const m = (k - 1) * 5;
      if (this.meta[m + 2] === h && this.meta[m + 3] === len && samePrefix(this.words[k - 1].text, path, len)) return s;
    }
  }

  /** A table twice the size with the same entries (keyed by the entries' `meta` number `key`). */
  private rehash(old: Int32Array, key: number): Int32Array {
    const t = new Int32Array(old.length * 2);
    const mask = t.length - 1;
    for (let j = 0; j < old.length; j++) {
      const k = old[j];
      if (k === 0) continue;
      let s = mix(this.meta[(k - 1) * 5 + key]) & mask;
      while (t[s] !== 0) s = (s + 1) & mask;
      t[s] = k;
    }
    return t;
  }

  /**
   * The first path that names the same file as the path last given to scanPath: the same text,
   * or a glob matching an existing plain path. Returns true and sets `foundUri` and `foundWord`
   * when there is one.
   */
  find(path: string, ctx: LanguageContext, skip?: LrBlock, skipUri?: string): boolean {
    if (this.count === 0) return false;
    const slot = this.exactSlot(path, scanHash);
    if (slot >= 0) {
      const same = this.exact[slot] - 1;
      if (skipUri === undefined) {
        if (skip === undefined || this.blocks[same] !== skip) return this.found(same);
      } else {
        if (this.uriOf(same) !== skipUri) return this.found(same);
        for (const i of this.sameText.get(same) ?? []) if (this.uriOf(i) !== skipUri) return this.found(i);
      }
    }
    if (!ctx.host || this.dirsUsed === 0 || scanGlob !== -1) return false;
    // A glob and a plain path overlap only when that file exists (logrotate compares expanded
    // names). Globs are looked up by the plain path's directory: wildcards in directory names
    // (`/var/log/*/x.log`) are not compared.
    const d = this.dirSlot(path, scanDirHash, scanDirLen);
    if (d < 0) return false;
    for (let g = this.dirs[d] - 1; g !== -1; g = this.meta[g * 5 + 1]) {
      if ((skip === undefined || this.blocks[g] !== skip) && (skipUri === undefined || this.uriOf(g) !== skipUri) && globMatch(this.words[g].text, path) && ctx.host.exists(path) === true) return this.found(g);
    }
    return false;
  }
  private uriOf(i: number): string {
    return this.uri ?? this.uris[i];
  }
  private found(i: number): boolean {
    this.foundUri = this.uriOf(i);
    this.foundWord = this.words[i];
    return true;
  }
}

/** The same log path in two definitions, in this file or anywhere in the workspace. */
function checkDuplicates(doc: LrDocument, ctx: LanguageContext, out: Finding[]) {
  const tree = doc.tree;
  const ignoreFrom = ignoreDuplicatesFrom(tree);
  let pathCount = 0;
  for (const b of tree.blocks) pathCount += b.paths.length;
  const seen = new PathIndex(ctx.uri, pathCount);
  // Every file's paths, indexed once per workspace generation and shared by the checks of every
  // file (linear, not quadratic, in the number of files); this file's saved copy is skipped.
  const others = workspaceMemo(ctx.workspace, 'logrotate/paths', () => {
    const all = new PathIndex(undefined, 0);
    for (const o of ctx.workspace.documents('logrotate')) {
      const t = o.parsed.tree as LrTree | undefined;
      if (!t || !Array.isArray(t.blocks)) continue;
      for (const b of t.blocks) {
        for (const w of b.paths) {
          scanPath(w.text);
          all.add(o.uri, w, undefined);
        }
      }
    }
    return all;
  });
  for (const b of tree.blocks) {
    const ignore = b.line > ignoreFrom;
    for (const w of b.paths) {
      // scanPath's results serve the lookups and the add below.
      scanPath(w.text);
      if (!ignore) {
        if (seen.find(w.text, ctx, b)) {
          const prev = seen.foundWord as Word;
          out.push({
            code: 'logrotate/duplicate-path',
            range: wordRange(w),
            args: { path: w.text, where: { en: `line ${prev.line + 1}`, ja: `${prev.line + 1} 行目` } },
            related: [{ uri: ctx.uri, range: wordRange(prev), message: { en: 'first definition', ja: '最初の定義' } }],
          });
        } else if (others.find(w.text, ctx, undefined, ctx.uri)) {
          const other = others.foundWord as Word;
          out.push({
            code: 'logrotate/duplicate-path',
            range: wordRange(w),
            args: { path: w.text, where: `${fileLabel(others.foundUri)}:${other.line + 1}` },
            related: [{ uri: others.foundUri, range: wordRange(other), message: { en: 'other definition', ja: 'もう一方の定義' } }],
          });
        }
      }
      seen.add(ctx.uri, w, b);
      if (w.quoted && !w.text.startsWith('/') && !w.text.startsWith('~')) {
        out.push({ code: 'logrotate/relative-path', range: wordRange(w), args: { path: w.text } });
      }
    }
  }
}

/** The checks of one scope: the global section, or the directives of one definition. */
function checkItems(items: LrTree['items'], inBlock: boolean, ctx: LanguageContext, out: Finding[]): void {
  const host = ctx.host;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.type === 'block') continue;
    if (it.type === 'script') {
      if (!inBlock && CATALOG.get(it.name)) out.push({ code: 'logrotate/script-outside-block', range: it.nameRange, args: { name: it.name } });
      continue;
    }
    const info = it.info;
    if (inBlock && info.globalOnly) {
      out.push({ code: 'logrotate/global-only', range: it.nameRange, args: { name: it.name } });
    }
    if (info.isDeprecated) {
      out.push({ code: 'logrotate/deprecated', range: it.nameRange, args: { name: it.name, note: info.deprecatedNote ?? { en: '', ja: '' } }, tags: ['deprecated'] });
    }
    checkArguments(it, it.entry, host, out);
    if (info.argType === ArgType.Include && it.args.length === 1 && it.argText.startsWith('/') && host?.exists(it.argText) === false) {
      out.push({ code: 'logrotate/include-missing', range: it.argRange, args: { path: it.argText } });
    }
  }
  checkScope(items, out);
}

/** Semantic checks of a parsed logrotate file. */
export function validateLogrotate(doc: LrDocument, ctx: LanguageContext): Finding[] {
  const out: Finding[] = [];
  checkItems(doc.tree.items, false, ctx, out);
  const blocks = doc.tree.blocks;
  for (let k = 0; k < blocks.length; k++) checkItems(blocks[k].items, true, ctx, out);
  checkDuplicates(doc, ctx, out);
  for (const f of out) if (f.related) for (const r of f.related) if (r.uri === '') r.uri = ctx.uri;
  return out;
}
