import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryMarkdown, type CatalogEntry } from '../../../server/src/languages/common/catalog';
import { citeSource } from '../../../server/src/languages/common/manualTitles';

const DATA = path.join(__dirname, '../../../server/data');

function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? jsonFiles(p) : d.name.endsWith('.json') ? [p] : [];
  });
}

/** Every object in the data that carries `docs` is a catalog entry. */
function entries(node: unknown, where: string, out: { where: string; e: any }[]) {
  if (Array.isArray(node)) node.forEach((n, i) => entries(n, `${where}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('docs' in o) out.push({ where: `${where} (${String(o.name ?? '?')})`, e: o });
    for (const [k, v] of Object.entries(o)) if (k !== 'docs') entries(v, `${where}.${k}`, out);
  }
}

describe('catalog consistency', () => {
  const files = jsonFiles(DATA);
  it('finds the catalog data (a missing server/data must fail, not pass with nothing checked)', () => {
    assert.ok(fs.existsSync(DATA), `${DATA} exists`);
    for (const lang of ['rsyslog', 'logrotate', 'journald', 'firewalld', 'iptables', 'logs'])
      assert.ok(files.some((f) => path.relative(DATA, f).startsWith(lang + path.sep)), `server/data/${lang} holds catalog files`);
  });
  it('cites the handbooks in English for English readers (no Japanese section titles)', () => {
    const all: { where: string; e: any }[] = [];
    for (const f of files) entries(JSON.parse(fs.readFileSync(f, 'utf8')), path.relative(DATA, f), all);
    const ja = all.map(({ where, e }) => ({ where, cited: citeSource(String(e.source ?? ''), 'en') })).filter((c) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.cited));
    assert.deepEqual(ja.map((c) => `${c.where}: ${c.cited}`), []);
    assert.equal(citeSource('rsyslog.conf(5) SELECTORS; manuals: ファシリティとプライオリティ', 'en'), 'rsyslog.conf(5) SELECTORS; manuals (Japanese): Facilities and priorities');
    assert.equal(citeSource('rsyslog.conf(5) SELECTORS; manuals: ファシリティとプライオリティ', 'ja'), 'rsyslog.conf(5) SELECTORS; manuals: ファシリティとプライオリティ');
    const md = entryMarkdown({ name: 'mail', kind: 'facility', docs: { en: 'Mail.', ja: 'メール関連' }, source: 'manuals: ファシリティとプライオリティ' } as CatalogEntry, 'en').value;
    assert.match(md, /\*Source: manuals \(Japanese\): Facilities and priorities\*$/);
  });
  it('every catalog entry has English and Japanese docs and a source', () => {
    const all: { where: string; e: any }[] = [];
    for (const f of files) entries(JSON.parse(fs.readFileSync(f, 'utf8')), path.relative(DATA, f), all);
    const bad = all.filter(({ e }) => !e.docs?.en?.trim() || !e.docs?.ja?.trim() || !String(e.source ?? '').trim() || !e.name);
    assert.deepEqual(bad.map((b) => b.where), []);
    assert.ok(all.length > 0, 'the data files hold catalog entries');
  });
  it('Japanese docs are written in Japanese', () => {
    const all: { where: string; e: any }[] = [];
    for (const f of files) entries(JSON.parse(fs.readFileSync(f, 'utf8')), path.relative(DATA, f), all);
    const notJa = all.filter(({ e }) => e.docs?.ja && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(e.docs.ja));
    assert.deepEqual(notJa.map((b) => b.where), []);
  });
});
