// Definition, references and rename over stdio in a workspace of 1,000 rsyslog drop-ins and
// 3,000 logrotate files, next to the same requests in a small workspace, and to `grep -rn` for
// the same name (what an admin does without the server). Target: p95 ≤ 5 ms. A name used by every
// drop-in answers with 1,000 locations (or edits), whose size sets the time; a name used in one
// file shows the cost of the lookup itself.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ms, percentile, printTable, verdict } from './common';
import { startServer, type Session } from './lspClient';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-nav-bench-'));

function tree(name: string, dropIns: number, logrotateFiles: number): string {
  const root = path.join(dir, name);
  fs.mkdirSync(path.join(root, 'etc/rsyslog.d'), { recursive: true });
  fs.mkdirSync(path.join(root, 'etc/logrotate.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/rsyslog.conf'), 'template(name="Shared" type="string" string="%msg%\\n")\ninclude(file="/etc/rsyslog.d/*.conf")\n');
  for (let i = 0; i < dropIns; i++) {
    fs.writeFileSync(
      path.join(root, 'etc/rsyslog.d', `${String(i).padStart(5, '0')}.conf`),
      `template(name="t${i}" type="string" string="%msg%\\n")\nif $programname == "app${i}" then {\n  action(type="omfile" file="/var/log/app/${i}.log" template="Shared")\n  call r${i}\n}\nruleset(name="r${i}") { stop }\n`,
    );
  }
  fs.writeFileSync(path.join(root, 'etc/logrotate.conf'), 'weekly\nrotate 4\ninclude /etc/logrotate.d\n');
  for (let i = 0; i < logrotateFiles; i++) fs.writeFileSync(path.join(root, 'etc/logrotate.d', `app${i}`), `/var/log/app${i}/*.log {\n  daily\n  missingok\n}\n`);
  return root;
}

async function measure(s: Session, method: string, params: unknown, runs = 200): Promise<{ samples: number[]; answer: unknown }> {
  let answer: unknown;
  for (let i = 0; i < 10; i++) answer = await s.conn.sendRequest(method, params);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await s.conn.sendRequest(method, params);
    samples.push(performance.now() - t);
  }
  return { samples: samples.sort((a, b) => a - b), answer };
}

/**
 * What any LSP client and server pay for this answer whatever the lookup costs: its size, and the
 * median time of JSON.stringify plus JSON.parse of it in this process (no pipe, no lookup).
 */
function jsonCost(answer: unknown): { size: string; ms: string } {
  const json = JSON.stringify(answer) ?? 'null';
  const t: number[] = [];
  for (let i = 0; i < 51; i++) {
    const s = performance.now();
    JSON.parse(JSON.stringify(answer) ?? 'null');
    t.push(performance.now() - s);
  }
  const kb = Buffer.byteLength(json) / 1024;
  return { size: kb < 1 ? `${Buffer.byteLength(json)} B` : `${kb.toFixed(0)} kB`, ms: ms(percentile(t.sort((a, b) => a - b), 50)) };
}

async function workspaceRows(label: string, root: string, rows: string[][]): Promise<void> {
  const s = await startServer({ rootUri: pathToFileURL(root).href });
  try {
    const file = path.join(root, 'etc/rsyslog.d/00000.conf');
    const uri = pathToFileURL(file).href;
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rsyslog', version: 1, text: fs.readFileSync(file, 'utf8') } });
    await diags;
    // On `Shared` in template="Shared": used by every drop-in.
    const at = { textDocument: { uri }, position: { line: 2, character: 62 } };
    const start = performance.now();
    for (;;) {
      const refs: unknown[] = await s.conn.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } });
      if (refs.length > Number(label.split(' ')[0].replace(',', ''))) break;
      if (performance.now() - start > 120_000) throw new Error('the workspace scan did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }
    // On `r0` in `call r0`: a ruleset defined and used in this drop-in only.
    const one = { textDocument: { uri }, position: { line: 3, character: 8 } };
    for (const [name, method, params] of [
      ['definition of a template', 'textDocument/definition', at],
      ['references (template used by every drop-in)', 'textDocument/references', { ...at, context: { includeDeclaration: true } }],
      ['rename (template used by every drop-in)', 'textDocument/rename', { ...at, newName: 'Wide' }],
      ['definition of a ruleset', 'textDocument/definition', one],
      ['references (ruleset used once)', 'textDocument/references', { ...one, context: { includeDeclaration: true } }],
      ['rename (ruleset used once)', 'textDocument/rename', { ...one, newName: 'renamed' }],
    ] as const) {
      const { samples: t, answer } = await measure(s, method, params);
      const p95 = percentile(t, 95);
      const json = jsonCost(answer);
      rows.push([label, name, json.size, json.ms, ms(percentile(t, 50)), ms(p95), verdict(p95, 5)]);
    }
  } finally {
    await s.close();
  }
}

async function main() {
  const rows: string[][] = [];
  try {
    const big = tree('big', 1000, 3000);
    const small = tree('small', 10, 10);
    await workspaceRows('10 drop-ins, 10 logrotate files', small, rows);
    await workspaceRows('1,000 drop-ins, 3,000 logrotate files', big, rows);
    const t = performance.now();
    spawnSync('grep', ['-rn', 'Shared', path.join(big, 'etc/rsyslog.d')], { stdio: 'ignore' });
    rows.push(['1,000 drop-ins, 3,000 logrotate files', 'grep -rn Shared rsyslog.d/ (one run, with start-up)', '', '', ms(performance.now() - t), '', '']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${os.cpus().length} CPUs; 200 requests each over stdio after 10 warm-up requests`);
  console.log('answer: size of its JSON; encode+decode: JSON.stringify + JSON.parse of that answer in-process, the floor of any stdio round trip');
  printTable(['workspace', 'request', 'answer', 'encode+decode', 'p50', 'p95', 'target p95 ≤ 5 ms'], rows);
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
