import * as assert from 'node:assert/strict';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { FUNCTIONS } from '../../../server/src/languages/rsyslog/expression';
import { rsyslogFacade as F } from '../../../server/src/languages/rsyslog/index';
import { functionEntries } from '../../../server/src/languages/rsyslog/signature';
import { ctx, cursor } from '../helpers/cursor';

function help(marked: string, locale: 'en' | 'ja' = 'en'): SignatureHelp | null {
  const { text, pos } = cursor(marked);
  return F.signatureHelp!(F.parse(text), pos, ctx(locale));
}

/** The active parameter's label text and its documentation. */
function active(h: SignatureHelp | null): { label: string; param: string; docs: string } {
  assert.ok(h, 'no signature help');
  const sig = h.signatures[h.activeSignature ?? 0];
  const p = sig.parameters![h.activeParameter ?? 0];
  const [a, b] = p.label as [number, number];
  const d = p.documentation;
  return { label: sig.label, param: sig.label.slice(a, b), docs: typeof d === 'string' ? d : (d?.value ?? '') };
}

describe('rsyslog signature help', () => {
  it('shows the parameter under the cursor in action(), with its type and default from the catalog', () => {
    const a = active(help('action(type="omfile" file="/var/log/x.log" dirCreateMode="07|00")'));
    assert.equal(a.label, 'action(type=word file=path dirCreateMode=mode)');
    assert.equal(a.param, 'dirCreateMode=mode');
    assert.match(a.docs, /\*\*type:\*\* `mode` · \*\*default:\*\* `0700`/);
  });

  it('knows the module parameters of module() and input(), in Japanese too', () => {
    assert.equal(active(help('module(load="imudp" thr|eads="2")')).param, 'threads=integer');
    const ja = active(help('input(type="imudp" po|rt="514")', 'ja'));
    assert.equal(ja.param, 'port=port');
    assert.match(ja.docs, /\*\*型:\*\*/);
  });

  it('offers a place for the next parameter between parameters and right after the parenthesis', () => {
    assert.equal(active(help('template(name="t" |')).param, '…');
    assert.equal(active(help('module(|')).label, 'module(…)');
  });

  it('shows RainerScript function arguments in conditions and set statements', () => {
    const a = active(help('if re_extract($msg, "(a|b)", 0, |) == "x" then stop\n'.replace('(a|b)', '(a,b)')));
    assert.equal(a.label, 're_extract(expr, re, match, submatch, no-found)');
    assert.equal(a.param, 'submatch');
    assert.equal(active(help('set $!n = field($msg, 32, |);\n')).param, 'matchnbr');
    assert.equal(help('if $msg contains "x(|" then stop\n'), null);
  });

  it('has a signature with docs in both languages for every function rsyslogd knows', () => {
    const names = functionEntries().map((f) => f.name).sort();
    assert.deepEqual(names, [...FUNCTIONS].sort());
    for (const f of functionEntries()) assert.ok(f.docs.en && f.docs.ja && f.source && f.syntax.startsWith(f.name + '('), f.name);
  });
});
