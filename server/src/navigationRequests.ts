import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath, type DocumentStore } from './documentStore';
import type { RenameOptions } from './languages/common/navigation';
import { diskResolver, type PathResolver } from './languages/common/paths';
import type { DocsLanguage, HostView } from './languages/common/types';
import { registerNavigationHandlers } from './navigationHandlers';

export { NAVIGATION_CAPABILITIES } from './navigationHandlers';

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

/** Navigation for the Node server: files on disk, renames inside the workspace folders. */
export function registerNavigation(n: NavigationContext): void {
  registerNavigationHandlers({ ...n, exists, renameOptions: () => renameOptions(n.clientCapabilities?.(), n.folders?.() ?? []) });
}
