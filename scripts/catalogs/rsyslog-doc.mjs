// Regenerates server/data/rsyslog/docParams.json from the installed rsyslog-doc package (the
// parameter tables of configuration/modules/*.rst: type, default, mandatory), for the modules of
// the installed rsyslog packages (`dpkg -L rsyslog`) and the built-in ones. The hand-written
// English/Japanese docs of server/data/rsyslog/modules.json attach to these entries by name; the
// catalog test fails when one side names a parameter the other lacks.
//   node scripts/catalogs/rsyslog-doc.mjs            rewrite the data
//   node scripts/catalogs/rsyslog-doc.mjs --check    exit 1 and list what differs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const target = 'server/data/rsyslog/docParams.json';
const DOCS = '/usr/share/doc/rsyslog-doc/html/_sources/configuration/modules';
const version = (pkg) => {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const docVersion = version('rsyslog-doc');
const rsyslogVersion = version('rsyslog');
if (!docVersion || !existsSync(DOCS)) {
  console.error('rsyslog-doc is not installed: apt-get install rsyslog-doc (it holds the parameter tables this reads)');
  process.exit(2);
}
if (!rsyslogVersion) {
  console.error('rsyslog is not installed: apt-get install rsyslog (its module list says which modules to read)');
  process.exit(2);
}
const BUILTIN = ['omfile', 'omfwd', 'omusrmsg', 'ompipe', 'omdiscard', 'omshell', 'pmrfc3164', 'pmrfc5424'];
const shipped = execFileSync('dpkg', ['-L', 'rsyslog'], { encoding: 'utf8' })
  .split('\n')
  .filter((l) => l.endsWith('.so'))
  .map((l) => basename(l, '.so'));

const KINDS = { module: /^Module Parameters/, input: /^Input Parameters/, action: /^Action Parameters/ };
const unquote = (s) => s.trim().replace(/^"|"$/g, '').replace(/``/g, '').trim();

/** The parameter tables of one module's page, by section. */
function parse(text) {
  const lines = text.split('\n');
  const out = { module: [], input: [], action: [] };
  let kind;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const u = lines[i + 1] ?? '';
    // A section title is underlined with = - ~ ^ or ".
    if (/^[=\-~"]{3,}\s*$/.test(u) && l.trim()) {
      const k = Object.entries(KINDS).find(([, re]) => re.test(l.trim()));
      kind = k ? k[0] : /Parameters/.test(l) ? kind : undefined;
      if (/Module Parameters and Action Parameters/.test(l)) kind = 'action';
      continue;
    }
    if (!kind || !/^\^{3,}\s*$/.test(u) || !/^[A-Za-z][\w.\-]*\s*$/.test(l)) continue;
    // NAME, its ^^^ underline, then a csv-table whose first data row is type, default, mandatory.
    const name = l.trim();
    let j = i + 2;
    while (j < lines.length && j < i + 12 && !/^\s+"/.test(lines[j])) j++;
    const header = lines.slice(i + 2, j).join(' ');
    if (!/csv-table/.test(header) || !/"type"/i.test(header)) continue;
    const cells = lines[j].match(/"([^"]*)"/g)?.map(unquote) ?? [];
    const [type, def, mandatory, legacy] = cells;
    const e = { name, type: type?.toLowerCase() ?? '', required: /^yes$/i.test(mandatory ?? '') };
    if (def && def !== 'none') e.default = def;
    if (legacy) e.legacy = legacy;
    if (!out[kind].some((x) => x.name.toLowerCase() === name.toLowerCase())) out[kind].push(e);
  }
  return out;
}

const out = { source: `rsyslog-doc ${docVersion}: configuration/modules/*.rst`, rsyslogVersion, modules: {} };
for (const m of [...BUILTIN, ...shipped].sort()) {
  const f = join(DOCS, `${m}.rst.txt`);
  if (!existsSync(f)) continue;
  const p = parse(readFileSync(f, 'utf8'));
  if (p.module.length + p.input.length + p.action.length) out.modules[m] = p;
}
const count = Object.values(out.modules).reduce((n, p) => n + p.module.length + p.input.length + p.action.length, 0);
const text = JSON.stringify(out, null, 1) + '\n';
if (process.argv.includes('--check')) {
  const old = existsSync(target) ? readFileSync(target, 'utf8') : '';
  console.log(`rsyslog-doc ${docVersion}: ${Object.keys(out.modules).length} modules, ${count} parameters`);
  if (old !== text) console.log(`${target} differs from what rsyslog-doc ${docVersion} gives: run node scripts/catalogs/rsyslog-doc.mjs`);
  process.exit(old === text ? 0 : 1);
}
writeFileSync(target, text);
console.log(`wrote ${target}: ${Object.keys(out.modules).length} modules, ${count} parameters (rsyslog-doc ${docVersion}, rsyslog ${rsyslogVersion})`);
