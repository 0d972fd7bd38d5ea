// The language server for vscode.dev and github.dev: the same language modules as server.ts,
// running in a Web Worker of the browser. Node-only parts are left out or replaced: documents come
// from the editor only (no folder scan), the host machine cannot be asked (users, groups, whether a
// path exists: answered "cannot tell", so no check guesses), and the installed-tool checks and
// definition/links into the file system are not offered. scripts/webBundles.mjs bundles this file
// for the browser (`node:url` replaced by browser/nodeUrl.ts).
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type Position,
} from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryStore } from './browser/memoryStore';
import { deferDocumentation, resolveDocumentation } from './completionDocs';
import { EDITING_CAPABILITIES, registerEditingRequests } from './editingRequests';
import { diagnose } from './languages/common/diagnose';
import { capCompletion, capHover, capList, capSymbols, LIMITS } from './languages/common/limits';
import type { HostView, LanguageContext } from './languages/common/types';
import { facadeFor } from './languages/index';
import { registerExplainRequest } from './logs/explainRequest';
import { checkPosition, checkRange, isRange } from './requestParams';
import { runSafe } from './runSafe';
import { DEFAULT_SETTINGS, localeToDocs, readSettings, type ServerSettings } from './settings';

/** Messages that ask for an installed tool or the host's files answer this in the browser. */
export const NOT_IN_BROWSER = 'not available in the browser (vscode.dev): it needs the machine the files belong to';

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const documents = new TextDocuments(TextDocument);
const store = new MemoryStore();
/** The browser cannot look at the machine: every question is "cannot tell". */
const host: HostView = { exists: () => undefined, glob: () => undefined, users: () => undefined, groups: () => undefined };
const log = (m: string) => connection.console.error(m);
const later = (fn: () => void) => setTimeout(fn, 0);

let clientLocale = 'en';
let settings: ServerSettings = DEFAULT_SETTINGS;
let canPullConfig = false;

const docsLanguage = () => (settings.docsLanguage === 'auto' ? localeToDocs(clientLocale) : settings.docsLanguage);
const contextFor = (uri: string): LanguageContext => ({ locale: docsLanguage(), uri, workspace: store, host });

function parsed(uri: string) {
  const doc = documents.get(uri);
  const facade = doc && facadeFor(doc.languageId);
  if (!doc || !facade) return undefined;
  const tree = runSafe(log, `parse ${uri}`, undefined, undefined, () => store.parseOpen(uri, doc.languageId, doc.version, () => doc.getText()));
  return tree ? { facade, tree, doc } : undefined;
}

function parsedAt(uri: string, position: unknown) {
  const pos = checkPosition(undefined, position);
  if (pos instanceof ResponseError) return pos;
  const p = parsed(uri);
  if (!p) return undefined;
  const t = store.truncation(uri);
  const line = Math.max(0, pos.line);
  if (t && (line >= t.analyzedLines || p.tree.lines.starts[line] + Math.max(0, pos.character) >= t.analyzedChars)) return undefined;
  return { ...p, pos: checkPosition(p.tree.lines, pos) as Position };
}

connection.onInitialize((params: InitializeParams) => {
  clientLocale = params.locale ?? 'en';
  settings = readSettings((params.initializationOptions as any)?.settings ?? params.initializationOptions);
  canPullConfig = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['.', '$', '=', '"', '<', ' ', '-', ':', '@', '(', ','], resolveProvider: true },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      ...EDITING_CAPABILITIES,
    },
    serverInfo: { name: 'linux-admin-configs (browser)', version: '0.1.0' },
  };
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

connection.onInitialized(() => void refreshSettings().then(() => documents.all().forEach((d) => schedule(d.uri, 0))));
connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfig) await refreshSettings();
  else settings = readSettings((change.settings as any)?.linuxAdminConfigs);
  for (const d of documents.all()) schedule(d.uri, 0);
});

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const published = new Set<string>();

function schedule(uri: string, delay: number) {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => (timers.delete(uri), publish(uri)), delay));
}

/** Parse, check, publish, with the worker free in between (see server.ts); a replaced version stops. */
function publish(uri: string) {
  const p = parsed(uri);
  if (!p) return;
  const version = p.doc.version;
  const current = () => documents.get(uri)?.version === version;
  later(() => {
    if (!current()) return;
    const limits = { maxProblems: LIMITS.diagnostics, truncation: store.truncation(uri) };
    const diagnostics = settings.validateEnabled ? runSafe(log, 'validate', [], undefined, () => diagnose(p.facade, p.tree, contextFor(uri), settings.severity, limits)) : [];
    later(() => {
      if (!current()) return;
      published.add(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    });
  });
}

documents.onDidChangeContent((e) => {
  schedule(e.document.uri, published.has(e.document.uri) ? 150 : 0);
  for (const d of documents.all()) if (d.uri !== e.document.uri && d.languageId === e.document.languageId) schedule(d.uri, 400);
});
documents.onDidClose((e) => {
  published.delete(e.document.uri);
  clearTimeout(timers.get(e.document.uri));
  store.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCompletion((params, token) => {
  const p = parsedAt(params.textDocument.uri, params.position);
  if (p instanceof ResponseError) return p;
  return runSafe(log, 'completion', [], token, () => {
    if (!p) return [];
    const ctx = contextFor(params.textDocument.uri);
    return deferDocumentation(capCompletion(p.facade.complete(p.tree, p.pos, ctx)), p.facade.id, ctx.locale);
  });
});
connection.onCompletionResolve((item) => runSafe(log, 'completionResolve', item, undefined, () => resolveDocumentation(item)));

connection.onHover((params, token) => {
  const p = parsedAt(params.textDocument.uri, params.position);
  if (p instanceof ResponseError) return p;
  return runSafe(log, 'hover', null, token, () => (p ? capHover(p.facade.hover(p.tree, p.pos, contextFor(params.textDocument.uri))) : null));
});

connection.onDocumentSymbol((params, token) => runSafe(log, 'symbols', [], token, () => {
  const p = parsed(params.textDocument.uri);
  return p ? capSymbols(p.facade.symbols(p.tree)) : [];
}));
connection.onFoldingRanges((params, token) => runSafe(log, 'folding', [], token, () => {
  const p = parsed(params.textDocument.uri);
  return p ? capList(p.facade.folding(p.tree), LIMITS.folding) : [];
}));

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

// The request/notification types are the same objects in both library builds; the cast only
// bridges the two declaration files.
const ctx = { connection: connection as any, documents, log, docsLanguage, workspace: store };
registerExplainRequest(ctx);
registerEditingRequests({ ...ctx, parsed, truncated: (uri) => !!store.truncation(uri), contextFor });
connection.onRequest('linuxAdminConfigs/checkWithTool', () => new ResponseError(-32601, `Checking with the installed tool is ${NOT_IN_BROWSER}`));

documents.listen(connection);
connection.listen();
