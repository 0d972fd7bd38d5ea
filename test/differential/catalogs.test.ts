import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';

/** The catalogs made from installed packages still match the packages the machine has. */
describe('catalogs against the installed packages', () => {
  it('firewalld: every service, ICMP type, helper, zone and policy firewalld ships is in the catalog, as shipped', () => {
    const r = spawnSync(process.execPath, ['scripts/catalogs/firewalld-shipped.mjs', '--check'], { encoding: 'utf8' });
    console.log(`      ${r.stdout.split('\n')[0]}`);
    assert.equal(r.status, 0, `the catalog differs from the installed firewalld (run node scripts/catalogs/firewalld-shipped.mjs to regenerate):\n${r.stdout}${r.stderr}`);
  });

  it('rsyslog: the enum parameters rsyslogd -N1 refuses or accepts other values for, its deprecated ones, and the constraints between parameters (paramRules.json) are as recorded', () => {
    const r = spawnSync(process.execPath, ['scripts/catalogs/rsyslog-verified.mjs', '--check'], { encoding: 'utf8' });
    console.log(`      ${r.stdout.split('\n')[0]}`);
    assert.equal(r.status, 0, `verified.json differs from the installed rsyslogd (run node scripts/catalogs/rsyslog-verified.mjs to regenerate):\n${r.stdout}${r.stderr}`);
  });
});
