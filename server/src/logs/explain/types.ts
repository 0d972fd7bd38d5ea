import type { DocsLanguage, Localized } from '../../languages/common/types';

/** How serious a line is, from least to most. */
export type LineSeverity = 'info' | 'notice' | 'warning' | 'error' | 'critical';

export const SEVERITY_ORDER: LineSeverity[] = ['info', 'notice', 'warning', 'error', 'critical'];

/** A line format as written in server/data/logs/formats.json. */
export interface FormatData {
  name: string;
  label: Localized;
  /** Anchored regular expression with named groups (timestamp, host, program, pid, message …); `{{MACRO}}`s allowed. */
  regex: string;
  /** Characters a line of this format may start with (a regex character class); absent: any. */
  first?: string;
  /** A literal the line must contain, checked before the regex. */
  hint?: string;
  /** Program name to assume when the format has none (dmesg is the kernel). */
  program?: string;
  /** Pattern family to use regardless of the program (access logs, tcpdump …). */
  family?: string;
  /** For a format without a program: the program a message's beginning names (Exim's main log). */
  programs?: { program: string; regex: string }[];
  /** `pid-or-known-program`: accept the match only with a PID or a program some family claims (a date-less header is easy to mistake). */
  needs?: string;
  docs: Localized;
  source: string;
  samples: string[];
}

/** One message pattern of a family. */
export interface PatternData {
  name: string;
  regex: string;
  /** A literal the message must contain before the regex is tried (a cheap pre-filter). */
  hint?: string;
  /** Code-side field extractor run after the regex (see extractors.ts). */
  extract?: string;
  severity: LineSeverity;
  /** A category of the keyword table; absent: found by the keywords in the line. */
  category?: string;
  summary: Localized;
  advice?: Localized[];
  /** Overrides chosen by the extractor (`sent`, `deferred`, `syn` …). */
  variants?: Record<string, { severity?: LineSeverity; category?: string; summary?: Localized; advice?: Localized[] }>;
  source: string;
  samples: string[];
}

/** A file of server/data/logs/patterns/. */
export interface FamilyData {
  name: string;
  label: Localized;
  /** Program names (lower case) that dispatch here; `(sub)` parts of a program are looked up too. */
  programs?: string[];
  /** Program name prefixes (`postfix/`). */
  programPrefixes?: string[];
  /** Message prefixes that send any program's line here (`pam_unix(`). */
  messagePrefixes?: string[];
  docs: Localized;
  source: string;
  patterns: PatternData[];
}

/** The parts of a line found by its format. */
export interface ParsedLine {
  line: string;
  format?: string;
  timestamp?: string;
  host?: string;
  program?: string;
  pid?: string;
  message: string;
  /** Named groups of the format other than the standard parts (pri, level, status …). */
  formatFields: Record<string, string>;
}

/** What the extractors give back: more fields and an optional variant name. */
export interface Extracted {
  fields: Record<string, string>;
  variant?: string;
  /** Extra explanation lines, already localized by the caller's locale. */
  notes?: Localized[];
  /** Raises the line's severity (an attack in a request that the pattern calls routine). */
  severity?: LineSeverity;
  /** The keyword category the line belongs to, over the pattern's. */
  category?: string;
  /** A summary over the pattern's (`{field}` placeholders filled as in the pattern's). */
  summary?: Localized;
}

/** A classified line: which pattern matched and everything the explanation needs. */
export interface Classified extends ParsedLine {
  family?: string;
  pattern?: string;
  variant?: string;
  fields: Record<string, string>;
  category?: string;
  severity: LineSeverity;
  notes: Localized[];
  /** The extractor's summary, over the pattern's. */
  summary?: Localized;
}

/** A place in the workspace that produces the line (an iptables rule with its --log-prefix …). */
export interface RelatedSetting {
  uri: string;
  line: number;
  text: string;
  kind: 'iptables-log-prefix' | 'firewalld-log-denied' | 'firewalld-rich-log';
}

/** The result of `explain`: the JSON object of the CLI and of the LSP request. */
export interface ExplainResult {
  line: string;
  format: string | null;
  timestamp: string | null;
  host: string | null;
  program: string | null;
  pid: string | null;
  message: string;
  fields: Record<string, string>;
  category: string | null;
  severity: LineSeverity;
  summary: string;
  family: string | null;
  pattern: string | null;
  advice: string[];
  related: RelatedSetting[];
  locale: DocsLanguage;
}
