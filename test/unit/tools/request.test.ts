import * as assert from 'node:assert/strict';
import { reportToResult } from '../../../server/src/tools/request';
import type { ToolReport } from '../../../server/src/tools/types';

describe('checkWithTool results as diagnostics', () => {
  const report: ToolReport = {
    tool: 'rsyslogd',
    status: 'problems',
    findings: [
      { file: '/etc/rsyslog.d/30-app.conf', line: 1, message: "parameter 'colour' not known", severity: 'error' },
      { file: '/etc/rsyslog.conf', line: 0, message: "could not load module 'imklogg'", severity: 'error', inferred: true },
      { file: '/etc/rsyslog.d/30-app.conf', line: 9, message: 'past the end', severity: 'warning' },
    ],
    summary: { en: 'rsyslogd reported 3 problem(s)', ja: 'rsyslogd が 3 件の問題を報告しました' },
    commands: ['rsyslogd -N1 -f /tmp/x/rsyslog.conf'],
    output: '',
  };
  const texts: Record<string, string> = {
    '/etc/rsyslog.d/30-app.conf': 'template(name="t" type="string"\n    colour="red")\n',
    '/etc/rsyslog.conf': 'module(load="imklogg")\n',
  };
  const r = reportToResult(report, 'file:///etc/rsyslog.d/30-app.conf', '/etc/rsyslog.d/30-app.conf', (f) => texts[f], 'ja');

  it('marks each diagnostic with the tool as its source and covers the text of the line', () => {
    assert.equal(r.diagnostics[0].source, 'rsyslogd');
    assert.deepEqual(r.diagnostics[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 17 } });
    assert.equal(r.diagnostics[0].severity, 1);
    assert.equal(r.diagnostics[1].severity, 2);
    assert.equal(r.diagnostics[1].range.start.line, 2, 'a line past the end is clamped to the last line');
  });

  it('puts findings in other files of the configuration apart, by URI', () => {
    assert.deepEqual(r.others.map((o) => [o.uri, o.diagnostics.map((d) => d.range.start.line)]), [['file:///etc/rsyslog.conf', [0]]]);
  });

  it("gives the summary in the user's language", () => {
    assert.equal(r.message, 'rsyslogd が 3 件の問題を報告しました');
  });
});
