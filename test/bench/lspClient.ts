/** A minimal LSP client over stdio for benchmarks and protocol tests: starts dist/server.js. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SingleWriteMessageWriter } from '../../server/src/transport';

export interface Session {
  conn: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the first diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  /**
   * Resolves with the first diagnostics published for `uri` after this call that `ok` accepts
   * (a publish already on its way, from an earlier change, is passed over); rejects after `ms`.
   */
  diagnosticsWhere(uri: string, ok: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  /** What the server answered to `initialize` (its capabilities). */
  initializeResult: InitializeResult;
  close(): Promise<void>;
}

export async function startServer(opts: { locale?: string; rootUri?: string | null; settings?: unknown; server?: string; /** false: a client that cannot answer workspace/configuration */ configuration?: boolean; /** The client's workspace.workspaceEdit capabilities. */ workspaceEdit?: Record<string, unknown> } = {}): Promise<Session> {
  const server = path.resolve(opts.server ?? 'dist/server.js');
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  // One write per message, as Neovim sends them (the library's stream writer writes the header
  // and the body separately, which wakes the server twice per request).
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new SingleWriteMessageWriter(child.stdin!));
  const waiters = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  const nextDiagnostics = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const list = waiters.get(uri) ?? [];
      list.push(resolve);
      waiters.set(uri, list);
    });
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = waiters.get(p.uri);
    if (list?.length) {
      waiters.delete(p.uri);
      for (const w of list) w(p);
    }
  });
  conn.onRequest('workspace/configuration', () => [opts.settings ?? {}]);
  conn.listen();
  const initializeResult: InitializeResult = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    locale: opts.locale ?? 'en',
    capabilities: { workspace: { configuration: opts.configuration ?? true, ...(opts.workspaceEdit ? { workspaceEdit: opts.workspaceEdit } : {}) }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    initializationOptions: opts.settings ? { settings: opts.settings } : undefined,
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    initializeResult,
    nextDiagnostics,
    async diagnosticsWhere(uri, ok, ms = 10_000) {
      const deadline = Date.now() + ms;
      let last: PublishDiagnosticsParams | undefined;
      while (Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(1, deadline - Date.now()))));
        const p = await Promise.race([nextDiagnostics(uri), timeout]);
        clearTimeout(timer);
        if (!p) break;
        if (ok(p)) return p;
        last = p;
      }
      throw new Error(`no diagnostics as expected for ${uri} within ${ms} ms; the last: ${JSON.stringify(last?.diagnostics.map((d) => d.code))}`);
    },
    async close() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      conn.dispose();
      child.kill();
    },
  };
}
