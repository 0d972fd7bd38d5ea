import { strict as assert } from 'node:assert';
import { definition, references, rename } from '../../../server/src/languages/common/navigation';
import { journaldFacade as F } from '../../../server/src/languages/journald/index';
import { where, workspace } from '../helpers/navigation';

const MAIN = 'file:///srv/copy/etc/systemd/journald.conf';
const USR = 'file:///srv/copy/usr/lib/systemd/journald.conf.d/50-vendor.conf';
const ETC = 'file:///srv/copy/etc/systemd/journald.conf.d/10-site.conf';
const LATE = 'file:///srv/copy/etc/systemd/journald.conf.d/90-late.conf';

describe('journald navigation', () => {
  it('goes from a key to the assignment that takes effect: the last drop-in by name wins', () => {
    const w = workspace(F, {
      [MAIN]: '[Journal]\nStor|age=auto\n',
      [ETC]: '[Journal]\nStorage=persistent\n',
      [USR]: '[Journal]\nStorage=volatile\nCompress=no\n',
    });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['50-vendor.conf:1:0']);
    assert.deepEqual(references(F, w.doc, w.pos, w.ctx).map(where).sort(), ['10-site.conf:1:0', '50-vendor.conf:1:0', 'journald.conf:1:0']);
  });

  it('takes the main file when no drop-in sets the key, and ignores other namespaces', () => {
    const w = workspace(F, {
      [MAIN]: '[Journal]\nSystemMaxUse=1G\nSystemMax|Use=2G\n',
      [LATE]: '[Journal]\nStorage=none\n',
      'file:///srv/copy/etc/systemd/journald@audit.conf': '[Journal]\nSystemMaxUse=9G\n',
    });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['journald.conf:2:0']);
    assert.equal(references(F, w.doc, w.pos, w.ctx).length, 2);
  });

  it('refuses to rename a setting', () => {
    const w = workspace(F, { [MAIN]: '[Journal]\nStor|age=auto\n' });
    assert.throws(() => rename(F, w.doc, w.pos, 'Store', w.ctx), /fixed by systemd/);
  });
});
