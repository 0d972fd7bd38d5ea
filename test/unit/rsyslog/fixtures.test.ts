import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import type { LanguageContext, ParsedDocument } from '../../../server/src/languages/common/types';
import { F } from './util';

const ROOT = path.join(__dirname, '../../fixtures/rsyslog');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.conf')) out.push(p);
  }
  return out.sort();
}

/** Checks every file of a directory as one workspace, the way the CLI does. */
function checkTree(dir: string) {
  const docs = files(path.join(ROOT, dir)).map((f) => ({ file: f, uri: 'file://' + f, parsed: F.parse(fs.readFileSync(f, 'utf8')) as ParsedDocument<unknown> }));
  const out: Record<string, string[]> = {};
  for (const d of docs) {
    const c: LanguageContext = {
      locale: 'en',
      uri: d.uri,
      workspace: { *documents() { for (const o of docs) yield { uri: o.uri, parsed: o.parsed }; } },
    };
    out[path.relative(ROOT, d.file)] = diagnose(F, d.parsed as any, c).map((x) => `${x.range.start.line + 1}:${x.severity}:${x.code}`);
  }
  return out;
}

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
