/**
 * The logrotate tool-verdict fixtures (test/fixtures/logrotate/tool-verdicts) against the real
 * `logrotate -d`, run the way the product's tool check runs it: the `tool` column (refuses or
 * accepts) and, for a refusal, the line logrotate names (give or take one). Each fixture is a
 * disagreement found on the logrotate project's own test configurations, fixed; the unit test
 * checks our side. Skipped without logrotate, except in CI.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProgram } from '../../server/src/tools/exec';
import { checkWithTool } from '../../server/src/tools/index';

const DIR = path.join(__dirname, '../fixtures/logrotate/tool-verdicts');

describe('logrotate tool-verdict fixtures against logrotate -d', function () {
  this.timeout(120_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { name: string; tool: 'accepts' | 'refuses'; line: number | null }[];
  before(function () {
    if (findProgram('logrotate')) return;
    if (process.env.CI) throw new Error('logrotate is not installed (node scripts/setup.mjs installs it as root)');
    this.skip();
  });
  for (const c of manifest) {
    it(`${c.name}: logrotate ${c.tool} it${c.line ? ` at line ${c.line}` : ''}`, async () => {
      const file = path.join(DIR, `${c.name}.conf`);
      const r = await checkWithTool({ languageId: 'logrotate', file, text: fs.readFileSync(file, 'utf8'), timeoutMs: 60_000 });
      assert.ok(['ok', 'problems'].includes(r.status), `${r.status}: ${r.output}`);
      const errors = r.findings.filter((f) => f.severity === 'error');
      const said = errors.map((e) => `L${e.line + 1} ${e.message}`).join(' | ') || 'accepted';
      assert.equal(errors.length ? 'refuses' : 'accepts', c.tool, said);
      if (c.line) assert.ok(errors.some((e) => Math.abs(e.line + 1 - c.line!) <= 1), `no error near line ${c.line}: ${said}`);
    });
  }
});
