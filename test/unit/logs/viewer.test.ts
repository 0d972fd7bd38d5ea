import * as assert from 'node:assert/strict';
import { validateWebviewMessage } from '../../../client/src/logViewer/protocol';
import { VALID_WEBVIEW_MESSAGES } from '../helpers/webviewMessages';

describe('log viewer protocol: messages from the webview are validated', () => {
  it('accepts every well-formed message and rebuilds it from checked fields', () => {
    for (const m of VALID_WEBVIEW_MESSAGES) assert.deepEqual(validateWebviewMessage(m), m, JSON.stringify(m));
  });

  it('rejects unknown types, wrong field types, extra fields and out-of-range numbers', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'nope' },
      { type: 'ready', extra: 1 },
      { type: 'getLines', req: 1, view: 'all', from: -1, count: 10 },
      { type: 'getLines', req: 1, view: 'all', from: 0, count: 1e9 },
      { type: 'getLines', req: 1, view: 'other', from: 0, count: 10 },
      { type: 'getLines', req: '1', view: 'all', from: 0, count: 10 },
      { type: 'tail', req: 1, count: 0 },
      { type: 'tail', req: 1, count: 1e9 },
      { type: 'tail', req: 1 },
      { type: 'getLines', req: 1, view: 'all', from: 0.5, count: 10 },
      { type: 'filter', id: 1, spec: { include: [{ pattern: 5, regex: false, caseSensitive: false }], exclude: [], programs: [] } },
      { type: 'filter', id: 1, spec: { include: [], exclude: [], programs: [], from: 'yesterday' } },
      { type: 'filter', id: 1, spec: { include: [], exclude: [], programs: [], __proto__x: 1 } },
      { type: 'filter', id: 1 },
      { type: 'follow', on: 'yes' },
      { type: 'cancelFilter' },
      { type: 'openRotated', files: ['/etc/shadow'] },
      { type: 'explain', text: 42 },
      { type: 'explain', text: 'x'.repeat(2 * 1024 * 1024) },
      { type: 'lineSlice', req: 1, n: 0, start: 0, length: 0 },
      { type: 'log', level: 'fatal', message: 'x' },
      { type: 'locate', view: 'all', row: NaN },
    ];
    for (const m of bad) assert.equal(validateWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 120));
  });
});

describe('log viewer highlighting: keywords colour whole words', () => {
  const { makeHighlighter } = require('../../../client/webview/render') as typeof import('../../../client/webview/render');
  const coloured = (line: string, rules: import('../../../client/src/logViewer/protocol').HighlightRuleMsg[] = []) =>
    makeHighlighter(rules)
      .spans(line)
      .filter((s) => s.cls.startsWith('kw'))
      .map((s) => `${line.slice(s.start, s.end)}=${s.cls.replace('kw kw-', '').replace('kw ', '')}`);

  it('colours all of "error" and "Failed", not just err and Fail', () => {
    assert.deepEqual(coloured('Dec 27 00:01:08 sv app[1]: error: Failed to start; errors=2 TIMEOUT'), ['error=error', 'Failed=parameter', 'errors=error', 'TIMEOUT=network']);
  });

  it('keeps phrases and path keywords as they are, and a user rule as it matched', () => {
    assert.deepEqual(coloured('sshd[1]: Connection timed out; GET /phf?x, cgi-bin/phpinfo'), ['timed out=network', '/phf=cgi', '/phpinfo=cgi']);
    assert.deepEqual(coloured('oracles are not oracle', [{ pattern: 'oracle', regex: false, category: 'access' }]), ['oracle=access', 'oracle=access']);
  });
});
