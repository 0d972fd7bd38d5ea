import type { RuleTable } from '../common/types';

/** Every rsyslog diagnostic, by stable code. `{suggestion}` is a localized " Did you mean …?". */
export const RULES: RuleTable = {
  // ---- syntax ----
  'rsyslog/unexpected': {
    severity: 'error',
    message: { en: "Unexpected '{text}'.", ja: "ここに '{text}' は書けません。" },
  },
  'rsyslog/unbalanced-paren': {
    severity: 'error',
    message: { en: "'{char}' has no matching bracket.", ja: "'{char}' に対応する括弧がありません。" },
  },
  'rsyslog/too-deep': {
    severity: 'error',
    message: {
      en: 'Blocks are nested more than {max} deep here; the rest of this nest is not checked.',
      ja: 'ここでブロックの入れ子が {max} 段を超えています。この入れ子の残りは検査しません。',
    },
  },
  'rsyslog/unbalanced-brace': {
    severity: 'error',
    message: { en: "'{char}' has no matching brace.", ja: "'{char}' に対応する波括弧がありません。" },
  },
  'rsyslog/unterminated-string': {
    severity: 'error',
    message: { en: 'The string is not closed with its quote.', ja: '文字列が引用符で閉じられていません。' },
  },
  'rsyslog/unterminated-comment': {
    severity: 'error',
    message: { en: "The comment is not closed with '*/'.", ja: "コメントが '*/' で閉じられていません。" },
  },
  'rsyslog/missing-action': {
    severity: 'error',
    message: {
      en: 'This filter has no action: add a file path, @host, action(…) or stop after it.',
      ja: 'このフィルタにはアクションがありません。ファイル名、@ホスト、action(…)、stop などを続けて書いてください。',
    },
  },
  'rsyslog/action-without-filter': {
    severity: 'warning',
    message: {
      en: 'No selector or filter in front of this action: rsyslogd applies it to every message. Put one in front (for example `*.*`) if that is not meant.',
      ja: 'このアクションの前にセレクタもフィルタもありません。rsyslogd はすべてのメッセージに適用します。意図していなければ前に置きます（例: `*.*`）。',
    },
  },
  'rsyslog/bad-property-filter': {
    severity: 'error',
    message: {
      en: 'A property filter is written `:property, [!]compare-operation, "value"`.',
      ja: 'プロパティフィルタは `:プロパティ, [!]比較演算, "値"` の形で書きます。',
    },
  },
  'rsyslog/missing-keyword': {
    severity: 'error',
    message: { en: "'{keyword}' is missing.", ja: "'{keyword}' がありません。" },
  },
  'rsyslog/missing-semicolon': {
    severity: 'error',
    message: { en: "'{keyword}' must end with ';'.", ja: "'{keyword}' 文は ';' で終える必要があります。" },
  },
  'rsyslog/missing-argument': {
    severity: 'error',
    message: { en: "'{keyword}' needs a name after it.", ja: "'{keyword}' の後に名前が必要です。" },
  },
  'rsyslog/missing-value': {
    severity: 'error',
    message: { en: "Parameter '{name}' needs a value: {name}=\"…\".", ja: "パラメータ '{name}' に値がありません（{name}=\"…\"）。" },
  },
  // ---- selectors and actions ----
  'rsyslog/unknown-facility': {
    severity: 'warning',
    message: {
      en: "Unknown facility '{name}': rsyslog warns and ignores it.{suggestion}",
      ja: "'{name}' というファシリティはありません（rsyslog は警告して無視します）。{suggestion}",
    },
  },
  'rsyslog/unknown-priority': {
    severity: 'error',
    message: { en: "Unknown priority '{name}'.{suggestion}", ja: "'{name}' というプライオリティはありません。{suggestion}" },
  },
  'rsyslog/deprecated-name': {
    severity: 'hint',
    message: {
      en: "'{name}' is a deprecated spelling; use '{replacement}'.",
      ja: "'{name}' は非推奨の書き方です。'{replacement}' を使ってください。",
    },
  },
  'rsyslog/relative-path': {
    severity: 'warning',
    message: {
      en: "'{path}' is not an absolute path: rsyslog accepts it, but not as the file you likely mean (write file names from '/').",
      ja: "'{path}' は絶対パスではありません。rsyslog は受け付けますが、意図したファイルにはなりません（ファイル名は '/' から書きます）。",
    },
  },
  'rsyslog/relative-sync-path': {
    severity: 'error',
    message: {
      en: "'-{path}' is not an action: after '-' rsyslog needs an absolute file name, and it drops this line.",
      ja: "'-{path}' はアクションになりません。'-' の後には絶対パスのファイル名が必要で、rsyslog はこの行を捨てます。",
    },
  },
  'rsyslog/unknown-action': {
    severity: 'error',
    message: { en: "'{text}' is not an action rsyslog understands.", ja: "'{text}' は rsyslog のアクションとして解釈できません。" },
  },
  'rsyslog/deprecated-action': {
    severity: 'warning',
    message: {
      en: "'{text}' is deprecated and rsyslog warns about it; use `{replacement}`.",
      ja: "'{text}' は非推奨で、rsyslog が警告を出します。`{replacement}` を使ってください。",
    },
  },
  'rsyslog/invalid-port': {
    severity: 'warning',
    message: {
      en: "'{value}' is not a port number (0–65535; 0 picks a free port): rsyslogd reads the file, but the listener or connection fails when it starts.",
      ja: "'{value}' はポート番号（0〜65535。0 は空きポート）ではありません。rsyslogd は設定を読み込みますが、起動時に待ち受けや接続が失敗します。",
    },
  },
  'rsyslog/unknown-property': {
    severity: 'warning',
    message: { en: "Unknown message property '{name}'.{suggestion}", ja: "'{name}' というプロパティはありません。{suggestion}" },
  },
  'rsyslog/unknown-compare-op': {
    severity: 'error',
    message: { en: "Unknown compare operation '{name}'.{suggestion}", ja: "'{name}' という比較演算はありません。{suggestion}" },
  },
  // ---- directives, objects, parameters ----
  'rsyslog/unknown-directive': {
    severity: 'error',
    message: { en: "Unknown directive '{name}'.{suggestion}", ja: "'{name}' というディレクティブはありません。{suggestion}" },
  },
  'rsyslog/deprecated-directive': {
    severity: 'hint',
    message: {
      en: "'{name}' is legacy syntax; the RainerScript form is `{replacement}`.",
      ja: "'{name}' は旧形式の書き方です。RainerScript では `{replacement}` と書きます。",
    },
  },
  'rsyslog/unknown-object': {
    severity: 'error',
    message: { en: "'{name}(…)' is not a RainerScript statement.{suggestion}", ja: "'{name}(…)' という RainerScript の文はありません。{suggestion}" },
  },
  'rsyslog/unknown-module': {
    severity: 'warning',
    message: {
      en: "Module '{name}' is not known to this extension (third-party modules exist).{suggestion}",
      ja: "モジュール '{name}' はこの拡張機能の知らないモジュールです（サードパーティ製の可能性があります）。{suggestion}",
    },
  },
  'rsyslog/unknown-parameter': {
    severity: 'warning',
    message: { en: "Unknown parameter '{name}' for {owner}.{suggestion}", ja: "{owner} に '{name}' というパラメータはありません。{suggestion}" },
  },
  'rsyslog/missing-parameter': {
    severity: 'error',
    message: { en: "{owner} needs the parameter '{name}'.", ja: "{owner} にはパラメータ '{name}' が必要です。" },
  },
  'rsyslog/invalid-value': {
    severity: 'error',
    message: { en: "'{value}' is not valid for {name}: expected {expected}.", ja: "'{value}' は {name} の値として正しくありません（{expected}）。" },
  },
  'rsyslog/unknown-value': {
    severity: 'warning',
    message: {
      en: "'{value}' is not a value the rsyslog docs list for {name} ({expected}); a newer rsyslog may know it, an older one fails when the module starts.",
      ja: "'{value}' は rsyslog のドキュメントにある {name} の値ではありません（{expected}）。新しい rsyslog なら使える場合がありますが、古いものではモジュールの開始時に失敗します。",
    },
  },
  'rsyslog/module-not-loaded': {
    severity: 'warning',
    message: {
      en: "Module '{name}' is used but never loaded in this workspace; add module(load=\"{name}\").",
      ja: "モジュール '{name}' を使っていますが、ワークスペースのどこでも読み込まれていません。module(load=\"{name}\") を追加してください。",
    },
  },
  'rsyslog/module-loaded-later': {
    severity: 'warning',
    message: {
      en: "Module '{name}' is loaded further down; rsyslog reads the file in order, so move module(load=\"{name}\") above this line.",
      ja: "モジュール '{name}' はこの行より後で読み込まれています。rsyslog は上から順に読むため、module(load=\"{name}\") をこの行より前に移してください。",
    },
  },
  'rsyslog/duplicate-module': {
    severity: 'warning',
    message: { en: "Module '{name}' is loaded more than once.", ja: "モジュール '{name}' が複数回読み込まれています。" },
  },
  'rsyslog/undefined-template': {
    severity: 'warning',
    message: { en: "Template '{name}' is not defined in this workspace.{suggestion}", ja: "テンプレート '{name}' はワークスペース内で定義されていません。{suggestion}" },
  },
  'rsyslog/unquoted-value': {
    severity: 'error',
    message: {
      en: "rsyslogd needs the value in quotes: {name}=\"{value}\".",
      ja: "rsyslogd では値を引用符で囲む必要があります（{name}=\"{value}\"）。",
    },
  },
  'rsyslog/deprecated-parameter': {
    severity: 'warning',
    message: {
      en: "rsyslogd says '{name}' is deprecated: it still takes it, but complains at every start (and `rsyslogd -N1` exits 1). See the module's docs for its replacement.",
      ja: "rsyslogd は '{name}' を非推奨としています。まだ受け付けますが、起動のたびに警告します（`rsyslogd -N1` は 1 で終了します）。代わりのパラメータはモジュールのドキュメントを見てください。",
    },
  },
  'rsyslog/wrong-module-kind': {
    severity: 'error',
    message: {
      en: "'{name}' is not an {object} module (it is of kind {kind}): rsyslogd refuses {object}(type=\"{name}\"). Inputs take im… modules, actions om… and mm… modules.",
      ja: "'{name}' は {object} 用のモジュールではありません（種類: {kind}）。rsyslogd は {object}(type=\"{name}\") を拒否します。入力には im…、アクションには om… と mm… のモジュールを使います。",
    },
  },
  'rsyslog/no-legacy-form': {
    severity: 'error',
    message: {
      en: "Module '{name}' has no legacy ':{name}:' action: rsyslogd refuses it. Write action(type=\"{name}\" …) instead.",
      ja: "モジュール '{name}' には旧形式の ':{name}:' アクションがありません。rsyslogd は拒否します。action(type=\"{name}\" …) と書きます。",
    },
  },
  'rsyslog/legacy-action-needs': {
    severity: 'error',
    message: {
      en: "':{name}:' needs {directives} set before it: without them rsyslogd refuses the action.",
      ja: "':{name}:' の前に {directives} の設定が必要です。無いと rsyslogd はこのアクションを拒否します。",
    },
  },
  'rsyslog/queue-discard-mark': {
    severity: 'error',
    message: {
      en: 'The queue discard mark {mark}{note} is larger than the queue size {size}: rsyslogd refuses the queue. Set the discard mark below the size.',
      ja: 'キューの破棄しきい値 {mark}{note} がキューの大きさ {size} より大きいため、rsyslogd はこのキューを拒否します。しきい値を大きさより小さくします。',
    },
  },
  'rsyslog/no-work-directory': {
    severity: 'warning',
    message: {
      en: 'imfile keeps its state files in the work directory, and this configuration sets none: rsyslogd -N1 reports an error and imfile writes them into its current directory. Set global(workDirectory="/var/spool/rsyslog").',
      ja: 'imfile は状態ファイルを作業ディレクトリに置きますが、この設定にはありません。rsyslogd -N1 はエラーを報告し、imfile はカレントディレクトリに書きます。global(workDirectory="/var/spool/rsyslog") を設定します。',
    },
  },
  'rsyslog/missing-file': {
    severity: 'warning',
    message: {
      en: 'rsyslogd reads {path} when it starts and refuses the configuration without it; it does not exist on this host. This depends on the host, not on the file.',
      ja: 'rsyslogd は起動時に {path} を読み、無ければ設定を拒否します。このホストには存在しません。これはファイルではなくホストに依存します。',
    },
  },
  'rsyslog/filter-variable': {
    severity: 'error',
    message: {
      en: "A property filter (':property, op, \"value\"') takes a property name, not the variable '{name}': rsyslogd refuses it. Write if {name} == \"…\" then … instead.",
      ja: "プロパティフィルター（':property, op, \"value\"'）に書けるのはプロパティ名で、変数 '{name}' は書けません。rsyslogd は拒否します。if {name} == \"…\" then … と書きます。",
    },
  },
  'rsyslog/undefined-lookup-table': {
    severity: 'error',
    message: {
      en: "No lookup_table(name=\"{name}\") is defined before this use: rsyslogd refuses it (\"lookup table '{name}' not found\"). Define the table above.",
      ja: "この使用より前に lookup_table(name=\"{name}\") が定義されていません。rsyslogd は拒否します。テーブルを上で定義します。",
    },
  },
  'rsyslog/duplicate-ruleset': {
    severity: 'error',
    message: {
      en: "ruleset(name=\"{name}\") is defined twice (names are compared in any case): rsyslogd refuses the configuration. Rename one or merge them.",
      ja: "ruleset(name=\"{name}\") が二度定義されています（名前の大文字小文字は区別されません）。rsyslogd は設定を拒否します。名前を変えるか一つにまとめます。",
    },
  },
  'rsyslog/param-ignored': {
    severity: 'warning',
    message: {
      en: '{owner}: {why}. rsyslogd ignores the setting and rsyslogd -N1 reports it.',
      ja: '{owner}: {why}。rsyslogd はこの設定を無視し、rsyslogd -N1 はそれを報告します。',
    },
  },
  'rsyslog/no-listener': {
    severity: 'warning',
    message: {
      en: "{name} is loaded but this configuration gives it no input(type=\"{name}\"): it reads nothing, and rsyslogd -N1 reports that. Add an input, or drop the load.",
      ja: "{name} を読み込んでいますが、この設定には input(type=\"{name}\") がありません。何も受け取らず、rsyslogd -N1 はそれを報告します。入力を追加するか、読み込みをやめます。",
    },
  },
  'rsyslog/allowed-sender-bits': {
    severity: 'warning',
    message: {
      en: "'{value}' masks {bits} bits: rsyslogd takes 1 to {max} for an {family} address, uses {max} instead (so only that one address may send) and rsyslogd -N1 reports it.",
      ja: "'{value}' のマスクは {bits} ビットです。rsyslogd は {family} アドレスに 1〜{max} を受け付け、代わりに {max} を使い（その 1 アドレスだけが送信できます）、rsyslogd -N1 はそれを報告します。",
    },
  },
  'rsyslog/module-path': {
    severity: 'warning',
    message: {
      en: "'{path}' is a relative path: rsyslogd looks for it under its module directory (rsyslogd -M), and refuses the configuration where it is not there. This depends on the host; write the module's name (load=\"imtcp\") to load an installed module.",
      ja: "'{path}' は相対パスです。rsyslogd はモジュールディレクトリ（rsyslogd -M）の下で探し、無ければ設定を拒否します。これはホストに依存します。インストール済みのモジュールは名前（load=\"imtcp\"）で読み込みます。",
    },
  },
  'rsyslog/duplicate-parameter': {
    severity: 'error',
    message: {
      en: "'{name}' is given again ({where}; names are compared in any case): rsyslogd refuses the configuration. Keep one.",
      ja: "'{name}' が再び指定されています（{where}。大文字小文字は区別されません）。rsyslogd は設定を拒否します。一つにします。",
    },
  },
  'rsyslog/unknown-directive-module': {
    severity: 'warning',
    message: {
      en: "Unknown directive '{name}': no module rsyslog ships knows it. It may come from '{module}', loaded here, which this extension does not know; without that module rsyslogd refuses the file.",
      ja: "不明なディレクティブ '{name}' です。rsyslog に含まれるモジュールにはありません。ここで読み込んでいる、この拡張機能の知らない '{module}' のものかもしれません。そのモジュールが無ければ rsyslogd はファイルを拒否します。",
    },
  },
  'rsyslog/backtick-environment': {
    severity: 'warning',
    message: {
      en: '{command} gives only the value of {vars} in the environment rsyslogd starts with: where that is not set the file name is empty and rsyslogd refuses the action. This depends on the host, not on the file.',
      ja: '{command} の値は rsyslogd の起動時の環境変数 {vars} だけで決まります。設定されていなければファイル名は空になり、rsyslogd はこのアクションを拒否します。これはファイルではなくホストに依存します。',
    },
  },
  'rsyslog/expression-syntax': {
    severity: 'error',
    message: {
      en: "rsyslogd cannot read this expression at '{token}': {hint}.",
      ja: "rsyslogd はこの式を '{token}' の所で読めません（{hint}）。",
    },
  },
  'rsyslog/invalid-variable': {
    severity: 'error',
    message: {
      en: "'{keyword}' cannot write '{name}': only message ($!name), local ($.name) and global ($/name) variables can be set.",
      ja: "'{keyword}' で '{name}' には書き込めません。書けるのはメッセージ変数（$!名前）、ローカル変数（$.名前）、グローバル変数（$/名前）だけです。",
    },
  },
  'rsyslog/unknown-function': {
    severity: 'warning',
    message: {
      en: "'{name}()' is not a function rsyslog knows without a function module (fm…); rsyslogd refuses the file unless a loaded module adds it.",
      ja: "'{name}()' は関数モジュール（fm…）なしで rsyslog が知っている関数ではありません。読み込んだモジュールが追加しない限り、rsyslogd は設定を拒否します。",
    },
  },
  'rsyslog/undefined-outchannel': {
    severity: 'warning',
    message: {
      en: "Output channel '{name}' is not defined in this workspace ($outchannel {name},FILE,…); rsyslogd drops an action naming an output channel it does not know.",
      ja: "出力チャネル '{name}' はワークスペース内で定義されていません（$outchannel {name},ファイル,…）。rsyslogd は知らない出力チャネルを指すアクションを捨てます。",
    },
  },
  'rsyslog/template-defined-later': {
    severity: 'error',
    message: {
      en: "Template '{name}' is defined only further on ({where}); rsyslog reads the configuration in order and disables an action whose template it does not know yet. Move the template above its first use.",
      ja: "テンプレート '{name}' はこれより後（{where}）でしか定義されていません。rsyslog は設定を順に読むため、まだ知らないテンプレートを使うアクションは無効になります。テンプレートの定義を最初の使用より前に移してください。",
    },
  },
  'rsyslog/undefined-ruleset': {
    severity: 'warning',
    message: { en: "Ruleset '{name}' is not defined in this workspace.{suggestion}", ja: "ルールセット '{name}' はワークスペース内で定義されていません。{suggestion}" },
  },
};
