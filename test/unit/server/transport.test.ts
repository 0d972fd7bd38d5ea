import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
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
