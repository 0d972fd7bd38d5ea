import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { Navigation } from './navigation';
import type { PathResolver } from './paths';
import type { LineIndex } from './text';
import type { SignatureHelp, TextEdit } from 'vscode-languageserver-types';
import type { FormatOptions } from './format';
import type { SemanticToken } from './semanticTokens';

export type DocsLanguage = 'en' | 'ja';

/** Text in both documentation languages. */
export interface Localized {
  en: string;
  ja: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A problem found by a parser or a check, before it becomes an LSP diagnostic.
 * `args` fill the `{name}` placeholders of the rule's message; `data` travels to quick fixes.
 */
export interface Finding {
  code: string;
  range: Range;
  args?: Record<string, string | number | Localized>;
  data?: unknown;
  /** Extra locations (for example the other definition of a duplicate). */
  related?: { uri: string; range: Range; message: Localized }[];
  /** Marks text as deprecated or unnecessary in the editor. */
  tags?: ('deprecated' | 'unnecessary')[];
}

/** Every parser returns this: the tree, the line index, and the syntax problems it met. */
export interface ParsedDocument<T> {
  text: string;
  lines: LineIndex;
  tree: T;
  problems: Finding[];
}

/** What a language may read from the machine it runs on. Absent in pure tests. */
export interface HostView {
  /** True when the path exists (file or directory); undefined when it cannot be told. */
  exists(path: string): boolean | undefined;
  /** Files matching a glob (for `include` and `$IncludeConfig` checks); undefined when unknown. */
  glob?(pattern: string): string[] | undefined;
  /** User names from /etc/passwd, or undefined when it cannot be read. */
  users(): Set<string> | undefined;
  /** Group names from /etc/group, or undefined when it cannot be read. */
  groups(): Set<string> | undefined;
  /** Numeric user ids from /etc/passwd (as text); absent or undefined when unknown. */
  userIds?(): Set<string> | undefined;
  /** Numeric group ids from /etc/group (as text); absent or undefined when unknown. */
  groupIds?(): Set<string> | undefined;
  /** A small text file of the machine's configuration (at most 64 KiB): null when it does not exist, undefined when it cannot be told. */
  readConfig?(path: string): string | null | undefined;
}

/** Other documents of the workspace, already parsed (open editors win over disk). */
export interface WorkspaceView {
  documents(languageId: string): Iterable<{ uri: string; parsed: ParsedDocument<unknown> }>;
  /**
   * Changes whenever a document is added, changed or removed, so workspace-wide indexes can be
   * kept between checks (see workspaceMemo). Absent: nothing may be kept.
   */
  readonly generation?: number;
}

export interface LanguageContext {
  locale: DocsLanguage;
  /** URI of the document being worked on. */
  uri: string;
  workspace: WorkspaceView;
  host?: HostView;
  /** Where absolute paths of a configuration are found (common/paths.ts); absent: the tree it lives in. */
  paths?: PathResolver;
}

/** One facade shape for every language: the server and the CLI only ever talk to this. */
export interface LanguageFacade<T = unknown> {
  id: string;
  rules: RuleTable;
  /** The server parses at most this many UTF-16 code units of a document (default: limits.LIMITS). */
  analyzedChars?: number;
  /**
   * True for a finding that says a construct is still open at the end of the text (an unclosed
   * block or element). When only the start of a large document is parsed, such findings are about
   * the cut, not the file, and are dropped.
   */
  openAtEnd?(finding: Finding): boolean;
  parse(text: string): ParsedDocument<T>;
  /** Semantic checks. Syntax problems from `parse` are added by the caller. */
  validate(doc: ParsedDocument<T>, ctx: LanguageContext): Finding[];
  complete(doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext): CompletionItem[];
  hover(doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext): Hover | null;
  symbols(doc: ParsedDocument<T>): DocumentSymbol[];
  folding(doc: ParsedDocument<T>): FoldingRange[];
  /** Quick fixes for one of our own diagnostics (its `data` is the finding's). */
  codeActions?(doc: ParsedDocument<T>, diagnostic: Diagnostic, ctx: LanguageContext): CodeAction[];
  /**
   * Whole-document formatting as one edit per changed line; range and on-type formatting keep
   * the edits they touch. Never changes what the file means (only blanks and line breaks).
   */
  format?(doc: ParsedDocument<T>, options: FormatOptions): TextEdit[];
  /** Signature help: the parameters of the call or object around the cursor. */
  signatureHelp?(doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext): SignatureHelp | null;
  /** Names the grammar cannot classify (template vs property, user chain vs built-in target). */
  semanticTokens?(doc: ParsedDocument<T>): SemanticToken[];
  /** Names and paths to navigate (definition, references, rename, links): see common/navigation.ts. */
  navigation?: Navigation<T>;
}

export interface Rule {
  severity: Severity;
  /** Message with `{name}` placeholders filled from the finding's args. */
  message: Localized;
}

/** Rule table of one language, keyed by stable code (`rsyslog/unknown-facility`). */
export type RuleTable = Record<string, Rule>;
