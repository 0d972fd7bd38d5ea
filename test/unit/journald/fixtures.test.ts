import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import type { LanguageContext } from '../../../server/src/languages/common/types';
import { filesIn } from '../helpers/tree';
import { F } from './util';

const ROOT = path.join(__dirname, '../../fixtures/journald');
const C: LanguageContext = { locale: 'en', uri: 'file:///x', workspace: { *documents() {} } };

const lines = (file: string) => diagnose(F, F.parse(fs.readFileSync(file, 'utf8')), C).map((d) => `${d.range.start.line + 1} ${d.code}`);

describe('journald fixtures', () => {
  it('the shipped journald.conf and typical drop-ins give no diagnostics', () => {
    const list = filesIn(path.join(ROOT, 'etc'));
    assert.ok(list.length >= 3);
    for (const f of list) assert.deepEqual(lines(f), [], f);
  });

  it('typical mistakes are reported on their lines', () => {
    assert.deepEqual(lines(path.join(ROOT, 'mistakes/etc/systemd/journald.conf.d/90-mistakes.conf')), [
      '2 journald/bad-value',
      '3 journald/bad-value',
      '4 journald/bad-value',
      '5 journald/bad-value',
      '6 journald/unknown-key',
      '7 journald/bad-value',
      '8 journald/duplicate-key',
      '9 journald/unknown-section',
    ]);
  });

  it('the LSP fixture shows what lsp.json promises', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'lsp.json'), 'utf8'));
    const doc = F.parse(fs.readFileSync(path.join(ROOT, spec.file), 'utf8'));
    assert.ok(diagnose(F, doc, C).some((x) => x.range.start.line === spec.diagnostic.line && x.code === spec.diagnostic.code));
    const h = F.hover(doc, { line: spec.hover.line, character: spec.hover.character }, C);
    assert.match((h?.contents as any).value, new RegExp(spec.hover.contains));
    assert.ok(F.complete(doc, { line: spec.completion.line, character: spec.completion.character }, C).some((i) => i.label === spec.completion.label));
  });

  it('every snippet expands to a valid journald.conf', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../snippets/journald.json'), 'utf8'));
    for (const [name, s] of Object.entries<any>(snippets)) {
      let body = (s.body as string[]).join('\n');
      body = body.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
      if (!body.startsWith('[')) body = `[Journal]\n${body}`;
      assert.deepEqual(diagnose(F, F.parse(body), C).map((d) => d.code), [], name);
    }
  });
});
