import type { RuleTable } from '../common/types';

/** Every diagnostic the journald.conf language can produce. */
export const RULES: RuleTable = {
  'journald/bad-line': {
    severity: 'error',
    message: { en: "Missing '=': systemd ignores the line '{text}'.", ja: "'=' がありません。systemd は行 '{text}' を無視します。" },
  },
  'journald/bad-section': {
    severity: 'error',
    message: { en: 'Malformed section header.', ja: 'セクション見出しの書式が不正です。' },
  },
  'journald/no-section': {
    severity: 'error',
    message: {
      en: 'Assignment outside of any section: systemd ignores it (put it under [Journal]).',
      ja: 'セクションの外の設定は systemd に無視されます（[Journal] の下に書いてください）。',
    },
  },
  'journald/unknown-section': {
    severity: 'warning',
    message: {
      en: "Unknown section '[{name}]': systemd ignores it and its keys.{suggestion}",
      ja: "不明なセクション '[{name}]' です。systemd はこのセクションと中の設定を無視します。{suggestion}",
    },
  },
  'journald/unknown-key': {
    severity: 'warning',
    message: {
      en: "Unknown key '{name}' in section [{section}]: systemd ignores it.{suggestion}",
      ja: "[{section}] セクションの不明なキー '{name}' です。systemd は無視します。{suggestion}",
    },
  },
  'journald/bad-value': {
    severity: 'error',
    message: {
      en: "Invalid value '{value}' for {name}=: expected {form}. systemd ignores it and keeps the default.",
      ja: "{name}= の値 '{value}' が不正です。{form} を指定してください。systemd はこの値を無視して既定値を使います。",
    },
  },
  'journald/value-raised': {
    severity: 'warning',
    message: { en: '{name}= below {min} is raised to {min}.', ja: '{name}= は {min} 未満の場合 {min} に切り上げられます。' },
  },
  'journald/duplicate-key': {
    severity: 'warning',
    message: {
      en: '{name}= is already set on line {line}; the last assignment wins, so this value replaces the earlier one.',
      ja: '{name}= は {line} 行目ですでに設定されています。最後の設定が有効なので、この値が前の値を置き換えます。',
    },
  },
  'journald/deprecated-key': {
    severity: 'hint',
    message: { en: '{name}= is an old name; use {replacement}=.', ja: '{name}= は旧名です。{replacement}= を使ってください。' },
  },
  'journald/newer-key': {
    severity: 'information',
    message: {
      en: '{name}= needs systemd {since} or later; older versions ignore it as unknown.',
      ja: '{name}= は systemd {since} 以降で使えます。それより古いバージョンでは不明なキーとして無視されます。',
    },
  },
};
