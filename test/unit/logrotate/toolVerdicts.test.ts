import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { check } from '../helpers/cursor';
import { toolVerdictTests } from '../helpers/toolVerdicts';
import { F, hostCtx } from './util';

const DIR = path.join(__dirname, '../../fixtures/logrotate/tool-verdicts');

/**
 * Each fixture is a disagreement with `logrotate -d` found on the logrotate project's own test
 * configurations, fixed. The manifest's `tool` column is checked against the real logrotate by
 * the differential tier (test/differential/logrotateVerdicts.test.ts); here: our verdict and
 * where we put it, on a host that knows a few users and groups (with their numeric ids).
 */
describe('logrotate: the verdicts logrotate -d gives', () => {
  toolVerdictTests(DIR, 'logrotate', (text) => check(F, text, hostCtx()));

  it('takes a numeric owner the host has (logrotate looks it up as an id), and says so when it has not', () => {
    assert.deepEqual(check(F, '/var/log/x {\n  create 0640 33 4\n  su 0 0\n}\n', hostCtx()).map((d) => d.code), []);
    const diags = check(F, '/var/log/x {\n  create 0640 4000001 4000002\n}\n', hostCtx());
    assert.deepEqual(diags.map((d) => `${d.range.start.line + 1}:${d.code}`), ['2:logrotate/unknown-user', '2:logrotate/unknown-group']);
    assert.match(diags[0].message, /depends on the host/);
  });
});
