import * as assert from 'node:assert/strict';
import { workspaceSymbols } from '../../../server/src/languages/common/workspaceSymbols';
import type { ParsedDocument, WorkspaceView } from '../../../server/src/languages/common/types';
import { LANGUAGES } from '../../../server/src/languages/index';

const FILES: { uri: string; languageId: string; text: string }[] = [
  { uri: 'file:///ws/etc/rsyslog.d/10-remote.conf', languageId: 'rsyslog', text: 'template(name="RemoteFormat" type="string" string="%msg%\\n")\nruleset(name="remote") {\n  stop\n}\n' },
  { uri: 'file:///ws/etc/logrotate.d/nginx', languageId: 'logrotate', text: '/var/log/nginx/*.log {\n    weekly\n}\n' },
  { uri: 'file:///ws/etc/iptables/rules.v4', languageId: 'iptables', text: '*filter\n:REMOTE-LOG - [0:0]\nCOMMIT\n' },
];

const ws: WorkspaceView = {
  *documents(languageId: string) {
    for (const f of FILES) if (f.languageId === languageId) yield { uri: f.uri, parsed: LANGUAGES.get(languageId)!.parse(f.text) as ParsedDocument<unknown> };
  },
};

describe('workspace symbols', () => {
  it('finds templates, rulesets, stanzas and chains of every language by a fuzzy query', () => {
    const names = (q: string) => workspaceSymbols(ws, LANGUAGES.values(), q, 100).map((s) => `${s.name} ${s.location.uri.split('/').pop()}`);
    const remote = names('remote');
    assert.ok(remote.some((n) => n.includes('RemoteFormat') && n.endsWith('10-remote.conf')), remote.join(', '));
    assert.ok(remote.some((n) => /remote/.test(n) && n.endsWith('10-remote.conf') && !n.includes('Format')), remote.join(', '));
    assert.ok(remote.some((n) => n.includes('REMOTE-LOG') && n.endsWith('rules.v4')), remote.join(', '));
    assert.ok(names('ngxlog').some((n) => n.includes('/var/log/nginx/*.log')), 'fuzzy: letters in order');
    assert.equal(workspaceSymbols(ws, LANGUAGES.values(), '', 2).length, 2, 'capped at the limit');
  });
});
