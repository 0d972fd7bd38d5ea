import { strict as assert } from 'node:assert';
import { labelsAt } from '../helpers/cursor';
import { F, hostCtx } from './util';

describe('logrotate completion', () => {
  it('offers global directives outside definitions, without scripts', () => {
    const l = labelsAt(F, 'comp|\n');
    assert.ok(l.includes('compress') && l.includes('include') && l.includes('tabooext'));
    assert.ok(!l.includes('postrotate'));
  });

  it('offers block directives inside a definition, with scripts and without include-only ones', () => {
    const l = labelsAt(F, '/var/log/x {\n  |\n}\n');
    assert.ok(l.includes('postrotate') && l.includes('copytruncate') && l.includes('sharedscripts'));
    assert.ok(!l.includes('tabooext') && !l.includes('endscript'));
  });

  it('offers nothing inside a script', () => {
    assert.deepEqual(labelsAt(F, '/var/log/x {\n  postrotate\n    |\n  endscript\n}\n'), []);
  });

  it('offers values: weekdays, sizes, su users then groups, create modes then owners', () => {
    assert.deepEqual(labelsAt(F, '/var/log/x {\n  weekly |\n}\n'), ['0', '1', '2', '3', '4', '5', '6', '7']);
    assert.ok(labelsAt(F, '/var/log/x {\n  size |\n}\n').includes('100M'));
    const c = hostCtx();
    assert.ok(labelsAt(F, '/var/log/x {\n  su |\n}\n', c).includes('syslog'));
    const g = labelsAt(F, '/var/log/x {\n  su syslog |\n}\n', c);
    assert.ok(g.includes('adm') && !g.includes('syslog'));
    assert.ok(labelsAt(F, '/var/log/x {\n  create |\n}\n', c).includes('0640'));
    assert.ok(labelsAt(F, '/var/log/x {\n  create 0640 root |\n}\n', c).includes('adm'));
    assert.deepEqual(labelsAt(F, '/var/log/x {\n  su |\n}\n'), []);
  });
});
