// The web language server (dist/web/server.js) in a real Web Worker of headless Chromium, spoken to
// over postMessage as vscode.dev's language client does: diagnostics, hover and completion for an
// rsyslog.conf must come back as on the desktop.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from '../logs/engineHelpers';
import { buildWeb, ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const URI = 'vscode-vfs://github/example/configs/etc/rsyslog.conf';

describe('web language server in a Chromium Web Worker', function () {
  this.timeout(60_000);
  let ctx: BrowserContext | undefined;
  let page: Page;
  let nextId = 1;
  const T = tempDir();

  /** Sends one JSON-RPC message to the worker. */
  const send = (message: object) => page.evaluate((m) => (window as any).worker.postMessage(m), { jsonrpc: '2.0', ...message });
  /** Sends a request and waits for its response. */
  async function request(method: string, params: unknown): Promise<any> {
    const id = nextId++;
    await send({ id, method, params });
    const handle = await page.waitForFunction((i) => (window as any).received.find((m: any) => m.id === i && !m.method), id);
    const response = await handle.jsonValue();
    assert.equal(response.error, undefined, JSON.stringify(response.error));
    return response.result;
  }

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: the browser tests cannot run under CI`);
      console.log(`      (skipped: ${CHROMIUM} is not installed; install chromium to run the browser tests)`);
      this.skip();
    }
    const bundle = path.join(T.dir, 'server.js');
    await buildWeb('webServer', bundle);
    ctx = await chromium.launchPersistentContext(path.join(T.dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    // The bundle as a worker script, the way a web extension host starts it (new Worker(url)).
    await page.evaluate((code) => {
      const w = window as any;
      w.received = [];
      w.errors = [];
      w.worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      w.worker.onmessage = (e: MessageEvent) => {
        w.received.push(e.data);
        // Requests from the server (workspace/configuration …) get the answer of a client without settings.
        if (e.data.method && e.data.id !== undefined) {
          const result = e.data.method === 'workspace/configuration' ? e.data.params.items.map(() => null) : null;
          w.worker.postMessage({ jsonrpc: '2.0', id: e.data.id, result });
        }
      };
      w.worker.onerror = (e: ErrorEvent) => w.errors.push(e.message);
    }, fs.readFileSync(bundle, 'utf8'));
    const init = await request('initialize', { processId: null, rootUri: null, locale: 'en', capabilities: {}, workspaceFolders: null });
    assert.ok(init.capabilities.hoverProvider);
    await send({ method: 'initialized', params: {} });
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/web/rsyslog.conf'), 'utf8');
    await send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'rsyslog', version: 1, text } } });
  });

  after(async () => {
    await ctx?.close();
    T.cleanup();
  });

  it('publishes the typo in a priority, with its line and a suggestion', async () => {
    const handle = await page.waitForFunction((uri) => (window as any).received.find((m: any) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri), URI);
    const { params } = await handle.jsonValue();
    const typo = params.diagnostics.find((d: any) => d.code === 'rsyslog/unknown-priority');
    assert.ok(typo, JSON.stringify(params.diagnostics));
    assert.equal(typo.range.start.line, 2);
    assert.match(typo.message, /'inf'.*'info'/);
    assert.deepEqual(await page.evaluate(() => (window as any).errors), []);
  });

  it('answers hover on a facility with its documentation', async () => {
    const hover = await request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 1 } });
    assert.ok(hover, 'no hover');
    const value: string = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    assert.match(value, /Messages from the mail system/);
    assert.match(value, /written to \/var\/log\/mail\.log without syncing/);
  });

  it('completes priorities after the facility dot', async () => {
    const result = await request('textDocument/completion', { textDocument: { uri: URI }, position: { line: 3, character: 5 } });
    const labels = (Array.isArray(result) ? result : result.items).map((i: any) => i.label);
    assert.ok(labels.includes('info'), labels.join(' '));
    assert.ok(labels.includes('err'), labels.join(' '));
  });

  it('formats the document (the editing requests are served too)', async () => {
    const uri = 'vscode-vfs://github/example/configs/etc/rsyslog.d/50-app.conf';
    const text = 'if $programname == "app" then {\naction(type="omfile" file="/var/log/app.log")\n}\n';
    await send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'rsyslog', version: 1, text } } });
    const edits = await request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(
      edits.map((e: any) => [e.range.start.line, e.newText]),
      [[1, '    action(type="omfile" file="/var/log/app.log")']],
    );
  });

  it('explains a log line from the pattern tables in the worker', async () => {
    const line = 'Dec 27 00:01:08 sv sshd[99]: Failed password for invalid user oracle from 192.0.2.7 port 4242 ssh2';
    const result = await request('linuxAdminConfigs/explainLine', { text: line, locale: 'en' });
    assert.match(result.markdown, /sshd/);
    assert.match(result.markdown, /192\.0\.2\.7/);
  });

  it('does not guess about the host: no unknown-user finding, other logrotate checks still run', async () => {
    const uri = 'vscode-vfs://github/example/configs/etc/logrotate.d/app';
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/web/logrotate-app'), 'utf8');
    await send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'logrotate', version: 1, text } } });
    const handle = await page.waitForFunction((u) => (window as any).received.find((m: any) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === u), uri);
    const codes = (await handle.jsonValue()).params.diagnostics.map((d: any) => d.code);
    assert.ok(!codes.includes('logrotate/unknown-user'), codes.join(' '));
    assert.ok(codes.includes('logrotate/bad-count'), codes.join(' '));
  });

  it('navigates among the open documents: definition of a template, and a rename in both files', async () => {
    const main = 'vscode-vfs://github/example/configs/nav/etc/rsyslog.conf';
    const drop = 'vscode-vfs://github/example/configs/nav/etc/rsyslog.d/10-remote.conf';
    const mainText = 'template(name="RemoteFormat" type="string" string="%msg%\\n")\ninclude(file="/etc/rsyslog.d/*.conf")\n';
    const dropText = 'action(type="omfile" file="/var/log/remote.log" template="RemoteFormat")\n';
    await send({ method: 'textDocument/didOpen', params: { textDocument: { uri: main, languageId: 'rsyslog', version: 1, text: mainText } } });
    await send({ method: 'textDocument/didOpen', params: { textDocument: { uri: drop, languageId: 'rsyslog', version: 1, text: dropText } } });
    const at = { textDocument: { uri: drop }, position: { line: 0, character: dropText.indexOf('RemoteFormat') + 2 } };
    const defs = await request('textDocument/definition', at);
    const list = Array.isArray(defs) ? defs : [defs];
    assert.deepEqual(list.map((l: any) => [l.uri, l.range.start.line]), [[main, 0]]);
    const edit = await request('textDocument/rename', { ...at, newName: 'ForwardFormat' });
    const changed = edit.changes ? Object.keys(edit.changes) : edit.documentChanges.map((c: any) => c.textDocument.uri);
    assert.deepEqual([...changed].sort(), [drop, main].sort());
  });

  it('refuses the installed-tool check, saying it is not available in the browser', async () => {
    const id = nextId++;
    await send({ id, method: 'linuxAdminConfigs/checkWithTool', params: { uri: URI } });
    const handle = await page.waitForFunction((i) => (window as any).received.find((m: any) => m.id === i), id);
    const response = await handle.jsonValue();
    assert.match(response.error?.message ?? '', /not available in the browser/);
  });
});
