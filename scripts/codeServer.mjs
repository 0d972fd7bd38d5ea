// Shared by `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e/): makes sure a
// pinned code-server is installed under .cache/code-server, installs a .vsix into an extensions
// dir, and starts code-server bound to 127.0.0.1 in its own process group so that stopping it
// leaves no orphans.
//
// Works offline apart from the npm registry and Debian: the ripgrep binary that code-server's
// @vscode/ripgrep postinstall would download from GitHub is pre-filled from the npm package
// @vscode/ripgrep-linux-<arch>.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_BUILD, ensureSystemPackages, missingPackages } from './setup.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, '.cache');
/** code-server 4.100.x is the newest line that still runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = join(CACHE, 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// What code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins, and what that package's
// lib/postinstall.js looks for: `${os.tmpdir()}/vscode-ripgrep-cache-<pkg version>/ripgrep-<VERSION>-<target>.tar.gz`.
// When that file exists the postinstall unpacks it instead of asking api.github.com.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: ['linux-x64', 'x86_64-unknown-linux-musl'], arm64: ['linux-arm64', 'aarch64-unknown-linux-musl'] };
/** Debian packages needed to compile code-server's native modules: one list, in scripts/setup.mjs. */
export const APT_PACKAGES = CODE_SERVER_BUILD;

const log = (msg) => process.stderr.write(`[code-server] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

function ensureAptPackages() {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/dpkg-query')) return;
  if (!ensureSystemPackages(APT_PACKAGES)) throw new Error(`code-server needs these Debian packages to build its native modules: ${missingPackages(APT_PACKAGES).join(' ')}`);
}

/** Puts the ripgrep archive where @vscode/ripgrep's postinstall looks before it tries GitHub. */
function prefillRipgrep(tmpDir, env) {
  const t = RIPGREP_TARGETS[arch()];
  if (!t) return log(`no ripgrep prefill for arch ${arch()}; the postinstall will try to download it`);
  const [npmSuffix, target] = t;
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const archive = join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  if (existsSync(archive)) return;
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(tmpDir, 'rg-'));
  const packed = spawnSync('npm', ['pack', '--silent', `@vscode/ripgrep-${npmSuffix}`, '--pack-destination', work], { cwd: work, env, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack @vscode/ripgrep-${npmSuffix} failed:\n${packed.stderr}`);
  const tgz = join(work, packed.stdout.trim().split('\n').pop());
  run('tar', ['xzf', tgz, '-C', work]);
  run('tar', ['czf', archive, '-C', join(work, 'package', 'bin'), 'rg']);
  rmSync(work, { recursive: true, force: true });
}

/**
 * Installs code-server into .cache/code-server once (later calls return at once) and returns the
 * path of its entry script.
 */
export function ensureCodeServer() {
  const marker = join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);
  if (existsSync(marker) && existsSync(CODE_SERVER_ENTRY)) return { entry: CODE_SERVER_ENTRY, installed: false };
  // Two installs into one folder (npm start and the e2e tests at once) would wreck each other.
  const lock = `${CODE_SERVER_DIR}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (let waited = 0; ; waited += 2) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (existsSync(marker)) return { entry: CODE_SERVER_ENTRY, installed: false };
      if (Date.now() - statSync(lock).mtimeMs > 20 * 60_000) rmSync(lock, { recursive: true, force: true }); // stale
      if (waited % 30 === 0) log(`waiting for another code-server install to finish (${lock})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
  try {
    if (existsSync(marker) && existsSync(CODE_SERVER_ENTRY)) return { entry: CODE_SERVER_ENTRY, installed: false };
    return install(marker);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function install(marker) {
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (first run only; a few minutes)`);
  ensureAptPackages();
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  const tmpDir = join(CODE_SERVER_DIR, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  // Its own package.json keeps npm from walking up into the project's package.json.
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({
      name: 'linux-admin-configs-code-server',
      private: true,
      // npm 11 asks for approval of install scripts; these two must run (native builds, and the
      // postinstall that installs VS Code's own dependencies).
      allowScripts: { 'code-server': true, argon2: true },
    }, null, 2) + '\n');
  const env = {
    ...process.env,
    // The postinstall runs nested `npm install`s that must not stop to ask questions.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_ignore_scripts: 'false',
    // @vscode/ripgrep's postinstall caches downloads in os.tmpdir(); point it at our prefilled dir.
    TMPDIR: tmpDir,
  };
  // As root, code-server's postinstall refuses to run unless npm_config_unsafe_perm is "true". npm 11
  // no longer knows that setting and warns about it ("Unknown env config"), so it is set only as
  // root, where it is needed; the postinstall's own nested `npm install --unsafe-perm` warns likewise.
  if (process.getuid?.() === 0) env.npm_config_unsafe_perm = 'true';
  // node-gyp needs Node's headers; it downloads them from nodejs.org unless told where they are.
  // A distribution Node installed in /usr ships them in /usr/include/node.
  if (!env.npm_config_nodedir && process.execPath === '/usr/bin/node' && existsSync('/usr/include/node/node_api.h')) env.npm_config_nodedir = '/usr';
  prefillRipgrep(tmpDir, env);
  run('npm', ['install', '--no-save', '--prefix', CODE_SERVER_DIR, `code-server@${CODE_SERVER_VERSION}`], { cwd: CODE_SERVER_DIR, env });
  const rg = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(CODE_SERVER_ENTRY) || !existsSync(rg)) {
    throw new Error(`code-server install is incomplete (missing ${existsSync(CODE_SERVER_ENTRY) ? rg : CODE_SERVER_ENTRY}); remove ${CODE_SERVER_DIR} and retry`);
  }
  writeFileSync(marker, `${new Date().toISOString()} ${(Date.now() - started) / 1000}s\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { entry: CODE_SERVER_ENTRY, installed: true };
}

/**
 * Everything code-server writes lives under one state dir: extensions/, data/ (user-data-dir,
 * settings in data/User/settings.json), config.yaml and xdg/ (its logs and VS Code's device id
 * would otherwise land in ~/.config, ~/.local/share and ~/.cache).
 */
export function stateDirs(stateDir) {
  const d = {
    extensions: join(stateDir, 'extensions'),
    data: join(stateDir, 'data'),
    config: join(stateDir, 'config.yaml'),
    xdg: join(stateDir, 'xdg'),
  };
  for (const dir of [d.extensions, join(d.data, 'User'), d.xdg]) mkdirSync(dir, { recursive: true });
  if (!existsSync(d.config)) writeFileSync(d.config, 'auth: none\ncert: false\n');
  return d;
}

function stateEnv(base, stateDir, extra = {}) {
  const x = stateDirs(stateDir).xdg;
  const env = {
    ...base,
    XDG_CONFIG_HOME: join(x, 'config'),
    XDG_DATA_HOME: join(x, 'data'),
    XDG_CACHE_HOME: join(x, 'cache'),
    // An empty gallery: the extensions view stays empty instead of waiting on a marketplace.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
    ...extra,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/** Installs (or replaces) a .vsix into `<stateDir>/extensions` with code-server's own CLI. */
export function installVsix(vsix, stateDir) {
  const d = stateDirs(stateDir);
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--config', d.config, '--extensions-dir', d.extensions, '--user-data-dir', d.data, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env: stateEnv(process.env, stateDir),
  });
  if (r.status !== 0 || !/successfully installed|already installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Process groups of the code-servers this process started and has not stopped yet. */
const running = new Set();
// Whatever way this process ends, its code-servers (own process groups) must not outlive it.
process.on('exit', () => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/**
 * Starts code-server in its own process group and resolves once it answers HTTP.
 * @param {{ port: number, stateDir: string, folder?: string, locale?: string,
 *   env?: Record<string,string>, stdio?: 'inherit'|'pipe', timeoutMs?: number }} o
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(o) {
  const d = stateDirs(o.stateDir);
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${o.port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', d.config,
    '--extensions-dir', d.extensions,
    '--user-data-dir', d.data,
    ...(o.locale ? ['--locale', o.locale] : []),
    ...(o.folder ? [o.folder] : []),
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: stop() kills code-server and everything it spawned
    stdio: o.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: stateEnv(process.env, o.stateDir, o.env),
  });
  running.add(child.pid);
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(t);
    // Anything left in the group (language servers, watchers) goes too.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group empty */ }
    running.delete(child.pid);
  };
  const url = `http://127.0.0.1:${o.port}/`;
  const deadline = Date.now() + (o.timeoutMs ?? 60000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${o.timeoutMs ?? 60000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => out, stop };
}

/** Reads this package's version (for the .vsix name). */
export function packageVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
}

// `node scripts/codeServer.mjs` installs code-server and prints its entry path (CI uses this).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry } = ensureCodeServer();
  console.log(entry);
}
