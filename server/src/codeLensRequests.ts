import * as fs from 'node:fs';
import type { CodeLens } from 'vscode-languageserver-types';
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageContext, LanguageFacade, ParsedDocument } from './languages/common/types';
import type { FirewalldTree } from './languages/firewalld/parse';
import { firewalldLenses, logrotateLenses, rsyslogLenses, type LensFiles } from './languages/lenses';
import type { LrTree } from './languages/logrotate/tree';
import { runSafe } from './runSafe';

/** What the server announces for code lenses (merged into its capabilities). */
export const CODE_LENS_CAPABILITIES: ServerCapabilities = { codeLensProvider: { resolveProvider: false } };

export interface CodeLensContext {
  connection: Connection;
  log: (message: string) => void;
  parsed(uri: string): { facade: LanguageFacade<any>; tree: ParsedDocument<unknown>; doc: TextDocument } | undefined;
  /** True when only the first part of the document was parsed (a very large file): no lenses. */
  truncated(uri: string): boolean;
  contextFor(uri: string): LanguageContext;
  /** `linuxAdminConfigs.codeLens.enable`. */
  enabled(): boolean;
}

/** The state file is small; a larger one is not logrotate's and is not read. */
const STATUS_MAX_BYTES = 8 * 1024 * 1024;

/** The lenses' view of this machine's files. */
export const diskFiles: LensFiles = {
  readdir(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return undefined;
    }
  },
  readText(file) {
    try {
      if (fs.statSync(file).size > STATUS_MAX_BYTES) return undefined;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(file) {
    try {
      fs.statSync(file);
      return true;
    } catch {
      return false;
    }
  },
};

/** The lenses of one document, by language. */
export function lensesOf(languageId: string, facade: LanguageFacade<any>, tree: ParsedDocument<unknown>, ctx: LanguageContext, files: LensFiles = diskFiles): CodeLens[] {
  switch (languageId) {
    case 'logrotate':
      return logrotateLenses(tree as ParsedDocument<LrTree>, ctx, files);
    case 'rsyslog':
      return rsyslogLenses(facade, tree, ctx);
    case 'firewalld':
      return firewalldLenses(tree as ParsedDocument<FirewalldTree>, ctx);
  }
  return [];
}

/** textDocument/codeLens: informational lenses and "Open log", off with the setting. */
export function registerCodeLens(c: CodeLensContext): void {
  c.connection.onCodeLens((params, token) =>
    runSafe(c.log, 'codeLens', [], token, () => {
      const uri = params.textDocument.uri;
      if (!c.enabled() || c.truncated(uri)) return [];
      const p = c.parsed(uri);
      if (!p) return [];
      return lensesOf(p.facade.id, p.facade, p.tree, c.contextFor(uri)).slice(0, 500);
    }),
  );
}
