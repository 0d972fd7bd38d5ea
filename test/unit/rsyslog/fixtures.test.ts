import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { checkTree as tree } from '../helpers/tree';
import { F } from './util';

const ROOT = path.join(__dirname, '../../fixtures/rsyslog');

/** Checks every file of a directory as one workspace, the way the CLI does. */
const checkTree = (dir: string) => tree(F, ROOT, dir, (n) => n.endsWith('.conf'), (x) => `${x.range.start.line + 1}:${x.severity}:${x.code}`);

const bad = (list: string[]) => list.filter((x) => /:[12]:/.test(x));

describe('rsyslog fixtures', () => {
  for (const dir of ['debian', 'debian-bullseye', 'rhel', 'manuals/centos6', 'manuals/almalinux', 'workspace']) {
    it(`${dir}: no errors or warnings`, () => {
      const r = checkTree(dir);
      assert.ok(Object.keys(r).length > 0);
      for (const [f, list] of Object.entries(r)) assert.deepEqual(bad(list), [], f);
    });
  }

  it('typical mistakes are found on their lines', () => {
    const r = checkTree('mistakes');
    assert.deepEqual(bad(r['mistakes/rsyslog.d/typos.conf']).map((x) => x.replace(/:\d:/, ' ')), [
      '2 rsyslog/unknown-facility',
      '3 rsyslog/unknown-priority',
      '4 rsyslog/missing-action',
      '5 rsyslog/relative-path',
      '6 rsyslog/unknown-directive',
      '7 rsyslog/unknown-module',
      // `prot=` for `port=`: imudp's port is mandatory too (rsyslogd says both).
      '8 rsyslog/missing-parameter',
      '8 rsyslog/unknown-parameter',
      '9 rsyslog/invalid-port',
      '10 rsyslog/invalid-port',
      '11 rsyslog/unknown-compare-op',
      '12 rsyslog/undefined-template',
    ]);
    assert.deepEqual(r['mistakes/rsyslog.d/deprecated.conf'], [
      '2:4:rsyslog/deprecated-directive',
      '3:4:rsyslog/deprecated-directive',
      '4:2:rsyslog/deprecated-action',
      '5:2:rsyslog/deprecated-action',
      '6:4:rsyslog/deprecated-name',
    ]);
    assert.deepEqual(bad(r['mistakes/rsyslog.d/unbalanced.conf']).map((x) => x.replace(/:\d:/, ' ')), [
      '2 rsyslog/unbalanced-paren',
      '4 rsyslog/missing-keyword',
      '4 rsyslog/unterminated-string',
      '6 rsyslog/unbalanced-brace',
      '7 rsyslog/unbalanced-brace',
    ]);
  });
});
