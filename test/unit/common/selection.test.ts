import * as assert from 'node:assert/strict';
import type { Range, SelectionRange } from 'vscode-languageserver-types';
import { selectionRanges } from '../../../server/src/languages/common/selection';
import type { LanguageFacade } from '../../../server/src/languages/common/types';
import { iptablesFacade } from '../../../server/src/languages/iptables/index';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { cursor } from '../helpers/cursor';

/** The text each step of "expand selection" selects, innermost first. */
function steps(facade: LanguageFacade<any>, marked: string): string[] {
  const { text, pos } = cursor(marked);
  const doc = facade.parse(text);
  const [r] = selectionRanges(doc, facade.symbols(doc), [pos]);
  const out: string[] = [];
  const slice = (x: Range) => text.slice(doc.lines.offsetAt(x.start), doc.lines.offsetAt(x.end));
  for (let s: SelectionRange | undefined = r; s; s = s.parent) out.push(slice(s.range));
  return out;
}

describe('selection ranges (expand selection)', () => {
  it('grows from a logrotate directive word to its line, its stanza and the file', () => {
    const text = '/var/log/a {\n    rotate 7\n}\n/var/log/b {\n    daily\n}\n';
    const got = steps(logrotateFacade, text.replace('rotate 7', 'rot|ate 7'));
    assert.deepEqual(got.slice(0, 3), ['rotate', 'rotate 7', '/var/log/a {\n    rotate 7\n}']);
    assert.equal(got[got.length - 1], text.replace(/\n$/, '\n'));
  });

  it('grows from an iptables option to the rule line, its table and the file', () => {
    const text = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n';
    const got = steps(iptablesFacade, text.replace('--dport', '--dp|ort'));
    assert.equal(got[0], '--dport');
    assert.equal(got[1], '-A INPUT -p tcp --dport 22 -j ACCEPT');
    assert.ok(got.length >= 3);
    for (let i = 1; i < got.length; i++) assert.ok(got[i].includes(got[i - 1]), `step ${i} holds step ${i - 1}`);
  });
});
