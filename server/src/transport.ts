import { format } from 'node:util';
import { ResyncingMessageReader } from './frameReader';
import {
  AbstractMessageWriter,
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  type Connection,
  type Message,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * The server's connection. `--node-ipc` (VS Code), `--socket` and `--pipe` are left to the
 * library; `--stdio` (Neovim, Helix, Emacs …) gets a writer that sends each message in one write.
 */
export function createServerConnection(argv = process.argv): Connection {
  if (!argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  let shutdown = false;
  const writer = new SingleWriteMessageWriter(process.stdout);
  // A malformed frame is logged and skipped, and a request whose body was cut still gets an
  // answer (a JSON-RPC parse error) instead of leaving its client waiting.
  const reader = new ResyncingMessageReader(process.stdin, (bad) => {
    if (bad.id !== undefined) void writer.write({ jsonrpc: '2.0', id: bad.id, error: { code: ErrorCodes.ParseError, message: `Parse error: ${bad.reason}` } } as Message).catch(() => undefined);
  });
  reader.onError((e) => connection.console.error(e.message));
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  connection.onShutdown(() => {
    shutdown = true;
  });
  // What the library does for its own stdio streams: stop when the client goes away, and keep
  // stray console output off stdout, which carries the protocol.
  const gone = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', gone);
  process.stdin.on('close', gone);
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = console.info = console.debug = toLog;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

/**
 * Writes each JSON-RPC message to a stream (stdout under `--stdio`) with ONE write: the
 * `Content-Length` header and the body in the same buffer.
 *
 * The library's stream writer writes the header and the body separately, so every message costs
 * two system calls and, on a pipe, usually wakes the reader twice (once for a header it cannot
 * use yet). Over stdio that was a large part of a completion or hover round trip. Writes are
 * synchronous calls made in order, so messages can never interleave.
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let frame: Buffer;
    try {
      frame = frameMessage(msg);
    } catch (e) {
      this.fireError(e as Error, msg, ++this.errorCount);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.out.write(frame, (err?: Error | null) => {
        if (err) {
          this.fireError(err, msg, ++this.errorCount);
          reject(err);
        } else resolve();
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/** `Content-Length: N\r\n\r\n` followed by the UTF-8 JSON of `msg`, in one buffer. */
export function frameMessage(msg: unknown): Buffer {
  const json = JSON.stringify(msg);
  const length = Buffer.byteLength(json, 'utf8');
  const head = `Content-Length: ${length}\r\n\r\n`;
  const frame = Buffer.allocUnsafe(head.length + length);
  frame.write(head, 0, 'latin1');
  frame.write(json, head.length, 'utf8');
  return frame;
}
