import type { Localized } from '../../languages/common/types';
import { FORMAT_BY_NAME } from './data';
import { parseLine } from './format';

/** How many lines of a file's start are sampled, and how many bytes at most. */
export const SAMPLE_LINES = 50;
export const SAMPLE_BYTES = 64 * 1024;

/** A file's dominant line format, decided once from its first lines. */
export interface DetectedFormat {
  /** The format's name in formats.json (`access-combined`, `bsd-syslog` …). */
  name: string;
  label: Localized;
  /** Sampled lines in this format, out of the non-empty sampled lines. */
  lines: number;
  sampled: number;
}

/**
 * Decides the format most of the first lines of `text` are in (the first SAMPLE_LINES non-empty
 * lines of the first SAMPLE_BYTES). Lines of no known format count toward `sampled` only; a tie
 * goes to the format seen first. Undefined when no sampled line has a known format.
 */
export function detectFormat(text: string): DetectedFormat | undefined {
  const head = text.length > SAMPLE_BYTES ? text.slice(0, SAMPLE_BYTES) : text;
  const lines = head.split('\n');
  // A cut last line (the sample ended inside it) is left out unless it is all there is.
  if (text.length > SAMPLE_BYTES && lines.length > 1) lines.pop();
  const counts = new Map<string, number>();
  let sampled = 0;
  for (const l of lines) {
    if (sampled >= SAMPLE_LINES) break;
    if (l.trim() === '') continue;
    sampled++;
    const f = parseLine(l).format;
    if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestN = 0;
  for (const [f, n] of counts) {
    if (n > bestN) {
      best = f;
      bestN = n;
    }
  }
  const data = best !== undefined ? FORMAT_BY_NAME.get(best) : undefined;
  return data && best !== undefined ? { name: best, label: data.label, lines: bestN, sampled } : undefined;
}
