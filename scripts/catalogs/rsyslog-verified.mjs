// Regenerates server/data/rsyslog/verified.json: which parameters with a list of values (enum in
// server/data/rsyslog) the installed rsyslogd refuses at `rsyslogd -N1` when given a value
// outside the list, and which it accepts (checked only when the module starts, or unknown to
// the docs' list). The checker makes the first an error and the second a warning. Each
// parameter is tried with the documented first value (must pass) and a made-up one. It also
// records the parameters rsyslogd calls deprecated (it exits 1 on them): a warning for us; and
// the smallest whole number it takes where it refuses smaller ones (maxSessions >= 1); of the
// lists it refuses other values of, which it compares in exact letter case, and which undocumented
// values of the module's source it takes (mmanon's "rewrite"). With
// --check it also runs the examples of paramRules.json (constraints between parameters).
//   node scripts/catalogs/rsyslog-verified.mjs            rewrite the data
//   node scripts/catalogs/rsyslog-verified.mjs --check    exit 1 and list what differs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const target = 'server/data/rsyslog/verified.json';
const which = spawnSync('sh', ['-c', 'command -v rsyslogd || ls /usr/sbin/rsyslogd'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
if (!which) {
  console.error('rsyslogd is not installed: install the rsyslog package (node scripts/setup.mjs does, as root)');
  process.exit(2);
}
const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'rsyslog'], { encoding: 'utf8' }).trim();
const installed = new Set(
  execFileSync('dpkg', ['-L', 'rsyslog'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.endsWith('.so'))
    .map((l) => basename(l, '.so')),
);
const modules = JSON.parse(readFileSync('server/data/rsyslog/modules.json', 'utf8'));
const objects = JSON.parse(readFileSync('server/data/rsyslog/objects.json', 'utf8'));

const TAIL = '*.* /var/log/probe.log\n';
/** What an input or action needs besides the parameter tried. */
const NEED = {
  'input:imfile': 'file="/var/log/probe-in" tag="probe"',
  'input:imtcp': 'port="10514"',
  'input:imptcp': 'port="10514"',
  'input:imudp': 'port="10514"',
  'input:imuxsock': 'socket="/run/probe.sock"',
  'action:omfile': 'file="/var/log/probe-out"',
  'action:omfwd': 'target="127.0.0.1"',
  'action:omprog': 'binary="/bin/cat"',
  'action:mmexternal': 'binary="/bin/cat"',
  'action:mmnormalize': 'rule="rule=:%x:rest%"',
};
const need = (kind, mod, except) =>
  (NEED[`${kind}:${mod}`] ?? '')
    .split(/ (?=\w+=)/)
    .filter((kv) => kv && kv.split('=')[0].toLowerCase() !== except.toLowerCase())
    .join(' ');

const dir = mkdtempSync(join(tmpdir(), 'rsyslog-probe-'));
function run(text) {
  const f = join(dir, 'probe.conf');
  writeFileSync(f, text);
  return spawnSync(which, ['-N1', '-f', f], { encoding: 'utf8', cwd: dir });
}
const accepts = (text) => run(text).status === 0;
/** A value of the parameter's type that rsyslogd should take. */
function sample(p) {
  if (p.type === 'enum') return p.values?.[0];
  if (p.type === 'boolean' || p.type === 'onoff') return 'on';
  if (p.type === 'integer' || p.type === 'port') return p.default && /^\d+$/.test(p.default) ? p.default : '2';
  if (p.type === 'size') return '10m';
  if (p.type === 'mode') return '0640';
  if (p.type === 'string' || p.type === 'word') return 'probe';
  return undefined;
}

const probes = [];
for (const m of modules) {
  if (!m.builtin && !installed.has(m.name)) continue;
  const pre = (m.name === 'imfile' ? 'global(workDirectory="/tmp")\n' : '') + (m.builtin ? '' : `module(load="${m.name}")\n`);
  const listener = need('input', m.name, '') && m.inputParams?.length ? `input(type="${m.name}" ${need('input', m.name, '')})\n` : '';
  for (const p of m.moduleParams ?? []) {
    const load = m.builtin ? `builtin:${m.name}` : m.name;
    probes.push({ key: `module:${m.name}:${p.name}`, p, make: (v) => `${m.name === 'imfile' ? 'global(workDirectory="/tmp")\n' : ''}module(load="${load}" ${p.name}="${v}")\n${listener}${TAIL}` });
  }
  for (const p of m.inputParams ?? []) probes.push({ key: `input:${m.name}:${p.name}`, p, make: (v) => `${pre}input(type="${m.name}" ${p.name}="${v}" ${need('input', m.name, p.name)})\n${TAIL}` });
  for (const p of m.actionParams ?? []) probes.push({ key: `action:${m.name}:${p.name}`, p, make: (v) => `${pre}*.* action(type="${m.name}" ${p.name}="${v}" ${need('action', m.name, p.name)})\n${TAIL}` });
}
const OBJECT_SHAPES = {
  template: (p, v) => `template(name="probe" ${p}="${v}" ${p === 'type' ? '' : 'type="string"'} string="x")\n${TAIL}`,
  global: (p, v) => `global(${p}="${v}")\n${TAIL}`,
  include: (p, v) => `include(file="/nonexistent-probe.conf" ${p}="${p === 'mode' ? v : 'optional'}")\n${TAIL}`,
};
for (const o of objects) {
  const shape = OBJECT_SHAPES[o.name];
  if (!shape) continue;
  for (const p of o.params ?? []) probes.push({ key: `object:${o.name}:${p.name}`, p, make: (v) => shape(p.name, v) });
}

// The hand-kept constraints between parameters (server/data/rsyslog/paramRules.json): each
// rule's `refused` configuration must fail rsyslogd -N1 and its `accepted` one pass.
const ruleFailures = [];
for (const r of JSON.parse(readFileSync('server/data/rsyslog/paramRules.json', 'utf8')).rules) {
  if (!installed.has(r.module) && !modules.find((m) => m.name === r.module)?.builtin) continue;
  if (accepts(r.refused)) ruleFailures.push(`paramRules ${r.object}:${r.module}: rsyslogd accepts the 'refused' configuration`);
  if (!accepts(r.accepted)) ruleFailures.push(`paramRules ${r.object}:${r.module}: rsyslogd refuses the 'accepted' configuration`);
}
for (const f of ruleFailures) console.log(f);

/**
 * Values a module's source takes besides its documented list, tried like the documented ones
 * (kept in verified.json only when this rsyslogd takes them).
 */
const UNDOCUMENTED = {
  // plugins/mmanon/mmanon.c: "rewrite" is another name of "simple".
  'action:mmanon:ipv4.mode': ['rewrite'],
  'action:mmanon:mode': ['rewrite'],
};
/** The same word in other letter case (`zero` → `ZERO`), or undefined when it has no letters. */
const otherCase = (v) => (v.toUpperCase() !== v ? v.toUpperCase() : v.toLowerCase() !== v ? v.toLowerCase() : undefined);

const refuses = [];
const accepted = [];
const caseSensitive = [];
const extraValues = {};
const unsure = [];
const deprecated = [];
const minimum = {};
for (const { key, p, make } of probes) {
  // Whole numbers: the smallest of -1, 0, 1, 2 rsyslogd takes when it refuses the one below.
  if (p.type === 'integer') {
    const ok = ['-1', '0', '1', '2'].map((v) => accepts(make(v)));
    const first = ok.indexOf(true);
    if (first > 0 && ok.slice(first).every(Boolean)) minimum[key] = first - 1;
  }
  // rsyslogd names parameters it still takes but wants gone ("deprecated"), and exits 1.
  const v = sample(p);
  if (v !== undefined) {
    const r = run(make(v));
    if (/deprecated/i.test(r.stderr + r.stdout) && new RegExp(p.name.replace(/[.]/g, '\\.'), 'i').test(r.stderr + r.stdout)) deprecated.push(key);
  }
  if (p.type !== 'enum' || !p.values?.length) continue;
  const good = p.values.find((v) => accepts(make(v)));
  if (good === undefined) {
    unsure.push(key);
    continue;
  }
  const strict = !accepts(make('probe-not-a-value'));
  (strict ? refuses : accepted).push(key);
  if (!strict) continue;
  // rsyslogd compares some lists' words exactly (mmanon: "Zero" is refused).
  const other = otherCase(good);
  if (other !== undefined && !accepts(make(other))) caseSensitive.push(key);
  const extra = (UNDOCUMENTED[key] ?? []).filter((v) => accepts(make(v)));
  if (extra.length) extraValues[key] = extra;
}
rmSync(dir, { recursive: true, force: true });

const out = {
  source: `rsyslogd -N1 of rsyslog ${version} (Debian), by scripts/catalogs/rsyslog-verified.mjs`,
  rsyslogVersion: version,
  refusesUnknownValue: refuses.sort(),
  caseSensitive: caseSensitive.sort(),
  extraValues: Object.fromEntries(Object.entries(extraValues).sort()),
  acceptsUnknownValue: accepted.sort(),
  notProbed: unsure.sort(),
  deprecated: deprecated.sort(),
  minimum: Object.fromEntries(Object.entries(minimum).sort()),
};
const text = JSON.stringify(out, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const old = readFileSync(target, 'utf8');
  const a = JSON.parse(old);
  const diff = ['refusesUnknownValue', 'caseSensitive', 'acceptsUnknownValue', 'deprecated'].flatMap((k) => [
    ...out[k].filter((x) => !a[k]?.includes(x)).map((x) => `+ ${k}: ${x}`),
    ...(a[k] ?? []).filter((x) => !out[k].includes(x)).map((x) => `- ${k}: ${x}`),
  ]);
  if (JSON.stringify(a.minimum ?? {}) !== JSON.stringify(out.minimum)) diff.push(`minimum: ${JSON.stringify(out.minimum)}`);
  if (JSON.stringify(a.extraValues ?? {}) !== JSON.stringify(out.extraValues)) diff.push(`extraValues: ${JSON.stringify(out.extraValues)}`);
  diff.push(...ruleFailures);
  console.log(`rsyslog ${version}: ${refuses.length} parameters refuse unknown values, ${accepted.length} accept them, ${unsure.length} not probed, ${deprecated.length} deprecated`);
  for (const d of diff) console.log(d);
  process.exit(diff.length ? 1 : 0);
}
writeFileSync(target, text);
console.log(`wrote ${target}: ${refuses.length} refuse unknown values, ${accepted.length} accept them, ${unsure.length} not probed, ${deprecated.length} deprecated (rsyslog ${version})`);
