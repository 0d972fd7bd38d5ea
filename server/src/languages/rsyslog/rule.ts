import { LineIndex } from '../common/text';
import { Reader } from './reader';
import * as nodes from './nodes';
import type { RuleStmt, Selector, Span } from './tree';

const { OneBodyNode } = nodes;

/**
 * A selector rule. Its Selector (items, facility and priority words) is built from the text on
 * first use: validation checks the usual selectors without it (see plainSelector()), so a
 * large file's tree stays small. Its body (usually one legacy action) is kept as OneBodyNode
 * describes.
 */
export class Rule extends OneBodyNode implements RuleStmt {
  readonly type = 'rule' as const;
  end: number;
  block: Span | null = null;
  private built: Selector | null = null;
  constructor(
    private readonly src: string,
    readonly start: number,
    readonly selectorEnd: number,
  ) {
    super();
    this.end = selectorEnd;
  }
  get selector(): Selector {
    if (!this.built) {
      const r = new Reader(this.src, NO_LINES);
      r.i = this.start;
      this.built = r.selector();
    }
    return this.built;
  }
}

/** Where the selector of a rule ends, without building the selector when the parser made the rule. */
export function selectorEnd(r: RuleStmt): number {
  return r instanceof Rule ? r.selectorEnd : r.selector.end;
}

/** Selectors report no problems, so the reader that rebuilds one needs no line index. */
const NO_LINES = new LineIndex('');

