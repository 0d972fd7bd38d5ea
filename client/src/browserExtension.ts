// The extension in vscode.dev and github.dev (package.json "browser"): the language server runs in
// a Web Worker (dist/web/server.js, built from server/src/browserServer.ts). What needs the machine
// the files belong to (the installed tools, the log and journal viewers, which read /var/log) is not
// offered: package.json hides those commands with the context key `linuxAdminConfigs.inBrowser`, and invoking one anyway says why.
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { LanguageClient as NodeLanguageClient } from 'vscode-languageclient/node';
import { registerExplain } from './explain';
import { startWhenOursOpens } from './startOnOpen';
import { LANGUAGE_IDS } from './languages';

/** Commands of the desktop extension that need Node and the host's files. */
export const DESKTOP_ONLY_COMMANDS = [
  'linuxAdminConfigs.checkWithTool',
  'linuxAdminConfigs.logViewer.open',
  'linuxAdminConfigs.logViewer.openRotated',
  'linuxAdminConfigs.logViewer.explainLine',
  'linuxAdminConfigs.journal.open',
  'linuxAdminConfigs.journal.filter',
  'linuxAdminConfigs.journal.copyCommand',
];

let client: LanguageClient | undefined;
let worker: Worker | undefined;

function ourSettings(): unknown {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('linuxAdminConfigs')));
}

/**
 * Where the Worker loads the server from. An extension installed on a remote host (code-server or
 * VS Code Server, with the extension moved to the browser by `remote.extensionKind`) has a
 * vscode-remote: location, and VS Code refuses to start Workers from such URLs: read the bundle
 * through the remote file system once and hand the Worker a blob: URL instead.
 */
async function serverScriptUrl(context: vscode.ExtensionContext): Promise<string> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' }));
}

function startClient(context: vscode.ExtensionContext, scriptUrl: string): LanguageClient {
  worker = new Worker(scriptUrl);
  const clientOptions: LanguageClientOptions = {
    // Any scheme: in the browser files come from vscode-vfs (GitHub), vscode-test-web, memfs …
    documentSelector: LANGUAGE_IDS.map((language) => ({ language })),
    initializationOptions: { settings: ourSettings() },
  };
  const c = new LanguageClient('linuxAdminConfigs', 'Linux Admin Configs', clientOptions, worker);
  void c.start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('linuxAdminConfigs') && c.isRunning()) void c.sendNotification(DidChangeConfigurationNotification.type, { settings: { linuxAdminConfigs: ourSettings() } });
    }),
  );
  return c;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Hides the commands that need the host (package.json `when` clauses). Not `isWeb`: that is true
  // in every browser workbench, also code-server's, where the Node extension host runs them.
  void vscode.commands.executeCommand('setContext', 'linuxAdminConfigs.inBrowser', true);
  const scriptUrl = await serverScriptUrl(context);
  const ensureClient = () => (client ??= startClient(context, scriptUrl));
  startWhenOursOpens(context, ensureClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('linuxAdminConfigs.restartServer', async () => {
      // The browser client has no restart: a new worker replaces the old one.
      await stopClient();
      ensureClient();
    }),
    ...DESKTOP_ONLY_COMMANDS.map((id) =>
      vscode.commands.registerCommand(id, () =>
        vscode.window.showInformationMessage(vscode.l10n.t('This command is not available in the browser (vscode.dev, github.dev): it needs the machine the files belong to. Install the extension in desktop VS Code to use it.')),
      ),
    ),
  );
  // Explaining a log line needs only the server's pattern tables, which the worker has.
  registerExplain(context, () => ensureClient() as unknown as NodeLanguageClient);
}

async function stopClient(): Promise<void> {
  await client?.stop().catch(() => undefined);
  worker?.terminate();
  client = undefined;
  worker = undefined;
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
