import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { languageForPath } from './languages/associations';
import { analyzedPart, LIMITS, type Truncation } from './languages/common/limits';
import type { LanguageFacade, ParsedDocument, WorkspaceView } from './languages/common/types';
import { facadeFor } from './languages/index';

interface Entry {
  languageId: string;
  /** Editor version for open documents; -1 for files read from disk. */
  version: number;
  open: boolean;
  parsed: ParsedDocument<unknown>;
  /** Set when only the start of the document was parsed (it is larger than the language's limit). */
  truncation?: Truncation;
}

/** Parses at most the language's analyzed size of `text`, so no document costs more than that. */
function parseBounded(facade: LanguageFacade<unknown>, text: string): { parsed: ParsedDocument<unknown>; truncation?: Truncation } {
  const part = analyzedPart(text, facade.analyzedChars ?? LIMITS.analyzedChars);
  return { parsed: facade.parse(part.text), truncation: part.truncation };
}

/** Files larger than this are not read during a workspace scan. */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', 'dist', 'proc', 'sys', 'dev']);

/**
 * Parsed documents by URI: the parse cache for open editors (keyed by version) and the
 * workspace's files read from disk, which cross-file checks see through `WorkspaceView`.
 */
export class DocumentStore implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every change of the entries (see WorkspaceView.generation). */
  generation = 0;

  /**
   * The parse of an open document, reusing the cached tree when the version is unchanged.
   * A document larger than its language's limit is parsed in its first part only (see truncation).
   */
  parseOpen(uri: string, languageId: string, version: number, text: () => string): ParsedDocument<unknown> | undefined {
    const e = this.entries.get(uri);
    if (e && e.open && e.version === version && e.languageId === languageId) return e.parsed;
    const facade = facadeFor(languageId);
    if (!facade) return undefined;
    const { parsed, truncation } = parseBounded(facade, text());
    this.entries.set(uri, { languageId, version, open: true, parsed, truncation });
    this.generation++;
    return parsed;
  }

  /** How much of an open document was parsed, when not all of it. */
  truncation(uri: string): Truncation | undefined {
    return this.entries.get(uri)?.truncation;
  }

  /** Adds or refreshes a file that is not open in an editor. Open documents are left alone. */
  putDisk(uri: string, languageId: string, text: string): void {
    const e = this.entries.get(uri);
    if (e?.open) return;
    const facade = facadeFor(languageId);
    if (!facade) return;
    this.entries.set(uri, { languageId, version: -1, open: false, ...parseBounded(facade, text) });
    this.generation++;
  }

  /** Called when an editor closes a document: it stays known if it still exists on disk. */
  close(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.entries.delete(uri);
    this.generation++;
    const file = uriToPath(uri);
    if (file && this.scanned) this.readFile(file, e.languageId);
  }

  remove(uri: string): void {
    const e = this.entries.get(uri);
    if (e && !e.open) {
      this.entries.delete(uri);
      this.generation++;
    }
  }

  languageOf(uri: string): string | undefined {
    return this.entries.get(uri)?.languageId;
  }

  *documents(languageId: string): Iterable<{ uri: string; parsed: ParsedDocument<unknown> }> {
    for (const [uri, e] of this.entries) if (e.languageId === languageId) yield { uri, parsed: e.parsed };
  }

  private scanned = false;

  /** Reads one file from disk into the store, if it is one of ours and not too large. */
  readFile(file: string, languageId?: string): void {
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_SCAN_BYTES) return;
      const text = fs.readFileSync(file, 'utf8');
      const lang = languageId ?? languageForPath(file, text.slice(0, text.indexOf('\n') >>> 0));
      if (lang) this.putDisk(pathToFileURL(file).href, lang, text);
    } catch {
      // Unreadable files are simply not part of the workspace view.
    }
  }

  /**
   * Walks workspace folders for our files (bounded in count and depth) so that cross-file
   * checks see files that are not open. Never follows symbolic links.
   */
  scanFolders(folders: string[], maxFiles = 5000, maxDepth = 8): number {
    this.scanned = true;
    let seen = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > maxDepth || seen >= maxFiles) return;
      let items: fs.Dirent[];
      try {
        items = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const it of items) {
        if (seen >= maxFiles) return;
        const full = path.join(dir, it.name);
        if (it.isDirectory()) {
          if (!SKIP_DIRS.has(it.name)) walk(full, depth + 1);
        } else if (it.isFile() && languageForPath(full)) {
          seen++;
          this.readFile(full);
        }
      }
    };
    for (const f of folders) walk(f, 0);
    return seen;
  }
}

/** A file: URI as a path, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}
