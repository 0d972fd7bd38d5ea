import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

function hasNeovim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The `before` hook of a Neovim suite: skipped without nvim (a failure in CI), a failure without the bundle. */
export function needNeovim(this: Mocha.Context): void {
  if (!hasNeovim()) {
    if (process.env.CI) throw new Error('nvim is not installed: apt-get install neovim');
    this.skip();
  }
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
}

/**
 * Runs `script` (a Lua file next to this one) in headless Neovim with `dir` as its home, `job` as
 * the JSON it reads from $LAC_JOB; what it wrote to $LAC_OUT.
 */
export function runNeovim(script: string, dir: string, job: object): unknown {
  const jobFile = path.join(dir, 'job.json');
  const out = path.join(dir, 'out.json');
  fs.writeFileSync(jobFile, JSON.stringify({ server: SERVER, root: dir, ...job }));
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, script)}`], {
    env: { ...process.env, LAC_JOB: jobFile, LAC_OUT: out, HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    timeout: 60_000,
    encoding: 'utf8',
  });
  if (!fs.existsSync(out)) throw new Error(`Neovim wrote nothing (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}
