import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServer, type Session } from '../bench/lspClient';

const SERVER = path.resolve(__dirname, '../../dist/server.js');

/**
 * Hooks for a suite that drives dist/server.js over stdio: a clear failure when the bundle is
 * missing, and every session started with the returned function closed after each test.
 */
export function serverPerTest(): typeof startServer {
  const started: Session[] = [];
  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  return async (opts) => {
    const s = await startServer(opts);
    started.push(s);
    return s;
  };
}
