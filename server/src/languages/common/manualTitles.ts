import type { DocsLanguage } from './types';

/**
 * English titles of the sections of the Japanese handbooks ("manuals") that catalog entries cite.
 * The data keeps the Japanese titles, which is what a Japanese reader looks up; an English reader
 * gets the title in English, marked as a Japanese source. Longer titles come first so that
 * "ファシリティとプライオリティ" is not read as "ファシリティ".
 */
const TITLES: [ja: string, en: string][] = [
  ['Linuxサーバ運用マニュアル', 'Linux server operations manual'],
  ['トラブル対応時の「ログ解析リテラシー」', 'Reading logs when troubleshooting'],
  ['ログ解析リテラシー', 'Reading logs'],
  ['ログチェックの際のキーワード', 'Keywords for checking logs'],
  ['logrotateによるログローテーション', 'Rotating logs with logrotate'],
  ['ファシリティとプライオリティ', 'Facilities and priorities'],
  ['ファシリティ', 'Facilities'],
  ['プライオリティ', 'Priorities'],
  ['journaldのログの保存', 'Keeping journald logs'],
  ['journaldのログ確認', 'Reading the journal'],
  ['リモートホストのログをUDPで受け取る', 'Receiving logs from remote hosts over UDP'],
  ['リモートホストのログをTCPで受け取る', 'Receiving logs from remote hosts over TCP'],
  ['firewalldのログ設定変更', 'Changing what firewalld logs'],
  ['firewalldのログ取得', 'Logging with firewalld'],
  ['カーネルログのsyslog出力設定', 'Sending kernel logs to syslog'],
  ['syslogクライアントの設定', 'Setting up a syslog client'],
  ['アクションの設定 ファイル名', 'Actions: file name'],
  ['アクションの設定 -ファイル名', 'Actions: -file name'],
  ['アクションの設定 \\プログラム', 'Actions: |program'],
  ['アクションの設定 @@ホスト名', 'Actions: @@host name'],
  ['アクションの設定 @ホスト名', 'Actions: @host name'],
  ['アクションの設定', 'Actions'],
  ['tcpdumpコマンドを使ったパケットキャプチャ', 'Capturing packets with tcpdump'],
  ['dmesgに記録されるログ', 'Logs recorded by dmesg'],
  ['ログ管理', 'Managing logs'],
  ['ログの確認', 'Checking logs'],
  ['Webサーバであれば/var/log/httpd/error_log', "Checking logs: a web server's /var/log/httpd/error_log"],
  ['mgettyのログ', 'The mgetty log'],
  ['lastコマンド', 'The last command'],
];
TITLES.sort((a, b) => b[0].length - a[0].length);

const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** One cited section in English: known titles translated, Japanese quotations in parentheses left out. */
function englishTitles(text: string): string {
  let out = text;
  for (const [ja, en] of TITLES) out = out.split(ja).join(en);
  // "(キューの保持期間がデフォルトの5日間)" quotes the Japanese text to find the passage by; it says nothing to an English reader.
  out = out.replace(/\s*\([^()]*\)/g, (q) => (JAPANESE.test(q) ? '' : q));
  return out.trim();
}

/**
 * The `source` of a catalog entry as a reader of `locale` should see it. In English, each
 * `manuals: <Japanese section title>` part becomes `manuals (Japanese): <English title>`; the
 * manual pages it also names (rsyslog.conf(5) …) are left as they are.
 */
export function citeSource(source: string, locale: DocsLanguage): string {
  if (locale === 'ja' || !source.includes('manuals:')) return source;
  return source
    .split('; ')
    .map((part) => (part.startsWith('manuals: ') ? `manuals (Japanese): ${englishTitles(part.slice('manuals: '.length))}` : part))
    .join('; ');
}
