import type { Navigation, PathLink } from '../common/navigation';
import type { ParsedDocument } from '../common/types';
import { ArgType } from './info';
import type { LrItem, LrTree } from './tree';

/** Directives whose argument is a path (besides `include`): where rotated files go, where mail or scripts live. */
const PATH_DIRECTIVES = new Set(['olddir']);

/** Includes and `olddir` folders link to the files; the paths of a definition open in the log viewer. */
function links(doc: ParsedDocument<LrTree>): PathLink[] {
  const out: PathLink[] = [];
  const directive = (it: LrItem) => {
    if (it.type !== 'directive') return;
    if (it.info.argType !== ArgType.Include && !PATH_DIRECTIVES.has(it.name)) return;
    for (const w of it.args) out.push({ range: { start: { line: w.line, character: w.start }, end: { line: w.line, character: w.end } }, path: w.text });
  };
  for (const it of doc.tree.items) {
    if (it.type !== 'block') {
      directive(it);
      continue;
    }
    for (const w of it.paths) {
      out.push({ range: { start: { line: w.line, character: w.start }, end: { line: w.line, character: w.end } }, path: w.text, log: true });
    }
    for (const inner of it.items) directive(inner);
  }
  return out;
}

/** logrotate names nothing that could be renamed; its navigation is its paths. */
export const navigation: Navigation<LrTree> = {
  occurrences: () => [],
  links,
  checkName: () => undefined,
};
