import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { rotatedSet } from '../../../server/src/logs/engine/rotated';
import { viewerHtml } from './html';
import { ViewerSession } from './session';
import { describe } from './viewerHelpers';

export const VIEW_TYPE = 'linuxAdminConfigs.logViewer';

/** The files a viewer document shows: the file, or its whole rotated set when the URI asks (?rotated). */
export function filesOf(uri: vscode.Uri): string[] {
  return new URLSearchParams(uri.query).has('rotated') ? rotatedSet(uri.fsPath) : [uri.fsPath];
}

class LogDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void {}
}

/** A read-only custom editor: the viewer never writes to the file. */
export class LogViewerProvider implements vscode.CustomReadonlyEditorProvider<LogDocument> {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  openCustomDocument(uri: vscode.Uri): LogDocument {
    return new LogDocument(uri);
  }

  resolveCustomEditor(doc: LogDocument, panel: vscode.WebviewPanel): void {
    openSession(this.context, panel, filesOf(doc.uri), this.log, new URLSearchParams(doc.uri.query).get('filter') ?? undefined);
  }
}

/** Wires a webview panel to a new viewer session (filtered on `filter` from the start, if given). */
export function openSession(context: vscode.ExtensionContext, panel: vscode.WebviewPanel, files: string[], log: vscode.LogOutputChannel, filter?: string): void {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
  panel.title = describe(files);
  panel.webview.html = viewerHtml(panel.webview, context.extensionUri);
  const session = new ViewerSession(panel, files, context.extensionUri, log, filter);
  openSessions.add(session);
  panel.onDidDispose(() => {
    openSessions.delete(session);
    session.dispose();
  });
}

/** Every open viewer, so that a change of settings reaches each of them. */
export const openSessions = new Set<ViewerSession>();

/** True when a configuration change concerns the viewer: its own settings or the docs language it follows. */
export function concernsViewer(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('linuxAdminConfigs.logViewer') || e.affectsConfiguration('linuxAdminConfigs.docs.language');
}

/** Size of a file in MB, or -1 when it cannot be read. */
export function sizeMB(p: string): number {
  try {
    return fs.statSync(p).size / (1024 * 1024);
  } catch {
    return -1;
  }
}
