import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type ClientCapabilities, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath, type DocumentStore } from './documentStore';
import { definition, documentLinks, highlights, prepareRename, references, rename, RenameRefused, type RenameOptions } from './languages/common/navigation';
import { diskResolver, type PathResolver } from './languages/common/paths';
import type { DocsLanguage, HostView, LanguageContext } from './languages/common/types';
import { facadeFor } from './languages/index';
import { checkPosition } from './requestParams';
import { runSafe } from './runSafe';

/** What the server announces for navigation (merged into its capabilities). */
export const NAVIGATION_CAPABILITIES: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: false },
};

export interface NavigationContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: DocumentStore;
  host: HostView;
  log: (message: string) => void;
  docsLanguage: () => DocsLanguage;
  /** Where absolute paths are found (serverPaths); the same resolver serves hovers and checks. */
  paths: PathResolver;
  /** What the client said it can do (initialize); a rename renames files only where it can. */
  clientCapabilities?: () => ClientCapabilities | undefined;
  /** The workspace folders: files outside them are not renamed. */
  folders?: () => readonly string[];
}

/** How a rename may go for this client and workspace (common/navigation.ts RenameOptions). */
export function renameOptions(caps: ClientCapabilities | undefined, folders: readonly string[]): RenameOptions {
  const we = caps?.workspace?.workspaceEdit;
  const roots = folders.map((f) => path.resolve(f));
  return {
    fileRenames: !!we?.documentChanges && (we.resourceOperations ?? []).includes('rename'),
    inWorkspace: (uri) => {
      const file = uriToPath(uri);
      if (!file) return false;
      return roots.length === 0 || roots.some((r) => file === r || file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    },
  };
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The system roots absolute paths resolve into first: the `linuxAdminConfigs.systemRoot` setting
 * when set (`${workspaceFolder}` replaced, relative to the first workspace folder; "/" is this
 * machine), else every workspace folder that holds a copy of a system tree (`etc/`).
 */
export function systemRootsOf(folders: readonly string[], setting: string, has: (p: string) => boolean = exists): string[] {
  if (!setting) return folders.filter((f) => has(path.join(f, 'etc')));
  const expanded = setting.replace(/\$\{workspaceFolder\}/g, folders[0] ?? '');
  if (path.isAbsolute(expanded)) return [path.resolve(expanded)];
  return folders[0] ? [path.resolve(folders[0], expanded)] : [];
}

/** The resolver of the running server, following changes of the folders and of the setting. */
export function serverPaths(folders: () => readonly string[], setting: () => string): PathResolver {
  let key: string | undefined;
  let roots: string[] = [];
  const systemRoots = () => {
    const f = folders();
    const s = setting();
    const k = `${s}\u0000${f.join('\u0000')}`;
    if (k !== key) {
      key = k;
      roots = systemRootsOf(f, s);
    }
    return roots;
  };
  return diskResolver(systemRoots, exists);
}

/** Definition, references, highlights, rename and document links (common/navigation.ts) over LSP. */
export function registerNavigation(n: NavigationContext): void {
  const { connection, documents, store, log, paths } = n;
  const renameOpts = () => renameOptions(n.clientCapabilities?.(), n.folders?.() ?? []);

  const at = (uri: string, position: unknown) => {
    const doc = documents.get(uri);
    const pos = checkPosition(doc, position);
    if (pos instanceof ResponseError) return pos;
    if (!doc) return undefined;
    const facade = facadeFor(doc.languageId);
    if (!facade?.navigation) return undefined;
    const tree = runSafe(log, `parse ${uri}`, undefined, undefined, () => store.parseOpen(uri, doc.languageId, doc.version, () => doc.getText()));
    if (!tree) return undefined;
    const ctx: LanguageContext = { locale: n.docsLanguage(), uri, workspace: store, host: n.host, paths };
    return { facade, tree, pos, ctx };
  };

  connection.onDefinition((p, token) => {
    const a = at(p.textDocument.uri, p.position);
    if (a instanceof ResponseError) return a;
    return runSafe(log, 'definition', [], token, () => (a ? definition(a.facade, a.tree, a.pos, a.ctx, exists) : []));
  });

  connection.onReferences((p, token) => {
    const a = at(p.textDocument.uri, p.position);
    if (a instanceof ResponseError) return a;
    return runSafe(log, 'references', [], token, () => (a ? references(a.facade, a.tree, a.pos, a.ctx, p.context?.includeDeclaration !== false) : []));
  });

  connection.onDocumentHighlight((p, token) => {
    const a = at(p.textDocument.uri, p.position);
    if (a instanceof ResponseError) return a;
    return runSafe(log, 'documentHighlight', [], token, () => (a ? highlights(a.facade, a.tree, a.pos, a.ctx) : []));
  });

  /** Runs a rename step; a refusal becomes an error the editor shows, with the reason. */
  const refusable = <R>(name: string, token: Parameters<typeof runSafe>[3], fn: () => R | null): R | null | ResponseError<void> => {
    let refused: string | undefined;
    const result = runSafe(log, name, null, token, () => {
      try {
        return fn();
      } catch (e) {
        if (!(e instanceof RenameRefused)) throw e;
        refused = e.message;
        return null;
      }
    });
    return refused !== undefined ? new ResponseError(ErrorCodes.InvalidRequest, refused) : result;
  };

  connection.onPrepareRename((p, token) => {
    const a = at(p.textDocument.uri, p.position);
    if (a instanceof ResponseError) return a;
    return a ? refusable('prepareRename', token, () => prepareRename(a.facade, a.tree, a.pos, a.ctx, renameOpts())) : null;
  });

  connection.onRenameRequest((p, token) => {
    const a = at(p.textDocument.uri, p.position);
    if (a instanceof ResponseError) return a;
    if (!a) return null;
    if (typeof p.newName !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'newName must be a string');
    // A name the tool would reject comes back as an error the editor shows, not as an empty edit.
    return refusable('rename', token, () => rename(a.facade, a.tree, a.pos, p.newName, a.ctx, renameOpts()));
  });

  connection.onDocumentLinks((p, token) =>
    runSafe(log, 'documentLinks', [], token, () => {
      const doc = documents.get(p.textDocument.uri);
      const facade = doc && facadeFor(doc.languageId);
      if (!doc || !facade?.navigation) return [];
      const tree = store.parseOpen(doc.uri, doc.languageId, doc.version, () => doc.getText());
      if (!tree) return [];
      const ctx: LanguageContext = { locale: n.docsLanguage(), uri: doc.uri, workspace: store, host: n.host, paths };
      return documentLinks(facade, tree, ctx, n.host.glob ? (g) => n.host.glob!(g) : undefined).slice(0, 2000);
    }),
  );
}
