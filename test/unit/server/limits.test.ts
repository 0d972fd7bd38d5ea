import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-types';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import { analyzedPart, capDiagnostics, capSymbols } from '../../../server/src/languages/common/limits';
import { firewalldFacade } from '../../../server/src/languages/firewalld/index';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { ctx } from '../helpers/cursor';

describe('limits on very large documents', () => {
  it('analyzes whole lines up to the limit, and cuts a single longer line without splitting a surrogate pair', () => {
    const part = analyzedPart('aaaa\nbbbb\ncccc\n', 12);
    assert.equal(part.text, 'aaaa\nbbbb\n');
    assert.deepEqual(part.truncation, { totalChars: 15, totalLines: 4, analyzedChars: 10, analyzedLines: 2 });
    assert.equal(analyzedPart('short\n', 12).truncation, undefined);
    const emoji = 'x' + '😀'.repeat(10);
    assert.equal(analyzedPart(emoji, 4).text, 'x😀');
  });

  it('keeps at most N symbols counting children, in document order', () => {
    const sym = (name: string, children?: DocumentSymbol[]): DocumentSymbol => {
      const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      return { name, kind: 2, range: r, selectionRange: r, children };
    };
    const capped = capSymbols([sym('a', [sym('a1'), sym('a2')]), sym('b', [sym('b1')]), sym('c')], 4);
    assert.deepEqual(
      capped.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['a', ['a1', 'a2']],
        ['b', []],
      ],
    );
  });

  it('shows errors first when problems are capped, and says how many there were, in English and Japanese', () => {
    const d = (line: number, severity: DiagnosticSeverity): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, message: `${line}` });
    const diags = [d(1, DiagnosticSeverity.Warning), d(2, DiagnosticSeverity.Warning), d(3, DiagnosticSeverity.Error), d(4, DiagnosticSeverity.Hint)];
    const [notice, ...kept] = capDiagnostics(diags, 'en', 2);
    assert.equal(notice.message, '4 problems found: only 2 are shown (errors first).');
    assert.equal(notice.severity, DiagnosticSeverity.Information);
    assert.deepEqual(
      kept.map((k) => k.message),
      ['1', '3'],
    );
    assert.match(capDiagnostics(diags, 'ja', 2)[0].message, /4 件.*2 件/);
  });

  it('a document checked in part: one notice at line 1, and no "never closed" for what the cut left open', () => {
    const text = '/var/log/a.log {\n    daily\n}\n/var/log/b.log {\n    weekly\n    rotate 4\n}\n';
    const part = analyzedPart(text, 50);
    const diags = diagnose(logrotateFacade, logrotateFacade.parse(part.text), ctx('en'), {}, { truncation: part.truncation });
    assert.deepEqual(
      diags.map((x) => [x.range.start.line, x.code]),
      [[0, 'large-file']],
    );
    assert.match(diags[0].message, /^This file is 0\.0 MB \(8 lines\): only its first 0\.0 MB \(4 lines\) are checked/);
    const ja = diagnose(logrotateFacade, logrotateFacade.parse(part.text), ctx('ja'), {}, { truncation: part.truncation });
    assert.match(ja[0].message, /このファイルは .*先頭の/);
    // The same cut text checked as a whole file does report the open block.
    assert.ok(diagnose(logrotateFacade, logrotateFacade.parse(part.text), ctx('en')).some((x) => x.code === 'logrotate/unclosed-block'));
  });

  it('a firewalld zone cut for size does not report <zone> as never closed, but other XML errors stay', () => {
    const text = '<?xml version="1.0"?>\n<zone>\n  <service name="ssh">\n  </port>\n' + '  <service name="http"/>\n'.repeat(20) + '</zone>\n';
    const part = analyzedPart(text, 200);
    const codes = diagnose(firewalldFacade, firewalldFacade.parse(part.text), ctx('en'), {}, { truncation: part.truncation }).map((x) => x.message);
    assert.ok(!codes.some((m) => /<zone> is never closed/.test(m)), codes.join('\n'));
    assert.ok(codes.some((m) => /port/.test(m)), codes.join('\n'));
  });
});
