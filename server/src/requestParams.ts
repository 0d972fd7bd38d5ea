import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const isUinteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && isUinteger((p as Position).line) && isUinteger((p as Position).character);
}

export function isRange(r: unknown): r is Range {
  return typeof r === 'object' && r !== null && isPosition((r as Range).start) && isPosition((r as Range).end);
}

/**
 * A request's position, checked as JSON-RPC servers check params: not an object of two integers
 * (a string, a fraction, missing) is an InvalidParams error; integers outside the document
 * (negative, past a line's end or the last line) are clamped into it, as the protocol library's
 * TextDocument.offsetAt does, so no answer ever carries a range the document does not have.
 */
export function checkPosition(doc: TextDocument | undefined, p: unknown): Position | ResponseError<void> {
  if (!isPosition(p)) return new ResponseError(ErrorCodes.InvalidParams, `position must be { line, character } with integer values, got ${preview(p)}`);
  return doc ? doc.positionAt(doc.offsetAt(p)) : p;
}

/** A request's range, checked and clamped like positions (start after end is swapped). */
export function checkRange(doc: TextDocument | undefined, r: unknown): Range | ResponseError<void> {
  if (!isRange(r)) return new ResponseError(ErrorCodes.InvalidParams, `range must be { start, end } positions with integer values, got ${preview(r)}`);
  if (!doc) return r;
  const [a, b] = [doc.offsetAt(r.start), doc.offsetAt(r.end)].sort((x, y) => x - y);
  return { start: doc.positionAt(a), end: doc.positionAt(b) };
}

function preview(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? s.slice(0, 80) + '…' : s;
}
