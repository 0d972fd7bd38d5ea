/**
 * journalctl's export format (`-o export`), read from the bytes as they come: about three times
 * cheaper for journalctl to write than JSON. An entry is `KEY=value` lines ended by an empty line;
 * a value holding a newline or other control bytes comes as `KEY`, a newline, its length as 64-bit
 * little-endian, the bytes and a newline.
 */
import type { JournalEntry } from './journalctl';

export class ExportReader {
  private rest: Buffer = Buffer.alloc(0);
  private fields: Record<string, string | undefined> = {};
  private any = false;

  /** Reads a chunk; calls onEntry per complete entry. Returns false once onEntry returned false. */
  push(chunk: Buffer, onEntry: (e: JournalEntry) => boolean | void): boolean {
    const buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      if (nl === pos) {
        pos++;
        if (this.emit(onEntry) === false) {
          this.rest = Buffer.alloc(0);
          return false;
        }
        continue;
      }
      const eq = buf.indexOf(61, pos);
      if (eq >= 0 && eq < nl) {
        this.set(buf.toString('latin1', pos, eq), buf.toString('utf8', eq + 1, nl));
        pos = nl + 1;
        continue;
      }
      // A binary field: KEY \n length(8) data \n
      if (buf.length < nl + 9) break;
      const len = Number(buf.readBigUInt64LE(nl + 1));
      const end = nl + 9 + len;
      if (buf.length < end + 1) break;
      this.set(buf.toString('latin1', pos, nl), buf.toString('utf8', nl + 9, end));
      pos = end + 1;
    }
    this.rest = Buffer.from(buf.subarray(pos));
    return true;
  }

  /** The last entry when the output stopped without its empty line. */
  end(onEntry: (e: JournalEntry) => boolean | void): void {
    this.emit(onEntry);
  }

  private set(key: string, value: string): void {
    // A field given twice: the first value, as the viewer shows one.
    if (this.fields[key] === undefined) this.fields[key] = value;
    this.any = true;
  }

  private emit(onEntry: (e: JournalEntry) => boolean | void): boolean | void {
    if (!this.any) return;
    const e = this.fields;
    this.fields = {};
    this.any = false;
    if (typeof e.__CURSOR !== 'string') return;
    return onEntry(e as JournalEntry);
  }
}
