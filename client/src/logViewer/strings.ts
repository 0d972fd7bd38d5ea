import ja from '../../../l10n/bundle.l10n.ja.json';
import type { Locale } from './protocol';

/**
 * The webview's own words in both languages. The viewer follows linuxAdminConfigs.docs.language
 * (which may differ from VS Code's display language), so these are chosen here rather than
 * through vscode.l10n.
 */
const S: Record<string, { en: string; ja: string }> = {
  filter: { en: 'Filter (all terms must match)', ja: 'フィルタ(すべての語に一致)' },
  exclude: { en: 'Exclude', ja: '除外' },
  regex: { en: 'Regular expression', ja: '正規表現' },
  matchCase: { en: 'Match case (off = like grep -i)', ja: '大文字小文字を区別(オフ = grep -i と同じ)' },
  program: { en: 'Program', ja: 'プログラム' },
  allPrograms: { en: 'All programs', ja: 'すべてのプログラム' },
  from: { en: 'From', ja: '開始' },
  to: { en: 'To', ja: '終了' },
  encoding: { en: 'Encoding', ja: '文字コード' },
  follow: { en: 'Follow (tail -f)', ja: '追従(tail -f)' },
  charts: { en: 'Charts', ja: 'グラフ' },
  legend: { en: 'Legend', ja: '凡例' },
  lines: { en: 'lines', ja: '行' },
  match: { en: 'match', ja: '件一致' },
  matches: { en: 'matches', ja: '件一致' },
  indexing: { en: 'Indexing…', ja: 'インデックス作成中…' },
  filtering: { en: 'Filtering…', ja: '検索中…' },
  counting: { en: 'Counting…', ja: '集計中…' },
  showAll: { en: 'Show all lines', ja: 'すべての行を表示' },
  showMatches: { en: 'Show matches', ja: '一致行を表示' },
  trace: { en: 'Trace', ja: '追跡' },
  clearTrace: { en: 'Back to the previous filter', ja: '前のフィルタに戻る' },
  traceHint: { en: 'Click to list every line with this', ja: 'クリックでこれを含む行を一覧' },
  perDay: { en: 'Lines per day', ja: '日別の行数' },
  perHour: { en: 'Lines per hour', ja: '時間別の行数' },
  perProgram: { en: 'Lines per program per day', ja: 'プログラム別・日別の行数' },
  byHour: { en: 'By hour', ja: '時間単位' },
  chartHint: { en: 'Click a bar to jump to that period.', ja: '棒をクリックするとその期間へ移動します。' },
  showMore: { en: 'show the rest', ja: '続きを表示' },
  more: { en: 'more bytes', ja: 'バイト続く' },
  close: { en: 'Close', ja: '閉じる' },
  next: { en: 'Next part', ja: '次の部分' },
  legendIntro: { en: 'Keyword colours follow the log-check keyword table of the manuals:', ja: 'キーワードの色分けはマニュアルの「ログチェックの際のキーワード」に従います:' },
  structure: { en: 'Structure: timestamp, host, program[pid], IP address, Postfix queue ID, user.', ja: '構造: 日時、ホスト、プログラム[PID]、IPアドレス、Postfix キューID、ユーザー。' },
  noMatches: { en: 'No line matches.', ja: '一致する行はありません。' },
  capped: { en: 'only the first matches are kept; refine the filter', ja: '先頭の一致だけを保持しています。条件を絞ってください' },
  explainHint: { en: 'Right-click a line: Explain this log line', ja: '行を右クリック:このログ行を説明' },
  cancel: { en: 'Stop', ja: '中止' },
  stopped: { en: 'stopped', ja: '中止しました' },
  rotated: { en: 'Whole rotated set', ja: 'ローテート分もまとめて表示' },
  rotatedHint: { en: 'Open this log with its rotated files (.1, .2.gz, …) as one timeline', ja: 'ローテートされたファイル(.1、.2.gz など)と合わせて1つの時系列で開きます' },
  clear: { en: 'Clear filter', ja: 'フィルタを解除' },
  unavailable: { en: 'This log cannot be shown.', ja: 'このログは表示できません。' },
  pickFile: { en: 'Choose a file…', ja: 'ファイルを選ぶ…' },
  retry: { en: 'Try again', ja: '再試行' },
  format: { en: 'Format', ja: '形式' },
  jump: { en: 'Double-click: show this line among all lines', ja: 'ダブルクリック:全行の中でこの行を表示' },
};

export function webviewStrings(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(S)) out[k] = v[locale];
  return out;
}

const JA: Record<string, string> = ja;

/**
 * A message of the viewer's host in the viewer's language, which follows
 * linuxAdminConfigs.docs.language like the rest of the viewer (vscode.l10n.t would follow VS
 * Code's display language instead). `en` is the English text, as in vscode.l10n.t; the Japanese
 * comes from the same l10n/bundle.l10n.ja.json.
 */
export function viewerText(locale: Locale, en: string, ...args: (string | number)[]): string {
  const text = locale === 'ja' ? (JA[en] ?? en) : en;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}
