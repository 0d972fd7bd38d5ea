import { parseIni, iniProblemCode, type IniTree } from '../common/ini';
import type { ParsedDocument } from '../common/types';

/** firewalld.conf: `Key=Value` lines without sections, `#` and `;` comments, no continuation lines. */
export function parse(text: string): ParsedDocument<IniTree> {
  const { lines, tree, problems } = parseIni(text, { sections: false, continuation: false, commentChars: '#;' });
  return { text, lines, tree, problems: problems.map((p) => iniProblemCode('firewalld-conf', p)) };
}

/** Every entry of the file (firewalld.conf has a single, unnamed section). */
export function entries(doc: ParsedDocument<IniTree>) {
  return doc.tree.sections.flatMap((s) => s.entries);
}
