import type { Range } from 'vscode-languageserver-types';
import { lineRange } from '../common/text';
import type { Finding, LanguageContext } from '../common/types';
import { checkArguments } from './args';
import { CATALOG } from './catalog';
import type { LrBlock, LrDocument, LrTree, Word } from './parse';
import { checkScope } from './scope';

/** Directives that may not appear inside a definition. */
const GLOBAL_ONLY = new Set(CATALOG.entries.filter((e) => e.kind === 'directive' && !(e.contexts ?? []).includes('block')).map((e) => e.name));

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

const GLOB_CHAR = /[*?[]/;

/** Index of the first wildcard (`*`, `?`, `[`) in a path, or -1. */
function hasGlob(s: string): number {
  return s.search(GLOB_CHAR);
}

function wordRange(w: Word): Range {
  return lineRange(w.line, w.start, w.end);
}

/**
 * Log paths by exact text, and globs by the directory their literal part names, so that each
 * lookup costs a few map probes instead of a scan of every definition in the workspace. Entries
 * are numbered and kept in parallel arrays (globs of one directory chained through `next`), so
 * that indexing a large file allocates no object per path.
 */
class PathIndex {
  private readonly exact = new Map<string, number>();
  /** Directory → the first glob in it; `tail[first]` is the last one, `next[i]` the one after `i`. */
  private readonly globsByDir = new Map<string, number>();
  private readonly uris: string[] = [];
  private readonly words: Word[] = [];
  private readonly blocks: (LrBlock | undefined)[] = [];
  private readonly next: number[] = [];
  private readonly tail: number[] = [];
  /** The match of the last successful `find`. */
  foundUri = '';
  foundWord: Word | undefined;

  add(uri: string, word: Word, block: LrBlock | undefined, glob = hasGlob(word.text)) {
    const path = word.text;
    const i = this.words.length;
    this.uris.push(uri);
    this.words.push(word);
    this.blocks.push(block);
    this.next.push(-1);
    this.tail.push(-1);
    if (!this.exact.has(path)) this.exact.set(path, i);
    if (glob !== -1 && path.indexOf('/', glob) === -1) {
      const dir = path.slice(0, path.lastIndexOf('/', glob) + 1);
      const first = this.globsByDir.get(dir);
      if (first === undefined) {
        this.globsByDir.set(dir, i);
        this.tail[i] = i;
      } else {
        this.next[this.tail[first]] = i;
        this.tail[first] = i;
      }
    }
  }
  /**
   * The first path that names the same file: the same text, or a glob matching an existing plain
   * path. Returns true and sets `foundUri` and `foundWord` when there is one.
   */
  find(path: string, ctx: LanguageContext, skip?: LrBlock, glob = hasGlob(path)): boolean {
    if (this.words.length === 0) return false;
    const same = this.exact.get(path);
    if (same !== undefined && (skip === undefined || this.blocks[same] !== skip)) return this.found(same);
    if (!ctx.host || this.globsByDir.size === 0 || glob !== -1) return false;
    // A glob and a plain path overlap only when that file exists (logrotate compares expanded
    // names). Globs are looked up by the plain path's directory: wildcards in directory names
    // (`/var/log/*/x.log`) are not compared.
    const first = this.globsByDir.get(path.slice(0, path.lastIndexOf('/') + 1));
    for (let g = first ?? -1; g !== -1; g = this.next[g]) {
      if ((skip === undefined || this.blocks[g] !== skip) && globMatch(this.words[g].text, path) && ctx.host.exists(path) === true) return this.found(g);
    }
    return false;
  }
  private found(i: number): boolean {
    this.foundUri = this.uris[i];
    this.foundWord = this.words[i];
    return true;
  }
}

/** The same log path in two definitions, in this file or anywhere in the workspace. */
function checkDuplicates(doc: LrDocument, ctx: LanguageContext, out: Finding[]) {
  const tree = doc.tree;
  const ignoreFrom = ignoreDuplicatesFrom(tree);
  const seen = new PathIndex();
  const others = new PathIndex();
  for (const o of ctx.workspace.documents('logrotate')) {
    if (o.uri === ctx.uri) continue;
    const t = o.parsed.tree as LrTree | undefined;
    if (!t || !Array.isArray(t.blocks)) continue;
    for (const b of t.blocks) for (const w of b.paths) others.add(o.uri, w, undefined);
  }
  for (const b of tree.blocks) {
    const ignore = b.line > ignoreFrom;
    for (const w of b.paths) {
      const glob = hasGlob(w.text);
      if (!ignore) {
        if (seen.find(w.text, ctx, b, glob)) {
          const prev = seen.foundWord as Word;
          out.push({
            code: 'logrotate/duplicate-path',
            range: wordRange(w),
            args: { path: w.text, where: { en: `line ${prev.line + 1}`, ja: `${prev.line + 1} 行目` } },
            related: [{ uri: ctx.uri, range: wordRange(prev), message: { en: 'first definition', ja: '最初の定義' } }],
          });
        } else if (others.find(w.text, ctx, undefined, glob)) {
          const other = others.foundWord as Word;
          out.push({
            code: 'logrotate/duplicate-path',
            range: wordRange(w),
            args: { path: w.text, where: `${fileLabel(others.foundUri)}:${other.line + 1}` },
            related: [{ uri: others.foundUri, range: wordRange(other), message: { en: 'other definition', ja: 'もう一方の定義' } }],
          });
        }
      }
      seen.add(ctx.uri, w, b, glob);
      if (w.quoted && !w.text.startsWith('/') && !w.text.startsWith('~')) {
        out.push({ code: 'logrotate/relative-path', range: wordRange(w), args: { path: w.text } });
      }
    }
  }
}

/** Semantic checks of a parsed logrotate file. */
export function validateLogrotate(doc: LrDocument, ctx: LanguageContext): Finding[] {
  const out: Finding[] = [];
  const check = (items: LrTree['items'], inBlock: boolean) => {
    for (const it of items) {
      if (it.type === 'block') continue;
      const entry = it.type === 'directive' ? it.entry : CATALOG.get(it.name);
      if (!entry) continue;
      if (it.type === 'script') {
        if (!inBlock) out.push({ code: 'logrotate/script-outside-block', range: it.nameRange, args: { name: it.name } });
        continue;
      }
      if (inBlock && GLOBAL_ONLY.has(entry.name)) {
        out.push({ code: 'logrotate/global-only', range: it.nameRange, args: { name: it.name } });
      }
      if (entry.deprecated) {
        out.push({ code: 'logrotate/deprecated', range: it.nameRange, args: { name: it.name, note: entry.deprecated.note ?? { en: '', ja: '' } }, tags: ['deprecated'] });
      }
      checkArguments(it, entry, ctx.host, out);
      if (entry.type === 'include' && it.args.length === 1 && it.argText.startsWith('/') && ctx.host?.exists(it.argText) === false) {
        out.push({ code: 'logrotate/include-missing', range: it.argRange, args: { path: it.argText } });
      }
    }
    checkScope(items, out);
  };
  check(doc.tree.items, false);
  for (const b of doc.tree.blocks) check(b.items, true);
  checkDuplicates(doc, ctx, out);
  for (const f of out) for (const r of f.related ?? []) if (r.uri === '') r.uri = ctx.uri;
  return out;
}
