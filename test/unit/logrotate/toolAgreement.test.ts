import { strict as assert } from 'node:assert';
import { check } from '../helpers/cursor';
import { codes, F, hostCtx } from './util';

/** Disagreements with `logrotate -d` the differential fuzzer found (test/differential/logrotateCases.ts). */
describe('logrotate: verdicts as logrotate -d gives them', () => {
  it('takes a size unit without a number (logrotate reads 0) with a warning, not an error', () => {
    for (const d of ['size', 'minsize', 'maxsize']) {
      const diags = check(F, `/var/log/x {\n  ${d} M\n}\n`);
      assert.deepEqual(diags.map((x) => `${x.range.start.line + 1}:${x.code}:${x.severity}`), ['2:logrotate/size-zero:2']);
    }
    assert.deepEqual(codes('/var/log/x {\n  size 10Q\n}\n'), ['2:logrotate/bad-size']);
  });

  it('says that an unknown user or group depends on the host', () => {
    const diags = check(F, '/var/log/x {\n  su nosuchuser-lac root\n}\n', hostCtx());
    assert.equal(diags[0].code, 'logrotate/unknown-user');
    assert.match(diags[0].message, /this host.*depends on the host/);
  });
});
