// Installs a stand-in for the `vscode` module for tests of the extension host's code. Each test
// file has its own stand-in, so the client modules that captured another one are dropped from
// Node's module cache on the way in and on the way out.
import Module from 'node:module';
import * as path from 'node:path';

const CLIENT = path.resolve(__dirname, '../../../client') + path.sep;
type Resolver = (request: string, ...rest: unknown[]) => string;
const M = Module as unknown as { _resolveFilename: Resolver };

function dropClientModules(): void {
  for (const key of Object.keys(require.cache)) if (key.startsWith(CLIENT) || key === 'vscode') delete require.cache[key];
}

/** Makes `require('vscode')` return `fake` until the returned function is called. */
export function installFakeVscode(fake: object): () => void {
  const original = M._resolveFilename;
  dropClientModules();
  M._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : original.call(this, request, ...rest);
  };
  require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake } as unknown as NodeJS.Module;
  return () => {
    M._resolveFilename = original;
    dropClientModules();
  };
}
