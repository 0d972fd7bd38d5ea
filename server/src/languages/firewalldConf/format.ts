import type { TextEdit } from 'vscode-languageserver-types';
import type { FormatOptions } from '../common/format';
import { formatIni } from '../common/formatIni';
import type { IniTree } from '../common/ini';
import type { ParsedDocument } from '../common/types';

/** `Key=value` lines (no continuation lines); see formatIni. */
export function format(doc: ParsedDocument<IniTree>, _o: FormatOptions): TextEdit[] {
  return formatIni(doc.lines, '#;', false);
}
