import * as assert from 'node:assert/strict';
import { languageForPath } from '../../../server/src/languages/associations';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { logrotateStatusFacade as F } from '../../../server/src/languages/logrotateStatus/index';
import { check, ctx } from '../helpers/cursor';

const STATUS = 'logrotate state -- version 2\n"/var/log/syslog" 2024-3-10-6:25:1\n"/var/log/nginx/access.log" 2024-3-9-0:0:0\n"/var/log/old-app.log" 2023-1-2-3:4:5\n';
const CONFIG = '/var/log/syslog {\n    daily\n}\n/var/log/nginx/*.log {\n    weekly\n}\n';
const withConfig = () => ctx('en', [{ uri: 'file:///ws/etc/logrotate.d/site', languageId: 'logrotate', parsed: logrotateFacade.parse(CONFIG) }]);

function hoverText(line: number, c = withConfig()): string {
  const h = F.hover(F.parse(STATUS), { line, character: 3 }, c);
  return h ? (h.contents as { value: string }).value : '';
}

describe('logrotate state file', () => {
  it('is the language of /var/lib/logrotate/status and logrotate.status', () => {
    assert.equal(languageForPath('/var/lib/logrotate/status'), 'logrotate-status');
    assert.equal(languageForPath('/srv/backup/logrotate.status'), 'logrotate-status');
  });

  it('says in a hover when a log was last rotated and which stanza rotates it', () => {
    const t = hoverText(2);
    assert.match(t, /Last rotated: 2024-03-09 00:00:00/);
    assert.match(t, /Rotated by `\/var\/log\/nginx\/\*\.log` in `logrotate\.d\/site`, line 4/);
  });

  it('hints at entries no configuration rotates any more, only when the workspace has one', () => {
    const hints = check(F, STATUS, withConfig()).map((d) => `${d.range.start.line} ${d.code}`);
    assert.deepEqual(hints, ['3 logrotate-status/not-configured']);
    assert.match(hoverText(3), /No stanza of the workspace's configuration rotates this file/);
    assert.deepEqual(check(F, STATUS, ctx()), []);
  });

  it('reports a line logrotate would not read, with its place', () => {
    const d = check(F, 'logrotate state -- version 2\n"/var/log/a" yesterday\n', ctx()).map((x) => `${x.range.start.line}:${x.range.start.character} ${x.code}`);
    assert.deepEqual(d, ['1:13 logrotate-status/bad-date']);
  });
});
