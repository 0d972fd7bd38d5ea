// The requests every language answers, shared by the Node server (server.ts) and the browser
// server (browserServer.ts): settings, diagnostics in bounded steps, completion, hover, outline,
// folding and quick fixes. Each server adds what only it can do (the folder scan, navigation, code
// lenses, the installed manual pages) through the options and the returned functions.
import {
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type Hover,
  type InitializeParams,
  type Position,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { deferDocumentation, resolveDocumentation } from './completionDocs';
import { diagnose } from './languages/common/diagnose';
import { capCompletion, capHover, capList, capSymbols, LIMITS, type Truncation } from './languages/common/limits';
import type { PathResolver } from './languages/common/paths';
import type { DocsLanguage, HostView, LanguageContext, LanguageFacade, ParsedDocument, WorkspaceView } from './languages/common/types';
import { facadeFor } from './languages/index';
import { checkPosition, checkRange, isRange } from './requestParams';
import { runSafe } from './runSafe';
import { DEFAULT_SETTINGS, localeToDocs, readSettings, type ServerSettings } from './settings';

/** The store of parsed documents both servers keep (documentStore.ts, browser/memoryStore.ts). */
export interface OpenDocumentStore extends WorkspaceView {
  parseOpen(uri: string, languageId: string, version: number, text: () => string): ParsedDocument<unknown> | undefined;
  truncation(uri: string): Truncation | undefined;
  close(uri: string): void;
}

export interface LanguageRequestOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: OpenDocumentStore;
  host: HostView;
  paths?: PathResolver;
  log: (message: string) => void;
  /** Runs a step of validation later, leaving the event loop free in between. */
  later: (fn: () => void) => void;
  serverName: string;
  /** Capabilities beyond the shared ones. */
  capabilities: ServerCapabilities;
  /** Called with the client's initialize parameters, before the answer. */
  onInitialize?: (params: InitializeParams) => void;
  /** Called once the first settings are read. */
  onInitialized?: () => void;
  /** Adds to a hover (the Node server: the installed manual page's paragraph). */
  extendHover?: (hover: Hover, facadeId: string, uri: string, line: (n: number) => string, locale: DocsLanguage) => Hover | Promise<Hover>;
}

export type Parsed = { facade: LanguageFacade<unknown>; tree: ParsedDocument<unknown>; doc: TextDocument };

/** Registers the shared requests; returns what the server's own requests need. */
export function registerLanguageRequests(o: LanguageRequestOptions) {
  const { connection, documents, store, log } = o;
  let clientLocale = 'en';
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfig = false;

  const docsLanguage = (): DocsLanguage => (settings.docsLanguage === 'auto' ? localeToDocs(clientLocale) : settings.docsLanguage);
  const contextFor = (uri: string): LanguageContext => ({ locale: docsLanguage(), uri, workspace: store, host: o.host, ...(o.paths ? { paths: o.paths } : {}) });

  /** The facade and parse of an open document, or undefined when it is none of ours. */
  function parsed(uri: string): Parsed | undefined {
    const doc = documents.get(uri);
    const facade = doc && facadeFor(doc.languageId);
    if (!doc || !facade) return undefined;
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

  connection.onInitialize((params) => {
    clientLocale = params.locale ?? 'en';
    settings = readSettings((params.initializationOptions as any)?.settings ?? params.initializationOptions);
    canPullConfig = !!params.capabilities.workspace?.configuration;
    o.onInitialize?.(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['.', '$', '=', '"', '<', ' ', '-', ':', '@', '(', ','], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        ...o.capabilities,
      },
      serverInfo: { name: o.serverName, version: '0.1.0' },
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

  connection.onInitialized(async () => {
    await refreshSettings();
    o.onInitialized?.();
    for (const d of documents.all()) schedule(d.uri, 0);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfig) await refreshSettings();
    else settings = readSettings((change.settings as any)?.linuxAdminConfigs);
    for (const d of documents.all()) schedule(d.uri, 0);
  });

  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose diagnostics have been published at least once since they were opened. */
  const published = new Set<string>();

  /** Validates a document after `delay` ms; a later call for the same document replaces it. */
  function schedule(uri: string, delay: number) {
    clearTimeout(timers.get(uri));
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
    o.later(() => {
      if (!current()) return;
      const limits = { maxProblems: LIMITS.diagnostics, truncation: store.truncation(uri) };
      const diagnostics = settings.validateEnabled
        ? runSafe(log, 'validate', [], undefined, () => diagnose(p.facade, p.tree, contextFor(uri), settings.severity, limits))
        : [];
      o.later(() => {
        if (!current()) return;
        published.add(uri);
        void connection.sendDiagnostics({ uri, version, diagnostics });
      });
    });
  }

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
      // Catalog documentation follows on completionItem/resolve: the list stays small.
      return deferDocumentation(capCompletion(p.facade.complete(p.tree, p.pos, ctx)), p.facade.id, ctx.locale);
    });
  });
  connection.onCompletionResolve((item) => runSafe(log, 'completionResolve', item, undefined, () => resolveDocumentation(item)));

  connection.onHover(async (params, token) => {
    const p = parsedAt(params.textDocument.uri, params.position);
    if (p instanceof ResponseError) return p;
    const h = runSafe(log, 'hover', null, token, () => (p ? capHover(p.facade.hover(p.tree, p.pos, contextFor(params.textDocument.uri))) : null));
    return p && h && o.extendHover ? o.extendHover(h, p.facade.id, params.textDocument.uri, (n) => p.tree.lines.line(n), docsLanguage()) : h;
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

  return { settings: () => settings, docsLanguage, contextFor, parsed, schedule, truncated: (uri: string) => !!store.truncation(uri) };
}
