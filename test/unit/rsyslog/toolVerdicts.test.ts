import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../helpers/cursor';
import { F } from './util';

const DIR = path.join(__dirname, '../../fixtures/rsyslog/tool-verdicts');

/**
 * Each fixture is a disagreement with rsyslogd -N1 found by the differential fuzzer, fixed. The
 * manifest's `tool` column is checked against the real rsyslogd by the differential tier
 * (test/differential/fixtureVerdicts.test.ts); here: our verdict and where we put it.
 */
describe('rsyslog: the verdicts rsyslogd -N1 gives', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
    name: string; tool: 'accepts' | 'refuses'; ours: 'error' | 'warning' | 'clean'; line: number | null; code: string | null;
  }[];
  it('has a fixture for every manifest entry and an entry for every fixture', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.conf')).map((f) => f.slice(0, -5)).sort();
    assert.deepEqual(manifest.map((m) => m.name).sort(), files);
  });
  for (const c of manifest) {
    it(`${c.name}: rsyslogd ${c.tool} it; we say ${c.ours}${c.line ? ` on line ${c.line}` : ''}`, () => {
      const diags = check(F, fs.readFileSync(path.join(DIR, `${c.name}.conf`), 'utf8'));
      const worst = diags.some((d) => d.severity === 1) ? 'error' : diags.some((d) => d.severity === 2) ? 'warning' : 'clean';
      const got = diags.map((d) => `${d.range.start.line + 1}:${d.code}`);
      assert.equal(worst, c.ours, JSON.stringify(got));
      // Never an error where rsyslogd accepts the file.
      if (c.tool === 'accepts') assert.notEqual(worst, 'error');
      if (c.code) assert.ok(got.includes(`${c.line}:${c.code}`), `${c.line}:${c.code} in ${JSON.stringify(got)}`);
    });
  }
});
