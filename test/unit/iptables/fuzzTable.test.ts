import { strict as assert } from 'node:assert';
import { cleanup, formatSummary, judge, summarize, type OursSays, type Result } from '../../differential/iptablesFuzz';

const refused = { ok: false, message: 'line 2: RULE_APPEND failed' };
const warning = (message: string) => ({ errors: [], warnings: [{ line: 1, code: 'iptables/x', message }] });
const hostWarning = warning("'gw' is a host name: … so the verdict depends on the machine that loads the rules.");

describe('iptables differential fuzzer: how a rejection is counted', () => {
  after(() => cleanup());

  it('counts a rejection flagged only by a warning that the verdict depends on the machine as host-dependent, not caught', () => {
    assert.equal(judge(refused, hostWarning), 'host-warned');
    assert.equal(judge(refused, { ...hostWarning, errors: [{ line: 1, code: 'iptables/y', message: 'bad' }] }), 'caught');
    assert.equal(judge(refused, warning('Port 0 is never used by real traffic')), 'caught');
    assert.equal(judge(refused, { errors: [], warnings: [] }), 'missed');
    // Accepted with a warning is agreement, whatever the warning says.
    assert.equal(judge({ ok: true, message: '' }, hostWarning), 'agree-accept');
  });

  it('shows them in a column of their own, and keeps the catch rate caught / rejects', () => {
    const r = (verdict: Result['verdict'], ours: OursSays = hostWarning): Result => ({ c: { family: 'ipv4', table: 'nat', chain: 'PREROUTING', rule: '-j NETMAP --to gw' } as Result['c'], tool: refused, ours, verdict });
    const rows = summarize([r('host-warned'), r('caught'), r('caught'), r('missed')]);
    const all = rows.find((x) => x.family === 'all')!;
    assert.deepEqual([all.rejects, all.hostWarned, all.missed, all.caught, all.catchRate, all.flaggedRate], [4, 1, 1, 2, 0.5, 0.75]);
    assert.match(formatSummary(rows).split('\n')[0], /\| missed \| host-dependent, warned \| other line \|/);
  });
});
