import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server.js');
const TREE = path.join(ROOT, 'test/fixtures/navigation');

function hasNeovim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('navigation from a real client (headless Neovim)', function () {
  this.timeout(120_000);
  before(function () {
    if (!hasNeovim()) {
      if (process.env.CI) throw new Error('nvim is not installed: apt-get install neovim');
      this.skip();
    }
    if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node scripts/build.mjs first');
  });

  it('goes to a template, lists its uses and renames it in both files; a bad name is refused', () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lac-nvim-nav-')));
    try {
      fs.cpSync(TREE, tmp, { recursive: true });
      const file = path.join(tmp, 'etc/rsyslog.d/10-remote.conf');
      const job = path.join(tmp, 'job.json');
      const out = path.join(tmp, 'out.json');
      fs.writeFileSync(job, JSON.stringify({ server: SERVER, root: tmp, file, languageId: 'rsyslog', position: { line: 1, character: 70 }, newName: 'WideFormat', badName: 'RSYSLOG_Wide' }));
      const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'neovimNavigation.lua')}`], {
        env: { ...process.env, LAC_JOB: job, LAC_OUT: out, HOME: tmp, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp },
        timeout: 60_000,
        encoding: 'utf8',
      });
      if (!fs.existsSync(out)) throw new Error(`Neovim wrote nothing (exit ${r.status}): ${r.stderr}`);
      const saw = JSON.parse(fs.readFileSync(out, 'utf8'));
      const main = pathToFileURL(path.join(tmp, 'etc/rsyslog.conf')).href;
      assert.deepEqual(saw.definition, [{ uri: main, line: 1 }]);
      assert.equal(saw.references.length, 3, JSON.stringify(saw.references));
      // The refusal reached the client as an error with the reason.
      assert.equal(saw.errors.length, 1, JSON.stringify(saw.errors));
      assert.match(saw.errors[0], /textDocument\/rename: .*reserved/);
      assert.equal((fs.readFileSync(path.join(tmp, 'etc/rsyslog.conf'), 'utf8').match(/WideFormat/g) ?? []).length, 2);
      assert.match(fs.readFileSync(file, 'utf8'), /template="WideFormat"/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
