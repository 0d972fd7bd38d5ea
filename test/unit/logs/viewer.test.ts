import * as assert from 'node:assert/strict';
import { validateWebviewMessage } from '../../../client/src/logViewer/protocol';

describe('log viewer protocol: messages from the webview are validated', () => {
  it('accepts every well-formed message and rebuilds it from checked fields', () => {
    const ok = [
      { type: 'ready' },
      { type: 'getLines', req: 1, view: 'all', from: 0, count: 200 },
      { type: 'filter', id: 3, spec: { include: [{ pattern: 'err', regex: false, caseSensitive: false }], exclude: [], programs: ['sshd'], from: 0, to: 1e12 } },
      { type: 'filter', id: 4, spec: null },
      { type: 'stats' },
      { type: 'cancelFilter', id: 3 },
      { type: 'openRotated' },
      { type: 'locate', view: 'filter', row: 12 },
      { type: 'encoding', encoding: 'shift_jis' },
      { type: 'follow', on: true },
      { type: 'lineSlice', req: 9, n: 0, start: 65536, length: 1048576 },
      { type: 'explain', text: 'Jan  7 17:59:17 sv postfix/smtpd[30299]: connect from unknown[192.0.2.1]' },
      { type: 'log', level: 'error', message: 'boom' },
    ];
    for (const m of ok) assert.deepEqual(validateWebviewMessage(m), m, JSON.stringify(m));
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
