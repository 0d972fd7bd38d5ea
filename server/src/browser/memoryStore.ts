import { analyzedPart, LIMITS, type Truncation } from '../languages/common/limits';
import type { ParsedDocument, WorkspaceView } from '../languages/common/types';
import { facadeFor } from '../languages/index';

interface Entry {
  languageId: string;
  version: number;
  parsed: ParsedDocument<unknown>;
  truncation?: Truncation;
}

/**
 * The browser build's document store: only the documents open in the editor, parsed from memory.
 * There is no disk to scan, so cross-file checks see the other open documents only.
 */
export class MemoryStore implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  generation = 0;

  /** The parse of an open document, reused while its version is unchanged; large ones are parsed in their first part. */
  parseOpen(uri: string, languageId: string, version: number, text: () => string): ParsedDocument<unknown> | undefined {
    const e = this.entries.get(uri);
    if (e && e.version === version && e.languageId === languageId) return e.parsed;
    const facade = facadeFor(languageId);
    if (!facade) return undefined;
    const part = analyzedPart(text(), facade.analyzedChars ?? LIMITS.analyzedChars);
    this.entries.set(uri, { languageId, version, parsed: facade.parse(part.text), truncation: part.truncation });
    this.generation++;
    return this.entries.get(uri)!.parsed;
  }

  truncation(uri: string): Truncation | undefined {
    return this.entries.get(uri)?.truncation;
  }

  close(uri: string): void {
    if (this.entries.delete(uri)) this.generation++;
  }

  *documents(languageId: string): Iterable<{ uri: string; parsed: ParsedDocument<unknown> }> {
    for (const [uri, e] of this.entries) if (e.languageId === languageId) yield { uri, parsed: e.parsed };
  }
}
