import { LineIndex } from '../common/text';
import type { Finding, ParsedDocument } from '../common/types';
import { parseXml, type XmlElement } from './xml';

export interface FirewalldTree {
  root: XmlElement | undefined;
}

/** Parses a firewalld XML file; XML syntax errors become `firewalld/xml-syntax` findings. Never throws. */
export function parse(text: string): ParsedDocument<FirewalldTree> {
  const lines = new LineIndex(text);
  const xml = parseXml(text);
  const problems: Finding[] = xml.problems.map((p) => ({
    code: 'firewalld/xml-syntax',
    range: lines.range(p.start, Math.max(p.start, p.end)),
    args: { detail: p.message },
  }));
  return { text, lines, tree: { root: xml.root }, problems };
}
