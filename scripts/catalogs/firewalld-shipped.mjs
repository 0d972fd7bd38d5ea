// Regenerates server/data/firewalld/shipped.json (the services, ICMP types, helpers, zones and
// policies firewalld ships) from the installed firewalld package: names, titles and ports only;
// the doc sentences are our own template. The package's files are trusted input, so a few
// regular expressions read them.
//   node scripts/catalogs/firewalld-shipped.mjs            rewrite the catalog
//   node scripts/catalogs/firewalld-shipped.mjs --check    exit 1 and list what differs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const base = process.env.FIREWALLD_DIR ?? '/usr/lib/firewalld';
const target = 'server/data/firewalld/shipped.json';
const version = execSync('firewall-offline-cmd --version').toString().trim();
const attr = (tag, name) => { const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag); return m ? m[1] : undefined; };
const tags = (xml, el) => [...xml.matchAll(new RegExp(`<${el}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const title = (xml) => (/<short>([^<]*)<\/short>/.exec(xml)?.[1] ?? '').replace(/&amp;/g, '&').trim();
const out = { firewalldVersion: version, services: [], icmptypes: [], helpers: [], zones: [], policies: [] };
const files = (d) => readdirSync(`${base}/${d}`).filter((f) => f.endsWith('.xml')).sort();
for (const f of files('services')) {
  const xml = readFileSync(`${base}/services/${f}`, 'utf8');
  const name = f.slice(0, -4);
  const ports = tags(xml, 'port').map((t) => `${attr(t, 'port') ?? ''}/${attr(t, 'protocol')}`.replace(/^\//, ''));
  const protocols = tags(xml, 'protocol').map((t) => attr(t, 'value'));
  const sourcePorts = tags(xml, 'source-port').map((t) => `${attr(t, 'port')}/${attr(t, 'protocol')}`);
  const includes = tags(xml, 'include').map((t) => attr(t, 'service'));
  const helpers = tags(xml, 'helper').map((t) => attr(t, 'name'));
  const what = [...ports, ...protocols.map((p) => `protocol ${p}`)];
  const t = title(xml) || name;
  const en = `Service definition shipped with firewalld: **${t}**.` + (what.length ? ` Opens ${what.map((w) => '`' + w + '`').join(', ')}.` : '') + (includes.length ? ` Includes ${includes.map((i) => '`' + i + '`').join(', ')}.` : '') + (helpers.length ? ` Uses the helper ${helpers.map((i) => '`' + i + '`').join(', ')}.` : '');
  const ja = `firewalld に同梱されているサービス定義「${t}」です。` + (what.length ? `${what.map((w) => '`' + w.replace('protocol ', 'プロトコル ') + '`').join('、')} を許可します。` : '') + (includes.length ? `${includes.map((i) => '`' + i + '`').join('、')} を含みます。` : '') + (helpers.length ? `ヘルパー ${helpers.map((i) => '`' + i + '`').join('、')} を使います。` : '');
  const e = { name, kind: 'service', title: t, ports, docs: { en, ja }, source: `firewalld ${version}: /usr/lib/firewalld/services/${f}` };
  if (protocols.length) e.protocols = protocols;
  if (sourcePorts.length) e.sourcePorts = sourcePorts;
  if (includes.length) e.includes = includes;
  if (helpers.length) e.helpers = helpers;
  out.services.push(e);
}
for (const f of files('icmptypes')) {
  const xml = readFileSync(`${base}/icmptypes/${f}`, 'utf8');
  const name = f.slice(0, -4);
  const fam = tags(xml, 'destination').flatMap((t) => [attr(t, 'ipv4') === 'yes' ? 'ipv4' : null, attr(t, 'ipv6') === 'yes' ? 'ipv6' : null]).filter(Boolean);
  const families = fam.length ? fam : ['ipv4', 'ipv6'];
  const t = title(xml) || name;
  out.icmptypes.push({ name, kind: 'icmptype', title: t, families, docs: { en: `ICMP type shipped with firewalld: **${t}** (${families.join(', ')}).`, ja: `firewalld に同梱されている ICMP タイプ「${t}」です（${families.join('、')}）。` }, source: `firewalld ${version}: /usr/lib/firewalld/icmptypes/${f}` });
}
for (const f of files('helpers')) {
  const xml = readFileSync(`${base}/helpers/${f}`, 'utf8');
  const name = f.slice(0, -4);
  const h = tags(xml, 'helper')[0] ?? '';
  const module = attr(h, 'module');
  const ports = tags(xml, 'port').map((t) => `${attr(t, 'port')}/${attr(t, 'protocol')}`);
  out.helpers.push({ name, kind: 'helper', module, ports, docs: { en: `Connection-tracking helper shipped with firewalld, kernel module \`${module}\`` + (ports.length ? ` on ${ports.map((p) => '`' + p + '`').join(', ')}.` : '.'), ja: `firewalld に同梱されているコネクショントラッキングヘルパーです（カーネルモジュール \`${module}\`` + (ports.length ? `、${ports.map((p) => '`' + p + '`').join('、')}` : '') + '）。' }, source: `firewalld ${version}: /usr/lib/firewalld/helpers/${f}` });
}
for (const f of files('zones')) {
  const xml = readFileSync(`${base}/zones/${f}`, 'utf8');
  const name = f.slice(0, -4);
  const target = attr(tags(xml, 'zone')[0] ?? '', 'target') ?? 'default';
  const services = tags(xml, 'service').map((t) => attr(t, 'name'));
  out.zones.push({ name, kind: 'zone', target, services, docs: { en: `Zone shipped with firewalld (target \`${target}\`` + (services.length ? `, services ${services.map((s) => '`' + s + '`').join(', ')}` : '') + ').', ja: `firewalld に同梱されているゾーンです（ターゲット \`${target}\`` + (services.length ? `、サービス ${services.map((s) => '`' + s + '`').join('、')}` : '') + '）。' }, source: `firewalld ${version}: /usr/lib/firewalld/zones/${f}` });
}
for (const f of files('policies')) out.policies.push(f.slice(0, -4));
// Port names firewalld resolves (getservbyname): the names and aliases of netbase's /etc/services.
const netbase = execSync("dpkg-query -W -f='${Version}' netbase").toString().trim();
const names = new Set();
for (const line of readFileSync('/etc/services', 'utf8').split('\n')) {
  const words = line.replace(/#.*/, '').trim().split(/\s+/);
  if (words.length >= 2 && /^\d+\/(tcp|udp|sctp|dccp)$/.test(words[1])) for (const w of [words[0], ...words.slice(2)]) names.add(w);
}
out.portNames = { source: `/etc/services of netbase ${netbase}`, names: [...names].sort() };
const counts = `${out.services.length} services, ${out.icmptypes.length} ICMP types, ${out.helpers.length} helpers, ${out.zones.length} zones, ${out.policies.length} policies (firewalld ${version})`;
if (process.argv.includes('--check')) {
  const have = JSON.parse(readFileSync(target, 'utf8'));
  const differs = [];
  for (const kind of ['services', 'icmptypes', 'helpers', 'zones']) {
    const mine = new Map(have[kind].map((e) => [e.name, JSON.stringify({ ...e, source: '' })]));
    for (const e of out[kind]) {
      if (!mine.has(e.name)) differs.push(`${kind}: ${e.name} is shipped but missing from the catalog`);
      else if (mine.get(e.name) !== JSON.stringify({ ...e, source: '' })) differs.push(`${kind}: ${e.name} differs`);
    }
    for (const name of mine.keys()) if (!out[kind].some((e) => e.name === name)) differs.push(`${kind}: ${name} is in the catalog but not shipped by firewalld ${version}`);
  }
  for (const p of out.policies) if (!have.policies.includes(p)) differs.push(`policies: ${p} is shipped but missing from the catalog`);
  if (JSON.stringify(have.portNames?.names) !== JSON.stringify(out.portNames.names)) differs.push(`portNames: /etc/services differs from the catalog's (${have.portNames?.source ?? 'none'})`);
  console.log(`installed: ${counts}; catalog made from firewalld ${have.firewalldVersion}`);
  for (const d of differs) console.log(d);
  process.exitCode = differs.length ? 1 : 0;
} else {
  writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
  console.log(`wrote ${target}: ${counts}`);
}
