// `npm start`: builds and packages the extension, installs code-server on first run (into
// .cache/code-server), installs the .vsix into .cache/vscode, copies demo/ into a fresh workspace
// outside the clone ($TMPDIR/linux-admin-configs-demo-<uid>) and serves VS Code on
// http://127.0.0.1:8080 (PORT changes the port, LOCALE=ja starts VS Code with --locale ja).
// Ctrl-C stops code-server and everything it started.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE, ROOT, ensureCodeServer, installVsix, startCodeServer, stateDirs } from './codeServer.mjs';
import { packageVsix } from './package.mjs';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  process.exit(2);
}
const taken = await new Promise((res) => {
  const srv = createServer().once('error', () => res(true));
  srv.listen(port, '127.0.0.1', () => srv.close(() => res(false)));
});
if (taken) {
  console.error(`Port ${port} on 127.0.0.1 is already in use; choose another one, e.g. PORT=8081 npm start`);
  process.exit(1);
}
const stateDir = join(CACHE, 'vscode');
// Outside the clone: a workspace inside it makes VS Code find the clone's git repository in a
// parent folder and ask about it on every load.
const workspace = join(tmpdir(), `linux-admin-configs-demo-${process.getuid?.() ?? 'user'}`);

console.log('building and packaging the extension ...');
const vsix = packageVsix({ quiet: true });
ensureCodeServer();
installVsix(vsix, stateDir);

// Settings for a quiet first start: no welcome page, no trust prompt, nothing phoning home, no
// question about git repositories in parent folders. Settings the user changed are kept; missing
// ones are added (so an older .cache/vscode gets the new ones too).
const settings = join(stateDirs(stateDir).data, 'User', 'settings.json');
const quiet = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};
let current;
try {
  current = existsSync(settings) ? JSON.parse(readFileSync(settings, 'utf8')) : {};
} catch {
  current = undefined; // a settings.json with comments, edited by hand: leave it alone
}
if (current && Object.keys(quiet).some((k) => !(k in current))) writeFileSync(settings, JSON.stringify({ ...quiet, ...current }, null, 2) + '\n');

// A fresh copy of the demo each start, so edits never touch the repository.
rmSync(workspace, { recursive: true, force: true });
cpSync(join(ROOT, 'demo'), workspace, { recursive: true });

const cs = await startCodeServer({
  port,
  stateDir,
  folder: workspace,
  locale: process.env.LOCALE || undefined,
  stdio: 'inherit',
  timeoutMs: 120000,
}).catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});

console.log(`\nVS Code with linux-admin-configs is ready: ${cs.url}?folder=${encodeURI(workspace)}`);
console.log(`Workspace: ${workspace} (a copy of demo/, recreated on every start). Press Ctrl-C to stop.\n`);

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await cs.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// Last resort if this process dies some other way: take the whole group down with it.
process.on('exit', () => {
  try {
    process.kill(-cs.child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
});
cs.child.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`code-server exited (${code ?? signal})`);
  void shutdown(code ?? 1);
});
