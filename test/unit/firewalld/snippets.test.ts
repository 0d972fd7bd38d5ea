import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { firewalldConfFacade as conf } from '../../../server/src/languages/firewalldConf/index';
import { check } from '../helpers/cursor';
import { fwCtx } from './util';

/** The snippet as inserted when the user accepts every default. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:((?:[^{}]|\{[^{}]*\})*)\}/g, (_, inner: string) => inner.replace(/\$\{\d+:([^}]*)\}/g, '$1'))
    .replace(/\$\d+/g, '');
}

describe('firewalld snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../snippets/firewalld.json'), 'utf8')) as Record<string, { body: string[] }>;
  const where: Record<string, string> = { '<zone': 'zones/z.xml', '<service': 'services/s.xml', '<policy': 'policies/p.xml', '<ipset': 'ipsets/i.xml' };
  for (const [name, s] of Object.entries(snippets)) {
    it(`"${name}" gives a file without problems`, () => {
      let text = expand(s.body);
      if (!text.startsWith('<?xml')) text = `<?xml version="1.0" encoding="utf-8"?>\n<zone>\n${text}\n</zone>\n`;
      const file = Object.entries(where).find(([k]) => text.includes(`\n${k}`))?.[1] ?? 'zones/z.xml';
      assert.deepEqual(check(fw, text, fwCtx(file)).map((d) => `${d.range.start.line}:${d.code} ${d.message}`), []);
    });
  }
  it('the firewalld.conf snippets give a clean file', () => {
    const s = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../snippets/firewalld-conf.json'), 'utf8')) as Record<string, { body: string[] }>;
    const text = expand(s['Stock firewalld.conf'].body).replace(/^LogDenied=.*$/m, expand(s['Log denied packets'].body));
    assert.deepEqual(check(conf, text, { ...fwCtx('x'), uri: 'file:///etc/firewalld/firewalld.conf' }).map((d) => d.code), []);
    assert.match(text, /LogDenied=all/);
  });
});
