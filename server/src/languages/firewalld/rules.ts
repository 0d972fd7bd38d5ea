import type { RuleTable } from '../common/types';

/**
 * Severities follow what firewalld itself does with the file: what makes it refuse the file
 * (`firewall-offline-cmd --check-config` fails) is an error; what it only logs and ignores
 * (a rich rule it drops, a duplicate) is a warning.
 */
export const RULES: RuleTable = {
  'firewalld/xml-syntax': {
    severity: 'error',
    message: { en: 'XML syntax error: {detail}. firewalld refuses the whole file.', ja: 'XML の構文エラーです: {detail}。firewalld はファイル全体を読み込みません。' },
  },
  'firewalld/wrong-root': {
    severity: 'error',
    message: { en: 'A file in {folder} must have <{expected}> as its root element, not <{found}>.', ja: '{folder} のファイルのルート要素は <{found}> ではなく <{expected}> でなければなりません。' },
  },
  'firewalld/unknown-element': {
    severity: 'error',
    message: { en: 'Unknown element <{name}> in a {kind} file; firewalld refuses the file.{hint}', ja: '{kind} ファイルに未知の要素 <{name}> があります。firewalld はファイルを読み込みません。{hint}' },
  },
  'firewalld/misplaced-element': {
    severity: 'warning',
    message: { en: '<{name}> does not belong inside <{parent}>; firewalld ignores it.', ja: '<{name}> は <{parent}> の中には書けません。firewalld は無視します。' },
  },
  'firewalld/missing-attribute': {
    severity: 'error',
    message: { en: '<{element}> needs the attribute {name}; firewalld refuses the file.', ja: '<{element}> には属性 {name} が必要です。firewalld はファイルを読み込みません。' },
  },
  'firewalld/unknown-attribute': {
    severity: 'error',
    message: { en: 'Unknown attribute {name} on <{element}>; firewalld refuses the file.{hint}', ja: '<{element}> の属性 {name} は未知のものです。firewalld はファイルを読み込みません。{hint}' },
  },
  'firewalld/deprecated-attribute': {
    severity: 'information',
    message: { en: 'The attribute {name} on <{element}> is obsolete and ignored.', ja: '<{element}> の属性 {name} は廃止されており、無視されます。' },
  },
  'firewalld/deprecated-element': {
    severity: 'information',
    message: { en: '<{name}> is deprecated; use {replacement}.', ja: '<{name}> は非推奨です。{replacement} を使ってください。' },
  },
  'firewalld/invalid-value': {
    severity: 'error',
    message: { en: "Invalid {attribute} '{value}': {reason}.", ja: '{attribute} の値 \'{value}\' が不正です: {reason}。' },
  },
  'firewalld/ignored-value': {
    severity: 'warning',
    message: { en: "Invalid {attribute} '{value}': {reason}; firewalld ignores it.", ja: '{attribute} の値 \'{value}\' が不正です: {reason}。firewalld はこれを無視します。' },
  },
  'firewalld/rule-ignored': {
    severity: 'warning',
    message: { en: 'firewalld ignores this rich rule: {reason}.', ja: 'firewalld はこのリッチルールを無視します: {reason}。' },
  },
  'firewalld/too-many': {
    severity: 'warning',
    message: { en: 'At most {max} {what} allowed in <{parent}>; firewalld ignores the extra ones.', ja: '<{parent}> に書ける {what} は {max} 個までです。firewalld は余分なものを無視します。' },
  },
  'firewalld/duplicate': {
    severity: 'warning',
    message: { en: '{what} is already set above; firewalld ignores the duplicate.', ja: '{what} はすでに上で設定されています。firewalld は重複を無視します。' },
  },
  'firewalld/reversed-range': {
    severity: 'warning',
    message: {
      en: "The range {value} runs backwards: firewall-offline-cmd accepts it, but write it low to high ({fixed}) so that it says what it opens.",
      ja: "範囲 {value} が逆順です。firewall-offline-cmd は受け付けますが、開く範囲が分かるよう小さい方から（{fixed}）書いてください。",
    },
  },
  'firewalld/overlap': {
    severity: 'warning',
    message: {
      en: "{value} overlaps {other} above; firewalld accepts both, but the overlap is opened twice and one entry is likely a mistake.",
      ja: "{value} は上の {other} と重なっています。firewalld は両方を受け付けますが、重なった部分を二重に開くことになり、どちらかは誤りの可能性があります。",
    },
  },
  'firewalld/missing-text': {
    severity: 'error',
    message: { en: '<{name}> needs text content.', ja: '<{name}> には内容（テキスト）が必要です。' },
  },
  'firewalld/unknown-service': {
    severity: 'error',
    message: { en: "Service '{name}' is neither shipped with firewalld nor defined in services/.{hint}", ja: "サービス '{name}' は firewalld に同梱されておらず、services/ にも定義されていません。{hint}" },
  },
  'firewalld/unknown-icmptype': {
    severity: 'error',
    message: { en: "ICMP type '{name}' is neither shipped with firewalld nor defined in icmptypes/.{hint}", ja: "ICMP タイプ '{name}' は firewalld に同梱されておらず、icmptypes/ にも定義されていません。{hint}" },
  },
  'firewalld/unknown-helper': {
    // --check-config does not look a service's helpers up; firewalld fails only when a zone
    // using the service is applied. Surely a mistake, so a warning rather than an error.
    severity: 'warning',
    message: {
      en: "Helper '{name}' is neither shipped with firewalld nor defined in helpers/: the configuration check passes, but applying a zone that uses this service fails.{hint}",
      ja: "ヘルパー '{name}' は firewalld に同梱されておらず、helpers/ にも定義されていません。設定の検査は通りますが、このサービスを使うゾーンの適用に失敗します。{hint}",
    },
  },
  'firewalld/unknown-ipset': {
    // firewall-offline-cmd --check-config (firewalld 1.3) does not look ipsets up; firewalld fails
    // when it applies the zone or rule, and newer versions refuse the file. A warning, saying so.
    severity: 'warning',
    message: {
      en: "ipset '{name}' is not defined in ipsets/: firewall-offline-cmd --check-config of firewalld 1.3 passes, but firewalld fails to apply this when it starts or reloads, and newer versions refuse the file.{hint}",
      ja: "ipset '{name}' は ipsets/ に定義されていません。firewalld 1.3 の firewall-offline-cmd --check-config は通りますが、起動や再読み込みでの適用に失敗し、新しい版ではファイルが拒否されます。{hint}",
    },
  },
  'firewalld/invalid-name': {
    severity: 'error',
    message: {
      en: "firewalld refuses the name '{name}' (taken from the file name): {reason}. Rename the file.",
      ja: "firewalld は名前 '{name}'（ファイル名から取られます）を拒否します: {reason}。ファイル名を変えてください。",
    },
  },
  'firewalld/unknown-zone': {
    severity: 'error',
    message: { en: "Zone '{name}' is neither shipped with firewalld nor defined in zones/ (ANY and HOST are also allowed).{hint}", ja: "ゾーン '{name}' は firewalld に同梱されておらず、zones/ にも定義されていません（ANY と HOST も使えます）。{hint}" },
  },
  'firewalld/name-conflict': {
    severity: 'error',
    message: {
      en: "A {other} named '{name}' exists too{where}: firewalld refuses a zone and a policy with the same name.",
      ja: "同じ名前 '{name}' の {other} もあります{where}。firewalld は同名のゾーンとポリシーを拒否します。",
    },
  },
  'firewalld/zone-mix': {
    severity: 'error',
    message: { en: '{what}: use either regular zones, or exactly one of ANY or HOST.', ja: '{what}: 通常のゾーンを並べるか、ANY または HOST のどちらか 1 つだけを書きます。' },
  },
  'firewalld/conflict': {
    severity: 'error',
    message: { en: '{reason}.', ja: '{reason}。' },
  },
};
