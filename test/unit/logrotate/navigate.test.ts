import { strict as assert } from 'node:assert';
import { documentLinks } from '../../../server/src/languages/common/navigation';
import { logrotateFacade as F } from '../../../server/src/languages/logrotate/index';
import { workspace } from '../helpers/navigation';

const CONF = 'file:///srv/copy/etc/logrotate.conf';
const HTTPD = 'file:///srv/copy/etc/logrotate.d/httpd';
const conf = `weekly
rotate 4
create
include /etc/logrotate.d
/var/log/wtmp {
    monthly
}
`;
const httpd = `/var/log/httpd/*l|og {
    missingok
    notifempty
}
`;

function hoverText(files: Record<string, string>): string {
  const w = workspace(F, files);
  const h = F.hover(w.doc, w.pos, w.ctx);
  return typeof h?.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

describe('logrotate navigation and inherited settings', () => {
  it('shows on a drop-in what it inherits from the logrotate.conf that includes its folder', () => {
    const text = hoverText({ [CONF]: conf, [HTTPD]: httpd });
    assert.match(text, /rotated weekly \(inherited from logrotate\.conf, line 1\)/);
    assert.match(text, /4 generations kept \(inherited from logrotate\.conf, line 2\)/);
    assert.doesNotMatch(text, /no frequency set/);
  });

  it('inherits only what is set before the include, and nothing in a tree that does not include the file', () => {
    const after = hoverText({ [CONF]: 'include /etc/logrotate.d\nrotate 9\n', [HTTPD]: httpd });
    assert.match(after, /no frequency set/);
    assert.doesNotMatch(after, /9 generations/);
    const elsewhere = hoverText({ 'file:///srv/other/etc/logrotate.conf': conf, [HTTPD]: httpd });
    assert.match(elsewhere, /no frequency set/);
  });

  it('links the include to its folder and the log paths to the log viewer', () => {
    const w = workspace(F, { [CONF]: conf + '|' });
    const links = documentLinks(F, w.doc, w.ctx).map((l) => `${l.range.start.line}:${l.range.start.character}:${decodeURIComponent(l.target!)}`);
    assert.deepEqual(links, ['3:8:file:///srv/copy/etc/logrotate.d', '4:0:command:linuxAdminConfigs.logViewer.open?["file:///srv/copy/var/log/wtmp"]']);
  });
});
