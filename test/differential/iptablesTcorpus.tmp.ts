import * as fs from 'node:fs';
import { runCases, formatSummary, summarize, cleanup } from './iptablesFuzz';
import type { RuleCase } from './iptablesCases';
const v6 = (r: string) => r.replace(/\b(\d+)\.(\d+)\.(\d+)\.(\d+)\b/g, (_m, a, b, c, d) => `2001:db8::${a}${b}${c}${d}`).replace(/255\.255\.255\.255/g, 'ffff::');
const cases: RuleCase[] = [];
for (const [file, fams] of [['c4.txt', ['ipv4', 'ipv6']], ['c4more.txt', ['ipv4', 'ipv6']], ['c6.txt', ['ipv6', 'ipv4']], ['c4b.txt', ['ipv4', 'ipv6']]] as const) {
  let table = 'filter', chain = 'INPUT';
  for (const l of fs.readFileSync('/tmp/iptw/t/' + file, 'utf8').split('\n')) {
    const h = /^\*(\S+) (\S+)/.exec(l);
    if (h) { table = h[1]; chain = h[2]; continue; }
    if (!l.trim()) continue;
    for (const f of fams) cases.push({ family: f, table, chain, rule: f === 'ipv6' && file !== 'c6.txt' ? v6(l) : l, op: `${file}` });
  }
}
const res = runCases(cases);
console.log(formatSummary(summarize(res)));
for (const r of res) if (r.verdict !== 'agree-accept' && r.verdict !== 'caught') console.log(`${r.verdict} [${r.c.family} ${r.c.table} ${r.c.chain}] ${r.c.rule}\n     tool: ${r.tool.ok ? 'OK' : r.tool.message.slice(0, 140)}\n     ours: ${r.ours.errors.map((e) => e.code + ' ' + e.message.slice(0, 100)).join(' | ')}`);
cleanup();
