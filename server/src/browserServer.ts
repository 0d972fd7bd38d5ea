// The language server for vscode.dev and github.dev: the same language modules as server.ts,
// running in a Web Worker of the browser. Node-only parts are left out or replaced: documents come
// from the editor only (no folder scan), the host machine cannot be asked (users, groups, whether a
// path exists: answered "cannot tell", so no check guesses), the installed-tool checks are not
// offered, and navigation (definition, references, rename) works among the editor's documents. scripts/webBundles.mjs bundles this file
// for the browser (`node:url` replaced by browser/nodeUrl.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ResponseError, TextDocuments } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryStore } from './browser/memoryStore';
import { EDITING_CAPABILITIES, registerEditingRequests } from './editingRequests';
import type { HostView } from './languages/common/types';
import { registerLanguageRequests } from './languageRequests';
import { registerExplainRequest } from './logs/explainRequest';
import { NAVIGATION_CAPABILITIES, registerNavigationHandlers } from './navigationHandlers';

/** Messages that ask for an installed tool or the host's files answer this in the browser. */
export const NOT_IN_BROWSER = 'not available in the browser (vscode.dev): it needs the machine the files belong to';

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
// The request/notification types are the same objects in both library builds; the casts only
// bridge the two declaration files.
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope)) as any;
const documents = new TextDocuments(TextDocument);
const store = new MemoryStore();
/** The browser cannot look at the machine: every question is "cannot tell". */
const host: HostView = { exists: () => undefined, glob: () => undefined, users: () => undefined, groups: () => undefined };
const log = (m: string) => connection.console.error(m);
let canRenameFiles = false;

const core = registerLanguageRequests({
  connection,
  documents,
  store,
  host,
  log,
  later: (fn) => setTimeout(fn, 0),
  serverName: 'linux-admin-configs (browser)',
  capabilities: { ...EDITING_CAPABILITIES, ...NAVIGATION_CAPABILITIES },
  onInitialize: (params) => {
    const we = params.capabilities.workspace?.workspaceEdit;
    canRenameFiles = !!we?.documentChanges && (we.resourceOperations ?? []).includes('rename');
  },
});

const ctx = { connection, documents, log, docsLanguage: core.docsLanguage, workspace: store };
registerExplainRequest(ctx);
registerEditingRequests({ ...ctx, parsed: core.parsed, truncated: core.truncated, contextFor: core.contextFor });
// Navigation among the repository's open files: nothing on disk can be asked whether it exists.
registerNavigationHandlers({
  ...ctx,
  store,
  host,
  exists: () => false,
  renameOptions: () => ({ fileRenames: canRenameFiles, inWorkspace: () => true }),
});
connection.onRequest('linuxAdminConfigs/checkWithTool', () => new ResponseError(-32601, `Checking with the installed tool is ${NOT_IN_BROWSER}`));

documents.listen(connection);
connection.listen();
