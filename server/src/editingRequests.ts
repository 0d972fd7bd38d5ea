import { ResponseError, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Position, SignatureHelp, TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_FORMAT, editsInRange, editsOnLines, type FormatOptions } from './languages/common/format';
import { selectionRanges } from './languages/common/selection';
import { encodeTokens, LEGEND } from './languages/common/semanticTokens';
import { workspaceSymbols } from './languages/common/workspaceSymbols';
import { LANGUAGES } from './languages/index';
import type { LanguageContext, LanguageFacade, ParsedDocument, WorkspaceView } from './languages/common/types';
import { checkPosition, checkRange } from './requestParams';
import { runSafe } from './runSafe';

/** What the editing requests (formatting, signature help) get from the server. */
export interface EditingContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  log: (message: string) => void;
  /** The facade and the cached parse of an open document, or undefined when it is none of ours. */
  parsed(uri: string): { facade: LanguageFacade<any>; tree: ParsedDocument<unknown>; doc: TextDocument } | undefined;
  /** True when only the first part of the document was parsed (a very large file). */
  truncated(uri: string): boolean;
  contextFor(uri: string): LanguageContext;
  /** Every parsed document of the workspace (open editors and scanned files). */
  workspace?: WorkspaceView;
}

/** The capabilities these requests add to the server's. */
export const EDITING_CAPABILITIES: ServerCapabilities = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '}', moreTriggerCharacter: ['\n', ')'] },
  signatureHelpProvider: { triggerCharacters: ['(', ' ', ','], retriggerCharacters: ['=', '"'] },
  selectionRangeProvider: true,
  semanticTokensProvider: { legend: LEGEND, full: true },
  workspaceSymbolProvider: true,
};

/** Reads `linuxAdminConfigs.format.*` (width, alignActions) once per request; defaults otherwise. */
async function formatSettings(ctx: EditingContext, uri: string, editor: FormattingOptions | undefined): Promise<FormatOptions> {
  const o: FormatOptions = { ...DEFAULT_FORMAT };
  if (editor && Number.isInteger(editor.tabSize) && editor.tabSize > 0) o.tabSize = editor.tabSize;
  if (editor && typeof editor.insertSpaces === 'boolean') o.insertSpaces = editor.insertSpaces;
  try {
    const cfg = await ctx.connection.workspace.getConfiguration({ scopeUri: uri, section: 'linuxAdminConfigs.format' });
    if (cfg && Number.isInteger(cfg.width) && cfg.width >= 20) o.width = cfg.width;
    if (cfg && typeof cfg.alignActions === 'boolean') o.alignActions = cfg.alignActions;
  } catch {
    // A client without workspace/configuration formats with the defaults.
  }
  return o;
}

/**
 * Every edit of a whole-document format, or none: a document of another language, one without a
 * formatter, or one parsed only in part (formatting half a file could shift the rest) is left alone.
 */
async function formatAll(ctx: EditingContext, uri: string, editor: FormattingOptions | undefined): Promise<TextEdit[]> {
  const o = await formatSettings(ctx, uri, editor);
  return runSafe(ctx.log, 'format', [], undefined, () => {
    const p = ctx.parsed(uri);
    if (!p || !p.facade.format || ctx.truncated(uri)) return [];
    return p.facade.format(p.tree, o);
  });
}

/** Positions answered per selectionRange request (an editor sends one per cursor). */
const MAX_SELECTION_POSITIONS = 100;
/** Semantic tokens sent for one document at most (the grammar colours the rest). */
const MAX_TOKENS = 50_000;
/** Workspace symbols in one answer (the editor filters further as the user types). */
const MAX_WORKSPACE_SYMBOLS = 500;

/** Registers formatting (document, range, on type), signature help and selection ranges. */
export function registerEditingRequests(ctx: EditingContext): void {
  const { connection, documents } = ctx;
  connection.onDocumentFormatting((params) => formatAll(ctx, params.textDocument.uri, params.options));

  connection.onDocumentRangeFormatting(async (params) => {
    const range = checkRange(documents.get(params.textDocument.uri), params.range);
    if (range instanceof ResponseError) return range;
    return editsInRange(await formatAll(ctx, params.textDocument.uri, params.options), range);
  });

  connection.onDocumentOnTypeFormatting(async (params) => {
    const pos = checkPosition(documents.get(params.textDocument.uri), params.position);
    if (pos instanceof ResponseError) return pos;
    // After Enter the line just left is done (the new one keeps the editor's indentation for the
    // cursor); after `}` or `)` the line typed on.
    const line = params.ch === '\n' ? pos.line - 1 : pos.line;
    if (line < 0) return [];
    return editsOnLines(await formatAll(ctx, params.textDocument.uri, params.options), line, line);
  });

  connection.onSignatureHelp((params, token): SignatureHelp | null | ResponseError<void> => {
    const pos = checkPosition(documents.get(params.textDocument.uri), params.position);
    if (pos instanceof ResponseError) return pos;
    return runSafe(ctx.log, 'signatureHelp', null, token, () => {
      const p = ctx.parsed(params.textDocument.uri);
      if (!p || !p.facade.signatureHelp || ctx.truncated(params.textDocument.uri)) return null;
      return p.facade.signatureHelp(p.tree, pos, ctx.contextFor(params.textDocument.uri));
    });
  });

  connection.onSelectionRanges((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const positions: Position[] = [];
    for (const p of Array.isArray(params.positions) ? params.positions.slice(0, MAX_SELECTION_POSITIONS) : []) {
      const pos = checkPosition(doc, p);
      if (pos instanceof ResponseError) return pos;
      positions.push(pos);
    }
    return runSafe(ctx.log, 'selectionRanges', [], token, () => {
      const p = ctx.parsed(params.textDocument.uri);
      if (!p || ctx.truncated(params.textDocument.uri)) return [];
      return selectionRanges(p.tree, p.facade.symbols(p.tree), positions);
    });
  });

  connection.languages.semanticTokens.on((params, token) =>
    runSafe(ctx.log, 'semanticTokens', { data: [] }, token, () => {
      const p = ctx.parsed(params.textDocument.uri);
      if (!p || !p.facade.semanticTokens) return { data: [] };
      return { data: encodeTokens(p.facade.semanticTokens(p.tree).slice(0, MAX_TOKENS)) };
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(ctx.log, 'workspaceSymbol', [], token, () =>
      ctx.workspace ? workspaceSymbols(ctx.workspace, LANGUAGES.values(), typeof params.query === 'string' ? params.query.slice(0, 200) : '', MAX_WORKSPACE_SYMBOLS) : [],
    ),
  );
}
