import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';

const text = fs.readFileSync(path.join(__dirname, '../../fixtures/iptables/etc/iptables/rules.v4'), 'utf8');

describe('iptables outline and folding', () => {
  const doc = f.parse(text);
  it('tables with their chains, rules under chains', () => {
    const syms = f.symbols(doc);
    assert.deepEqual(syms.map((s) => s.name), ['*raw', '*mangle', '*nat', '*filter']);
    const filter = syms[3];
    assert.deepEqual(filter.children!.map((c) => c.name), ['INPUT', 'FORWARD', 'OUTPUT', 'LOGDROP', 'SSH_GUARD']);
    const input = filter.children![0];
    assert.equal(input.children!.length, 9);
    assert.equal(input.children![0].name, '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    assert.equal(input.children![0].detail, 'ACCEPT');
    // Every child lies within its parent, as VS Code requires.
    for (const t of syms) for (const c of t.children!) {
      assert.ok(c.range.start.line >= t.range.start.line && c.range.end.line <= t.range.end.line, c.name);
      for (const r of c.children!) assert.ok(r.range.start.line >= c.range.start.line && r.range.end.line <= c.range.end.line, r.name);
    }
  });
  it('one fold per table, from *table to COMMIT', () => {
    assert.deepEqual(f.folding(doc).map((r) => [r.startLine + 1, r.endLine + 1]), [[2, 6], [9, 17], [20, 27], [30, 53]]);
  });
});
