/**
 * Making log text safe to look at (pure, browser-safe): control characters, ANSI escape
 * sequences and bidirectional overrides are shown as visible markers instead of being obeyed.
 */

/** A piece of a line: plain text, or a marker standing for an invisible or dangerous character. */
export interface Piece {
  text: string;
  /** Set for markers: what the original character was (for the tooltip). */
  ctl?: string;
}

// C0 controls except TAB, DEL, C1 controls, bidi embeddings/overrides/isolates, marks, BOM, zero-width.
const SPECIAL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function marker(ch: string): Piece {
  const c = ch.charCodeAt(0);
  const hex = c.toString(16).toUpperCase().padStart(4, '0');
  if (c === 0x1b) return { text: '␛', ctl: 'ESC (ANSI escape)' };
  if (c < 0x20) return { text: String.fromCharCode(0x2400 + c), ctl: `U+${hex}` };
  if (c === 0x7f) return { text: '␡', ctl: 'U+007F' };
  return { text: `<U+${hex}>`, ctl: `U+${hex}` };
}

/** Splits text into plain pieces and visible markers. */
export function visiblePieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push(marker(m[0]));
    last = m.index + 1;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
