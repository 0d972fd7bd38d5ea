import { TextDocuments, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_LENS_CAPABILITIES, registerCodeLens } from './codeLensRequests';
import { registerCustomRequests } from './customRequests';
import { DocumentStore, uriToPath } from './documentStore';
import { EDITING_CAPABILITIES, registerEditingRequests } from './editingRequests';
import { nodeHost } from './host';
import { HostManuals } from './hostManuals';
import { registerLanguageRequests } from './languageRequests';
import { NAVIGATION_CAPABILITIES, registerNavigation, serverPaths } from './navigationRequests';
import { runSafe } from './runSafe';
import { createServerConnection } from './transport';

// The Node language server: the shared requests (languageRequests.ts) plus what needs the machine
// the files belong to: the workspace scan, navigation into the file system, code lenses, the
// installed manual pages and the tool checks (customRequests.ts).
const connection: Connection = createServerConnection();
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore();
const host = nodeHost();
const log = (m: string) => connection.console.error(m);
const manuals = new HostManuals();

let folders: string[] = [];
let clientCapabilities: InitializeParams['capabilities'] | undefined;
/** Where absolute paths in configurations are found: a copy of a system tree first (navigationRequests.ts). */
const paths = serverPaths(
  () => folders,
  () => core.settings().systemRoot,
);

const core = registerLanguageRequests({
  connection,
  documents,
  store,
  host,
  paths,
  log,
  later: setImmediate,
  serverName: 'linux-admin-configs',
  capabilities: { ...EDITING_CAPABILITIES, ...NAVIGATION_CAPABILITIES, ...CODE_LENS_CAPABILITIES },
  onInitialize(params) {
    clientCapabilities = params.capabilities;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders.push(p);
    }
  },
  // Cross-file checks (duplicate logrotate paths, firewalld services, rsyslog templates) need the
  // workspace's other files; the scan is bounded and runs after the first diagnostics.
  onInitialized: () =>
    setTimeout(() => {
      runSafe(log, 'workspace scan', undefined, undefined, () => store.scanFolders(folders));
      for (const d of documents.all()) core.schedule(d.uri, 0);
    }, 50),
  // The installed manual page's paragraph for the item, under the catalog's docs (hostManuals.ts).
  extendHover: async (hover, id, uri, line, locale) => (await manuals.addTo(hover, id, uri, line, locale)) ?? hover,
});
const { docsLanguage, parsed, contextFor, truncated } = core;

connection.onDidChangeWatchedFiles((e) => {
  for (const c of e.changes) {
    const file = uriToPath(c.uri);
    if (!file) continue;
    if (c.type === 3) store.remove(c.uri);
    else store.readFile(file);
  }
  for (const d of documents.all()) core.schedule(d.uri, 200);
});

registerCustomRequests({ connection, documents, log, docsLanguage, workspace: store });
registerEditingRequests({ connection, documents, log, parsed, truncated, contextFor, workspace: store });
registerNavigation({ connection, documents, store, host, log, docsLanguage, paths, clientCapabilities: () => clientCapabilities, folders: () => folders });
registerCodeLens({ connection, log, parsed, truncated, contextFor, enabled: () => core.settings().codeLensEnabled });

documents.listen(connection);
connection.listen();
