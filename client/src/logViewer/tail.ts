import type { LogLine, LogSet } from '../../../server/src/logs/engine';
import { makeDecoder } from '../../../server/src/logs/engine/encoding';

/** Past this much of the end without `count` whole lines (very long lines), what was found is shown. */
const MAX_WINDOW = 4 * 1024 * 1024;

/**
 * The last `count` lines of the set's last file, read backwards from its real end: what End shows
 * while the index has not got there yet. Their line numbers are not known until it has (n = -1).
 * A compressed file has no end to read without inflating all of it: none then.
 */
export async function tailLines(set: LogSet, count: number): Promise<LogLine[]> {
  const member = set.members.length - 1;
  const mem = set.members[member];
  if (!mem || mem.reader.gz || count <= 0) return [];
  const size = await mem.reader.size();
  if (size === 0) return [];
  const decode = makeDecoder(set.encoding);
  for (let win = 64 * 1024; ; win *= 4) {
    const start = Math.max(0, size - win);
    const buf = await mem.reader.read(start, size - start);
    const lines: LogLine[] = [];
    // The newline that ends the last line does not start another one.
    let e = buf.length && buf[buf.length - 1] === 10 ? buf.length - 1 : buf.length;
    while (lines.length < count) {
      const nl = e > 0 ? buf.lastIndexOf(10, e - 1) : -1;
      // A line cut off by the start of the window is not whole: read a larger window.
      if (nl < 0 && start > 0) break;
      const s = nl + 1;
      const len = e - s;
      const take = Math.min(len, set.maxLineBytes);
      let raw = buf.subarray(s, s + take);
      if (take === len && raw.length && raw[raw.length - 1] === 13) raw = raw.subarray(0, raw.length - 1);
      lines.push({ n: -1, text: decode(raw, 0, raw.length), bytes: len, cut: take < len, member, offset: start + s });
      if (nl < 0) break;
      e = nl;
    }
    if (lines.length >= count || start === 0 || win >= MAX_WINDOW) return lines.reverse();
  }
}
