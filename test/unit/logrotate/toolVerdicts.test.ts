import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../helpers/cursor';
import { F, hostCtx } from './util';

const DIR = path.join(__dirname, '../../fixtures/logrotate/tool-verdicts');

/**
 * Each fixture is a disagreement with `logrotate -d` found on the logrotate project's own test
 * configurations, fixed. The manifest's `tool` column is checked against the real logrotate by
 * the differential tier (test/differential/logrotateVerdicts.test.ts); here: our verdict and
 * where we put it, on a host that knows a few users and groups (with their numeric ids).
 */
describe('logrotate: the verdicts logrotate -d gives', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
    name: string; tool: 'accepts' | 'refuses'; ours: 'error' | 'warning' | 'clean'; line: number | null; code: string | null;
  }[];
  it('has a fixture for every manifest entry and an entry for every fixture', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.conf')).map((f) => f.slice(0, -5)).sort();
    assert.deepEqual(manifest.map((m) => m.name).sort(), files);
  });
  for (const c of manifest) {
    it(`${c.name}: logrotate ${c.tool} it; we say ${c.ours}${c.line ? ` on line ${c.line}` : ''}`, () => {
      const diags = check(F, fs.readFileSync(path.join(DIR, `${c.name}.conf`), 'utf8'), hostCtx());
      const worst = diags.some((d) => d.severity === 1) ? 'error' : diags.some((d) => d.severity === 2) ? 'warning' : 'clean';
      const got = diags.map((d) => `${d.range.start.line + 1}:${d.code}`);
      assert.equal(worst, c.ours, JSON.stringify(got));
      // Never an error where logrotate accepts the file.
      if (c.tool === 'accepts') assert.notEqual(worst, 'error');
      if (c.code) assert.ok(got.includes(`${c.line}:${c.code}`), `${c.line}:${c.code} in ${JSON.stringify(got)}`);
    });
  }

  it('takes a numeric owner the host has (logrotate looks it up as an id), and says so when it has not', () => {
    assert.deepEqual(check(F, '/var/log/x {\n  create 0640 33 4\n  su 0 0\n}\n', hostCtx()).map((d) => d.code), []);
    const diags = check(F, '/var/log/x {\n  create 0640 4000001 4000002\n}\n', hostCtx());
    assert.deepEqual(diags.map((d) => `${d.range.start.line + 1}:${d.code}`), ['2:logrotate/unknown-user', '2:logrotate/unknown-group']);
    assert.match(diags[0].message, /depends on the host/);
  });
});
