import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocsLanguage, WorkspaceView } from './languages/common/types';
import { registerExplainRequest } from './logs/explainRequest';
import { registerToolCheck } from './tools/request';

/** What custom requests (explain a log line, run the installed checker …) get from the server. */
export interface ExtrasContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  log: (message: string) => void;
  docsLanguage: () => DocsLanguage;
  /** The workspace's parsed documents (open editors and scanned files), for cross-file lookups. */
  workspace?: WorkspaceView;
}

/**
 * Registers the server's custom requests. Each feature adds one line here and keeps its
 * handler in its own module.
 */
export function registerExtras(ctx: ExtrasContext): void {
  registerToolCheck(ctx);
  registerExplainRequest(ctx);
}
