import { checkFirewalld } from './firewalld';
import { checkIptables } from './iptables';
import { checkLogrotate } from './logrotate';
import { fill, MSG } from './messages';
import { checkRsyslog } from './rsyslog';
import type { CheckInput, Checker, ToolReport } from './types';

export type { CheckInput, ToolFinding, ToolReport, ToolStatus } from './types';

/** journald has no offline checker; saying so is better than pretending. */
const noJournaldChecker: Checker = async () => ({
  tool: 'systemd-journald',
  status: 'unsupported',
  findings: [],
  summary: MSG.journald,
  commands: [],
  output: '',
});

/** The real tool that checks each language, by language id. */
export const CHECKERS: Readonly<Record<string, Checker>> = {
  rsyslog: checkRsyslog,
  logrotate: checkLogrotate,
  firewalld: checkFirewalld,
  'firewalld-conf': checkFirewalld,
  iptables: checkIptables,
  journald: noJournaldChecker,
};

/** Runs the installed tool for a document; never throws (a crash becomes a `failed` report). */
export async function checkWithTool(input: CheckInput): Promise<ToolReport> {
  const checker = CHECKERS[input.languageId];
  if (!checker) {
    return { tool: input.languageId, status: 'unsupported', findings: [], summary: fill(MSG.unsupported, { language: input.languageId }), commands: [], output: '' };
  }
  try {
    return await checker(input);
  } catch (e) {
    return { tool: input.languageId, status: 'failed', findings: [], summary: fill(MSG.failed, { tool: input.languageId, reason: (e as Error)?.message ?? String(e) }), commands: [], output: '' };
  }
}
