import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';

/** A body larger than V8's longest string cannot be a message; such a header is rejected. */
export const MAX_BODY_BYTES = 512 * 1024 * 1024;
/** Bytes searched for the end of a header block before what came is treated as junk. */
const HEADER_WINDOW = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const CONTENT_LENGTH = /content-length[ \t]*:/gi;

/** A frame that could not be read, with the request id found in it when there was one. */
export interface MalformedFrame {
  reason: string;
  /** The id of a request whose body was cut or garbled, so that it can still get an error answer. */
  id?: number | string;
}

/**
 * Reads `Content-Length` framed JSON-RPC messages from a stream and, unlike the library's stream
 * reader, recovers from malformed frames. With a too-short `Content-Length` the library parses a
 * cut body, then takes the body's tail as the start of every later header and never finds a
 * message again: the server keeps running but is deaf. Here a bad frame is reported (`onMalformed`,
 * and an error event) and reading goes on at the next `Content-Length:` header, so the next
 * well-formed message is served. A too-long length that swallowed the next header is undone the
 * same way, by reading on from the header found inside the unparsable body.
 */
export class ResyncingMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private bodyLength = -1;
  private callback: DataCallback | undefined;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly onMalformed: (frame: MalformedFrame) => void = () => undefined,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (d: Buffer | string) => this.onData(typeof d === 'string' ? Buffer.from(d, 'utf8') : d);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
    });
  }

  private onData(data: Buffer): void {
    this.chunks.push(data);
    this.size += data.length;
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      if (this.size < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body);
    }
  }

  /** Consumes one header block and sets bodyLength; false when more bytes are needed. */
  private readHeader(): boolean {
    for (;;) {
      const head = this.peek(Math.min(this.size, HEADER_WINDOW));
      const end = head.indexOf(HEADER_END);
      if (end < 0) {
        if (this.size >= HEADER_WINDOW) {
          // Junk without a header end: keep only from the last Content-Length that may start one.
          const keep = lastHeaderStart(head.toString('latin1'));
          const drop = keep > 0 ? keep : head.length - 3;
          this.take(drop);
          this.malformed(`skipped ${drop} bytes without a message header`);
          continue;
        }
        return false;
      }
      const block = head.subarray(0, end).toString('latin1');
      this.take(end + HEADER_END.length);
      const start = lastHeaderStart(block);
      if (start < 0) {
        this.malformed(`skipped a header block without Content-Length (${end} bytes)`);
        continue;
      }
      if (start > 0 && !looksLikeHeaders(block.slice(0, start))) this.malformed(`skipped ${start} bytes before a message header`);
      const value = /^content-length[ \t]*:[ \t]*(\S*)/i.exec(block.slice(start).split('\r\n')[0])?.[1] ?? '';
      const length = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
      if (!(length <= MAX_BODY_BYTES)) {
        this.malformed(`rejected a frame with Content-Length '${value.slice(0, 20)}'`);
        continue;
      }
      this.bodyLength = length;
      return true;
    }
  }

  private deliver(body: Buffer): void {
    let msg: unknown;
    try {
      msg = JSON.parse(body.toString('utf8'));
    } catch (e) {
      msg = undefined;
    }
    if (typeof msg === 'object' && msg !== null && !Array.isArray(msg)) {
      this.callback?.(msg as Message);
      return;
    }
    // The body is not a message: its length was wrong. If it swallowed the next frame's header,
    // read on from there.
    const inner = lastHeaderStart(body.toString('latin1'));
    if (inner > 0) {
      this.chunks.unshift(body.subarray(inner));
      this.size += body.length - inner;
    }
    this.malformed(`a message body of ${body.length} bytes is not a JSON-RPC message (wrong Content-Length?)`, requestId(body));
  }

  private malformed(reason: string, id?: number | string): void {
    this.onMalformed({ reason, id });
    this.fireError(new Error(`Malformed frame: ${reason}`));
  }

  /** The first n bytes, without consuming them (copies at most n bytes). */
  private peek(n: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    for (const c of this.chunks) {
      if (at >= n) break;
      at += c.copy(out, at, 0, Math.min(c.length, n - at));
    }
    return out;
  }

  /** Consumes the first n bytes (one copy when they span chunks). */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first && first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let at = 0;
      while (at < n) {
        const c = this.chunks[0];
        const k = Math.min(c.length, n - at);
        c.copy(out, at, 0, k);
        at += k;
        if (k === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(k);
      }
    }
    this.size -= n;
    return out;
  }
}

/** Offset of the last `Content-Length:` in `s`, or -1. */
function lastHeaderStart(s: string): number {
  let last = -1;
  for (const m of s.matchAll(CONTENT_LENGTH)) last = m.index ?? last;
  return last;
}

/** Whether text before a Content-Length line is other headers (`Name: value` lines) rather than junk. */
function looksLikeHeaders(s: string): boolean {
  return s.endsWith('\r\n') && s.slice(0, -2).split('\r\n').every((l) => /^[A-Za-z][A-Za-z0-9-]*[ \t]*:/.test(l));
}

/** The `id` of a request in a cut or garbled body, when it can be read near the start. */
function requestId(body: Buffer): number | string | undefined {
  const m = /"id"\s*:\s*(\d{1,15}|"[^"\\]{0,100}")/.exec(body.subarray(0, 200).toString('utf8'));
  if (!m || !/"method"\s*:/.test(body.subarray(0, 400).toString('utf8'))) return undefined;
  return m[1].startsWith('"') ? m[1].slice(1, -1) : Number(m[1]);
}
