// `npm run package`: bundles with esbuild (scripts/build.mjs), then packs the extension with vsce
// into .cache/linux-admin-configs.vsix (git-ignored) and prints that path. What goes into the
// .vsix is decided by .vscodeignore; test/unit/packaging.test.ts checks the exact list.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const VSIX = join(ROOT, '.cache', 'linux-admin-configs.vsix');
const STAGE = join(ROOT, '.cache', 'vsix-stage');
// vsce walks every file under its working directory before applying .vscodeignore; .cache holds
// code-server (~100k files) and .git grows, so it runs in a copy of the tree without them.
// .vscodeignore still decides what ships.
const NOT_STAGED = new Set(['.cache', '.git', 'node_modules', 'test-results']);

function stage() {
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  for (const name of readdirSync(ROOT)) {
    if (!NOT_STAGED.has(name)) cpSync(join(ROOT, name), join(STAGE, name), { recursive: true });
  }
}

function run(cmd, args, quiet, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r;
}

/** Newest modification time of the files that can end up in the .vsix (0 when none). */
function newestInput() {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const name of readdirSync(ROOT)) if (/^(package(\.nls.*)?\.json|\.vscodeignore|README\.md|CHANGELOG\.md|LICENSE)$/.test(name)) visit(join(ROOT, name));
  for (const dir of ['dist', 'syntaxes', 'snippets', 'l10n', 'media']) visit(join(ROOT, dir));
  return newest;
}

/** True when the .vsix exists and nothing it is made of changed since it was packed. */
export function vsixIsFresh() {
  return existsSync(VSIX) && statSync(VSIX).mtimeMs >= newestInput();
}

/**
 * Builds dist/ and packs the .vsix. Returns its absolute path.
 * @param {{ build?: boolean, quiet?: boolean }} [opts]
 */
export function packageVsix({ build = true, quiet = false } = {}) {
  if (build) run(process.execPath, ['scripts/build.mjs'], quiet);
  stage();
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(
    process.execPath,
    [
      vsce, 'package',
      '--no-dependencies', // esbuild already bundled every runtime dependency into dist/
      '--no-rewrite-relative-links', // README images stay relative: no repository URL to point at
      '--allow-missing-repository',
      '--no-update-package-json',
      '--out', VSIX,
    ],
    quiet,
    STAGE,
  );
  rmSync(STAGE, { recursive: true, force: true });
  return VSIX;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const vsix = packageVsix();
  console.log(`${vsix} (${Math.round(statSync(vsix).size / 1024)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
