import type { Hover, Position } from 'vscode-languageserver-types';
import { entryMarkdown } from '../common/catalog';
import { contains, lineRange } from '../common/text';
import type { LanguageContext } from '../common/types';
import { CATALOG } from './catalog';
import type { LrBlock, LrDocument, LrItem } from './tree';
import { inheritedFor } from './inherit';
import { summarize } from './summary';

function blockAt(blocks: LrBlock[], line: number): LrBlock | undefined {
  // Binary search: blocks are in document order and do not overlap.
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (line < b.range.start.line) hi = mid - 1;
    else if (line > b.range.end.line) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** Hover: a directive's documentation, or on a definition's paths what happens to those files. */
export function hoverLogrotate(doc: LrDocument, pos: Position, ctx: LanguageContext): Hover | null {
  const tree = doc.tree;
  const block = blockAt(tree.blocks, pos.line);
  if (block) {
    for (const w of block.paths) {
      const r = lineRange(w.line, w.start, w.end);
      if (contains(r, pos)) return { contents: { kind: 'markdown', value: summarize(tree, block, ctx.locale, inheritedFor(ctx.uri, ctx)) }, range: r };
    }
  }
  const items: LrItem[] = block ? block.items : tree.items;
  for (const it of items) {
    if (it.type === 'block') continue;
    if (it.type === 'script' && it.closed && it.endLine === pos.line) {
      const raw = doc.lines.line(pos.line);
      const at = raw.indexOf('endscript');
      const r = lineRange(pos.line, at, at + 9);
      if (at !== -1 && contains(r, pos)) return { contents: entryMarkdown(CATALOG.get('endscript')!, ctx.locale), range: r };
    }
    if (it.line !== pos.line || !contains(it.nameRange, pos)) continue;
    const entry = CATALOG.get(it.name);
    if (entry) return { contents: entryMarkdown(entry, ctx.locale), range: it.nameRange };
  }
  return null;
}

export { blockAt };
