import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { needNeovim, runNeovim } from './headlessNeovim';

const ROOT = path.resolve(__dirname, '../..');
const TREE = path.join(ROOT, 'test/fixtures/navigation');

describe('navigation from a real client (headless Neovim)', function () {
  this.timeout(120_000);
  before(needNeovim);

  it('goes to a template, lists its uses and renames it in both files; a bad name is refused', () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lac-nvim-nav-')));
    try {
      fs.cpSync(TREE, tmp, { recursive: true });
      const file = path.join(tmp, 'etc/rsyslog.d/10-remote.conf');
      const saw: any = runNeovim('neovimNavigation.lua', tmp, { file, languageId: 'rsyslog', position: { line: 1, character: 70 }, newName: 'WideFormat', badName: 'RSYSLOG_Wide' });
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
