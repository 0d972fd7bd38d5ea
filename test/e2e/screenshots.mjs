// `node test/e2e/screenshots.mjs`: runs the rsyslog and Japanese e2e tests (which save screenshots
// into .cache/screenshots/) and copies the ones the README shows into media/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SHOTS = join(ROOT, '.cache', 'screenshots');
/** .cache/screenshots/<name>.png -> media/<target>.png */
const README_SHOTS = {
  'rsyslog-problems': 'screenshot-problems',
  'rsyslog-hover': 'screenshot-hover',
  'rsyslog-completion': 'screenshot-completion',
  'rsyslog-hover-ja': 'screenshot-hover-ja',
};

// Old shots must not stand in for ones a failing test did not take.
for (const name of Object.keys(README_SHOTS)) rmSync(join(SHOTS, `${name}.png`), { force: true });

const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status;
if (run(['scripts/package.mjs']) !== 0) process.exit(1);
const mocha = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const status = run([mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '180000', 'test/e2e/rsyslog.e2e.ts', 'test/e2e/japanese.e2e.ts']);

mkdirSync(join(ROOT, 'media'), { recursive: true });
let copied = 0;
for (const [name, target] of Object.entries(README_SHOTS)) {
  const from = join(SHOTS, `${name}.png`);
  if (!existsSync(from)) {
    console.error(`missing ${from} (its test failed?)`);
    continue;
  }
  const to = join(ROOT, 'media', `${target}.png`);
  copyFileSync(from, to);
  copied++;
  console.log(`${to} (${Math.round(statSync(to).size / 1024)} KiB)`);
}
process.exit(status === 0 && copied === Object.keys(README_SHOTS).length ? 0 : 1);
