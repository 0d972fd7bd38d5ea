import { strict as assert } from 'node:assert';
import { definition, prepareRename, references, rename } from '../../../server/src/languages/common/navigation';
import { firewalldFacade as F } from '../../../server/src/languages/firewalld/index';
import { where, workspace } from '../helpers/navigation';

const ZONE = 'file:///srv/copy/etc/firewalld/zones/internal.xml';
const SVC = 'file:///srv/copy/etc/firewalld/services/backup.xml';
const zone = (svc: string) => `<?xml version="1.0" encoding="utf-8"?>
<zone>
  <short>Internal</short>
  <service name="${svc}"/>
  <service name="ssh"/>
</zone>
`;
const service = '<?xml version="1.0" encoding="utf-8"?>\n<service>\n  <short>Backup</short>\n  <port protocol="tcp" port="873"/>\n</service>\n';

describe('firewalld navigation', () => {
  it('jumps from a service in a zone to its file in the workspace', () => {
    const w = workspace(F, { [ZONE]: zone('back|up'), [SVC]: service });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['backup.xml:1:1']);
  });

  it('falls back to /etc/firewalld (the copy first, then the host), then /usr/lib/firewalld', () => {
    const w = workspace(F, { [ZONE]: zone('ss|h') });
    const seen: string[] = [];
    const exists = (p: string) => {
      seen.push(p);
      return p === '/usr/lib/firewalld/services/ssh.xml';
    };
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx, exists).map((l) => l.uri), ['file:///usr/lib/firewalld/services/ssh.xml']);
    assert.deepEqual(seen, ['/srv/copy/etc/firewalld/services/ssh.xml', '/etc/firewalld/services/ssh.xml', '/srv/copy/usr/lib/firewalld/services/ssh.xml', '/usr/lib/firewalld/services/ssh.xml']);
  });

  it('lists the zones that use a service, from the service file', () => {
    const w = workspace(F, { [SVC]: service.replace('<service>', '<ser|vice>'), [ZONE]: zone('backup'), 'file:///srv/copy/etc/firewalld/zones/dmz.xml': zone('ssh') });
    assert.deepEqual(references(F, w.doc, w.pos, w.ctx).map(where).sort(), ['backup.xml:1:1', 'internal.xml:3:17']);
  });

  it('refuses a rename that needs the file renamed when the editor cannot rename files, saying so', () => {
    const w = workspace(F, { [ZONE]: zone('back|up'), [SVC]: service });
    assert.throws(() => rename(F, w.doc, w.pos, 'rsync', w.ctx), /renames its file/);
    // Said before a new name is typed (textDocument/prepareRename).
    assert.throws(() => prepareRename(F, w.doc, w.pos, w.ctx), /cannot rename files/);
  });
});
