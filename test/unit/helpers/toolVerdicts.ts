import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';

export interface VerdictEntry {
  name: string;
  tool: 'accepts' | 'refuses';
  ours: 'error' | 'warning' | 'clean';
  line: number | null;
  code: string | null;
}

/**
 * The tests of a folder of tool-verdict fixtures (`NAME.conf` + manifest.json): every entry has
 * its file and back; our worst severity is the manifest's, never an error where the tool accepts
 * the file, and the finding is on the manifest's line with its code. The `tool` column itself is
 * checked against the real tool by the differential tier.
 */
export function toolVerdictTests(dir: string, tool: string, diagnose: (text: string) => Diagnostic[]): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as VerdictEntry[];
  it('has a fixture for every manifest entry and an entry for every fixture', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.conf')).map((f) => f.slice(0, -5)).sort();
    assert.deepEqual(manifest.map((m) => m.name).sort(), files);
  });
  for (const c of manifest) {
    it(`${c.name}: ${tool} ${c.tool} it; we say ${c.ours}${c.line ? ` on line ${c.line}` : ''}`, () => {
      const diags = diagnose(fs.readFileSync(path.join(dir, `${c.name}.conf`), 'utf8'));
      const worst = diags.some((d) => d.severity === 1) ? 'error' : diags.some((d) => d.severity === 2) ? 'warning' : 'clean';
      const got = diags.map((d) => `${d.range.start.line + 1}:${d.code}`);
      assert.equal(worst, c.ours, JSON.stringify(got));
      if (c.tool === 'accepts') assert.notEqual(worst, 'error');
      if (c.code) assert.ok(got.includes(`${c.line}:${c.code}`), `${c.line}:${c.code} in ${JSON.stringify(got)}`);
    });
  }
}
