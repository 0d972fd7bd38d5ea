import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LanguageFacade, ParsedDocument } from '../../../server/src/languages/common/types';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import { firewalldFacade } from '../../../server/src/languages/firewalld/index';
import { firewalldConfFacade } from '../../../server/src/languages/firewalldConf/index';
import { ctx } from '../helpers/cursor';

const FIX = path.join(__dirname, '../../fixtures');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('firewalld fixtures', () => {
  it('the realistic /etc/firewalld tree (zone, service, ipset, policy, firewalld.conf) has no problems', () => {
    const files = walk(path.join(FIX, 'firewalld/etc'));
    const docs = files.map((f) => ({ uri: pathToFileURL(f).href, languageId: f.endsWith('.conf') ? 'firewalld-conf' : 'firewalld', text: fs.readFileSync(f, 'utf8') }));
    const parsed = docs.map((d) => ({ ...d, parsed: (d.languageId === 'firewalld' ? firewalldFacade : firewalldConfFacade).parse(d.text) as ParsedDocument<unknown> }));
    for (const d of parsed) {
      const facade = (d.languageId === 'firewalld' ? firewalldFacade : firewalldConfFacade) as LanguageFacade<unknown>;
      const diags = diagnose(facade, d.parsed, { ...ctx('en', parsed), uri: d.uri });
      assert.deepEqual(diags.map((x) => `${x.range.start.line + 1}:${x.code}`), [], d.uri);
    }
  });
  for (const [dir, facade] of [['firewalld', firewalldFacade], ['firewalld-conf', firewalldConfFacade]] as const) {
    it(`${dir}/lsp.json describes what the server answers`, () => {
      const spec = JSON.parse(fs.readFileSync(path.join(FIX, dir, 'lsp.json'), 'utf8'));
      const file = path.join(FIX, dir, spec.file);
      const f = facade as LanguageFacade<unknown>;
      const doc = f.parse(fs.readFileSync(file, 'utf8'));
      const c = { ...ctx('en'), uri: pathToFileURL(file).href };
      assert.ok(diagnose(f, doc, c).some((d) => d.range.start.line === spec.diagnostic.line && d.code === spec.diagnostic.code));
      const h = f.hover(doc, spec.hover, c);
      assert.ok(JSON.stringify(h?.contents).includes(spec.hover.contains.replace(/`/g, '\\`').replace(/\\`/g, '`')));
      assert.ok(f.complete(doc, spec.completion, c).some((i) => i.label === spec.completion.label));
    });
  }
});
