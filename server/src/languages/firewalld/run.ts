import type { Finding, ParsedDocument } from '../common/types';
import type { EntityIndex } from './entities';
import type { FirewalldTree } from './parse';
import type { RootKind } from './schema';

/** Shared state of one validation run. */
export interface Run {
  doc: ParsedDocument<FirewalldTree>;
  kind: RootKind;
  locale: 'en' | 'ja';
  uri: string;
  entities: EntityIndex;
  out: Finding[];
}

export function rangeOf(run: Run, start: number, end: number) {
  return run.doc.lines.range(start, end);
}
