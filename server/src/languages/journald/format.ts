import type { TextEdit } from 'vscode-languageserver-types';
import type { FormatOptions } from '../common/format';
import { formatIni } from '../common/formatIni';
import type { JdDocument } from './parse';

/** `Key=value` lines (a trailing backslash continues a value); see formatIni. */
export function format(doc: JdDocument, _o: FormatOptions): TextEdit[] {
  return formatIni(doc.lines, '#;', true);
}
