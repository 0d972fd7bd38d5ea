import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from '../bench/lspClient';
import { serverPerTest } from './stdioServer';

const TREE = path.resolve(__dirname, '../fixtures/navigation');
const uriOf = (rel: string) => pathToFileURL(path.join(TREE, rel)).href;

/** Definition, rename and document links through the real server, over a workspace holding a copy of a system tree. */
describe('LSP over stdio: navigation', function () {
  this.timeout(60_000);
  let s: Session | undefined;
  const startServer = serverPerTest();

  async function open(rel: string, languageId: string): Promise<string> {
    const uri = uriOf(rel);
    const diags = s!.nextDiagnostics(uri);
    await s!.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: fs.readFileSync(path.join(TREE, rel), 'utf8') } });
    await diags;
    return uri;
  }

  /** Asks until the answer satisfies `ok` (the workspace scan runs after the first diagnostics). */
  async function poll<T>(ask: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    let v = await ask();
    for (let i = 0; i < 100 && !ok(v); i++) {
      await new Promise((r) => setTimeout(r, 50));
      v = await ask();
    }
    return v;
  }

  it('announces the navigation capabilities', async () => {
    s = await startServer({ rootUri: pathToFileURL(TREE).href });
    const c = s.initializeResult.capabilities;
    assert.equal(c.definitionProvider, true);
    assert.equal(c.referencesProvider, true);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.ok(c.documentLinkProvider);
  });

  it('goes from a drop-in to the template in rsyslog.conf, and renames it in both files', async () => {
    s = await startServer({ rootUri: pathToFileURL(TREE).href });
    const uri = await open('etc/rsyslog.d/10-remote.conf', 'rsyslog');
    const at = { textDocument: { uri }, position: { line: 1, character: 70 } };
    const defs: any[] = await poll(() => s!.conn.sendRequest('textDocument/definition', at), (d: any) => Array.isArray(d) && d.length > 0);
    assert.deepEqual(defs.map((d) => [d.uri, d.range.start.line, d.range.start.character]), [[uriOf('etc/rsyslog.conf'), 1, 15]]);
    const edit: any = await s.conn.sendRequest('textDocument/rename', { ...at, newName: 'WideFormat' });
    const files = Object.keys(edit.changes).sort();
    assert.deepEqual(files, [uriOf('etc/rsyslog.conf'), uriOf('etc/rsyslog.d/10-remote.conf')].sort());
    assert.equal(edit.changes[uriOf('etc/rsyslog.conf')].length, 2);
  });

  it('refuses a rename rsyslog would reject with an error that says why', async () => {
    s = await startServer({ rootUri: pathToFileURL(TREE).href });
    const uri = await open('etc/rsyslog.d/10-remote.conf', 'rsyslog');
    await assert.rejects(
      s.conn.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 42 }, newName: 'bad name' }),
      (e: any) => typeof e.message === 'string' && /ruleset name/.test(e.message) && typeof e.code === 'number',
    );
  });

  it("goes from a zone's service to firewalld's own definition when the workspace has none", async function () {
    // This machine's /etc/firewalld comes before what firewalld ships, as firewalld reads them.
    const shipped = ['/etc/firewalld/services/ssh.xml', '/usr/lib/firewalld/services/ssh.xml'].find((f) => fs.existsSync(f));
    if (!shipped) this.skip();
    s = await startServer({ rootUri: pathToFileURL(TREE).href });
    const uri = await open('etc/firewalld/zones/internal.xml', 'firewalld');
    const defs: any[] = await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: 18 } });
    assert.deepEqual(defs.map((d) => d.uri), [pathToFileURL(shipped).href]);
  });

  it('links includes into the copy of the tree and log paths to the log viewer; the drop-in inherits weekly and rotate 4', async () => {
    s = await startServer({ rootUri: pathToFileURL(TREE).href });
    const conf = await open('etc/logrotate.conf', 'logrotate');
    const links: any[] = await s.conn.sendRequest('textDocument/documentLink', { textDocument: { uri: conf } });
    assert.deepEqual(links.map((l) => l.target), [uriOf('etc/logrotate.d')]);
    const httpd = await open('etc/logrotate.d/httpd', 'logrotate');
    const logLinks: any[] = await s.conn.sendRequest('textDocument/documentLink', { textDocument: { uri: httpd } });
    assert.equal(decodeURIComponent(logLinks[0].target), `command:linuxAdminConfigs.logViewer.open?${JSON.stringify([uriOf('var/log/httpd/access_log')])}`);
    const hover: any = await poll(
      () => s!.conn.sendRequest('textDocument/hover', { textDocument: { uri: httpd }, position: { line: 0, character: 5 } }),
      (h: any) => /weekly/.test(h?.contents?.value ?? ''),
    );
    assert.match(hover.contents.value, /rotated weekly \(inherited from logrotate\.conf, line 1\)/);
    assert.match(hover.contents.value, /4 generations kept/);
  });

  it('resolves absolute paths in the linuxAdminConfigs.systemRoot folder, for hovers too', async () => {
    // logrotate.conf lies outside any system tree; its `include /etc/logrotate.d` names the copy's folder only through the setting.
    const root = path.resolve(__dirname, '../fixtures/navigation-root');
    s = await startServer({ rootUri: pathToFileURL(root).href, settings: { systemRoot: 'copy' } });
    const rel = path.join(root, 'copy/etc/logrotate.d/httpd');
    const httpd = pathToFileURL(rel).href;
    const diags = s.nextDiagnostics(httpd);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: httpd, languageId: 'logrotate', version: 1, text: fs.readFileSync(rel, 'utf8') } });
    await diags;
    const hover: any = await poll(
      () => s!.conn.sendRequest('textDocument/hover', { textDocument: { uri: httpd }, position: { line: 0, character: 5 } }),
      (h: any) => /weekly/.test(h?.contents?.value ?? ''),
    );
    assert.match(hover.contents.value, /rotated weekly \(inherited from logrotate\.conf, line 1\)/);
  });
});
