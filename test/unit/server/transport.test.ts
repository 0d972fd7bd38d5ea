import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { ResyncingMessageReader, type MalformedFrame } from '../../../server/src/frameReader';
import { frameMessage, SingleWriteMessageWriter } from '../../../server/src/transport';

describe('stdio transport: one write per message', () => {
  it('frames a message with the byte length of its UTF-8 body (Japanese counts 3 bytes a character)', () => {
    const msg = { jsonrpc: '2.0', id: 1, result: { contents: { kind: 'markdown', value: 'システム破損などの緊急事態です。' } } };
    const frame = frameMessage(msg).toString('utf8');
    const [head, body] = frame.split('\r\n\r\n');
    assert.equal(head, `Content-Length: ${Buffer.byteLength(JSON.stringify(msg), 'utf8')}`);
    assert.deepEqual(JSON.parse(body), msg);
  });

  it('writes header and body in one chunk, and a standard reader gets every message back in order', async () => {
    const pipe = new PassThrough();
    const chunks: Buffer[] = [];
    pipe.on('data', (c: Buffer) => chunks.push(c));
    const writer = new SingleWriteMessageWriter(pipe);
    const sent: Message[] = [
      { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { text: 'ja 日本語' } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [] } } as Message,
      { jsonrpc: '2.0', id: 2, result: null } as Message,
    ];
    for (const m of sent) await writer.write(m);
    assert.equal(chunks.length, sent.length);
    for (const c of chunks) assert.match(c.toString('latin1'), /^Content-Length: \d+\r\n\r\n\{/);

    const again = new PassThrough();
    const reader = new StreamMessageReader(again);
    const got: Message[] = [];
    const done = new Promise<void>((resolve) => {
      reader.listen((m) => {
        got.push(m);
        if (got.length === sent.length) resolve();
      });
    });
    // Split anywhere, as a pipe may deliver it.
    const all = Buffer.concat(chunks);
    again.write(all.subarray(0, 7));
    again.write(all.subarray(7, 60));
    again.write(all.subarray(60));
    await done;
    assert.deepEqual(got, sent);
    reader.dispose();
  });
});

describe('stdio transport: malformed frames are skipped and the server keeps listening', () => {
  const frame = (msg: unknown, lengthDelta = 0, header = 'Content-Length') => {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    return Buffer.concat([Buffer.from(`${header}: ${body.length + lengthDelta}\r\n\r\n`, 'latin1'), body]);
  };
  const hover = (id: number) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } } });

  /** Feeds `bytes` to a reader in pieces of `piece` bytes; resolves with what it delivered and reported. */
  async function read(bytes: Buffer, piece = bytes.length) {
    const input = new PassThrough();
    const malformed: MalformedFrame[] = [];
    const reader = new ResyncingMessageReader(input, (m) => malformed.push(m));
    const got: Message[] = [];
    const errors: string[] = [];
    reader.onError((e) => errors.push(e.message));
    reader.listen((m) => got.push(m));
    for (let i = 0; i < bytes.length; i += piece) input.write(bytes.subarray(i, i + piece));
    await new Promise((res) => setImmediate(res));
    reader.dispose();
    return { got, malformed, errors };
  }

  it('a too-short Content-Length loses that message only: the next requests are read', async () => {
    for (const piece of [1 << 20, 1, 7]) {
      const r = await read(Buffer.concat([frame(hover(1), -10), frame(hover(2)), frame(hover(3))]), piece);
      assert.deepEqual(
        r.got.map((m: any) => m.id),
        [2, 3],
        `pieces of ${piece} bytes`,
      );
      assert.ok(r.errors.length >= 1 && r.errors[0].includes('not a JSON-RPC message'), r.errors.join('; '));
      // The cut request's id is recovered, so it can be answered with a parse error.
      assert.equal(r.malformed[0].id, 1);
    }
  });

  it('a too-long Content-Length that swallowed the next header: reading resumes at that header', async () => {
    const r = await read(Buffer.concat([frame(hover(1), +30), frame(hover(2)), frame(hover(3))]));
    assert.deepEqual(
      r.got.map((m: any) => m.id),
      [2, 3],
    );
  });

  it('headers without a Content-Length, a non-numeric or absurd length, and junk between frames are skipped', async () => {
    const r = await read(
      Buffer.concat([
        Buffer.from('Content-Type: x\r\n\r\n', 'latin1'),
        frame(hover(1), 0, 'Content-Lngth'),
        Buffer.from('Content-Length: 12abc\r\n\r\n', 'latin1'),
        Buffer.from('Content-Length: 99999999999\r\n\r\n', 'latin1'),
        Buffer.from('garbage\x00\xff', 'latin1'),
        frame(hover(2)),
        Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n', 'latin1'),
        frame(hover(3)),
      ]),
    );
    assert.deepEqual(
      r.got.map((m: any) => m.id),
      [2, 3],
    );
    assert.ok(r.errors.length >= 4, r.errors.join('; '));
  });

  it('well-formed messages split anywhere arrive whole and in order, a large one included', async () => {
    const big = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x'.repeat(3_000_000) + '日本語' } };
    const r = await read(Buffer.concat([frame(hover(1)), frame(big), frame(hover(2))]), 65_536);
    assert.equal(r.got.length, 3);
    assert.deepEqual(r.got[1], big);
    assert.deepEqual(r.errors, []);
  });
});
