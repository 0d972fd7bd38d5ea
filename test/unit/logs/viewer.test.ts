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
