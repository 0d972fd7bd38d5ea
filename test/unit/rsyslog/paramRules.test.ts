import { strict as assert } from 'node:assert';
import rulesJson from '../../../server/data/rsyslog/paramRules.json';
import { problems } from './util';

interface Rule {
  module: string;
  object: string;
  tool: string;
  refused: string;
  accepted: string;
}

/**
 * The constraints between module parameters (paramRules.json), each with a configuration
 * rsyslogd -N1 refuses and one it accepts (scripts/catalogs/rsyslog-verified.mjs --check runs
 * both through rsyslogd): we flag the first and say nothing about the parameters of the second.
 */
describe('rsyslog: constraints between module parameters, from data', () => {
  for (const r of (rulesJson as { rules: Rule[] }).rules) {
    it(`${r.object}(${r.module}): flags what rsyslogd refuses ("${r.tool.slice(0, 60)}")`, () => {
      const got = problems(r.refused);
      assert.ok(got.length > 0, 'nothing flagged');
    });
    it(`${r.object}(${r.module}): quiet on the fixed configuration`, () => {
      assert.deepEqual(problems(r.accepted), []);
    });
  }

  it('says which parameter is ignored and why', () => {
    const got = problems('module(load="imudp" schedulingPolicy="fifo")\ninput(type="imudp" port="514")\n*.* /var/log/x\n');
    assert.equal(got.length, 1);
    assert.match(got[0], /^1:rsyslog\/param-ignored .*schedulingPolicy is set without schedulingPriority/);
  });
});
