import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from './languages';

/** Mirrors server/src/tools/request.ts (the client bundle does not import server code). */
interface CheckWithToolResult {
  tool: string;
  status: 'ok' | 'problems' | 'missing' | 'needs-root' | 'timeout' | 'failed' | 'unsupported';
  message: string;
  diagnostics: unknown[];
  others: { uri: string; diagnostics: unknown[] }[];
  commands: string[];
  output: string;
}

const REQUEST = 'linuxAdminConfigs/checkWithTool';

/**
 * "Check with the Installed Tool": runs rsyslogd -N1, logrotate -d, firewall-offline-cmd
 * --check-config or iptables-restore --test on the host (over Remote-SSH, the server being
 * edited) through the language server, and shows what they report in a diagnostic collection
 * of its own per tool, so the tool's verdict stays apart from ours. Optionally on every save.
 */
export function registerToolCheck(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const collections = new Map<string, vscode.DiagnosticCollection>();
  /** For each checked document, the other files its last check put diagnostics on. */
  const touched = new Map<string, { tool: string; uris: string[] }>();
  const output = vscode.window.createOutputChannel('Linux Admin Configs: Tool Check');
  context.subscriptions.push(output);
  const collection = (tool: string) => {
    let c = collections.get(tool);
    if (!c) {
      c = vscode.languages.createDiagnosticCollection(tool);
      collections.set(tool, c);
      context.subscriptions.push(c);
    }
    return c;
  };

  const run = async (doc: vscode.TextDocument, interactive: boolean) => {
    const c = client();
    if (!c || !LANGUAGE_IDS.includes(doc.languageId)) {
      if (interactive) void vscode.window.showInformationMessage(vscode.l10n.t('Open an rsyslog, logrotate, firewalld or iptables file to check it with the installed tool.'));
      return;
    }
    const timeoutSeconds = vscode.workspace.getConfiguration('linuxAdminConfigs.toolCheck', doc).get<number>('timeout', 30);
    const run = () => c.sendRequest<CheckWithToolResult | null>(REQUEST, { uri: c.code2ProtocolConverter.asUri(doc.uri), timeoutSeconds });
    const result = interactive
      ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking with the installed tool…') }, run)
      : await run();
    if (!result) return;
    output.appendLine(`[${new Date().toISOString()}] ${doc.uri.fsPath}`);
    for (const cmd of result.commands) output.appendLine(`$ ${cmd}`);
    if (result.output) output.appendLine(result.output);
    output.appendLine(result.message + '\n');

    const col = collection(result.tool);
    const previous = touched.get(doc.uri.toString());
    if (previous) for (const u of previous.uris) collections.get(previous.tool)?.delete(vscode.Uri.parse(u));
    const convert = async (list: unknown[]) => {
      const diags = await c.protocol2CodeConverter.asDiagnostics(list as any);
      for (const d of diags) d.source = result.tool;
      return diags;
    };
    col.set(doc.uri, await convert(result.diagnostics));
    for (const o of result.others) col.set(c.protocol2CodeConverter.asUri(o.uri), await convert(o.diagnostics));
    touched.set(doc.uri.toString(), { tool: result.tool, uris: result.others.map((o) => o.uri) });

    if (!interactive) return;
    const showOutput = vscode.l10n.t('Show Output');
    const show = (pick: string | undefined) => {
      if (pick === showOutput) output.show(true);
    };
    switch (result.status) {
      case 'ok':
      case 'unsupported':
        void vscode.window.showInformationMessage(result.message, showOutput).then(show);
        break;
      case 'problems':
      case 'missing':
      case 'needs-root':
        void vscode.window.showWarningMessage(result.message, showOutput).then(show);
        break;
      default:
        void vscode.window.showErrorMessage(result.message, showOutput).then(show);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('linuxAdminConfigs.checkWithTool', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an rsyslog, logrotate, firewalld or iptables file to check it with the installed tool.'));
        return;
      }
      await run(doc, true);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId === 'journald' || !LANGUAGE_IDS.includes(doc.languageId)) return;
      if (!vscode.workspace.getConfiguration('linuxAdminConfigs.toolCheck', doc).get<boolean>('onSave', false)) return;
      void run(doc, false);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      for (const c of collections.values()) c.delete(doc.uri);
    }),
  );
}
