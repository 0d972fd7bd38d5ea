// scripts/test.mjs: which tiers `--only` picks, and what the closing line says about pending tests.
import { strict as assert } from 'node:assert';
import { isCI, mochaCounts, parseOnly, verdict } from '../../scripts/testSummary.mjs';

describe('npm test: arguments and summary', () => {
  it('accepts --only unit,lsp as documented, and --only=unit,lsp', () => {
    assert.deepEqual(parseOnly(['--only', 'unit,lsp']), ['unit', 'lsp']);
    assert.deepEqual(parseOnly(['--only=unit,lsp']), ['unit', 'lsp']);
    assert.deepEqual(parseOnly([]), []);
  });

  it('names the known tiers for an unknown one or a missing list, instead of running nothing', () => {
    assert.throws(() => parseOnly(['--only', 'unti']), /unknown tier "unti" \(tiers: typecheck, build, unit, grammar, lsp, e2e, differential\)/);
    assert.throws(() => parseOnly(['--only']), /--only needs a list of tiers/);
    assert.throws(() => parseOnly(['unit']), /unknown argument unit/);
  });

  it('reports pending tests apart from passed ones', () => {
    const c = mochaCounts('\n  0 passing (2ms)\n  7 pending\n', 0);
    assert.deepEqual(c, { passed: 0, failed: 0, pending: 7 });
    assert.equal(verdict({ passed: 0, failed: 0, pending: 7 }, false).line, 'tests: 0 passed, 0 failed, 7 pending');
  });

  it('fails under CI when any test is pending, and passes outside CI', () => {
    assert.equal(verdict({ passed: 5, failed: 0, pending: 1 }, true).code, 1);
    assert.match(verdict({ passed: 5, failed: 0, pending: 1 }, true).line, /pending tests fail the run under CI/);
    assert.equal(verdict({ passed: 5, failed: 0, pending: 1 }, false).code, 0);
    assert.equal(verdict({ passed: 5, failed: 1, pending: 0 }, false).code, 1);
    assert.equal(verdict({ passed: 5, failed: 0, pending: 0 }, true).code, 0);
    assert.equal(isCI({ CI: 'true' }), true);
    assert.equal(isCI({ CI: 'false' }), false);
    assert.equal(isCI({}), false);
  });
});
