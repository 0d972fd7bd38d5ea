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
    nextDiagnostics(uri) {
      return new Promise((resolve) => {
        const list = waiters.get(uri) ?? [];
        list.push(resolve);
        waiters.set(uri, list);
      });
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
