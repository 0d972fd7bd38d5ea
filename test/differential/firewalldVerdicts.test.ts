/**
 * The firewalld tool-verdict fixtures (whole configuration folders, test/fixtures/firewalld/
 * tool-verdicts) against the real `firewall-offline-cmd --check-config`, run on a temporary copy
 * with the host's stock configuration as the default one. Each folder is a disagreement found on
 * the firewalld project's own tests, fixed; the unit test checks our side. Needs root (the tool
 * insists on it) and firewalld; skipped without them, except in CI.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram, isRoot } from '../../server/src/tools/exec';

const DIR = path.join(__dirname, '../fixtures/firewalld/tool-verdicts');

describe('firewalld tool-verdict fixtures against firewall-offline-cmd --check-config', function () {
  this.timeout(120_000);
  // `toolSays`: a word of the tool's output that shows it is this problem and not another.
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { name: string; tool: 'accepts' | 'refuses'; toolSays?: string }[];
  let tmp = '';
  before(function () {
    const missing = !findProgram('firewall-offline-cmd') ? 'firewall-offline-cmd is not installed (node scripts/setup.mjs installs it as root)' : !isRoot() ? 'firewall-offline-cmd runs only as root' : '';
    if (missing) {
      if (process.env.CI) throw new Error(missing);
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-fwv-'));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  for (const c of manifest) {
    it(`${c.name}: firewall-offline-cmd ${c.tool} it`, () => {
      const sys = path.join(tmp, c.name);
      fs.cpSync(path.join(DIR, c.name), sys, { recursive: true });
      fs.writeFileSync(path.join(sys, 'firewalld.conf'), 'DefaultZone=public\n');
      const r = spawnSync(findProgram('firewall-offline-cmd')!, ['--system-config', sys, '--default-config', '/usr/lib/firewalld', '--check-config'], { encoding: 'utf8', timeout: 60_000 });
      const said = `${r.stdout}${r.stderr}`.trim() || 'nothing';
      assert.equal(r.status !== 0 ? 'refuses' : 'accepts', c.tool, said);
      if (c.toolSays) assert.ok(said.includes(c.toolSays), `'${c.toolSays}' not in: ${said}`);
    });
  }
});
