import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_IDS, WATCH_GLOB } from './languages';
import { registerToolCheck } from './toolCheck';
import { registerExplain } from './explain';
import { startWhenOursOpens } from './startOnOpen';
import { activateLogViewer } from './logViewer/register';

let client: LanguageClient | undefined;

function startClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=127.0.0.1:6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCH_GLOB) },
    initializationOptions: { settings: ourSettings() },
  };
  const c = new LanguageClient('linuxAdminConfigs', 'Linux Admin Configs', serverOptions, clientOptions);
  void c.start();
  // Any change of our settings (Settings UI, settings.json edited in or outside VS Code, a
  // workspace or folder file) is announced; the server asks for the section again
  // (workspace/configuration), and a client that cannot be asked has the values right here.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('linuxAdminConfigs') && c.isRunning()) void c.sendNotification(DidChangeConfigurationNotification.type, { settings: { linuxAdminConfigs: ourSettings() } });
    }),
  );
  return c;
}

/** The linuxAdminConfigs section as plain data. */
function ourSettings(): unknown {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('linuxAdminConfigs')));
}

/**
 * The extension activates once VS Code has started (so that opening a huge log first can still
 * offer the log viewer), but the language server starts only when a document of ours is open or
 * a command needs it: a window without such files pays nothing.
 */
export function activate(context: vscode.ExtensionContext): void {
  const ensureClient = () => (client ??= startClient(context));
  startWhenOursOpens(context, ensureClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('linuxAdminConfigs.restartServer', async () => {
      if (client) await client.restart();
      else ensureClient();
    }),
  );
  activateExtras(context, ensureClient);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Features that live in their own modules register here (log viewer, explain, checkers). */
function activateExtras(_context: vscode.ExtensionContext, _client: () => LanguageClient | undefined): void {
  registerToolCheck(_context, _client);
  registerExplain(_context, _client);
  activateLogViewer(_context);
}
