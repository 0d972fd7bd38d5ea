import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { firewalldConfFacade } from '../../../server/src/languages/firewalldConf/index';
import { journaldFacade } from '../../../server/src/languages/journald/index';
import { assertKeepsMeaning, formatted } from '../helpers/formatCheck';
import { filesIn } from '../helpers/tree';

describe('journald.conf and firewalld.conf formatting', () => {
  it('writes Key=value with no blanks around the key, the = or the line', () => {
    const text = '  [Journal]  \n Storage = persistent  \n\t# SystemMaxUse=\nMaxRetentionSec =1month\n';
    assert.equal(formatted(journaldFacade, text), '[Journal]\nStorage=persistent\n# SystemMaxUse=\nMaxRetentionSec=1month\n');
  });

  it('leaves a value continued with a backslash as written, with its next line', () => {
    const text = '[Journal]\nStorage = auto \\\n   volatile  \nCompress = yes\n';
    assert.equal(formatted(journaldFacade, text), '[Journal]\nStorage = auto \\\n   volatile  \nCompress=yes\n');
  });

  it('formats firewalld.conf, which has no continuation lines', () => {
    const text = 'DefaultZone = public \\\nLogDenied= all\n';
    assert.equal(formatted(firewalldConfFacade, text), 'DefaultZone=public \\\nLogDenied=all\n');
  });

  it('keeps the meaning of every fixture, and a second run changes nothing', () => {
    const jd = filesIn('test/fixtures/journald', (n) => n.endsWith('.conf'));
    const fw = [...filesIn('test/fixtures/firewalld-conf', (n) => n.endsWith('.conf')), ...filesIn('test/fixtures/firewalld', (n) => n === 'firewalld.conf')];
    assert.ok(jd.length >= 3 && fw.length >= 1);
    for (const f of jd) assertKeepsMeaning(journaldFacade, fs.readFileSync(f, 'utf8'), f);
    for (const f of fw) assertKeepsMeaning(firewalldConfFacade, fs.readFileSync(f, 'utf8'), f);
  });
});
