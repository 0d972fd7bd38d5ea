import * as vscode from 'vscode';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/**
 * The viewer's page: scripts only from dist/ with a nonce, styles only from dist/ (plus the
 * style properties the script sets through the CSSOM), no inline handlers, nothing remote.
 */
export function viewerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.css'));
  // The charts (uPlot) load on first use, with the same nonce: the first screen waits for less.
  const charts = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webviewCharts.js'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>Log Viewer</title>
</head>
<body>
<div id="app"></div>
<script nonce="${n}" src="${js}" data-charts="${charts}"></script>
</body>
</html>`;
}
