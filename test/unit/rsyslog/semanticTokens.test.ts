import * as assert from 'node:assert/strict';
import { encodeTokens } from '../../../server/src/languages/common/semanticTokens';
import { rsyslogFacade as F } from '../../../server/src/languages/rsyslog/index';

/** `text:type[+modifier]` for every semantic token of a file. */
function tokens(text: string): string[] {
  const doc = F.parse(text);
  return F.semanticTokens!(doc).map((t) => `${doc.lines.line(t.line).slice(t.character, t.character + t.length)}:${t.type}${t.modifiers?.length ? '+' + t.modifiers.join('+') : ''}`);
}

describe('rsyslog semantic tokens', () => {
  it('tells a template name from a property name', () => {
    const text = 'template(name="perHost" type="list") {\n  property(name="hostname")\n  constant(value="\\n")\n}\n*.* /var/log/all.log;perHost\naction(type="omfile" dynaFile="perHost" template="RSYSLOG_FileFormat")\n';
    assert.deepEqual(tokens(text), ['perHost:type+declaration', 'hostname:property', 'perHost:type', 'perHost:type', 'RSYSLOG_FileFormat:type']);
  });

  it('marks ruleset names where they are declared, bound and called', () => {
    const text = 'ruleset(name="remote") {\n  stop\n}\ninput(type="imtcp" port="514" ruleset="remote")\nif $msg contains "x" then call remote\n';
    assert.deepEqual(tokens(text), ['remote:function+declaration', 'remote:function', 'remote:function']);
  });

  it('encodes tokens relative to the previous one, as the protocol wants', () => {
    assert.deepEqual(
      encodeTokens([
        { line: 2, character: 4, length: 3, type: 'function' },
        { line: 0, character: 5, length: 2, type: 'type', modifiers: ['declaration'] },
        { line: 2, character: 10, length: 1, type: 'keyword', modifiers: ['defaultLibrary'] },
      ]),
      [0, 5, 2, 0, 1, 2, 4, 3, 2, 0, 0, 6, 1, 3, 2],
    );
  });
});
