// The browser build (vscode.dev, github.dev) may use nothing of Node: a web extension host has no
// `require` for built-in modules, so one such reference would break the whole extension there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../logs/engineHelpers';
import { buildWeb, ROOT } from './helpers';

const NODE_MODULES = /require\(\s*["'](node:[\w/]+|fs|path|os|child_process|worker_threads|net|url|util|crypto|stream)["']\s*\)/g;

describe('browser build (vscode.dev)', function () {
  this.timeout(60_000);
  const T = tempDir();
  after(() => T.cleanup());

  it('bundles the web language server with no Node module referenced', async () => {
    const out = path.join(T.dir, 'server.js');
    const inputs = await buildWeb('webServer', out);
    const code = fs.readFileSync(out, 'utf8');
    assert.deepEqual(code.match(NODE_MODULES) ?? [], []);
    // The language modules are in, the Node-only server parts are not.
    assert.ok(inputs.some((f) => f.startsWith('server/src/languages/rsyslog/')));
    for (const nodeOnly of ['server/src/host.ts', 'server/src/documentStore.ts', 'server/src/tools/exec.ts', 'server/src/transport.ts', 'server/src/navigationRequests.ts'])
      assert.ok(!inputs.includes(nodeOnly), `${nodeOnly} is in the web server bundle`);
    assert.ok(!inputs.some((f) => f.includes('node_modules/vscode-languageserver/lib/node/')), 'the node entry of vscode-languageserver is bundled');
  });

  it('bundles the web extension with only `vscode` left to require', async () => {
    const out = path.join(T.dir, 'extension.js');
    const inputs = await buildWeb('webExtension', out);
    const code = fs.readFileSync(out, 'utf8');
    const required = new Set([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.ok(!inputs.some((f) => f.includes('client/src/logViewer/') || f === 'client/src/toolCheck.ts'));
  });

  it('is declared in the manifest and shipped in the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.browser, './dist/web/extension.js');
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/web/*.js'));
    // The commands that need the host machine are hidden in the browser.
    const palette: { command: string; when?: string }[] = manifest.contributes.menus.commandPalette;
    for (const id of ['linuxAdminConfigs.checkWithTool', 'linuxAdminConfigs.logViewer.open', 'linuxAdminConfigs.journal.open'])
      assert.match(palette.find((m) => m.command === id)?.when ?? '', /!linuxAdminConfigs\.inBrowser/, id);
  });
});
