import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageForPath } from '../../../server/src/languages/associations';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';

const FIX = path.join(__dirname, '../../fixtures/iptables');

describe('iptables LSP fixture and quick fixes', () => {
  it('lsp.json holds for the pure functions', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(FIX, 'lsp.json'), 'utf8'));
    const file = path.join(FIX, spec.file);
    assert.equal(languageForPath(file), spec.languageId);
    const text = fs.readFileSync(file, 'utf8');
    const c = { ...ctx(), uri: 'file://' + file };
    const doc = f.parse(text);
    const diags = check(f, text, c);
    assert.ok(diags.some((d) => d.range.start.line === spec.diagnostic.line && d.code === spec.diagnostic.code));
    const h = f.hover(doc, { line: spec.hover.line, character: spec.hover.character }, c);
    assert.ok(JSON.stringify(h?.contents).includes(spec.hover.contains));
    const items = f.complete(doc, { line: spec.completion.line, character: spec.completion.character }, c);
    assert.ok(items.some((i) => i.label === spec.completion.label));
  });

  const fixes = (text: string, code: string) => {
    const doc = f.parse(text);
    const d = check(f, text).find((x) => x.code === code)!;
    assert.ok(d, code);
    return f.codeActions!(doc, d, ctx()).map((a) => a.edit!.changes!['file:///test/current'][0]);
  };
  it('policy of a user chain becomes -', () => {
    assert.deepEqual(fixes('*filter\n:MINE ACCEPT [0:0]\nCOMMIT\n', 'iptables/user-chain-policy').map((e) => e.newText), ['-']);
  });
  it('legacy negation moves before the option', () => {
    assert.deepEqual(fixes('*filter\n-A INPUT -p tcp --dport ! 22 -j ACCEPT\nCOMMIT\n', 'iptables/legacy-negation').map((e) => e.newText), ['! --dport']);
  });
  it('single quotes become double quotes', () => {
    assert.deepEqual(fixes("*filter\n-A INPUT -j LOG --log-prefix '[fw]:'\nCOMMIT\n", 'iptables/single-quotes').map((e) => e.newText), ['"[fw]:"']);
  });
  it('a missing -m is inserted, an undeclared chain is declared', () => {
    assert.deepEqual(fixes('*filter\n-A INPUT --state NEW -j ACCEPT\nCOMMIT\n', 'iptables/option-needs-match').map((e) => e.newText), ['-m state ']);
    const e = fixes('*filter\n:INPUT ACCEPT [0:0]\n-A MINE -j DROP\nCOMMIT\n', 'iptables/undeclared-chain')[0];
    assert.deepEqual([e.newText, e.range.start.line], [':MINE - [0:0]\n', 2]);
  });
});
