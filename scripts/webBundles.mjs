// esbuild options of the browser build (vscode.dev, github.dev): the web extension and the language
// server it starts in a Web Worker. Shared by build.mjs and the tests that check these bundles.
// The server reuses the Node server's modules; `vscode-languageserver/node` resolves to the library's
// browser entry by its own package.json ("browser" field), and `node:url` is replaced by a small
// file: URL helper (server/src/browser/nodeUrl.ts).
const common = { bundle: true, platform: 'browser', target: 'es2022', sourcemap: 'linked', logLevel: 'warning' };

export const webServer = {
  ...common,
  entryPoints: ['server/src/browserServer.ts'],
  outfile: 'dist/web/server.js',
  format: 'iife',
  alias: { 'node:url': './server/src/browser/nodeUrl.ts' },
};

export const webExtension = {
  ...common,
  entryPoints: ['client/src/browserExtension.ts'],
  outfile: 'dist/web/extension.js',
  format: 'cjs',
  external: ['vscode'],
};
