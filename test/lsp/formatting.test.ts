import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServer, type Session } from '../bench/lspClient';

const SERVER = path.resolve(__dirname, '../../dist/server.js');

/** Formatting requests over stdio, as an editor sends them. */
describe('LSP over stdio: formatting', function () {
  this.timeout(60_000);
  let s: Session | undefined;
  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
  });
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  async function open(uri: string, languageId: string, text: string) {
    const diags = s!.nextDiagnostics(uri);
    await s!.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await diags;
  }

  it('formats a whole logrotate file with the editor tab size, and a range of it', async () => {
    s = await startServer();
    const uri = 'file:///fmt/etc/logrotate.d/app';
    await open(uri, 'logrotate', '/var/log/a.log {\ndaily\n}\n/var/log/b.log {\n      weekly\n}\n');
    const all: any[] = await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(
      all.map((e) => [e.range.start.line, e.newText]),
      [
        [1, '  daily'],
        [4, '  weekly'],
      ],
    );
    const some: any[] = await s.conn.sendRequest('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 5, character: 1 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(some.map((e) => e.range.start.line), [4]);
  });

  it('formats on type after a closing brace, only on that line', async () => {
    s = await startServer();
    const uri = 'file:///fmt/etc/rsyslog.d/10-app.conf';
    await open(uri, 'rsyslog', 'if $msg contains "x" then {\nstop\n    }\n');
    const edits: any[] = await s.conn.sendRequest('textDocument/onTypeFormatting', {
      textDocument: { uri },
      position: { line: 2, character: 5 },
      ch: '}',
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[2, '}']]);
  });

  it('reads the width from linuxAdminConfigs.format', async () => {
    s = await startServer();
    s.conn.onRequest('workspace/configuration', (p: any) => p.items.map((i: any) => (i.section === 'linuxAdminConfigs.format' ? { width: 40 } : {})));
    const uri = 'file:///fmt/etc/rsyslog.d/20-fwd.conf';
    await open(uri, 'rsyslog', 'action(type="omfwd" target="10.0.0.1" port="514")\n');
    const edits: any[] = await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits.map((e) => e.newText), ['action(\n  type="omfwd"\n  target="10.0.0.1"\n  port="514"\n)']);
  });

  it('answers a malformed range with InvalidParams and an unknown file with no edits', async () => {
    s = await startServer();
    await assert.rejects(
      s.conn.sendRequest('textDocument/rangeFormatting', { textDocument: { uri: 'file:///nowhere' }, range: 'all', options: { tabSize: 2, insertSpaces: true } }),
      (e: any) => e.code === -32602,
    );
    assert.deepEqual(await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri: 'file:///nowhere' }, options: { tabSize: 2, insertSpaces: true } }), []);
  });
});
