import { format } from '../languages/common/rules';
import type { Localized } from '../languages/common/types';

/** Fills `{name}` placeholders in both languages (as diagnostics' messages are filled). */
export function fill(l: Localized, args: Record<string, string | number>): Localized {
  return { en: format(l.en, args, 'en'), ja: format(l.ja, args, 'ja') };
}

/** Summaries shown after a check; `{tool}` is the program's name. */
export const MSG = {
  ok: { en: '{tool} accepted the configuration ({command}).', ja: '{tool} は設定を受け付けました（{command}）。' },
  problems: {
    en: '{tool} reported {count} problem(s); they are shown in the Problems view with source "{tool}".',
    ja: '{tool} が {count} 件の問題を報告しました。「問題」ビューにソース「{tool}」として表示しています。',
  },
  missing: {
    en: '{tool} is not installed on this host, so the file cannot be checked with it. Install the Debian package "{pkg}" (apt-get install {pkg}).',
    ja: 'このホストには {tool} がインストールされていないため検査できません。Debian パッケージ「{pkg}」をインストールしてください（apt-get install {pkg}）。',
  },
  timeout: { en: '{tool} did not finish within {seconds} s and was stopped.', ja: '{tool} が {seconds} 秒以内に終わらなかったため停止しました。' },
  failed: { en: '{tool} could not run: {reason}', ja: '{tool} を実行できませんでした: {reason}' },
  journald: {
    en: 'journald has no offline configuration checker: systemd-journald reads journald.conf only when it starts and ignores unknown keys with a log message. Our own diagnostics are the only check; after editing, run `systemctl restart systemd-journald` and look at `journalctl -b -u systemd-journald` for "Unknown key" lines.',
    ja: 'journald には設定をオフラインで検査するツールがありません。systemd-journald は起動時にだけ journald.conf を読み、不明なキーはログに記録して無視します。この拡張の診断が唯一の検査です。編集後は `systemctl restart systemd-journald` を実行し、`journalctl -b -u systemd-journald` で "Unknown key" の行を確認してください。',
  },
  unsupported: { en: 'No installed tool checks {language} files.', ja: '{language} のファイルを検査するツールはありません。' },
  firewalldRoot: {
    en: 'firewall-offline-cmd must be run as root (it refuses otherwise), and the language server is not running as root. Run `sudo firewall-offline-cmd --check-config` in a terminal instead.',
    ja: 'firewall-offline-cmd は root でなければ実行できませんが、言語サーバーは root で動いていません。代わりに端末で `sudo firewall-offline-cmd --check-config` を実行してください。',
  },
  iptablesRoot: {
    en: 'iptables-restore --test needs CAP_NET_ADMIN, and the sandbox could not give it the capability in its private network namespace on this host. Run `sudo iptables-restore --test FILE` in a terminal instead.',
    ja: 'iptables-restore --test には CAP_NET_ADMIN が必要ですが、このホストではサンドボックスの専用ネットワーク名前空間でその権限を与えられませんでした。代わりに端末で `sudo iptables-restore --test ファイル` を実行してください。',
  },
  rsyslogAlone: {
    en: ' No main rsyslog.conf was found next to the rsyslog.d folder or in /etc, so the drop-in was checked alone; errors may be misleading.',
    ja: ' rsyslog.d フォルダーの隣にも /etc にもメインの rsyslog.conf が見つからないため、このファイル単独で検査しました。誤ったエラーが出ることがあります。',
  },
  elsewhere: {
    en: '{tool} reported a problem in another file of the configuration: {message}',
    ja: '{tool} が設定の別のファイルで問題を報告しました: {message}',
  },
  iptablesNetns: {
    en: ' The rules were also loaded into the sandbox\'s private, throw-away network namespace (bubblewrap; read-only file system, only CAP_NET_ADMIN), so targets, chains and policies were checked by the kernel; the host firewall was not touched.',
    ja: ' ルールはサンドボックスの使い捨ての専用ネットワーク名前空間（bubblewrap、読み取り専用のファイルシステム、CAP_NET_ADMIN のみ）にも読み込み、ターゲット・チェイン・ポリシーをカーネルで確認しました。ホストのファイアウォールには触れていません。',
  },
} satisfies Record<string, Localized>;
