import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageForPath } from '../../../server/src/languages/associations';
import { facadeFor } from '../../../server/src/languages/index';
import { syslogLogFacade } from '../../../server/src/languages/syslogLog/index';
import { explainText } from '../../../server/src/logs/explainRequest';
import { ctx, hoverAt } from '../helpers/cursor';

const secure = fs.readFileSync(path.join(__dirname, '../../fixtures/logs/explain/secure'), 'utf8');

describe('explain: syslog-log language and request', () => {
  it('is registered, validates nothing and hovers a line with its explanation', () => {
    assert.equal(facadeFor('syslog-log'), syslogLogFacade);
    const lines = secure.split('\n');
    const text = lines[0] + '\n' + lines[1].replace('Invalid user', 'Invalid| user') + '\n';
    const md = hoverAt(syslogLogFacade, text);
    assert.match(md, /tried to log in as oracle/);
    assert.match(hoverAt(syslogLogFacade, text, ctx('ja')), /存在しないユーザー oracle/);
    assert.deepEqual(syslogLogFacade.validate(syslogLogFacade.parse(secure), ctx()), []);
    const h = syslogLogFacade.hover(syslogLogFacade.parse(text.replace('|', '')), { line: 1, character: 3 }, ctx())!;
    assert.deepEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: lines[1].length } });
  });
  it('parse is lazy: no line index until a hover asks for one', () => {
    const big = 'Jul 19 19:30:01 gw sshd[1]: x\n'.repeat(200_000);
    const t0 = performance.now();
    const doc = syslogLogFacade.parse(big);
    assert.ok(performance.now() - t0 < 50);
    assert.equal(doc.lines.lineCount, 200_001);
  });
  it('check and the workspace scan do not take logs; editors do', () => {
    assert.equal(languageForPath('/var/log/secure'), undefined);
    assert.equal(languageForPath('/srv/app/server.log'), undefined);
    assert.equal(languageForPath('/var/log/secure', undefined, { logs: true }), 'syslog-log');
    assert.equal(languageForPath('/var/log/httpd/access_log', undefined, { logs: true }), 'syslog-log');
    assert.equal(languageForPath('/srv/app/server.log', undefined, { logs: true }), 'syslog-log');
    assert.equal(languageForPath('/etc/rsyslog.conf', undefined, { logs: true }), 'rsyslog');
  });
  it('the explainLine request explains each line of a selection', () => {
    const r = explainText(secure.split('\n').slice(0, 2).join('\n') + '\n\n', 'en', undefined);
    assert.equal(r.results.length, 2);
    assert.equal(r.result?.pattern, 'ssh-failed');
    assert.equal(r.markdown.split('\n---\n').length, 2);
  });
});
