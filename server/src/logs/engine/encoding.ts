import { isUtf8 } from 'node:buffer';

/** Encodings the viewer decodes (all supported by Node 20's TextDecoder). */
export const ENCODINGS = ['utf-8', 'shift_jis', 'euc-jp', 'iso-8859-1'] as const;
export type LogEncoding = (typeof ENCODINGS)[number];

export function isLogEncoding(s: unknown): s is LogEncoding {
  return typeof s === 'string' && (ENCODINGS as readonly string[]).includes(s);
}

function validIn(enc: string, b: Buffer): boolean {
  try {
    new TextDecoder(enc, { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * Guesses the encoding of a sample from the start of a log: UTF-8 (or plain ASCII) when valid,
 * else EUC-JP when it decodes and uses only EUC byte ranges, else Shift_JIS when it decodes,
 * else ISO-8859-1 (which decodes anything). The sample is cut at its last newline so a character
 * split by the sample's end does not spoil the guess.
 */
export function detectEncoding(sample: Buffer): LogEncoding {
  const nl = sample.lastIndexOf(10);
  const b = nl > 0 && nl < sample.length - 1 ? sample.subarray(0, nl + 1) : sample;
  if (isUtf8(b)) return 'utf-8';
  let eucOnly = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c >= 0x80 && c < 0xa1 && c !== 0x8e && c !== 0x8f) {
      eucOnly = false;
      break;
    }
  }
  if (eucOnly && validIn('euc-jp', b)) return 'euc-jp';
  if (validIn('shift_jis', b)) return 'shift_jis';
  if (validIn('euc-jp', b)) return 'euc-jp';
  // Mostly UTF-8 with a few broken bytes stays UTF-8 (the broken bytes show as U+FFFD).
  const text = b.toString('utf8');
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad * 100 < b.length ? 'utf-8' : 'iso-8859-1';
}

/** A decoder for one encoding. Invalid bytes become U+FFFD (shown, never dropped). */
export function makeDecoder(enc: LogEncoding): (buf: Buffer, start: number, end: number) => string {
  if (enc === 'utf-8') return (buf, s, e) => buf.toString('utf8', s, e);
  if (enc === 'iso-8859-1') return (buf, s, e) => buf.toString('latin1', s, e);
  const td = new TextDecoder(enc, { fatal: false });
  return (buf, s, e) => td.decode(buf.subarray(s, e));
}

/** True when ASCII bytes in the encoding always mean ASCII characters (raw byte search is exact). */
export function asciiTransparent(enc: LogEncoding): boolean {
  // Shift_JIS trail bytes overlap ASCII 0x40-0x7E, so a raw search could hit inside a character.
  return enc !== 'shift_jis';
}
