import { strict as assert } from 'node:assert';
import { ctx, hoverAt, labelsAt } from '../helpers/cursor';
import { F } from './util';

describe('journald hover', () => {
  it('explains Storage= as the manuals do: auto keeps the journal on tmpfs unless /var/log/journal exists', () => {
    const en = hoverAt(F, '[Journal]\nStor|age=auto\n');
    assert.match(en, /\/run\/log\/journal/);
    assert.match(en, /is lost at reboot/);
    assert.match(en, /\/var\/log\/journal/);
    const ja = hoverAt(F, '[Journal]\nStor|age=auto\n', ctx('ja'));
    assert.match(ja, /\/run\/log\/journal ディレクトリは tmpfs でメモリ上に作られた一時領域なので、システム再起動時にログのファイルは消えてしまいます/);
    assert.match(ja, /journaldのログの保存/);
  });
  it('explains an enum value, and documents other keys and the section', () => {
    assert.match(hoverAt(F, '[Journal]\nStorage=au|to\n'), /lost at reboot/);
    assert.match(hoverAt(F, '[Journal]\nStorage=volat|ile\n', ctx('ja')), /再起動するとログは消えます/);
    assert.match(hoverAt(F, '[Journal]\nSystemMax|Use=1G\n'), /Most disk space/);
    assert.match(hoverAt(F, '[Jour|nal]\n'), /only section/);
    assert.equal(hoverAt(F, '[Journal]\n#Stor|age=auto\n'), '');
  });
});

describe('journald completion', () => {
  it('offers keys with = and section names', () => {
    const l = labelsAt(F, '[Journal]\nSys|\n');
    assert.ok(l.includes('SystemMaxUse') && l.includes('Storage') && l.includes('ForwardToSocket'));
    assert.ok(!l.includes('RateLimitInterval'));
    const item = F.complete(F.parse('[Journal]\n\n'), { line: 1, character: 0 }, ctx()).find((i) => i.label === 'Storage');
    assert.equal(item?.insertText, 'Storage=');
    assert.deepEqual(labelsAt(F, '[|\n'), ['Journal']);
  });
  it('offers values by type: enums, booleans, levels, sizes, spans', () => {
    assert.deepEqual(labelsAt(F, '[Journal]\nStorage=|\n'), ['volatile', 'persistent', 'auto', 'none']);
    assert.deepEqual(labelsAt(F, '[Journal]\nSplitMode=|\n'), ['uid', 'none']);
    assert.ok(labelsAt(F, '[Journal]\nSeal=|\n').includes('yes'));
    assert.ok(labelsAt(F, '[Journal]\nMaxLevelStore=|\n').includes('warning'));
    assert.ok(labelsAt(F, '[Journal]\nSystemMaxUse=|\n').includes('1G'));
    assert.ok(labelsAt(F, '[Journal]\nMaxRetentionSec=|\n').includes('1month'));
  });
});

describe('journald outline', () => {
  it('lists the section with its keys, and folds it', () => {
    const doc = F.parse('[Journal]\nStorage=persistent\nSystemMaxUse=1G\n');
    const s = F.symbols(doc);
    assert.equal(s[0].name, '[Journal]');
    assert.deepEqual(s[0].children?.map((c) => c.name), ['Storage', 'SystemMaxUse']);
    assert.deepEqual(F.folding(doc), [{ startLine: 0, endLine: 2 }]);
  });
});
