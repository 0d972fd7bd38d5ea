import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProgram, isRoot } from './exec';
import type { Localized } from '../languages/common/types';

/**
 * Who the tool runs as inside the sandbox:
 * - `nobody`: an unprivileged user (uid/gid 65534) without capabilities (rsyslogd, logrotate);
 * - `root`: user id 0 (firewall-offline-cmd refuses anything else) but without capabilities;
 * - `net-admin`: user id 0 with CAP_NET_ADMIN/CAP_NET_RAW only, which iptables-restore needs to
 *   load rules into the sandbox's own, empty network namespace.
 */
export type SandboxUser = 'nobody' | 'root' | 'net-admin';

/** The unprivileged user the tools run as (Debian's "nobody"). */
export const NOBODY = 65534;

export interface Wrapped {
  file: string;
  args: string[];
}

export type SandboxResult = { ok: true; wrap: (program: string, args: string[], tmp: string, user: SandboxUser) => Wrapped } | { ok: false; status: 'missing' | 'failed'; reason: Localized };

/** The capabilities a confined tool keeps (setpriv's names). */
const CAPS: Record<SandboxUser, string> = { nobody: '-all', root: '-all', 'net-admin': '-all,+net_admin,+net_raw' };

/**
 * The bubblewrap options: the whole file system read-only, the temporary folder the only
 * writable place, fresh /dev and /proc, no network (an empty network namespace), private
 * IPC/PID/UTS namespaces, a new session (no terminal to type into), killed with its parent.
 */
function bwrapArgs(tmp: string, userns: boolean): string[] {
  return [
    '--ro-bind', '/', '/',
    '--bind', tmp, tmp,
    '--dev', '/dev',
    '--proc', '/proc',
    ...(userns ? ['--unshare-user'] : []),
    '--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try',
    '--die-with-parent', '--new-session',
    '--chdir', tmp,
  ];
}

/**
 * The command that runs `program` confined. As root: bubblewrap, then setpriv to drop to
 * `nobody` (or to keep uid 0 without capabilities). As another user: bubblewrap in a user
 * namespace (the user is unprivileged already; `net-admin` becomes root of that namespace only).
 */
function wrapWith(bwrap: string, setpriv: string | undefined, root: boolean) {
  return (program: string, args: string[], tmp: string, user: SandboxUser): Wrapped => {
    if (!root) {
      const extra = user === 'net-admin' ? ['--uid', '0', '--gid', '0', '--cap-add', 'CAP_NET_ADMIN', '--cap-add', 'CAP_NET_RAW'] : [];
      return { file: bwrap, args: [...bwrapArgs(tmp, true), ...extra, '--', program, ...args] };
    }
    const ids = user === 'nobody' ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
    const drop = [...ids, '--inh-caps=-all', `--bounding-set=${CAPS[user]}`, '--no-new-privs', '--'];
    return { file: bwrap, args: [...bwrapArgs(tmp, false), '--', setpriv!, ...drop, program, ...args] };
  };
}

const NO_BWRAP: Localized = {
  en: 'Not checked: tools are run only inside a sandbox (bubblewrap: read-only file system, no network, unprivileged user), and bubblewrap is not installed on this host. Install the Debian package "bubblewrap" (apt-get install bubblewrap).',
  ja: '検査していません: ツールはサンドボックス（bubblewrap: 読み取り専用のファイルシステム、ネットワークなし、非特権ユーザー）の中でだけ実行しますが、このホストには bubblewrap がインストールされていません。Debian パッケージ「bubblewrap」をインストールしてください（apt-get install bubblewrap）。',
};

function cannotSandbox(reason: string): Localized {
  return {
    en: `Not checked: tools are run only inside a sandbox, and bubblewrap could not create one on this host (${reason}). As a normal user this needs unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1); as root it needs util-linux's setpriv.`,
    ja: `検査していません: ツールはサンドボックスの中でだけ実行しますが、このホストでは bubblewrap がサンドボックスを作れませんでした（${reason}）。一般ユーザーでは非特権ユーザー名前空間（sysctl kernel.unprivileged_userns_clone=1）が、root では util-linux の setpriv が必要です。`,
  };
}

let cache: SandboxResult | undefined;

/**
 * The sandbox every tool check runs in, tried once (a `true` run in it) and remembered.
 * Without one, checks refuse to run rather than run unconfined: a configuration can make a
 * tool load code (rsyslog modules) or write files (logrotate's createolddir).
 */
export function sandbox(): SandboxResult {
  // A refusal is not remembered: installing bubblewrap takes effect without a restart.
  if (cache?.ok) return cache;
  const bwrap = findProgram('bwrap');
  if (!bwrap) return (cache = { ok: false, status: 'missing', reason: NO_BWRAP });
  const root = isRoot();
  const setpriv = root ? findProgram('setpriv') : undefined;
  if (root && !setpriv) return (cache = { ok: false, status: 'failed', reason: cannotSandbox('setpriv is missing') });
  const wrap = wrapWith(bwrap, setpriv, root);
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-probe-'));
  try {
    const w = wrap(findProgram('true') ?? '/bin/true', [], probeDir, 'nobody');
    const r = spawnSync(w.file, w.args, { timeout: 10_000, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) return (cache = { ok: false, status: 'failed', reason: cannotSandbox((r.stderr || r.error?.message || `exit status ${r.status}`).trim()) });
  } finally {
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
  return (cache = { ok: true, wrap });
}

/** Forgets the probe's result (tests change PATH). */
export function resetSandbox(): void {
  cache = undefined;
}

/** Makes the temporary folder usable by the confined user: its top folder owned by `nobody` (the copies stay root's, readable). */
export function prepareTemp(tmp: string, user: SandboxUser): void {
  if (user !== 'nobody' || !isRoot()) return;
  for (let d = path.dirname(tmp); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) {
      throw new Error(`the temporary folder ${d} cannot be entered by other users (mode ${(fs.statSync(d).mode & 0o777).toString(8)}), and the tool runs as user nobody; set TMPDIR to a folder such as /tmp`);
    }
  }
  fs.chownSync(tmp, NOBODY, NOBODY);
}

/** A minimal environment for confined tools: nothing of ours (tokens, proxies) leaks in. */
export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C', LANG: 'C', ...extra };
}

/** One line for reports: how the tool was confined. */
export function sandboxNote(user: SandboxUser): Localized {
  const who = { nobody: ['as user nobody', 'ユーザー nobody として'], root: ['as root without capabilities', '権限（capability）のない root として'], 'net-admin': ['as root with only CAP_NET_ADMIN, in an empty network namespace', 'CAP_NET_ADMIN だけを持つ root として空のネットワーク名前空間で'] }[user];
  return {
    en: ` It ran in a sandbox (bubblewrap): read-only file system except its temporary copy, no network, ${isRoot() || user === 'net-admin' ? who[0] : 'as your own unprivileged user'}.`,
    ja: ` サンドボックス（bubblewrap）内で実行しました: 一時コピー以外は読み取り専用、ネットワークなし、${isRoot() || user === 'net-admin' ? who[1] : 'あなた自身の非特権ユーザーとして'}。`,
  };
}
