import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocsLanguage, WorkspaceView } from './languages/common/types';

/**
 * What the server's custom requests (explain a log line, check with the installed tool) get from
 * it. A module of its own, so the request modules and customRequests.ts, which registers them,
 * do not import each other.
 */
export interface CustomRequestContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  log: (message: string) => void;
  docsLanguage: () => DocsLanguage;
  /** The workspace's parsed documents (open editors and scanned files), for cross-file lookups. */
  workspace?: WorkspaceView;
}
