import type { RuleTable } from '../common/types';

/**
 * firewalld reads firewalld.conf leniently: a bad line or an unknown key is logged as an error
 * and skipped, a bad value is replaced by the default with a warning. A DefaultZone that does
 * not exist makes firewalld fall back to `public`, which changes what is let in: an error.
 */
export const RULES: RuleTable = {
  'firewalld-conf/bad-line': {
    severity: 'error',
    message: { en: "Not a Key=Value line: '{text}'; firewalld skips it.", ja: "Key=Value の形ではない行です: '{text}'。firewalld はこの行を読み飛ばします。" },
  },
  'firewalld-conf/unknown-key': {
    severity: 'warning',
    message: { en: "Unknown option '{key}'; firewalld skips it.{hint}", ja: "未知のオプション '{key}' です。firewalld はこの行を読み飛ばします。{hint}" },
  },
  'firewalld-conf/invalid-value': {
    severity: 'warning',
    message: { en: "Invalid {key} '{value}': {reason}; firewalld uses the default{default}.", ja: "{key} の値 '{value}' が不正です: {reason}。firewalld は既定値{default}を使います。" },
  },
  'firewalld-conf/missing-value': {
    severity: 'warning',
    message: { en: '{key} has no value; firewalld skips the line.', ja: '{key} に値がありません。firewalld はこの行を読み飛ばします。' },
  },
  'firewalld-conf/duplicate-key': {
    severity: 'warning',
    message: { en: '{key} is already set on line {line}; firewalld keeps the first one.', ja: '{key} は {line} 行目ですでに設定されています。firewalld は最初の設定を使います。' },
  },
  'firewalld-conf/deprecated-key': {
    severity: 'information',
    message: { en: '{key} is deprecated and ignored.{note}', ja: '{key} は非推奨で、無視されます。{note}' },
  },
  'firewalld-conf/unknown-zone': {
    severity: 'error',
    message: { en: "DefaultZone '{name}' is neither shipped with firewalld nor defined in zones/; firewalld falls back to 'public'.{hint}", ja: "DefaultZone の '{name}' は firewalld に同梱されておらず、zones/ にも定義されていません。firewalld は 'public' を使います。{hint}" },
  },
};
