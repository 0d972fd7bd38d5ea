/**
 * Through the real server over stdio: time from opening a generated 10,000-line rsyslog.conf
 * to its first diagnostics, and completion and hover p95 on it.
 */
import { performance } from 'node:perf_hooks';
import { startServer } from './lspClient';
import { ms, printTable, summarize, verdict } from './common';
import { generateRsyslog } from './generate';

async function main() {
  const text = generateRsyslog(10_000);
  const lines = text.split('\n');
  const selectorLine = lines.findIndex((l) => l.startsWith('mail.'));
  const s = await startServer({ locale: 'en' });
  const firstDiag: number[] = [];
  for (let i = 0; i < 7; i++) {
    const uri = `file:///bench/${i}/rsyslog.conf`;
    const wait = s.nextDiagnostics(uri);
    const t = performance.now();
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rsyslog', version: 1, text } });
    await wait;
    firstDiag.push(performance.now() - t);
    if (i > 0) await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  const uri = 'file:///bench/0/rsyslog.conf';
  const complete: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < 220; i++) {
    let t = performance.now();
    await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: selectorLine, character: 5 } });
    complete.push(performance.now() - t);
    t = performance.now();
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: selectorLine, character: 1 } });
    hover.push(performance.now() - t);
  }
  await s.close();
  const fd = summarize(firstDiag.slice(1));
  const c = summarize(complete.slice(20));
  const h = summarize(hover.slice(20));
  console.log(`rsyslog.conf of ${lines.length} lines, through dist/server.js over stdio (round trip included)`);
  printTable(
    ['measure', 'median', 'p95', 'target', 'met'],
    [
      ['open → first diagnostics', ms(fd.median), ms(fd.p95), '≤ 150 ms', verdict(fd.p95, 150)],
      ['completion', ms(c.median), ms(c.p95), '≤ 1 ms p95', verdict(c.p95, 1)],
      ['hover', ms(h.median), ms(h.p95), '≤ 1 ms p95', verdict(h.p95, 1)],
    ],
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
