import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { deferDocumentation, resolveDocumentation } from '../../../server/src/completionDocs';
import { facadeFor } from '../../../server/src/languages/index';
import { ctx, cursor } from '../helpers/cursor';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Where each language offers catalog items, and one label expected there. */
const CASES: { language: string; text: string; label: string; docs: { en: RegExp; ja: RegExp } }[] = [
  { language: 'rsyslog', text: 'mail.|', label: 'info', docs: { en: /informational/i, ja: JAPANESE } },
  { language: 'logrotate', text: '/var/log/app.log {\n    |\n}\n', label: 'compress', docs: { en: /compress/i, ja: JAPANESE } },
  { language: 'journald', text: '[Journal]\n|', label: 'Storage', docs: { en: /persistent/, ja: JAPANESE } },
  { language: 'iptables', text: '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -j |\nCOMMIT\n', label: 'REJECT', docs: { en: /reject|error/i, ja: JAPANESE } },
  { language: 'firewalld', text: '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <|\n</zone>\n', label: 'service', docs: { en: /service/i, ja: JAPANESE } },
  { language: 'firewalld-conf', text: 'FirewallBackend=|', label: 'nftables', docs: { en: /nftables/, ja: JAPANESE } },
];

/** The facade's items (documentation inline) and the list as the server sends it, same locale. */
function lists(language: string, textWithMarker: string, locale: 'en' | 'ja') {
  const facade = facadeFor(language)!;
  const { text, pos } = cursor(textWithMarker);
  const inline = facade.complete(facade.parse(text), pos, ctx(locale));
  // Through JSON, as over the wire: what the client keeps and sends back on resolve.
  const sent: CompletionItem[] = JSON.parse(JSON.stringify(deferDocumentation(inline, language, locale)));
  return { inline, sent };
}

function docsValue(item: CompletionItem): string {
  const d = item.documentation;
  return typeof d === 'string' ? d : (d?.value ?? '');
}

describe('completion documentation on completionItem/resolve', () => {
  for (const c of CASES) {
    describe(c.language, () => {
      it(`the list carries label, kind and detail but not the Markdown documentation (${c.label})`, () => {
        const { sent } = lists(c.language, c.text, 'en');
        const item = sent.find((i) => i.label === c.label);
        assert.ok(item, `no ${c.label} in ${sent.map((i) => i.label).join(', ')}`);
        assert.equal(typeof item.kind, 'number');
        assert.ok(item.detail, `${c.label} has no detail`);
        assert.equal(item.documentation, undefined);
        assert.deepEqual(Object.keys(item.data ?? {}).sort(), ['doc', 'lang', 'locale']);
        for (const i of sent) assert.ok(i.detail || i.documentation, `${i.label} has neither detail nor documentation`);
      });

      for (const locale of ['en', 'ja'] as const) {
        it(`resolve returns the ${locale === 'en' ? 'English' : 'Japanese'} documentation the facade writes`, () => {
          const { inline, sent } = lists(c.language, c.text, locale);
          const item = sent.find((i) => i.label === c.label)!;
          const resolved = resolveDocumentation(item);
          const text = docsValue(resolved);
          assert.match(text, c.docs[locale]);
          assert.equal(text, docsValue(inline.find((i) => i.label === c.label)!));
          assert.equal((resolved.documentation as any).kind, 'markdown');
          // Everything else is what the list said.
          assert.deepEqual({ ...resolved, documentation: undefined }, { ...item, documentation: undefined });
        });
      }

      it('the docs language of the list decides the language of the resolved documentation', () => {
        const en = docsValue(resolveDocumentation(lists(c.language, c.text, 'en').sent.find((i) => i.label === c.label)!));
        const ja = docsValue(resolveDocumentation(lists(c.language, c.text, 'ja').sent.find((i) => i.label === c.label)!));
        assert.notEqual(en, ja);
        assert.ok(JAPANESE.test(ja) && ja.split(JAPANESE).length > en.split(JAPANESE).length, ja);
      });

      it('every item of the list resolves to the documentation the facade writes', () => {
        const { inline, sent } = lists(c.language, c.text, 'en');
        assert.equal(sent.length, inline.length);
        sent.forEach((item, n) => assert.equal(docsValue(resolveDocumentation(item)), docsValue(inline[n]), item.label));
      });
    });
  }

  it('parameters of different rsyslog modules with the same name keep their own documentation', () => {
    const udp = lists('rsyslog', 'input(type="imudp" |)', 'en');
    const tcp = lists('rsyslog', 'input(type="imtcp" |)', 'en');
    const port = (l: typeof udp) => {
      const n = l.sent.findIndex((i) => i.label === 'port');
      assert.ok(n >= 0, l.sent.map((i) => i.label).join(', '));
      return { inline: docsValue(l.inline[n]), resolved: docsValue(resolveDocumentation(l.sent[n])) };
    };
    const u = port(udp);
    const t = port(tcp);
    assert.equal(u.resolved, u.inline);
    assert.equal(t.resolved, t.inline);
    assert.notEqual(u.resolved, t.resolved);
  });

  it('leaves items that are not ours, or that it cannot place, as they are', () => {
    const foreign: CompletionItem = { label: 'x', data: { something: 1 } };
    assert.equal(resolveDocumentation(foreign), foreign);
    const unknown: CompletionItem = { label: 'y', data: { lang: 'rsyslog', doc: 'priority:no-such', locale: 'en' } };
    assert.equal(resolveDocumentation(unknown).documentation, undefined);
  });
});
