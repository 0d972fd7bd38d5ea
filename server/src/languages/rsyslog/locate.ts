import type { ObjectStmt, RsyslogTree, Stmt } from './tree';

function inner(s: Stmt): Stmt[][] {
  switch (s.type) {
    case 'if':
      return s.else ? [s.then, s.else] : [s.then];
    case 'rule':
    case 'propfilter':
    case 'continuation':
    case 'foreach':
      return [s.body];
    case 'object':
      return s.body ? [s.body] : [];
    default:
      return [];
  }
}

/** Index of the last statement starting at or before `offset` (binary search; -1 if none). */
function lastStartingBefore(list: Stmt[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The statements containing `offset`, outermost first. An unclosed object is taken to reach
 * as far as the blanks after it, so that typing inside it still finds it.
 */
export function pathAt(tree: RsyslogTree, text: string, offset: number): Stmt[] {
  const path: Stmt[] = [];
  let list = tree.statements;
  for (;;) {
    const i = lastStartingBefore(list, offset);
    if (i < 0) return path;
    const s = list[i];
    if (offset > s.end && !(openEnded(s) && onlyBlanks(text, s.end, offset))) return path;
    path.push(s);
    let next: Stmt[] | null = null;
    for (const l of inner(s)) {
      const j = lastStartingBefore(l, offset);
      if (j >= 0 && (offset <= l[j].end || (openEnded(l[j]) && onlyBlanks(text, l[j].end, offset)))) {
        next = l;
        break;
      }
    }
    if (!next) return path;
    list = next;
  }
}

/** True for an unclosed object, or a statement whose last part is one (typing goes on there). */
function openEnded(s: Stmt): boolean {
  if (s.type === 'object') return s.close < 0 && !s.block;
  const parts = inner(s);
  const last = parts[parts.length - 1];
  return !!last && last.length > 0 && openEnded(last[last.length - 1]);
}

function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** The innermost object whose parameter list holds `offset` (between its parentheses). */
export function objectAt(path: Stmt[], text: string, offset: number): ObjectStmt | undefined {
  for (let k = path.length - 1; k >= 0; k--) {
    const s = path[k];
    if (s.type !== 'object') continue;
    if (offset <= s.open) continue;
    if (s.close >= 0 ? offset <= s.close : offset <= s.end || onlyBlanks(text, s.end, offset)) return s;
  }
  return undefined;
}

/** True when `offset` lies within [start, end]. */
export function inSpan(sp: { start: number; end: number } | null | undefined, offset: number): boolean {
  return !!sp && offset >= sp.start && offset <= sp.end;
}
