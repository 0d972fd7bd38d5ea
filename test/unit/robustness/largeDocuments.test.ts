import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firewalldZone, largeDocument, randomBytes } from '../../bench/largeDocuments';
import { startServer, type Session } from '../../bench/lspClient';

const SERVER = path.resolve(__dirname, '../../../dist/server.js');
const RSS_LIMIT_MB = 1536;

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Counts symbols at every depth. */
const countSymbols = (list: any[]): number => list.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);

/**
 * Bounded robustness tier: very large documents in the real server over stdio. Before the
 * limits, a 1-million-line firewalld zone killed the server on open, an outline request on a large
 * rsyslog.conf ran out of memory, and random bytes gave tens of thousands of diagnostics.
 */
describe('robustness: very large documents in the language server (LSP over stdio)', function () {
  this.timeout(120_000);
  let s: Session | undefined;
  let exited: string | null = null;
  const small = 'file:///small/rsyslog.conf';

  before(async function () {
    if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
    s = await startServer({ locale: 'en' });
    s.child.on('exit', (code, sig) => (exited = String(sig ?? code)));
    const diags = s.nextDiagnostics(small);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'rsyslog', version: 1, text: 'mail.info /var/log/mail.log\nkern.bogus /var/log/k\n' } });
    await diags;
  });
  after(async () => {
    await s?.close();
  });

  /** Opens a document and waits for its diagnostics; then the small document must still be served. */
  async function open(name: string, languageId: string, text: string) {
    const uri = `file:///large/${name}`;
    const diags = s!.nextDiagnostics(uri);
    await s!.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const published = await diags;
    const hover: any = await s!.conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 1 } });
    assert.match(JSON.stringify(hover?.contents ?? ''), /mail/i, `after opening ${name}, the hover on another document is gone`);
    assert.equal(exited, null, `the server exited (${exited}) on ${name}`);
    return { uri, diagnostics: published.diagnostics };
  }

  async function requests(uri: string) {
    const at = { line: 2, character: 1 };
    const symbols: any[] = await s!.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const folding: any[] = await s!.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    const completion: any = await s!.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at });
    const hover: any = await s!.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: at });
    const far: any = await s!.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 900_000, character: 3 } });
    const actions: any[] = await s!.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    return { symbols, folding, completion: completion?.items ?? completion ?? [], hover, far: far?.items ?? far ?? [], actions };
  }

  it('a 40 MB rsyslog.conf: one notice says only its start is checked; outline and folding are capped at 5000', async () => {
    const { uri, diagnostics } = await open('rsyslog.conf', 'rsyslog', largeDocument('rsyslog', 40_000_000));
    const notice = diagnostics.filter((d) => d.code === 'large-file');
    assert.equal(notice.length, 1);
    assert.equal(notice[0].range.start.line, 0);
    assert.match(notice[0].message, /This file is 3\d\.\d MB .*only its first 1\.0 MB/);
    const r = await requests(uri);
    assert.ok(countSymbols(r.symbols) > 0 && countSymbols(r.symbols) <= 5000, `symbols: ${countSymbols(r.symbols)}`);
    assert.ok(r.folding.length > 0 && r.folding.length <= 5000, `folding: ${r.folding.length}`);
    assert.ok(r.completion.length > 0 && r.completion.length <= 1000);
    // Past the checked part there is nothing to complete (rather than answers from another line).
    assert.deepEqual(r.far, []);
  });

  it('a firewalld zone of 1 million lines opens, is checked in its start, and answers', async () => {
    const { uri, diagnostics } = await open('zone.xml', 'firewalld', firewalldZone(1_000_000));
    assert.equal(diagnostics.filter((d) => d.code === 'large-file').length, 1);
    assert.ok(diagnostics.length <= 1002, `diagnostics: ${diagnostics.length}`);
    // Cutting the zone leaves <zone> open at the cut: that is not reported as the file's problem.
    assert.ok(!diagnostics.some((d) => /zone/.test(d.message) && /clos|end/i.test(d.message)), JSON.stringify(diagnostics.slice(0, 3)));
    const r = await requests(uri);
    assert.ok(countSymbols(r.symbols) <= 5000 && r.folding.length <= 5000);
  });

  for (const lang of ['iptables', 'rsyslog', 'logrotate', 'journald', 'firewalld-conf', 'syslog-log']) {
    it(`5 MB of random bytes as ${lang}: at most 1000 diagnostics plus the notices`, async () => {
      const { uri, diagnostics } = await open(`random.${lang}`, lang, randomBytes(5_000_000, lang.length));
      assert.ok(diagnostics.length <= 1002, `${diagnostics.length} diagnostics`);
      const r = await requests(uri);
      assert.ok(countSymbols(r.symbols) <= 5000 && r.folding.length <= 5000 && r.completion.length <= 1000 && r.actions.length <= 100);
    });
  }

  it(`after all of them the server is alive and its peak RSS stayed under ${RSS_LIMIT_MB} MB`, () => {
    assert.equal(exited, null);
    const peak = peakRssMb(s!.child.pid!);
    assert.ok(peak < RSS_LIMIT_MB, `peak RSS ${peak.toFixed(0)} MB`);
    console.log(`      server peak RSS ${peak.toFixed(0)} MB`);
  });
});
