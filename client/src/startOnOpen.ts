import * as vscode from 'vscode';
import { LANGUAGE_IDS } from './languages';

/**
 * Calls `start` now if a document of ours is open, else when the first one opens: a window
 * without such files pays nothing for the language server (desktop and browser alike).
 */
export function startWhenOursOpens(context: vscode.ExtensionContext, start: () => unknown): void {
  const isOurs = (d: vscode.TextDocument) => LANGUAGE_IDS.includes(d.languageId);
  if (vscode.workspace.textDocuments.some(isOurs)) {
    start();
    return;
  }
  const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
    if (!isOurs(d)) return;
    start();
    waiting.dispose();
  });
  context.subscriptions.push(waiting);
}
