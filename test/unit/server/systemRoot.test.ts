import { strict as assert } from 'node:assert';
import { systemRootsOf } from '../../../server/src/navigationRequests';
import { readSettings } from '../../../server/src/settings';

describe('linuxAdminConfigs.systemRoot', () => {
  const hasEtc = (p: string) => p === '/srv/ws/etc' || p === '/srv/other/etc';

  it('is read from the settings, trimmed, and empty by default', () => {
    assert.equal(readSettings({ systemRoot: ' /srv/copy ' }).systemRoot, '/srv/copy');
    assert.equal(readSettings({}).systemRoot, '');
    assert.equal(readSettings({ systemRoot: 42 }).systemRoot, '');
  });

  it('when empty, uses the workspace folders that hold etc/ (automatic, as before)', () => {
    assert.deepEqual(systemRootsOf(['/srv/ws', '/srv/plain', '/srv/other'], '', hasEtc), ['/srv/ws', '/srv/other']);
  });

  it('when set, replaces the automatic roots: absolute, relative to the first folder, ${workspaceFolder}, or / for this machine', () => {
    assert.deepEqual(systemRootsOf(['/srv/ws'], '/mnt/backup/', hasEtc), ['/mnt/backup']);
    assert.deepEqual(systemRootsOf(['/srv/ws', '/srv/other'], 'copies/web01', hasEtc), ['/srv/ws/copies/web01']);
    assert.deepEqual(systemRootsOf(['/srv/ws'], '${workspaceFolder}/../snap', hasEtc), ['/srv/snap']);
    assert.deepEqual(systemRootsOf(['/srv/ws'], '/', hasEtc), ['/']);
    assert.deepEqual(systemRootsOf([], 'relative', hasEtc), []);
  });
});
