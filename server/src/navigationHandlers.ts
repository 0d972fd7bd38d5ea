// Definition, references, highlights, rename and document links over LSP, for the Node server and
// the browser server alike: what differs (whether a file exists, whether files may be renamed) is
// passed in. navigationRequests.ts gives the Node server's answers.
import { ErrorCodes, ResponseError, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenDocumentStore } from './languageRequests';
import { definition, documentLinks, highlights, prepareRename, references, rename, RenameRefused, type RenameOptions } from './languages/common/navigation';
import type { PathResolver } from './languages/common/paths';
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

export interface NavigationHandlers {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: OpenDocumentStore;
  host: HostView;
  log: (message: string) => void;
  docsLanguage: () => DocsLanguage;
  /** Where absolute paths are found; absent: the tree the file lives in. */
  paths?: PathResolver;
  /** Whether a file exists (definition on an include lists the files that are there). */
  exists: (path: string) => boolean;
  /** How a rename may go for this client and workspace. */
  renameOptions: () => RenameOptions;
}

/** Definition, references, highlights, rename and document links (common/navigation.ts) over LSP. */
export function registerNavigationHandlers(n: NavigationHandlers): void {
  const { connection, documents, store, log, paths } = n;
  const renameOpts = n.renameOptions;

  const at = (uri: string, position: unknown) => {
    const doc = documents.get(uri);
    const pos = checkPosition(doc, position);
    if (pos instanceof ResponseError) return pos;
    if (!doc) return undefined;
    const facade = facadeFor(doc.languageId);
    if (!facade?.navigation) return undefined;
    const tree = runSafe(log, `parse ${uri}`, undefined, undefined, () => store.parseOpen(uri, doc.languageId, doc.version, () => doc.getText()));
    if (!tree) return undefined;
    const ctx: LanguageContext = { locale: n.docsLanguage(), uri, workspace: store, host: n.host, ...(paths ? { paths } : {}) };
    return { facade, tree, pos, ctx };
  };

  connection.onDefinition((p, token) => {
    const a = at(p.textDocument.uri, p.position);
    if (a instanceof ResponseError) return a;
    return runSafe(log, 'definition', [], token, () => (a ? definition(a.facade, a.tree, a.pos, a.ctx, n.exists) : []));
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
      const ctx: LanguageContext = { locale: n.docsLanguage(), uri: doc.uri, workspace: store, host: n.host, ...(paths ? { paths } : {}) };
      return documentLinks(facade, tree, ctx, n.host.glob ? (g) => n.host.glob!(g) : undefined).slice(0, 2000);
    }),
  );
}
