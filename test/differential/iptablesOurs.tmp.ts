import { ourVerdict, cleanup } from './iptablesFuzz';
const [fam, table, chain, ...rest] = process.argv.slice(2);
for (const rule of rest.join(' ').split(' ;; ')) console.log(rule, '=>', JSON.stringify(ourVerdict({ family: fam as 'ipv4', table, chain, rule, op: '' }).errors.map((e) => e.code + ' ' + e.message.slice(0, 80))));
cleanup();
