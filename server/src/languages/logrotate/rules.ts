import type { RuleTable } from '../common/types';

/** Every diagnostic the logrotate language can produce. */
export const RULES: RuleTable = {
  'logrotate/unknown-directive': {
    severity: 'error',
    message: {
      en: "Unknown directive '{name}'; logrotate ignores this line.{suggestion}",
      ja: "不明なディレクティブ '{name}' です。logrotate はこの行を無視します。{suggestion}",
    },
  },
  'logrotate/bad-separator': {
    severity: 'error',
    message: {
      en: "'{name}' is followed by '{char}'; a directive must be followed by a blank or '='.",
      ja: "'{name}' の直後に '{char}' があります。ディレクティブの後には空白か '=' が必要です。",
    },
  },
  'logrotate/bad-line': {
    severity: 'error',
    message: {
      en: 'A line must begin with a directive or a log file name (an absolute path, possibly in quotes).',
      ja: '行はディレクティブか、ログファイル名（絶対パス。引用符で囲んでも可）で始める必要があります。',
    },
  },
  'logrotate/missing-brace': {
    severity: 'error',
    message: {
      en: "Missing '{' after the log file names; logrotate would read the following lines as more file names.",
      ja: "ログファイル名の後に '{' がありません。logrotate は続く行もファイル名として読んでしまいます。",
    },
  },
  'logrotate/unclosed-block': {
    severity: 'warning',
    message: {
      en: "This definition is never closed with '}'. logrotate accepts it at the end of the file, but any definition added after it would become part of it.",
      ja: "この定義が '}' で閉じられていません。ファイル末尾なら logrotate は受け付けますが、後に追加した定義がこの定義の一部になってしまいます。",
    },
  },
  'logrotate/unexpected-close': {
    severity: 'error',
    message: { en: "Unexpected '}' outside a log file definition.", ja: "ログファイル定義の外に '}' があります。" },
  },
  'logrotate/close-without-open': {
    severity: 'error',
    message: {
      en: "logrotate refuses the file at this '}': no '{' opened the definition above, so it read the lines before it as more file names.",
      ja: "この '}' で logrotate はファイルを拒否します。上の定義を開く '{' がないため、それまでの行をファイル名として読んでいます。",
    },
  },
  'logrotate/unexpected-open': {
    severity: 'error',
    message: { en: "Unexpected '{' without log file names before it.", ja: "ログファイル名のない '{' があります。" },
  },
  'logrotate/text-after-close': {
    severity: 'error',
    message: { en: "Unexpected text after '}'.", ja: "'}' の後に余分な文字があります。" },
  },
  'logrotate/path-in-block': {
    severity: 'error',
    message: {
      en: 'A log file name inside a definition: definitions cannot be nested (is a closing brace missing above?).',
      ja: '定義の中にログファイル名があります。定義は入れ子にできません（上に閉じ括弧がないのでは？）。',
    },
  },
  'logrotate/unterminated-quote': {
    severity: 'error',
    message: { en: 'The quote is never closed on this line.', ja: '引用符がこの行で閉じられていません。' },
  },
  'logrotate/unterminated-script': {
    severity: 'error',
    message: {
      en: "'{name}' has no matching 'endscript'; the rest of the file would be read as the script.",
      ja: "'{name}' に対応する 'endscript' がありません。ファイルの残りがすべてスクリプトとして読まれます。",
    },
  },
  'logrotate/stray-endscript': {
    severity: 'error',
    message: { en: "'endscript' without a script to end.", ja: "終了するスクリプトのない 'endscript' です。" },
  },
  'logrotate/script-outside-block': {
    severity: 'warning',
    message: {
      en: "'{name}' outside a log file definition: the manual allows scripts only inside one (logrotate 3.21 copies it into every definition that follows).",
      ja: "ログファイル定義の外に '{name}' があります。スクリプトは個別定義内でのみ指定できます（logrotate 3.21 は後続のすべての定義にコピーします）。",
    },
  },
  'logrotate/global-only': {
    severity: 'error',
    message: {
      en: "'{name}' may not appear inside a log file definition.",
      ja: "'{name}' はログファイル定義の中には書けません。",
    },
  },
  'logrotate/missing-argument': {
    severity: 'error',
    message: { en: "'{name}' needs an argument: {syntax}", ja: "'{name}' には引数が必要です: {syntax}" },
  },
  'logrotate/extra-argument': {
    severity: 'error',
    message: {
      en: "Extra argument: '{name}' takes {expected}.",
      ja: "余分な引数です。'{name}' に指定できるのは {expected} です。",
    },
  },
  'logrotate/bad-count': {
    severity: 'error',
    message: { en: "Bad number '{value}' for '{name}': expected {form}.", ja: "'{name}' の数値 '{value}' が不正です。{form} を指定してください。" },
  },
  'logrotate/bad-size': {
    severity: 'error',
    message: { en: "Bad size '{value}' for '{name}': expected {form}.", ja: "'{name}' のサイズ '{value}' が不正です。{form} を指定してください。" },
  },
  'logrotate/size-zero': {
    severity: 'warning',
    message: {
      en: "'{value}' for '{name}' has a unit but no number: logrotate takes it as 0 bytes. Write the number before the unit (e.g. 10{value}).",
      ja: "'{name}' の '{value}' には単位だけで数値がありません。logrotate は 0 バイトとして扱います。単位の前に数値を書きます（例: 10{value}）。",
    },
  },
  'logrotate/bad-mode': {
    severity: 'error',
    message: { en: "Bad mode '{value}': expected {form}.", ja: "モード '{value}' が不正です。{form} を指定してください。" },
  },
  'logrotate/unknown-user': {
    severity: 'error',
    message: {
      en: "Unknown user '{value}' (not in /etc/passwd of this host): logrotate refuses the file here. This depends on the host: ignore it if the user exists where the file is used.",
      ja: "不明なユーザ '{value}' です（このホストの /etc/passwd にありません）。ここでは logrotate はファイルを拒否します。これはホストに依存します。使う先にユーザがあれば無視してください。",
    },
  },
  'logrotate/unknown-group': {
    severity: 'error',
    message: {
      en: "Unknown group '{value}' (not in /etc/group of this host): logrotate refuses the file here. This depends on the host: ignore it if the group exists where the file is used.",
      ja: "不明なグループ '{value}' です（このホストの /etc/group にありません）。ここでは logrotate はファイルを拒否します。これはホストに依存します。使う先にグループがあれば無視してください。",
    },
  },
  'logrotate/bad-path': {
    severity: 'error',
    message: { en: "Bad path '{value}' for '{name}': it may not contain blanks.", ja: "'{name}' のパス '{value}' が不正です。空白は含められません。" },
  },
  'logrotate/bad-dateformat': {
    severity: 'warning',
    message: {
      en: "dateformat: '%{spec}' is not supported (only %Y %m %d %H %M %S %V %s); logrotate writes it literally.",
      ja: "dateformat: '%{spec}' は使えません（使えるのは %Y %m %d %H %M %S %V %s のみ）。logrotate はそのまま文字として書き出します。",
    },
  },
  'logrotate/unsortable-dateformat': {
    severity: 'warning',
    message: {
      en: "dateformat '{value}' does not sort by date (year, then month, then day…); logrotate sorts rotated names to find the oldest and may delete the wrong ones.",
      ja: "dateformat '{value}' は日付順に並びません（年→月→日…の順にしてください）。logrotate は名前で並べ替えて古いものを探すため、誤ったファイルを削除するおそれがあります。",
    },
  },
  'logrotate/conflict': {
    severity: 'warning',
    message: {
      en: "'{name}' cancels '{other}' on line {line} in the same scope; the last one wins.",
      ja: "'{name}' は同じ範囲の {line} 行目の '{other}' を打ち消します。後に書いたものが有効です。",
    },
  },
  'logrotate/no-effect': {
    severity: 'warning',
    message: { en: "'{name}' has no effect here: {reason}.", ja: "'{name}' はここでは効果がありません: {reason}。" },
  },
  'logrotate/deprecated': {
    severity: 'warning',
    message: { en: "'{name}' is obsolete: {note}", ja: "'{name}' は廃止されています: {note}" },
  },
  'logrotate/duplicate-path': {
    severity: 'error',
    message: {
      en: "'{path}' is also rotated by the definition at {where}; logrotate refuses a duplicate log entry.",
      ja: "'{path}' は {where} の定義でもローテーションされます。logrotate は重複したログの定義を受け付けません。",
    },
  },
  'logrotate/include-missing': {
    severity: 'error',
    message: { en: "Included path '{path}' does not exist.", ja: "include したパス '{path}' が存在しません。" },
  },
  'logrotate/relative-path': {
    severity: 'warning',
    message: {
      en: "'{path}' is not an absolute path; logrotate resolves it against its working directory, which is unspecified.",
      ja: "'{path}' は絶対パスではありません。logrotate は不定の作業ディレクトリを基準に解決します。",
    },
  },
};
