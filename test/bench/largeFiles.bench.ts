/**
 * Very large documents through the real server over stdio, one fresh server per case: a 100 MB
 * document of every language (firewalld: a zone of 1 million lines) and 5 MB of random bytes
 * opened as every language. For each: time to the first diagnostics, then the requests an editor
 * sends by itself (documentSymbol, foldingRange) and on typing (completion, hover, codeAction),
 * the result counts, how long a hover on another, small document waits meanwhile, and the
 * server's peak RSS (VmHWM). `LARGE_MB=30` changes the size; `LARGE_SERVER=path` another build.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { printTable } from './common';
import { firewalldZone, LARGE_LANGUAGES, largeDocument, randomBytes } from './largeDocuments';
import { startServer } from './lspClient';

const MB = Number(process.env.LARGE_MB ?? 100);
const STEP_TIMEOUT = 90_000;

function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** CPU seconds the server used so far (user + system), which the machine's load does not inflate. */
function cpuSeconds(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((v) => ({ v })), new Promise<{ v?: T; timeout: true }>((res) => setTimeout(() => res({ timeout: true }), ms))]);

function count(r: any): string {
  if (r === null || r === undefined) return '0';
  if (Array.isArray(r)) return String(r.length);
  if (Array.isArray(r.items)) return String(r.items.length);
  if (r.contents) return '1';
  return '?';
}

async function runCase(label: string, languageId: string, text: string): Promise<(string | number)[]> {
  const s = await startServer({ locale: 'en', server: process.env.LARGE_SERVER });
  const pid = s.child.pid!;
  let died = '';
  s.child.on('exit', (code, sig) => (died = `died (${sig ?? code})`));
  const small = 'file:///bench/small/rsyslog.conf';
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'rsyslog', version: 1, text: 'mail.info /var/log/mail.log\n' } });
  const uri = `file:///bench/large/${languageId}`;
  const diags = s.nextDiagnostics(uri);
  let t = performance.now();
  void s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }).catch(() => undefined);
  // Another document's hover sent right behind the large didOpen: how long does it wait?
  const other = await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 1 } }).catch(() => null), STEP_TIMEOUT);
  const otherMs = 'timeout' in other ? 'timeout' : `${(performance.now() - t).toFixed(0)}`;
  const d = await within(diags, STEP_TIMEOUT);
  const diagCell = died || ('timeout' in d ? 'timeout' : `${((performance.now() - t) / 1000).toFixed(2)} s (${d.v!.diagnostics.length})`);
  const cells: string[] = [];
  const requests: [string, any][] = [
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/foldingRange', { textDocument: { uri } }],
    ['textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: 'v' in d ? d.v!.diagnostics.slice(0, 50) : [] } }],
  ];
  for (const [method, params] of requests) {
    if (died) {
      cells.push(died);
      continue;
    }
    t = performance.now();
    const cpu0 = cpuSeconds(pid);
    const r = await within(s.conn.sendRequest(method, params).catch((e) => ({ error: String(e) })), STEP_TIMEOUT);
    const cpu = ((cpuSeconds(pid) - cpu0) * 1000).toFixed(0);
    cells.push(died || ('timeout' in r ? 'timeout' : `${(performance.now() - t).toFixed(0)}/${cpu} (${count(r.v)})`));
  }
  const rss = peakRssMb(pid);
  const cpu = cpuSeconds(pid);
  const alive = died ? 'no' : 'yes';
  if (!died) await s.close();
  else s.child.kill();
  return [label, `${(Buffer.byteLength(text, 'latin1') / 1e6).toFixed(0)} MB`, diagCell, otherMs, ...cells, died ? 'n/a' : `${rss}`, died ? 'n/a' : cpu.toFixed(1), alive];
}

async function main() {
  const rows: (string | number)[][] = [];
  const only = process.env.LARGE_LANGS?.split(',');
  for (const lang of LARGE_LANGUAGES.filter((l) => !only || only.includes(l))) {
    const big = lang === 'firewalld' ? firewalldZone(Math.round((MB / 100) * 1_000_000)) : largeDocument(lang, MB * 1_000_000);
    for (const [label, text] of [
      [lang === 'firewalld' ? `firewalld, ${(MB / 100).toFixed(1)}M lines` : lang, big],
      [`${lang}, random`, randomBytes(5_000_000, 7)],
    ]) {
      rows.push(await runCase(label, lang, text));
      // Each row as it comes: a case can take minutes on a server without limits.
      console.error(rows[rows.length - 1].join(' | '));
    }
  }
  console.log(`Large documents through ${process.env.LARGE_SERVER ?? 'dist/server.js'} over stdio (one server per case; times include the JSON round trip)`);
  console.log('Requests: wall/server-CPU ms (result count); CPU time is what the machine\'s load does not inflate.');
  printTable(['document', 'size', 'open → diagnostics (count)', 'other doc hover ms', 'symbols', 'folding', 'completion', 'hover', 'codeAction', 'peak RSS MB', 'server CPU s', 'alive'], rows);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
