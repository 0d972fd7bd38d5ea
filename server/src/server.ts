import {
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type Connection,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { deferDocumentation, resolveDocumentation } from './completionDocs';
import { DocumentStore, uriToPath } from './documentStore';
import { nodeHost } from './host';
import { diagnose } from './languages/common/diagnose';
import { capCompletion, capHover, capList, capSymbols, LIMITS } from './languages/common/limits';
import type { LanguageContext } from './languages/common/types';
import { facadeFor, LANGUAGES } from './languages/index';
import { runSafe } from './runSafe';
import { DEFAULT_SETTINGS, localeToDocs, readSettings, type ServerSettings } from './settings';
import { checkPosition, checkRange, isRange } from './requestParams';
import { registerCustomRequests } from './customRequests';
import { EDITING_CAPABILITIES, registerEditingRequests } from './editingRequests';
import { NAVIGATION_CAPABILITIES, registerNavigation, serverPaths } from './navigationRequests';
import { createServerConnection } from './transport';
import { CODE_LENS_CAPABILITIES, registerCodeLens } from './codeLensRequests';
import { HostManuals } from './hostManuals';

const connection: Connection = createServerConnection();
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore();
const host = nodeHost();
const log = (m: string) => connection.console.error(m);
const manuals = new HostManuals();

let clientLocale = 'en';
let settings: ServerSettings = DEFAULT_SETTINGS;
let canPullConfig = false;
let folders: string[] = [];
let clientCapabilities: InitializeParams['capabilities'] | undefined;
/** Where absolute paths in configurations are found: a copy of a system tree first (navigationRequests.ts). */
const paths = serverPaths(() => folders, () => settings.systemRoot);

function docsLanguage() {
  return settings.docsLanguage === 'auto' ? localeToDocs(clientLocale) : settings.docsLanguage;
}

function contextFor(uri: string): LanguageContext {
  return { locale: docsLanguage(), uri, workspace: store, host, paths };
}

/** The facade and parse of an open document, or undefined when it is none of ours. */
function parsed(uri: string) {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const facade = facadeFor(doc.languageId);
  if (!facade) return undefined;
  // A parser that throws (say, on a hostile file) must not take the server down: it is called
  // from timers too, where nothing else would catch it.
  const tree = runSafe(log, `parse ${uri}`, undefined, undefined, () => store.parseOpen(uri, doc.languageId, doc.version, () => doc.getText()));
  return tree ? { facade, tree, doc } : undefined;
}

/**
 * The parse and the checked position of a request at a position: an InvalidParams error for a
 * malformed position, undefined when the document is not ours or the position lies past the
 * part of a very large document that was parsed.
 */
function parsedAt(uri: string, position: unknown) {
  const pos = checkPosition(undefined, position);
  if (pos instanceof ResponseError) return pos;
  const p = parsed(uri);
  if (!p) return undefined;
  // Clamped with the parse's lazy line index: the editor's TextDocument would first index every
  // line of a 100 MB document.
  const lines = p.tree.lines;
  const t = store.truncation(uri);
  const line = Math.max(0, pos.line);
  if (t && (line >= t.analyzedLines || lines.starts[line] + Math.max(0, pos.character) >= t.analyzedChars)) return undefined;
  return { ...p, pos: checkPosition(lines, pos) as Position };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = params.locale ?? 'en';
  settings = readSettings((params.initializationOptions as any)?.settings ?? params.initializationOptions);
  canPullConfig = !!params.capabilities.workspace?.configuration;
  clientCapabilities = params.capabilities;
  folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (folders.length === 0 && params.rootUri) {
    const p = uriToPath(params.rootUri);
    if (p) folders.push(p);
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['.', '$', '=', '"', '<', ' ', '-', ':', '@', '(', ','], resolveProvider: true },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      ...EDITING_CAPABILITIES,
      ...NAVIGATION_CAPABILITIES,
      ...CODE_LENS_CAPABILITIES,
    },
    serverInfo: { name: 'linux-admin-configs', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  await refreshSettings();
  // Cross-file checks (duplicate logrotate paths, firewalld services, rsyslog templates) need
  // the workspace's other files; the scan is bounded and runs after the first diagnostics.
  setTimeout(() => {
    runSafe(log, 'workspace scan', undefined, undefined, () => store.scanFolders(folders));
    for (const d of documents.all()) schedule(d.uri, 0);
  }, 50);
});

async function refreshSettings() {
  if (!canPullConfig) return;
  try {
    const [cfg] = await connection.workspace.getConfiguration([{ section: 'linuxAdminConfigs' }]);
    settings = readSettings(cfg);
  } catch {
    // A client that cannot answer keeps the defaults.
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfig) await refreshSettings();
  else settings = readSettings((change.settings as any)?.linuxAdminConfigs);
  for (const d of documents.all()) schedule(d.uri, 0);
});

const timers = new Map<string, NodeJS.Timeout>();

/** Validates a document after `delay` ms; a later call for the same document replaces it. */
function schedule(uri: string, delay: number) {
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      publish(uri);
    }, delay),
  );
}

/**
 * Parses, checks and publishes in three steps, each bounded by the analyzed size (limits.ts), with
 * the event loop free in between: requests about other documents that arrived meanwhile are
 * answered first, and a step for a version that has been replaced stops there (the newer version
 * is scheduled already). One thread suffices because no step is long; a worker would need its own
 * copy of the text and the parse, and the outline, hover and completion need the tree here.
 */
function publish(uri: string) {
  const p = parsed(uri);
  if (!p) return;
  const version = p.doc.version;
  const current = () => documents.get(uri)?.version === version;
  setImmediate(() => {
    if (!current()) return;
    const limits = { maxProblems: LIMITS.diagnostics, truncation: store.truncation(uri) };
    const diagnostics = settings.validateEnabled
      ? runSafe(log, 'validate', [], undefined, () => diagnose(p.facade, p.tree, contextFor(uri), settings.severity, limits))
      : [];
    setImmediate(() => {
      if (!current()) return;
      published.add(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    });
  });
}

/** Documents whose diagnostics have been published at least once since they were opened. */
const published = new Set<string>();

documents.onDidOpen((e) => schedule(e.document.uri, 0));
documents.onDidChangeContent((e) => {
  // The library fires a content change right after opening too: the first diagnostics of a
  // document must not wait for the typing debounce.
  schedule(e.document.uri, published.has(e.document.uri) ? 150 : 0);
  // Other open files of the same language may depend on this one (cross-file checks).
  for (const d of documents.all()) if (d.uri !== e.document.uri && d.languageId === e.document.languageId) schedule(d.uri, 400);
});
documents.onDidClose((e) => {
  published.delete(e.document.uri);
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  store.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles((e) => {
  for (const c of e.changes) {
    const file = uriToPath(c.uri);
    if (!file) continue;
    if (c.type === 3) store.remove(c.uri);
    else store.readFile(file);
  }
  for (const d of documents.all()) schedule(d.uri, 200);
});

connection.onCompletion((params, token) => {
  const p = parsedAt(params.textDocument.uri, params.position);
  if (p instanceof ResponseError) return p;
  return runSafe(log, 'completion', [], token, () => {
    if (!p) return [];
    const ctx = contextFor(params.textDocument.uri);
    // Catalog documentation follows on completionItem/resolve: the list stays small.
    return deferDocumentation(capCompletion(p.facade.complete(p.tree, p.pos, ctx)), p.facade.id, ctx.locale);
  });
});

connection.onCompletionResolve((item) => runSafe(log, 'completionResolve', item, undefined, () => resolveDocumentation(item)));

connection.onHover(async (params, token) => {
  const p = parsedAt(params.textDocument.uri, params.position);
  if (p instanceof ResponseError) return p;
  const h = runSafe(log, 'hover', null, token, () => (p ? capHover(p.facade.hover(p.tree, p.pos, contextFor(params.textDocument.uri))) : null));
  // The installed manual page's paragraph for the item, under the catalog's docs (hostManuals.ts).
  return p && h ? manuals.addTo(h, p.facade.id, params.textDocument.uri, (n) => p.tree.lines.line(n), docsLanguage()) : h;
});

connection.onDocumentSymbol((params, token) =>
  runSafe(log, 'symbols', [], token, () => {
    const p = parsed(params.textDocument.uri);
    return p ? capSymbols(p.facade.symbols(p.tree)) : [];
  }),
);

connection.onFoldingRanges((params, token) =>
  runSafe(log, 'folding', [], token, () => {
    const p = parsed(params.textDocument.uri);
    return p ? capList(p.facade.folding(p.tree), LIMITS.folding) : [];
  }),
);

connection.onCodeAction((params, token) => {
  const range = checkRange(undefined, params.range);
  if (range instanceof ResponseError) return range;
  return runSafe(log, 'codeAction', [], token, () => {
    const p = parsed(params.textDocument.uri);
    if (!p || !p.facade.codeActions) return [];
    const ctx = contextFor(params.textDocument.uri);
    const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
    const actions = diagnostics
      .slice(0, LIMITS.codeActionDiagnostics)
      .filter((d) => d?.source === 'linux-admin-configs' && isRange(d.range))
      .flatMap((d) => p.facade.codeActions!(p.tree, d, ctx));
    return capList(actions, LIMITS.codeActions);
  });
});

registerCustomRequests({ connection, documents, log, docsLanguage, workspace: store });
registerEditingRequests({ connection, documents, log, parsed, truncated: (uri) => !!store.truncation(uri), contextFor, workspace: store });
registerNavigation({ connection, documents, store, host, log, docsLanguage, paths, clientCapabilities: () => clientCapabilities, folders: () => folders });
registerCodeLens({ connection, log, parsed, truncated: (uri) => !!store.truncation(uri), contextFor, enabled: () => settings.codeLensEnabled });

documents.listen(connection);
connection.listen();

// Languages are registered in languages/index.ts; keep the import used for tree-shaking clarity.
void LANGUAGES;
