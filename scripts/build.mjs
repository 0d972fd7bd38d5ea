// Bundles the client, the language server, the CLI (and, when present, the log viewer's worker
// and webview) into dist/ with esbuild. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { webExtension, webServer } from './webBundles.mjs';

const watch = process.argv.includes('--watch');
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning', external: ['vscode'] };
const LAZY_CLI = ['check', 'explain', 'journal'];
/** In dist/cli.js, `require('./cli/check')` (etc.) loads dist/cli-check.js. */
const lazyCli = {
  name: 'lazy-cli',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/(check|explain|journal)$/ }, (a) => (/cli\.ts$/.test(a.importer) ? { path: `./cli-${a.path.slice(6)}.js`, external: true } : undefined));
  },
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', ...node },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', ...node },
  // check, explain and --journal (language catalogs, the explain data) are bundles of their own,
  // loaded when they run: grep and stats start without parsing megabytes of code they never use.
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', ...node, plugins: [lazyCli] },
  ...LAZY_CLI.map((m) => ({ entryPoints: [`server/src/cli/${m}.ts`], outfile: `dist/cli-${m}.js`, ...node })),
  { entryPoints: ['client/src/logViewer/indexWorker.ts'], outfile: 'dist/indexWorker.js', ...node, optional: true },
  // Counts byte ranges of a big log on all cores (stats in the CLI and the viewer).
  { entryPoints: ['server/src/logs/engine/statsWorker.ts'], outfile: 'dist/statsWorker.js', ...node },
  {
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
    bundle: true,
    minify: true, // the viewer's first screen waits for this script: keep it small
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: 'linked',
    logLevel: 'warning',
    loader: { '.css': 'css' },
    optional: true,
  },
  // The viewer's charts (uPlot), loaded by the webview when they are first shown.
  { entryPoints: ['client/webview/chartsEntry.ts'], outfile: 'dist/webviewCharts.js', bundle: true, minify: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: 'linked', logLevel: 'warning', optional: true },
  // vscode.dev / github.dev: the web extension and its language server in a Web Worker.
  webExtension,
  webServer,
];

mkdirSync('dist', { recursive: true });
const jobs = entries
  .filter((e) => !e.optional || existsSync(e.entryPoints[0]))
  .map(({ optional, ...opts }) => (watch ? esbuild.context(opts).then((c) => c.watch()) : esbuild.build(opts)));
await Promise.all(jobs);
if (!watch) console.log(`built ${jobs.length} bundles into dist/`);
