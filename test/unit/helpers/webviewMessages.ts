/** One well-formed message of every type the log viewer's webview may send. */
export const VALID_WEBVIEW_MESSAGES: unknown[] = [
  { type: 'ready' },
  { type: 'getLines', req: 1, view: 'all', from: 0, count: 200 },
  { type: 'tail', req: 2, count: 40 },
  { type: 'filter', id: 3, spec: { include: [{ pattern: 'err', regex: false, caseSensitive: false }], exclude: [], programs: ['sshd'], from: 0, to: 1e12 } },
  { type: 'filter', id: 4, spec: null },
  { type: 'stats' },
  { type: 'cancelFilter', id: 3 },
  { type: 'openRotated' },
  { type: 'pickFile' },
  { type: 'locate', view: 'filter', row: 12 },
  { type: 'encoding', encoding: 'shift_jis' },
  { type: 'follow', on: true },
  { type: 'lineSlice', req: 9, n: 0, start: 65536, length: 1048576 },
  { type: 'explain', text: 'Jan  7 17:59:17 sv postfix/smtpd[30299]: connect from unknown[192.0.2.1]' },
  { type: 'log', level: 'error', message: 'boom' },
];
