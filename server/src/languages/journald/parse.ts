import { iniProblemCode, parseIni, type IniTree } from '../common/ini';
import type { ParsedDocument } from '../common/types';

export type JdDocument = ParsedDocument<IniTree>;

/** Parses journald.conf with the shared INI tokenizer, as systemd reads it (`#`/`;` comments, `\` continuation). */
export function parseJournald(text: string): JdDocument {
  const { lines, tree, problems } = parseIni(text, { commentChars: '#;', continuation: true, sections: true });
  return { text, lines, tree, problems: problems.map((p) => iniProblemCode('journald', p)) };
}
