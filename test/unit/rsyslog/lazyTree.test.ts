import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/languages/common/text';
import type { RuleStmt } from '../../../server/src/languages/rsyslog/tree';
import { codes, F, workspace } from './util';

// The parser keeps large trees small: selectors are built when first read, words slice their
// text on demand, and validation checks plain selectors straight from the text. These tests
// pin down that the results are the same as building everything up front.
describe('rsyslog lazy tree', () => {
  it('builds a selector on first use with exact offsets, also across a line continuation', () => {
    const d = F.parse('auth,authpriv.!=info;\\\n  kern.* /var/log/x\n');
    const r = d.tree.statements[0] as RuleStmt;
    assert.equal(r.type, 'rule');
    assert.deepEqual([r.selector.start, r.selector.end], [0, 31]);
    assert.deepEqual(
      r.selector.items.map((i) => [i.facilities.map((f) => `${f.text}@${f.start}`).join(','), i.modifier, `${i.priority?.text}@${i.priority?.start}`]),
      [['auth@0,authpriv@5', '!=', 'info@16'], ['kern@25', '', '*@30']],
    );
    assert.strictEqual(r.selector, r.selector);
  });

  it('still reports names in selectors the quick check does not accept', () => {
    // Deprecated, unknown, upper-case and oddly punctuated selectors go through the full check
    // (`=!` is no modifier: rsyslogd reads `=!info` as an unknown priority name).
    assert.deepEqual(codes('mail.warn /var/log/a\nsecurity.* /var/log/b\nMAIL.Info /var/log/c\nmail.=!info /var/log/d\nmail..info /var/log/e\n'), [
      '1:rsyslog/deprecated-name',
      '2:rsyslog/deprecated-name',
      '4:rsyslog/unknown-priority',
      '5:rsyslog/unknown-priority',
    ]);
    assert.deepEqual(codes('mail.info;;kern.* /var/log/a\nmail,kern.none;auth.=debug /var/log/b\n'), []);
  });

  it('reads the words of actions, objects and directives', () => {
    const d = F.parse('*.* @@(z9)[::1]:514;Tpl\nmodule(load="imudp")\n$FileOwner root\n');
    const [rule, mod, dir] = d.tree.statements;
    assert.equal(rule.type, 'rule');
    const a = (rule as RuleStmt).body[0];
    assert.ok(a.type === 'legacy-action');
    assert.deepEqual([a.form, a.host?.text, a.port?.text, a.options?.text, a.template?.text], ['tcp-forward', '::1', '514', 'z9', 'Tpl']);
    assert.ok(mod.type === 'object' && dir.type === 'directive');
    assert.deepEqual([mod.name.text, mod.params[0].name.text, mod.params[0].value?.text], ['module', 'load', 'imudp']);
    assert.deepEqual([dir.name.text, dir.args.map((x) => x.text)], ['$FileOwner', ['root']]);
  });

  it('finds templates, rulesets and modules of other files through their declarations', () => {
    const ws = workspace({ 'file:///etc/rsyslog.d/t.conf': 'template(name="Mine" type="string" string="%msg%")\nmodule(load="imtcp")\n' });
    assert.deepEqual(codes('*.* /var/log/x;Mine\ninput(type="imtcp" port="514")\n', ws), []);
    assert.deepEqual(codes('*.* /var/log/x;Other\n', ws), ['1:rsyslog/undefined-template']);
  });

  it('answers positions in any order while it finds line starts on demand', () => {
    const text = 'a\r\nbb\n\nccc\nd';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 3 });
    assert.deepEqual(idx.positionAt(1), { line: 0, character: 1 });
    assert.deepEqual(idx.range(3, 13), { start: { line: 1, character: 0 }, end: { line: 4, character: 1 } });
    assert.equal(idx.line(1), 'bb');
    assert.equal(idx.lineCount, 5);
    assert.deepEqual(idx.starts, [0, 3, 6, 7, 11]);
    assert.equal(idx.offsetAt({ line: 4, character: 9 }), 12);
  });
});
