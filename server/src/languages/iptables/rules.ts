import type { RuleTable } from '../common/types';

/** Every diagnostic of the iptables language. `{placeholders}` are filled from the finding. */
export const RULES: RuleTable = {
  'iptables/crlf': {
    severity: 'error',
    message: {
      en: 'The file has Windows (CRLF) line endings; iptables-restore reads the carriage return as part of the line and fails. Save it with LF line endings.',
      ja: 'ファイルの改行が Windows 形式（CRLF）です。iptables-restore は CR を行の一部として読むため失敗します。改行を LF にして保存してください。',
    },
  },
  'iptables/blank-line-spaces': {
    severity: 'error',
    message: {
      en: 'A line with only spaces or tabs is an error for iptables-restore ("no command specified"); make it empty.',
      ja: '空白やタブだけの行は iptables-restore ではエラーになります（no command specified）。空行にしてください。',
    },
  },
  'iptables/comment-not-at-start': {
    severity: 'error',
    message: {
      en: 'A comment must start with `#` in the first column of its own line; iptables-restore reads this `#` as an argument ("Bad argument").',
      ja: 'コメントは行頭（1 桁目）の `#` から始める必要があります。iptables-restore はこの `#` を引数として読みエラーになります（Bad argument）。',
    },
  },
  'iptables/unknown-table': {
    severity: 'error',
    message: { en: "Unknown table '{name}'.{suggestion}", ja: "不明なテーブル '{name}' です。{suggestion}" },
  },
  'iptables/missing-commit': {
    severity: 'error',
    message: {
      en: "Table '{name}' is not ended with COMMIT; iptables-restore discards it and fails.",
      ja: "テーブル '{name}' が COMMIT で終わっていません。iptables-restore はこのテーブルを反映せずエラーになります。",
    },
  },
  'iptables/commit-trailing-blank': {
    severity: 'error',
    message: {
      en: "Blanks after COMMIT: iptables-restore takes only a bare `COMMIT` line and reads this one as a rule (\"Bad argument `COMMIT'\"), so the table is never committed. Remove them.",
      ja: "COMMIT の後ろに空白があります。iptables-restore は `COMMIT` だけの行しか受け付けず、この行をルールとして読むため（Bad argument `COMMIT'）、テーブルは反映されません。空白を削除してください。",
    },
  },
  'iptables/outside-table': {
    severity: 'error',
    message: {
      en: 'This line is outside any table; start a table with a line such as `*filter` first (and end it with COMMIT).',
      ja: 'この行はどのテーブルにも属していません。先に `*filter` などの行でテーブルを始めてください（COMMIT で終えます）。',
    },
  },
  'iptables/chain-syntax': {
    severity: 'error',
    message: {
      en: 'A chain line is written `:NAME POLICY [PACKETS:BYTES]`, with `-` as the policy of a user-defined chain.',
      ja: 'チェイン行は `:名前 ポリシー [パケット数:バイト数]` と書きます。ユーザー定義チェインのポリシーは `-` です。',
    },
  },
  'iptables/bad-policy': {
    severity: 'error',
    message: {
      en: "Policy '{policy}' is not valid: a built-in chain takes ACCEPT or DROP.{suggestion}",
      ja: "ポリシー '{policy}' は使えません。組み込みチェインのポリシーは ACCEPT か DROP です。{suggestion}",
    },
  },
  'iptables/user-chain-policy': {
    severity: 'error',
    message: {
      en: "'{chain}' is not a built-in chain of the {table} table, so it is a user-defined chain and its policy must be `-` (only built-in chains have policies).",
      ja: "'{chain}' は {table} テーブルの組み込みチェインではないのでユーザー定義チェインです。ポリシーは `-` にする必要があります（ポリシーを持てるのは組み込みチェインだけです）。",
    },
  },
  'iptables/duplicate-chain': {
    severity: 'error',
    message: { en: "Chain '{chain}' is declared twice in this table.", ja: "チェイン '{chain}' がこのテーブルで 2 回宣言されています。" },
  },
  'iptables/bad-counters': {
    severity: 'error',
    message: {
      en: 'Counters are written `[PACKETS:BYTES]` with two whole numbers.',
      ja: 'カウンタは `[パケット数:バイト数]` と 2 つの整数で書きます。',
    },
  },
  'iptables/policy-counters': {
    severity: 'warning',
    message: {
      en: "iptables-restore 1.8.9 ignores what follows the policy, but 1.8.10 and later, and any version run with --counters, refuse it (\"invalid policy counters\"). Write the counters as `[PACKETS:BYTES]` or leave them out.",
      ja: 'iptables-restore 1.8.9 はポリシーの後ろを無視しますが、1.8.10 以降と --counters 付きの実行では拒否されます（invalid policy counters）。カウンタは `[パケット数:バイト数]` と書くか、省いてください。',
    },
  },
  'iptables/unterminated-quote': {
    severity: 'error',
    message: { en: 'The double quote is never closed.', ja: 'ダブルクォートが閉じられていません。' },
  },
  'iptables/single-quotes': {
    severity: 'warning',
    message: {
      en: 'iptables-restore does not understand single quotes: they stay in the value ({value}), and a space inside them splits the argument. Use double quotes.',
      ja: 'iptables-restore はシングルクォートを解釈しません。クォート文字が値に含まれ（{value}）、中の空白で引数が分かれます。ダブルクォートを使ってください。',
    },
  },
  'iptables/no-command': {
    severity: 'error',
    message: {
      en: 'The rule has no command; start it with `-A CHAIN` (append).',
      ja: 'ルールにコマンドがありません。`-A チェイン名`（追加）で始めてください。',
    },
  },
  'iptables/no-chain': {
    severity: 'error',
    message: { en: '{command} needs a chain name.', ja: '{command} にはチェイン名が必要です。' },
  },
  'iptables/unknown-option': {
    severity: 'error',
    message: { en: "Unknown option '{name}'.{suggestion}", ja: "不明なオプション '{name}' です。{suggestion}" },
  },
  'iptables/option-needs-match': {
    severity: 'error',
    message: {
      en: "'{name}' is an option of the {match} match: write `-m {match}` before it.",
      ja: "'{name}' は {match} マッチのオプションです。前に `-m {match}` を書いてください。",
    },
  },
  'iptables/option-needs-protocol': {
    severity: 'error',
    message: {
      en: "'{name}' needs {protocols} before it (it belongs to the {match} match, which `-p` loads).",
      ja: "'{name}' の前に {protocols} が必要です（`-p` で読み込まれる {match} マッチのオプションです）。",
    },
  },
  'iptables/option-needs-target': {
    severity: 'error',
    message: {
      en: "'{name}' is an option of the {target} target: it must come after `-j {target}`.",
      ja: "'{name}' は {target} ターゲットのオプションです。`-j {target}` の後ろに書いてください。",
    },
  },
  'iptables/unexpected-argument': {
    severity: 'error',
    message: {
      en: "Unexpected argument '{text}': an option (starting with `-`) was expected here.",
      ja: "予期しない引数 '{text}' です。ここには `-` で始まるオプションが必要です。",
    },
  },
  'iptables/missing-argument': {
    severity: 'error',
    message: { en: "'{name}' needs {count} argument(s): {syntax}", ja: "'{name}' には引数が {count} 個必要です: {syntax}" },
  },
  'iptables/duplicate-option': {
    severity: 'error',
    message: { en: "'{name}' may be given only once here.", ja: "'{name}' はここでは 1 回しか指定できません。" },
  },
  'iptables/legacy-negation': {
    severity: 'error',
    message: {
      en: "iptables 1.8 no longer accepts `!` after the option: write `! {name} …` instead.",
      ja: "iptables 1.8 ではオプションの後ろの `!` は使えません。`! {name} …` と書いてください。",
    },
  },
  'iptables/cannot-negate': {
    severity: 'error',
    message: { en: "'{name}' cannot be negated with `!`.", ja: "'{name}' は `!` で否定できません。" },
  },
  'iptables/stray-negation': {
    severity: 'error',
    message: { en: 'Nothing that can be negated follows this `!`.', ja: 'この `!` の後ろに否定できるオプションがありません。' },
  },
  'iptables/unknown-match': {
    severity: 'error',
    message: { en: "Unknown match '{name}'.{suggestion}", ja: "不明なマッチ '{name}' です。{suggestion}" },
  },
  'iptables/match-needs-protocol': {
    severity: 'error',
    message: {
      en: "The {match} match needs {protocols} in the same rule.",
      ja: "{match} マッチには同じルールに {protocols} が必要です。",
    },
  },
  'iptables/restore-forbidden': {
    severity: 'error',
    message: {
      en: "'{name}' cannot be used in a rule file: iptables-restore takes the table from the `*table` line.",
      ja: "'{name}' はルールファイルでは使えません。テーブルは `*table` 行で決まります。",
    },
  },
  'iptables/undeclared-chain': {
    severity: 'error',
    message: {
      en: "Chain '{chain}' is not declared in the {table} table; add `:{chain} - [0:0]` before the rules.{suggestion}",
      ja: "チェイン '{chain}' は {table} テーブルで宣言されていません。ルールより前に `:{chain} - [0:0]` を追加してください。{suggestion}",
    },
  },
  'iptables/unknown-target': {
    severity: 'error',
    message: {
      en: "'{name}' is neither a target nor a chain declared in the {table} table.{suggestion}",
      ja: "'{name}' はターゲットでも、{table} テーブルで宣言されたチェインでもありません。{suggestion}",
    },
  },
  'iptables/chain-not-in-file': {
    severity: 'warning',
    message: {
      en: "Chain '{chain}' is not created in this file. The {table} table here declares none of its built-in chains, as a fragment loaded with `iptables-restore --noflush` does: that loads only where the chain already exists, so the verdict depends on the rules already on the host. Loaded without --noflush, the file is refused: then declare it with `:{chain} - [0:0]` or `-N {chain}` (with --noflush, `:{chain}` would empty the host's chain).",
      ja: "チェイン '{chain}' はこのファイルでは作成されていません。このファイルの {table} テーブルは組み込みチェインを宣言しておらず、`iptables-restore --noflush` で読み込む断片のようです。その場合はホストにすでにそのチェインがあるときだけ読み込めるので、結果はホスト上のルールによります。--noflush なしで読み込むとファイル全体が拒否されます。その場合は `:{chain} - [0:0]` か `-N {chain}` で宣言してください（--noflush 付きでは `:{chain}` がホストのチェインを空にします）。",
    },
  },
  'iptables/target-not-in-table': {
    severity: 'error',
    message: {
      en: 'The {target} target can only be used in the {tables} table; the kernel refuses it in {table} when the rules are loaded.',
      ja: '{target} ターゲットは {tables} テーブルでしか使えません。{table} テーブルではルールの読み込み時にカーネルが拒否します。',
    },
  },
  'iptables/target-not-in-chain': {
    severity: 'error',
    message: {
      en: 'The {target} target can only be used in the {chains} chains (or user chains called from them), not in {chain}.',
      ja: '{target} ターゲットは {chains} チェイン（とそこから呼ばれるユーザー定義チェイン）でしか使えません。{chain} では使えません。',
    },
  },
  'iptables/target-needs-protocol': {
    severity: 'error',
    message: { en: '{what} needs `-p tcp` in the same rule.', ja: '{what} には同じルールに `-p tcp` が必要です。' },
  },
  'iptables/option-wrong-chain': {
    severity: 'error',
    message: {
      en: "'{name}' cannot be used in the {chain} chain (only in {chains}).",
      ja: "'{name}' は {chain} チェインでは使えません（使えるのは {chains}）。",
    },
  },
  'iptables/invalid-value': {
    severity: 'error',
    message: { en: "Invalid value '{value}' for {name}: {reason}", ja: "{name} の値 '{value}' が正しくありません: {reason}" },
  },
  'iptables/unknown-value': {
    severity: 'error',
    message: { en: "'{value}' is not a valid value for {name}.{suggestion}", ja: "'{value}' は {name} に使える値ではありません。{suggestion}" },
  },
  'iptables/unknown-service': {
    severity: 'warning',
    message: {
      en: "'{value}' is not a well-known service name; iptables looks it up in /etc/services on the machine that loads the rules and fails if it is missing there, so the verdict depends on the machine. A port number is safer.",
      ja: "'{value}' はよく知られたサービス名ではありません。iptables はルールを読み込むマシンの /etc/services で検索し、無ければエラーになります。ポート番号で書くほうが確実です。",
    },
  },
  'iptables/service-not-here': {
    severity: 'error',
    message: {
      en: "'{value}' is not a service name of /etc/services on this machine, so iptables-restore here refuses the rule. The verdict depends on the machine that loads the rules; a port number does not.",
      ja: "'{value}' はこのマシンの /etc/services にあるサービス名ではないため、ここでは iptables-restore がルールを拒否します。結果はルールを読み込むマシンに依存します。ポート番号なら依存しません。",
    },
  },
  'iptables/port-wraps': {
    severity: 'warning',
    message: {
      en: 'Port {value} is above 65535: iptables accepts it for udp but keeps only the low 16 bits, so the rule matches port {wrapped}.',
      ja: 'ポート {value} は 65535 を超えています。udp では iptables が受け付けますが下位 16 ビットだけが使われ、ポート {wrapped} に一致するルールになります。',
    },
  },
  'iptables/connlabel-name': {
    severity: 'warning',
    message: {
      en: "Label '{value}' is looked up in /etc/xtables/connlabel.conf on the machine that loads the rules; iptables refuses the rule where that file does not name it, so the verdict depends on the machine. A label number (0–127) does not depend on the machine.",
      ja: "ラベル '{value}' はルールを読み込むマシンの /etc/xtables/connlabel.conf で検索され、そこに無ければ iptables はルールを拒否します。ラベル番号（0〜127）ならマシンに依存しません。",
    },
  },
  'iptables/connlabel-unknown': {
    severity: 'error',
    message: {
      en: "Label '{value}' is not named in {file} on this machine ({why}): iptables-restore here refuses the rule. The verdict depends on the machine that loads the rules; add the label to that file (a line 'BIT {value}') or use a label number (0–127).",
      ja: "ラベル '{value}' はこのマシンの {file} にありません（{why}）。ここでは iptables-restore がルールを拒否します。結果はルールを読み込むマシンに依存します。そのファイルにラベルを追加する（'ビット番号 {value}' の行）か、ラベル番号（0〜127）を使います。",
    },
  },
  'iptables/unknown-owner': {
    severity: 'error',
    message: {
      en: "{name} '{value}': this machine has no such {what} ({file}), so iptables-restore here refuses the rule. The verdict depends on the machine that loads the rules; create the {what} there or give a numeric id.",
      ja: "{name} '{value}': このマシンにはその{what}がありません（{file}）。ここでは iptables-restore がルールを拒否します。結果はルールを読み込むマシンに依存します。そのマシンで{what}を作成するか、数値の ID を指定してください。",
    },
  },
  'iptables/range-backwards': {
    severity: 'warning',
    message: {
      en: 'The range {value} of {name} starts above its end ({a} > {b}): iptables accepts it, but the rule then matches no packet (every packet when negated). Write it {b}:{a}?',
      ja: '{name} の範囲 {value} は開始が終了より大きくなっています（{a} > {b}）。iptables は受け付けますが、どのパケットにも一致しません（否定時はすべてに一致）。{b}:{a} の誤りでは？',
    },
  },
  'iptables/port-zero': {
    severity: 'warning',
    message: { en: 'Port 0 is never used by real traffic; this probably is a mistake.', ja: 'ポート 0 は実際の通信では使われません。誤りの可能性があります。' },
  },
  'iptables/log-prefix-too-long': {
    severity: 'warning',
    message: {
      en: 'The log prefix is {length} characters long; the kernel keeps at most 29 (newer iptables refuse it).',
      ja: 'ログのプレフィックスが {length} 文字あります。カーネルが扱えるのは 29 文字までです（新しい iptables ではエラーになります）。',
    },
  },
  'iptables/address-family': {
    severity: 'error',
    message: {
      en: "'{value}' is an {found} address, but this is an {family} rule file ({file}).",
      ja: "'{value}' は {found} アドレスですが、このファイルは {family} のルールファイルです（{file}）。",
    },
  },
  'iptables/protocol-family': {
    severity: 'warning',
    message: {
      en: "'-p {value}' never matches in an {family} rule file; use `-p {instead}`.",
      ja: "{family} のルールファイルでは '-p {value}' は一致しません。`-p {instead}` を使ってください。",
    },
  },
  'iptables/module-family': {
    severity: 'error',
    message: {
      en: "'{name}' is only available for {found}, but this is an {family} rule file.",
      ja: "'{name}' は {found} でしか使えませんが、このファイルは {family} のルールファイルです。",
    },
  },
  'iptables/missing-required-option': {
    severity: 'error',
    message: {
      en: '{name} needs {options}; iptables-restore refuses it without ("{message}").',
      ja: '{name} には {options} が必要です。指定しないと iptables-restore が拒否します（"{message}"）。',
    },
  },
  'iptables/option-needs-option': {
    severity: 'error',
    message: {
      en: '{name} only works together with {options}; iptables-restore refuses it alone ("{message}").',
      ja: '{name} は {options} と一緒にしか使えません。単独では iptables-restore が拒否します（"{message}"）。',
    },
  },
  'iptables/exclusive-options': {
    severity: 'error',
    message: {
      en: '{a} and {b} cannot be used together; iptables-restore refuses the rule ("{message}").',
      ja: '{a} と {b} は同時に使えません。iptables-restore はこのルールを拒否します（"{message}"）。',
    },
  },
  'iptables/value-out-of-range': {
    severity: 'error',
    message: { en: "{name} takes a whole number from {min} to {max}; iptables-restore refuses '{value}'.", ja: "{name} に指定できる整数は {min}〜{max} です。iptables-restore は '{value}' を拒否します。" },
  },
  'iptables/extension-not-in-table': {
    severity: 'error',
    message: {
      en: '{name} cannot be used in the {table} table (only in: {tables}); the kernel refuses the rule when it is loaded.',
      ja: '{name} は {table} テーブルでは使えません（使えるのは {tables}）。読み込み時にカーネルがルールを拒否します。',
    },
  },
  'iptables/extension-not-in-chain': {
    severity: 'error',
    message: {
      en: '{name} cannot be used in the {chain} chain of this table (only in: {chains}); the kernel refuses the rule when it is loaded.',
      ja: '{name} はこのテーブルの {chain} チェインでは使えません（使えるのは {chains}）。読み込み時にカーネルがルールを拒否します。',
    },
  },
  'iptables/extension-needs-protocol': {
    severity: 'error',
    message: { en: '{name} needs {protocols} in the same rule; the kernel refuses it otherwise.', ja: '{name} には同じルールに {protocols} が必要です。ないとカーネルが拒否します。' },
  },
  'iptables/extension-unavailable': {
    severity: 'warning',
    message: {
      en: '{name} depends on the host: the kernel this catalog was made on ({tool}) refused every rule using it, for want of a kernel module (most current kernels no longer provide CLUSTERIP, ULOG …) or of an object that must exist before the rules load (an ipset, an nfacct counter, a RATEEST estimator of that name). Check it with a tool check on the target host.',
      ja: '{name} の結果はホストによります。このカタログを作成したカーネル（{tool}）は、これを使うルールをすべて拒否しました。カーネルモジュールがない（現在の多くのカーネルには CLUSTERIP や ULOG がありません）か、ルールの読み込み前に存在すべきオブジェクト（ipset、nfacct のカウンタ、その名前の RATEEST 推定器）がないためです。対象ホストでツールチェックを実行して確認してください。',
    },
  },
  'iptables/host-dependent-value': {
    severity: 'warning',
    message: {
      en: "{name} {value}: {why}. Where it is missing the rule is refused, so the verdict depends on the host that loads the rules.",
      ja: "{name} {value}: {why}。ない場合はルールが拒否されるため、結果はルールを読み込むホストによります。",
    },
  },
  'iptables/platform-dependent-value': {
    severity: 'warning',
    message: {
      en: '{name} {value}: iptables reads a value this large differently by processor (on amd64 it wraps around, on arm64 it stops at the largest 32-bit number), and {options} holds under one reading only, so the verdict depends on the machine that loads the rules. A smaller value does not.',
      ja: '{name} {value}: この大きさの値は iptables の読み方がプロセッサで異なり（amd64 では桁あふれして小さな値になり、arm64 では 32 ビットの最大値で止まります）、{options} が一方の読み方でしか成り立たないため、結果はルールを読み込むマシンによります。小さな値なら依存しません。',
    },
  },
  'iptables/shared-name-conflict': {
    severity: 'error',
    message: {
      en: "{name} '{value}' is first used {first} {agree} (line {line}) and here {here} it: the kernel keeps one object per name and refuses a later use that differs in {agree} when the rules are loaded. Give this use another name, or the same {agree} setting.",
      ja: "{name} '{value}' は最初の使用（{line} 行目）では {agree} が{first}、ここでは{here}です。カーネルは名前ごとに 1 つのオブジェクトを持ち、{agree} の異なる後からの使用をルールの読み込み時に拒否します。別の名前にするか、{agree} をそろえてください。",
    },
  },
  'iptables/service-not-for-protocol': {
    severity: 'error',
    message: {
      en: "'{value}' is listed in this machine's /etc/services for {listed} only, not for {protocol}: multiport looks port names up for the rule's protocol, so iptables-restore here refuses the rule (--dport of -p {protocol} would take it). The verdict depends on the machine that loads the rules; a port number does not.",
      ja: "'{value}' はこのマシンの /etc/services では {listed} のサービスで、{protocol} にはありません。multiport はルールのプロトコルでポート名を検索するため、ここでは iptables-restore がルールを拒否します（-p {protocol} の --dport なら受け付けます）。結果はルールを読み込むマシンに依存します。ポート番号なら依存しません。",
    },
  },
  'iptables/host-name': {
    severity: 'warning',
    message: {
      en: "'{value}' is a host name: iptables resolves it once, when the rules are loaded, and refuses the file if /etc/hosts and DNS do not answer then (at boot, often), so the verdict depends on the machine that loads the rules. An address is safer.",
      ja: "'{value}' はホスト名です。iptables はルールの読み込み時に一度だけ名前解決し、そのとき /etc/hosts と DNS が応答しないと（起動時によくあります）ファイル全体を拒否するため、結果はルールを読み込むマシンに依存します。アドレスで書くほうが確実です。",
    },
  },
  'iptables/unreachable-rule': {
    severity: 'warning',
    message: {
      en: 'This rule can never match: an earlier rule in chain {chain} (line {line}) already {verdict} every packet.',
      ja: 'このルールには一致しません。チェイン {chain} の前のルール（{line} 行目）がすべてのパケットを{verdict}しています。',
    },
  },
};
