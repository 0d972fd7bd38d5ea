import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseRotatedName } from '../../../server/src/logs/engine/rotated';
import { explain } from './viewerHelpers';
import { activateJournalViewer } from './journal';
import { concernsViewer, LogViewerProvider, openSessions, sizeMB, VIEW_TYPE } from './provider';

const LOG_NAMES = new Set(['messages', 'secure', 'maillog', 'cron', 'kern.log', 'syslog', 'auth.log', 'mail.log', 'daemon.log', 'user.log', 'debug']);

/** True for names the viewer is offered for (also their rotated .1, .2.gz, -YYYYMMDD siblings). */
export function looksLikeLog(p: string): boolean {
  const base = parseRotatedName(path.basename(p)).base;
  return base.endsWith('.log') || LOG_NAMES.has(base);
}

async function target(uri?: vscode.Uri | string): Promise<vscode.Uri | undefined> {
  if (uri instanceof vscode.Uri) return uri;
  // A document link on a log path in a config passes the file's URI as a string (command: URI).
  if (typeof uri === 'string' && uri.startsWith('file:')) return vscode.Uri.parse(uri);
  const active = vscode.window.activeTextEditor?.document.uri ?? (vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined)?.uri;
  if (active?.scheme === 'file') return active;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: vscode.Uri.file('/var/log'), title: vscode.l10n.t('Open in Log Viewer') });
  return picked?.[0];
}

/** Registers the log viewer: custom editor, commands, and the offer for files too big for the text editor. */
export function activateLogViewer(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Linux Admin Configs: Log Viewer', { log: true });
  const offered = new Set<string>();
  activateJournalViewer(context, log);
  context.subscriptions.push(
    log,
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, new LogViewerProvider(context, log), {
      webviewOptions: { retainContextWhenHidden: true },
      supportsMultipleEditorsPerDocument: true,
    }),
    // An optional second argument is the text to filter on at once (a LOG rule's link passes its prefix).
    vscode.commands.registerCommand('linuxAdminConfigs.logViewer.open', async (uri?: vscode.Uri | string, filter?: unknown) => {
      const u = await target(uri);
      const query = typeof filter === 'string' && filter ? new URLSearchParams({ filter }).toString() : '';
      if (u) await vscode.commands.executeCommand('vscode.openWith', u.with({ query }), VIEW_TYPE);
    }),
    vscode.commands.registerCommand('linuxAdminConfigs.logViewer.openRotated', async (uri?: vscode.Uri) => {
      const u = await target(uri);
      if (u) await vscode.commands.executeCommand('vscode.openWith', u.with({ query: 'rotated=1' }), VIEW_TYPE);
    }),
    // The viewer's line context menu passes its data-vscode-context ({ text, ... }).
    vscode.commands.registerCommand('linuxAdminConfigs.logViewer.explainLine', async (ctx?: { text?: unknown }) => {
      if (typeof ctx?.text === 'string') await explain(ctx.text);
    }),
    // Settings from any source (Settings UI, settings.json edited in or outside VS Code) reach open viewers.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (concernsViewer(e)) for (const s of openSessions) s.settingsChanged();
    }),
    // Big logs: VS Code will not hand files over 50 MB to the text editor, so offer the viewer.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      const limit = vscode.workspace.getConfiguration('linuxAdminConfigs.logViewer').get<number>('largeFileThresholdMB', 50);
      if (!limit) return;
      for (const tab of e.opened) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (!uri || uri.scheme !== 'file' || offered.has(uri.fsPath)) continue;
        const mb = sizeMB(uri.fsPath);
        if (mb < limit || (!looksLikeLog(uri.fsPath) && mb < 50)) continue;
        offered.add(uri.fsPath);
        const open = vscode.l10n.t('Open in Log Viewer');
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} is {1} MB, too large for the text editor to handle well.', path.basename(uri.fsPath), Math.round(mb)), open).then((pick) => {
          if (pick === open) void vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
        });
      }
    }),
  );
}
