import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const REQUEST = 'linuxAdminConfigs/explainLine';
const SCHEME = 'linux-admin-configs-explain';

interface ExplainResponse {
  markdown: string;
  result: { summary: string } | null;
}

/** Read-only Markdown documents holding explanations, shown through the Markdown preview. */
class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  add(markdown: string): vscode.Uri {
    // One document per explanation; keep only the latest few so memory stays bounded.
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${vscode.l10n.t('Log line explained')} ${++this.counter}.md` });
    this.docs.set(uri.toString(), markdown);
    if (this.docs.size > 20) this.docs.delete(this.docs.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }
}

/** The docs language: the setting, or VS Code's display language for `auto`. */
function docsLocale(): 'en' | 'ja' {
  const s = vscode.workspace.getConfiguration('linuxAdminConfigs').get<string>('docs.language', 'auto');
  if (s === 'en' || s === 'ja') return s;
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** What the log viewer knows about the text: its file's dominant format, the journal entry's PRIORITY. */
function contextOf(arg: unknown): { format?: string; priority?: number } {
  if (!arg || typeof arg !== 'object') return {};
  const a = arg as { format?: unknown; priority?: unknown };
  return {
    format: typeof a.format === 'string' ? a.format : undefined,
    priority: typeof a.priority === 'number' && Number.isInteger(a.priority) && a.priority >= 0 && a.priority <= 7 ? a.priority : undefined,
  };
}

/** The text to explain: the argument's text, else the selection, else the cursor's line. */
function textToExplain(arg: unknown): string | undefined {
  if (arg && typeof arg === 'object' && typeof (arg as { text?: unknown }).text === 'string') return (arg as { text: string }).text;
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const sel = editor.selection;
  if (!sel.isEmpty) return editor.document.getText(sel);
  return editor.document.lineAt(sel.active.line).text;
}

/**
 * Registers "Explain this log line" (`linuxAdminConfigs.explainLogLine`): works on the
 * selection or current line of any editor, or on `{ text }` passed by the log viewer, and
 * opens the explanation as a Markdown preview beside the editor.
 */
export function registerExplain(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const docs = new ExplanationDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs),
    vscode.commands.registerCommand('linuxAdminConfigs.explainLogLine', async (arg?: unknown) => {
      const text = textToExplain(arg);
      if (!text || !text.trim()) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a log line (or select lines) to explain it.'));
        return;
      }
      const c = client();
      if (!c) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running; cannot explain the line.'));
        return;
      }
      let res: ExplainResponse;
      try {
        if (!c.isRunning()) await c.start();
        res = await c.sendRequest<ExplainResponse>(REQUEST, { text, locale: docsLocale(), ...contextOf(arg) });
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not explain the line: {0}', String((e as Error)?.message ?? e)));
        return;
      }
      if (!res?.markdown) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to explain on this line.'));
        return;
      }
      const uri = docs.add(res.markdown);
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      } catch {
        // Without the built-in Markdown extension, show the Markdown source instead.
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      }
    }),
  );
}
