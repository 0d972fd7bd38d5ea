import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocsLanguage } from './languages/common/types';

/** What custom requests (explain a log line, run the installed checker …) get from the server. */
export interface ExtrasContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  log: (message: string) => void;
  docsLanguage: () => DocsLanguage;
}

/**
 * Registers the server's custom requests. Each feature adds one line here and keeps its
 * handler in its own module.
 */
export function registerExtras(_ctx: ExtrasContext): void {}
