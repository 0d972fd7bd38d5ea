import { strict as assert } from 'node:assert';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { Session } from '../bench/lspClient';
import { serverPerTest } from './stdioServer';

function hoverText(h: any): string {
  const c = h?.contents;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x: any) => x.value ?? x).join('\n') : c?.value ?? '';
}

/** The language server over stdio, driven by a plain JSON-RPC client: what any editor sees. */
describe('LSP over stdio: protocol behaviour', function () {
  this.timeout(60_000);
  let s: Session | undefined;
  const startServer = serverPerTest();

  it('publishes diagnostics on open and updates them after an incremental edit', async () => {
    s = await startServer();
    const uri = 'file:///proto/etc/rsyslog.conf';
    let diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'mial.*  /var/log/mail.log\n' },
    });
    const first = await diags;
    assert.ok(first.diagnostics.some((d) => d.code === 'rsyslog/unknown-facility' && d.range.start.line === 0));
    diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: 'mail' }],
    });
    const second = await diags;
    assert.deepEqual(second.diagnostics.filter((d) => d.severity === 1), []);
  });

  it('answers hover in Japanese when the client says its locale is ja', async () => {
    s = await startServer({ locale: 'ja' });
    const uri = 'file:///proto/ja/rsyslog.conf';
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'authpriv.*  /var/log/secure\n' },
    });
    await diags;
    const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.match(hoverText(h), /[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('offers a quick fix that rewrites $ModLoad as module(load=…)', async () => {
    s = await startServer();
    const uri = 'file:///proto/fix/rsyslog.conf';
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rsyslog', version: 1, text: '$ModLoad imudp\n' },
    });
    const { diagnostics } = await diags;
    const actions: any[] = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics },
    });
    const edits = actions.flatMap((a) => Object.values(a.edit?.changes ?? {}).flat() as any[]);
    assert.ok(edits.some((e) => e.newText.includes('module(load="imudp")')), JSON.stringify(actions));
  });

  it('keeps answering after a request is cancelled', async () => {
    s = await startServer();
    const uri = 'file:///proto/cancel/rsyslog.conf';
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'mail.info /var/log/mail.log\n' },
    });
    await diags;
    const cts = new CancellationTokenSource();
    const pending = s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } }, cts.token);
    cts.cancel();
    await pending.catch(() => undefined);
    const items: any = await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
    const labels = (items?.items ?? items ?? []).map((i: any) => i.label);
    assert.ok(labels.includes('info'));
  });

  for (const [locale, pattern] of [
    ['en', /Action must be taken immediately/i],
    ['ja', /[\u3040-\u30ff\u4e00-\u9fff]/],
  ] as const) {
    it(`sends completion items without their docs and gives the ${locale} docs on completionItem/resolve`, async () => {
      s = await startServer({ locale });
      assert.equal((s.initializeResult.capabilities.completionProvider as any)?.resolveProvider, true);
      const uri = `file:///proto/resolve-${locale}/rsyslog.conf`;
      const diags = s.nextDiagnostics(uri);
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'mail.\n' } });
      await diags;
      const res: any = await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
      const items: any[] = res?.items ?? res;
      const alert = items.find((i) => i.label === 'alert');
      assert.ok(alert, items.map((i) => i.label).join(', '));
      assert.ok(alert.kind && alert.detail && alert.textEdit, JSON.stringify(alert));
      assert.equal(alert.documentation, undefined);
      const resolved: any = await s.conn.sendRequest('completionItem/resolve', alert);
      assert.equal(resolved.label, 'alert');
      assert.match(resolved.documentation.value, pattern);
      assert.deepEqual(resolved.textEdit, alert.textEdit);
    });
  }

  it('applies settings changed while running, from any source: pulled on didChangeConfiguration', async () => {
    // VS Code sends didChangeConfiguration for a change in settings.json as for one in the Settings
    // UI; the server then asks for the section again (workspace/configuration).
    s = await startServer();
    let current: unknown = {};
    s.conn.onRequest('workspace/configuration', () => [current]);
    const uri = 'file:///proto/settings/rsyslog.conf';
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'mial.*  /var/log/mail.log\n' } });
    assert.ok((await diags).diagnostics.some((d) => d.code === 'rsyslog/unknown-facility'));
    current = { diagnostics: { severity: { 'rsyslog/unknown-facility': 'off' } }, docs: { language: 'ja' } };
    const off = s.diagnosticsWhere(uri, (p) => p.diagnostics.length === 0);
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // The rule turned off in the settings is gone (a publish of the first check may still be on its way).
    await off;
    const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    assert.match(hoverText(h), /[\u3040-\u30ff\u4e00-\u9fff]/, 'docs.language changed to ja');
  });

  it('applies pushed settings from a client that cannot be asked (no workspace/configuration)', async () => {
    s = await startServer({ configuration: false });
    const uri = 'file:///proto/settings-push/rsyslog.conf';
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'mial.*  /var/log/mail.log\n' } });
    assert.ok((await diags).diagnostics.some((d) => d.code === 'rsyslog/unknown-facility'));
    const cleared = s.diagnosticsWhere(uri, (p) => p.diagnostics.length === 0);
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { linuxAdminConfigs: { validate: { enable: false } } } });
    await cleared;
  });

  it('ignores documents of languages it does not know and requests on unknown files', async () => {
    s = await startServer();
    const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere' }, position: { line: 0, character: 0 } });
    assert.equal(h, null);
  });
});
