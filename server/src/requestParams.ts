import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Position, Range } from 'vscode-languageserver-types';

const isUinteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && isUinteger((p as Position).line) && isUinteger((p as Position).character);
}

export function isRange(r: unknown): r is Range {
  return typeof r === 'object' && r !== null && isPosition((r as Range).start) && isPosition((r as Range).end);
}

/** Turns positions into offsets and back, clamping: a TextDocument, or a parse's LineIndex (lazy, cheaper on huge files). */
export interface PositionIndex {
  offsetAt(p: Position): number;
  positionAt(offset: number): Position;
}

/**
 * A request's position, checked as JSON-RPC servers check params: anything but an object of two
 * integers (a string, a fraction, missing) is an InvalidParams error. Integers outside the
 * document (negative, past a line's end or the last line) are clamped into it, as the protocol
 * library's TextDocument.offsetAt does, so no answer carries a range the document does not have.
 */
export function checkPosition(doc: PositionIndex | undefined, p: unknown): Position | ResponseError<void> {
  if (!isPosition(p)) return new ResponseError(ErrorCodes.InvalidParams, `position must be { line, character } with integer values, got ${preview(p)}`);
  return doc ? doc.positionAt(doc.offsetAt(p)) : p;
}

/** A request's range, checked and clamped like positions (start after end is swapped). */
export function checkRange(doc: PositionIndex | undefined, r: unknown): Range | ResponseError<void> {
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
