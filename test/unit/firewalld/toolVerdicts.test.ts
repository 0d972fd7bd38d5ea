import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { check } from '../helpers/cursor';
import { codes, fwCtx } from './util';

const DIR = path.join(__dirname, '../../fixtures/firewalld/tool-verdicts');

function filesOf(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesOf(dir, path.join(rel, d.name)) : [path.join(rel, d.name)]));
}

/**
 * Whole configuration folders on which we disagreed with firewall-offline-cmd --check-config
 * (found on the firewalld project's own tests). The `tool` column is checked against the real
 * tool by the differential tier (test/differential/firewalldVerdicts.test.ts); here: our verdict.
 */
describe('firewalld: the verdicts firewall-offline-cmd --check-config gives on whole folders', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
    name: string; tool: 'accepts' | 'refuses'; ours: 'error' | 'warning' | 'clean'; file: string; line: number | null; code: string | null;
  }[];
  it('has a folder for every manifest entry and an entry for every folder', () => {
    const dirs = fs.readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    assert.deepEqual(manifest.map((m) => m.name).sort(), dirs);
  });
  for (const c of manifest) {
    it(`${c.name}: firewall-offline-cmd ${c.tool} it; we say ${c.ours}${c.line ? ` on line ${c.line}` : ''}`, () => {
      const root = path.join(DIR, c.name);
      const all = Object.fromEntries(filesOf(root).map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(root, f), 'utf8')]));
      let worst: 'error' | 'warning' | 'clean' = 'clean';
      const got: string[] = [];
      for (const [rel, text] of Object.entries(all)) {
        const others = Object.fromEntries(Object.entries(all).filter(([p]) => p !== rel));
        const diags = check(fw, text, fwCtx(rel, others));
        if (diags.some((d) => d.severity === 1)) worst = 'error';
        else if (worst === 'clean' && diags.some((d) => d.severity === 2)) worst = 'warning';
        got.push(...codes(diags).map((x) => `${rel}:${x}`));
      }
      assert.equal(worst, c.ours, JSON.stringify(got));
      // Never an error where the tool accepts the folder.
      if (c.tool === 'accepts') assert.notEqual(worst, 'error');
      if (c.code) assert.ok(got.includes(`${c.file}:${c.line}:${c.code}`), `${c.file}:${c.line}:${c.code} in ${JSON.stringify(got)}`);
    });
  }
});
