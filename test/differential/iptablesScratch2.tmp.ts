import { allCases } from './iptablesCases';
import { runCases, cleanup } from './iptablesFuzz';
const res = runCases(allCases(Number(process.env.FUZZ_SEED), 0));
for (const r of res) if (r.verdict === 'false-error') console.log(`FE [${r.c.family} ${r.c.table} ${r.c.chain}] ${r.c.rule} | ${r.ours.errors[0].code} ${r.ours.errors[0].message.slice(0, 100)}`);
const m = new Map<string, number>();
for (const r of res) if (r.verdict === 'missed' && r.c.family === 'ipv6') { const k = r.c.op.replace(/ = .*| grammar .*/, ''); m.set(k, (m.get(k) ?? 0) + 1); }
console.log([...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, n]) => `${n} ${k}`).join('\n'));
cleanup();
