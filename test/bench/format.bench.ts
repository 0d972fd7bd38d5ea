// Benchmark: whole-document formatting of a 10,000-line file in each language, in process (the
// server has the parse cached, so "format" is what a request costs), beside sed stripping the
// blanks at both ends of every line of the same file (the least a formatter does).
// Run: npm run bench -- format
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_FORMAT } from '../../server/src/languages/common/format';
import type { LanguageFacade } from '../../server/src/languages/common/types';
import { facadeFor } from '../../server/src/languages/index';
import { ms, printTable, summarize, time, timeWallAndCpu, verdict } from './common';
import { generateRsyslog } from './generate';

const LINES = 10_000;

function repeat(head: string, unit: string, tail: string): string {
  const u = unit.split('\n');
  const out: string[] = head ? head.split('\n') : [];
  while (out.length < LINES - tail.split('\n').length) out.push(...u);
  return out.join('\n') + '\n' + tail;
}

const FILES: Record<string, string> = {
  rsyslog: generateRsyslog(LINES),
  logrotate: repeat('', '/var/log/app/*.log {\ndaily\n  rotate 7\n    compress\npostrotate\n  systemctl reload app\nendscript\n}', ''),
  journald: repeat('[Journal]', 'Storage = persistent\n SystemMaxUse= 2G\n# comment', ''),
  firewalld: repeat('<?xml version="1.0" encoding="utf-8"?>\n<zone>', '<rule family="ipv4">\n<source address="10.0.0.0/8"/>\n      <service name="ssh"/>\n<accept/>\n</rule>', '</zone>\n'),
  iptables: repeat('*filter\n:INPUT DROP [0:0]', '-A INPUT  -p tcp   --dport 22 -m comment --comment "ssh  in" -j ACCEPT', 'COMMIT\n'),
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-bench-format-'));
const rows: (string | number)[][] = [];
for (const [lang, text] of Object.entries(FILES)) {
  const facade = facadeFor(lang) as LanguageFacade<unknown>;
  const doc = facade.parse(text);
  const edits = facade.format!(doc, DEFAULT_FORMAT).length;
  // CPU time too: on a loaded machine the wall clock measures the other processes.
  const runs = timeWallAndCpu(50, () => void facade.format!(doc, DEFAULT_FORMAT), 5);
  const fmt = summarize(runs.wall);
  const cpu = summarize(runs.cpu);
  const both = time(() => facade.format!(facade.parse(text), DEFAULT_FORMAT), 20);
  const file = path.join(dir, lang);
  fs.writeFileSync(file, text);
  const sed = time(() => spawnSync('sed', ['-e', 's/^[ \t]*//;s/[ \t]*$//', file], { encoding: 'utf8' }), 10, 2);
  rows.push([lang, text.split('\n').length, edits, ms(fmt.median), ms(fmt.p95), ms(cpu.p95), verdict(cpu.p95, 20), ms(both.p95), ms(sed.p95)]);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`Formatting ${LINES.toLocaleString('en')}-line files (target: format p95 <= 20 ms)`);
printTable(['language', 'lines', 'edits', 'format median', 'format p95', 'format CPU p95', '<= 20 ms (CPU)', 'parse + format p95', 'sed (strip blanks) p95'], rows);
console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
