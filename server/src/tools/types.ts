import type { DocsLanguage, Localized } from '../languages/common/types';

/** One problem the real tool reported, placed at a file and a 0-based line. */
export interface ToolFinding {
  /** Absolute path of the user's file (never the temporary copy). */
  file: string;
  /** 0-based line; 0 when the tool named no line and none could be inferred. */
  line: number;
  message: string;
  severity: 'error' | 'warning' | 'information';
  /** True when the line was inferred from a name in the message rather than printed by the tool. */
  inferred?: boolean;
}

/**
 * What happened: `ok` (the tool accepted the configuration), `problems` (findings), `missing`
 * (the tool is not installed), `needs-root`, `timeout`, `failed` (the tool could not run),
 * `unsupported` (no offline checker exists for this language, e.g. journald).
 */
export type ToolStatus = 'ok' | 'problems' | 'missing' | 'needs-root' | 'timeout' | 'failed' | 'unsupported';

export interface ToolReport {
  /** The program's name, used as the diagnostics' source: rsyslogd, logrotate, firewall-offline-cmd, iptables-restore. */
  tool: string;
  status: ToolStatus;
  findings: ToolFinding[];
  /** Summary sentence for the user, in both languages. */
  summary: Localized;
  /** The command lines that were run (temporary paths included), for transparency. */
  commands: string[];
  /** The tool's raw output, for the output channel. */
  output: string;
}

/** What a checker needs: the document as the editor has it. */
export interface CheckInput {
  languageId: string;
  /** Absolute path of the document (for untitled documents, a made-up path with the right name). */
  file: string;
  /** The editor's text, saved or not. */
  text: string;
  /** Per-command timeout in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Reads another file of the configuration; tests and the server pass open editors first. */
  readFile?: (file: string) => string | undefined;
}

export type Checker = (input: CheckInput) => Promise<ToolReport>;

export function pick(l: Localized, locale: DocsLanguage): string {
  return l[locale] ?? l.en;
}
