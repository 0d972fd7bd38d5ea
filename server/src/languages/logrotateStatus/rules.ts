import type { RuleTable } from '../common/types';

/** Every diagnostic of logrotate's state file. */
export const RULES: RuleTable = {
  'logrotate-status/bad-header': {
    severity: 'warning',
    message: { en: "The first line is not logrotate's header 'logrotate state -- version 2'.", ja: "1 行目が logrotate の見出し 'logrotate state -- version 2' ではありません。" },
  },
  'logrotate-status/bad-line': {
    severity: 'error',
    message: { en: 'Not a state line: logrotate expects "PATH" YEAR-MONTH-DAY-HH:MM:SS.', ja: '状態の行ではありません。logrotate は "パス" 年-月-日-時:分:秒 の形式を読みます。' },
  },
  'logrotate-status/bad-date': {
    severity: 'error',
    message: { en: "'{text}' is not a date logrotate writes (YEAR-MONTH-DAY-HH:MM:SS).", ja: "'{text}' は logrotate が書く日付（年-月-日-時:分:秒）ではありません。" },
  },
  'logrotate-status/not-configured': {
    severity: 'hint',
    message: {
      en: "No stanza of the workspace's logrotate configuration rotates {path} any more: the entry is left over.",
      ja: 'ワークスペースの logrotate 設定には {path} をローテーションする定義がもうありません。古い記録です。',
    },
  },
};
