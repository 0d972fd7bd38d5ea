import { LineIndex } from '../common/text';
import type { ParsedDocument } from '../common/types';

/**
 * A log file is not parsed up front: a log can be large, and hover only ever needs the one
 * line under the cursor. The line index is built on first use and cached with the document.
 */
export function parseLog(text: string): ParsedDocument<null> {
  let lines: LineIndex | undefined;
  return {
    text,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    tree: null,
    problems: [],
  };
}
