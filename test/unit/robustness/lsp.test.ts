import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { startServer, type Session } from '../../bench/lspClient';
import { rng } from '../../helpers/random';

const SERVER = path.resolve(__dirname, '../../../dist/server.js');
const FIX = path.resolve(__dirname, '../../fixtures');

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

function hoverText(h: any): string {
  const c = h?.contents;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x: any) => x.value ?? x).join('\n') : (c?.value ?? '');
}

interface Lsp {
  file: string;
  languageId: string;
  hover: { line: number; character: number; contains: string };
  completion: { line: number; character: number; label: string };
}
const LANGS = ['rsyslog', 'logrotate', 'journald', 'firewalld', 'firewalld-conf', 'iptables'];
const lspFixture = (lang: string) => {
  const spec = JSON.parse(fs.readFileSync(path.join(FIX, lang, 'lsp.json'), 'utf8')) as Lsp;
  return { spec, text: fs.readFileSync(path.join(FIX, lang, spec.file), 'utf8') };
};

/** Texts meant to hurt: deep nesting, unclosed comments and strings, a 1 MB line, controls. */
const HOSTILE: Record<string, string> = {
  rsyslog: '{'.repeat(5000) + '\nif $msg contains "x" then {\n'.repeat(1500),
  logrotate: '/var/log/x {\npostrotate\n' + 'echo "\n'.repeat(3000),
  journald: '[Journal]\nStorage=' + 'x'.repeat(1 << 20),
  firewalld: '<zone>' + '<a>'.repeat(10000) + '<!--'.repeat(3000),
  'firewalld-conf': '['.repeat(10000) + '\n=\u202e\0',
  iptables: '*filter\n-A INPUT ' + '-m comment --comment "'.repeat(3000) + '\n',
};

/** A random incremental edit: usually a valid range, sometimes past the end or reversed. */
function randomChange(r: () => number, lines: number) {
  const line = () => Math.floor(r() * (lines + (r() < 0.1 ? 50 : 1)));
  const ch = () => Math.floor(r() * (r() < 0.1 ? 10_000 : 80));
  let start = { line: line(), character: ch() };
  let end = { line: line(), character: ch() };
  if (r() < 0.85 && (end.line < start.line || (end.line === start.line && end.character < start.character))) [start, end] = [end, start];
  const pieces = ['', 'x', '{', '}', '"', '\n', '\r\n', '<a>', '</a>', '*.* /var/log/x\n', '\u202e', '\0', 'if $msg then {', '-A INPUT -j', '[Journal]\n'];
  return { range: { start, end }, text: pieces[Math.floor(r() * pieces.length)] };
}

describe('robustness: the language server under abuse (LSP over stdio)', function () {
  this.timeout(90_000);
  let s: Session | undefined;
  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
  });
  after(async () => {
    await s?.close();
  });

  it('survives 200 documents, an edit storm, cancellations and nonsense requests, then answers correctly with bounded memory', async () => {
    s = await startServer();
    const conn = s.conn;
    const pid = s.child.pid!;
    let exited: number | null | string = null;
    s.child.on('exit', (code, sig) => (exited = code ?? sig ?? 'exit'));
    const r = rng(9);
    const docs: { uri: string; version: number; lines: number }[] = [];
    for (let i = 0; i < 200; i++) {
      const lang = LANGS[i % LANGS.length];
      const { spec, text } = lspFixture(lang);
      const hostile = i < LANGS.length;
      const body = hostile ? HOSTILE[lang] : text;
      const uri = `file:///abuse/${i}/${spec.file}`;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text: body } });
      docs.push({ uri, version: 1, lines: body.split('\n').length });
    }
    // Let the first validations run before measuring the baseline.
    await conn.sendRequest('textDocument/hover', { textDocument: { uri: docs[10].uri }, position: { line: 0, character: 0 } });
    await new Promise((res) => setTimeout(res, 1500));
    const rssBefore = rssKb(pid);

    const pending: Promise<unknown>[] = [];
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction'];
    const started = Date.now();
    let edits = 0;
    while (Date.now() - started < 4000) {
      for (let k = 0; k < 20; k++) {
        const d = docs[Math.floor(r() * docs.length)];
        d.version++;
        edits++;
        const changes = Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomChange(r, d.lines));
        void conn.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: changes });
        const method = methods[Math.floor(r() * methods.length)];
        const unopened = r() < 0.1;
        const position = { line: Math.floor(r() * (d.lines + 5)), character: Math.floor(r() * (r() < 0.1 ? 1e6 : 60)) };
        const params: any = { textDocument: { uri: unopened ? `file:///never/opened/${edits}.conf` : d.uri }, position };
        if (method === 'textDocument/codeAction') {
          params.range = { start: position, end: position };
          params.context = { diagnostics: [{ range: { start: position, end: position }, message: 'x', code: 'rsyslog/unknown-facility', source: 'linux-admin-configs', data: { bogus: true } }] };
        }
        const cts = new CancellationTokenSource();
        pending.push(conn.sendRequest(method, params, cts.token).catch(() => undefined));
        if (r() < 0.3) cts.cancel();
        if (r() < 0.05) {
          // The explain request with odd parameters: not a string, a huge line, nothing at all.
          const odd = [{ text: 42 }, { text: { a: 1 } }, null, { text: 'Jan  1 00:00:00 h sshd[1]: ' + 'x'.repeat(200_000) }, { text: '\u202e\x1b[31m\n'.repeat(500), locale: 'xx' }];
          pending.push(conn.sendRequest('linuxAdminConfigs/explainLine', odd[Math.floor(r() * odd.length)]).catch(() => undefined));
        }
      }
      // A change to a document that was never opened, and one to a closed one.
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///abuse/closed/rsyslog.conf', version: 7 }, contentChanges: [{ text: 'x' }] });
      await new Promise((res) => setTimeout(res, 50));
    }
    const victim = docs.pop()!;
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: victim.uri } });
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: victim.uri, version: 99 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: victim.uri } });

    const settled = await Promise.race([Promise.all(pending).then(() => true), new Promise((res) => setTimeout(() => res(false), 30_000))]);
    assert.equal(settled, true, `the server left requests unanswered after ${edits} edits`);
    assert.equal(exited, null, `the server exited (${exited})`);

    // After the storm: fresh documents get correct answers.
    for (const lang of ['rsyslog', 'iptables']) {
      const { spec, text } = lspFixture(lang);
      const uri = `file:///after/${spec.file}`;
      const diags = s.nextDiagnostics(uri);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text } });
      await diags;
      const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: spec.hover.line, character: spec.hover.character } });
      assert.ok(hoverText(h).includes(spec.hover.contains), `${lang} hover after the storm: ${hoverText(h).slice(0, 200)}`);
      const items: any = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: spec.completion.line, character: spec.completion.character } });
      const labels = (items?.items ?? items ?? []).map((i: any) => i.label);
      assert.ok(labels.includes(spec.completion.label), `${lang} completion after the storm lacks ${spec.completion.label}`);
    }
    const rssAfter = rssKb(pid);
    // 200 documents re-parsed thousands of times: memory may grow a little, never without bound.
    assert.ok(rssAfter < rssBefore * 2 + 150_000, `RSS grew from ${rssBefore} kB to ${rssAfter} kB`);
    assert.equal(s.child.exitCode, null);
    assert.ok(fs.existsSync(`/proc/${pid}`), 'the server process is gone');
    console.log(`      ${edits} edits, ${pending.length} requests in ~4 s; server RSS ${(rssBefore / 1024).toFixed(0)} MB -> ${(rssAfter / 1024).toFixed(0)} MB`);
  });
});

describe('robustness: request parameters and frames the server must not trust (LSP over stdio)', function () {
  this.timeout(30_000);
  let s: Session | undefined;
  const uri = 'file:///params/rsyslog.conf';
  before(async function () {
    if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
    s = await startServer();
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rsyslog', version: 1, text: 'mail.info /var/log/mail.log\nkern.* /var/log/kern.log\n' } });
    await diags;
  });
  after(async () => {
    await s?.close();
  });

  const ranges = (items: any[]) => items.flatMap((i) => [i.textEdit?.range, i.textEdit?.insert, i.textEdit?.replace]).filter(Boolean);

  it('a negative or out-of-range position is clamped into the document: no range in the answer is negative or past a line', async () => {
    for (const position of [{ line: -5, character: -3 }, { line: 0, character: -1 }, { line: 1, character: 1e9 }, { line: 1e9, character: 2 }]) {
      const r: any = await s!.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      const items = r?.items ?? r ?? [];
      for (const range of ranges(items)) {
        for (const p of [range.start, range.end]) {
          assert.ok(p.line >= 0 && p.line <= 2 && p.character >= 0 && p.character <= 26, `completion at ${JSON.stringify(position)} answered a range at ${JSON.stringify(p)}`);
        }
      }
    }
  });

  it('a position that is not two integers (strings, fractions, missing) is rejected with InvalidParams, not echoed', async () => {
    for (const position of [{ line: '0', character: '3' }, { line: 0.5, character: 1 }, null, 'x']) {
      for (const method of ['textDocument/completion', 'textDocument/hover']) {
        await assert.rejects(
          s!.conn.sendRequest(method, { textDocument: { uri }, position }),
          (e: any) => e.code === -32602 && /position/.test(e.message),
          `${method} at ${JSON.stringify(position)}`,
        );
      }
    }
    await assert.rejects(s!.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: '0' } }, context: { diagnostics: [] } }), (e: any) => e.code === -32602);
  });

  it('a frame with a too-short Content-Length is answered with a parse error, and the next requests are served', async () => {
    const seen: string[] = [];
    s!.child.stdout!.on('data', (d: Buffer) => seen.push(d.toString('utf8')));
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 'cut-1', method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 1 } } }), 'utf8');
    s!.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length - 20}\r\n\r\n`, 'latin1'), body]));
    const h: any = await s!.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match(hoverText(h), /mail/i);
    const symbols: any[] = await s!.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    assert.ok(seen.join('').includes('"id":"cut-1","error":{"code":-32700'), 'the cut request got no parse error answer');
  });
});
