import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import type { LanguageContext } from '../../../server/src/languages/common/types';
import { checkTree as tree } from '../helpers/tree';
import { F } from './util';

const ROOT = path.join(__dirname, '../../fixtures/logrotate');

/** Checks every file of a directory as one workspace, the way the CLI does. */
const checkTree = (dir: string) => tree(F, ROOT, dir, (n) => !n.endsWith('.json'), (x) => `${x.range.start.line + 1} ${x.code}`);

describe('logrotate fixtures', () => {
  it('Debian/RHEL-style configuration gives no diagnostics at all', () => {
    const r = checkTree('etc');
    assert.ok(Object.keys(r).length >= 5);
    for (const [f, list] of Object.entries(r)) assert.deepEqual(list, [], f);
  });

  // The first line of each list is where `logrotate -d` (3.21) stops with its own error.
  it('typical mistakes are found on the lines logrotate names', () => {
    const r = checkTree('mistakes');
    assert.deepEqual(r['mistakes/logrotate.d/typos'], [
      '3 logrotate/bad-count',
      '4 logrotate/unknown-directive',
      '5 logrotate/conflict',
      '5 logrotate/bad-size',
      '6 logrotate/extra-argument',
      '8 logrotate/conflict',
    ]);
    assert.deepEqual(r['mistakes/logrotate.d/scripts'], [
      '1 logrotate/script-outside-block',
      '6 logrotate/global-only',
      '7 logrotate/missing-argument',
      '9 logrotate/duplicate-path',
      '11 logrotate/unterminated-script',
    ]);
    assert.deepEqual(r['mistakes/logrotate.d/braces'], [
      '1 logrotate/missing-brace',
      '3 logrotate/close-without-open',
      '6 logrotate/text-after-close',
      '8 logrotate/no-effect',
      '11 logrotate/unsortable-dateformat',
      '13 logrotate/unexpected-close',
    ]);
  });

  it('the LSP fixture shows what lsp.json promises', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'lsp.json'), 'utf8'));
    const text = fs.readFileSync(path.join(ROOT, spec.file), 'utf8');
    const doc = F.parse(text);
    const c: LanguageContext = { locale: 'en', uri: 'file:///x', workspace: { *documents() {} } };
    const d = diagnose(F, doc, c);
    assert.ok(d.some((x) => x.range.start.line === spec.diagnostic.line && x.code === spec.diagnostic.code));
    const h = F.hover(doc, { line: spec.hover.line, character: spec.hover.character }, c);
    assert.match((h?.contents as any).value, new RegExp(spec.hover.contains));
    assert.ok(F.complete(doc, { line: spec.completion.line, character: spec.completion.character }, c).some((i) => i.label === spec.completion.label));
  });

  it('every snippet expands to a definition without diagnostics', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../snippets/logrotate.json'), 'utf8'));
    for (const [name, s] of Object.entries<any>(snippets)) {
      let body = (s.body as string[]).join('\n');
      body = body.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
      if (/^(postrotate|prerotate)/.test(body)) body = `/var/log/x {\n${body}\n}\n`;
      const c: LanguageContext = { locale: 'en', uri: 'file:///x', workspace: { *documents() {} } };
      assert.deepEqual(diagnose(F, F.parse(body), c).map((d) => d.code), [], name);
    }
  });
});
