import { strict as assert } from 'node:assert';
import { ctx, hoverAt } from '../helpers/cursor';
import { F } from './util';

const HTTPD = `compress
rotate 4
weekly
/var/log/httpd/*l|og {
    missingok
    notifempty
    sharedscripts
    delaycompress
    postrotate
        /bin/systemctl reload httpd.service > /dev/null 2>/dev/null || true
    endscript
}
`;

describe('logrotate hover', () => {
  it('documents a directive in English and in Japanese from the manuals', () => {
    const en = hoverAt(F, '/var/log/x {\n  copytrun|cate\n}\n');
    assert.match(en, /Copy the log, then truncate the original/);
    assert.match(en, /logrotate\(8\)/);
    const ja = hoverAt(F, '/var/log/x {\n  copytrun|cate\n}\n', ctx('ja'));
    assert.match(ja, /copyの動作を行った後、元のログファイルの内容を消去します/);
    assert.match(hoverAt(F, 'rot|ate 4\n', ctx('ja')), /世代ローテーションの世代数を指定します/);
    assert.match(hoverAt(F, '/var/log/x {\n  post|rotate\n  endscript\n}\n', ctx('ja')), /個別定義内でのみ指定できます/);
    assert.match(hoverAt(F, '/var/log/x {\n  postrotate\n    echo\n  endsc|ript\n}\n'), /Ends a script/);
  });

  it('summarises what happens to the files of a definition, naming settings from the global section', () => {
    const h = hoverAt(F, HTTPD);
    assert.match(h, /What happens to `\/var\/log\/httpd\/\*log`/);
    assert.match(h, /rotated weekly \(from the global section, line 3\)/);
    assert.match(h, /4 generations kept \(from the global section, line 2\)/);
    assert.match(h, /compressed one cycle late/);
    assert.match(h, /empty files are not rotated/);
    assert.match(h, /the postrotate script runs once for all files/);
    const ja = hoverAt(F, HTTPD, ctx('ja'));
    assert.match(ja, /毎週ローテーション（グローバル設定 3 行目）/);
    assert.match(ja, /postrotate スクリプトはすべてのファイルに対して1回だけ実行/);
  });

  it('explains the defaults when nothing is set, and copytruncate, size and dateext', () => {
    const h = hoverAt(F, '/var/log/a|pp.log {\n  size 10M\n  rotate 0\n  copytruncate\n  dateext\n  postrotate\n    true\n  endscript\n}\n');
    assert.match(h, /rotated whenever larger than 10M/);
    assert.match(h, /no generations kept/);
    assert.match(h, /truncated in place/);
    assert.match(h, /named by date \(-%Y%m%d\)/);
    assert.match(h, /the postrotate script runs once per file/);
    assert.match(hoverAt(F, '/var/log/x|.log {\n}\n'), /no frequency set: logrotate 3.21 rotates a file once it is larger than 1 MB/);
  });

  it('has nothing to say inside a script body', () => {
    assert.equal(hoverAt(F, '/var/log/x {\n  postrotate\n    com|press\n  endscript\n}\n'), '');
  });
});
