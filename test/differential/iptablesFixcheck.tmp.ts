import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementCases } from '../unit/helpers/iptablesAgreement';
import { toolVerdicts, cleanup } from './iptablesFuzz';
const dir = '/work/main/test/fixtures/iptables/agreement';
const cases: any[] = [];
for (const file of fs.readdirSync(dir).filter((n) => n.includes('.rules.'))) {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
  const table = lines[0].slice(1);
  for (const c of agreementCases(lines.join('\n'))) {
    const m = /^-A (\S+) (.*)$/.exec(lines[c.line])!;
    cases.push({ family: file.endsWith('v6') ? 'ipv6' : 'ipv4', table, chain: m[1], rule: m[2], op: `${file}:${c.line + 1}`, expect: c.ok });
  }
}
const tool = toolVerdicts(cases, 1);
cases.forEach((c, i) => { if (tool[i].ok !== c.expect) console.log(`${c.op}: fixture says ${c.expect ? 'accepted' : 'refused'}, tool: ${tool[i].message || 'accepts'}`); });
console.log('checked', cases.length);
cleanup();
