import { strict as assert } from 'node:assert';
import type { Session } from '../bench/lspClient';
import { serverPerTest } from './stdioServer';

/** Formatting, signature help, selection ranges and semantic tokens over stdio, as an editor sends them. */
describe('LSP over stdio: editing requests', function () {
  this.timeout(60_000);
  let s: Session | undefined;
  const startServer = serverPerTest();

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
  it('answers signature help inside action() with the parameter under the cursor', async () => {
    s = await startServer();
    const uri = 'file:///fmt/etc/rsyslog.d/30-sig.conf';
    await open(uri, 'rsyslog', 'action(type="omfile" file="/var/log/a.log")\n');
    const h: any = await s.conn.sendRequest('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 0, character: 24 } });
    const sig = h.signatures[h.activeSignature];
    const [a, b] = sig.parameters[h.activeParameter].label;
    assert.equal(sig.label.slice(a, b), 'file=path');
  });

  it('sends semantic tokens with the legend it announced, and selection ranges', async () => {
    s = await startServer();
    const caps = s.initializeResult.capabilities as any;
    assert.deepEqual(caps.semanticTokensProvider.legend.tokenTypes.slice(0, 3), ['type', 'property', 'function']);
    const uri = 'file:///fmt/etc/iptables/rules.v4';
    await open(uri, 'iptables', '*filter\n:LOGDROP - [0:0]\n-A INPUT -j LOGDROP\nCOMMIT\n');
    const t: any = await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    // :LOGDROP (function, declaration), INPUT (built-in keyword), LOGDROP (function).
    assert.deepEqual(t.data, [1, 1, 7, 2, 1, 1, 3, 5, 3, 2, 0, 9, 7, 2, 0]);
    const [r]: any[] = await s.conn.sendRequest('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 2, character: 12 }] });
    assert.deepEqual(r.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 19 } });
    assert.deepEqual(r.parent.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } });
  });
});
