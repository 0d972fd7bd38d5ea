import type { DocsLanguage } from '../common/types';
import { parseCInteger } from '../common/values';
import type { LrBlock, LrDirective, LrTree } from './tree';
import { effectiveFor, isOn, type Applied, type Effective } from './scope';

type L = DocsLanguage;

function arg(a: Applied | undefined): string {
  return a && a.item.type === 'directive' ? (a.item as LrDirective).argText : '';
}

/** " (global section, line 3)" for settings inherited from the global section. */
function origin(a: Applied | undefined, locale: L): string {
  if (!a?.global) return '';
  const line = a.item.line + 1;
  if (a.from) return locale === 'ja' ? `（${a.from} ${line} 行目から継承）` : ` (inherited from ${a.from}, line ${line})`;
  return locale === 'ja' ? `（グローバル設定 ${line} 行目）` : ` (from the global section, line ${line})`;
}

const FREQ: Record<string, { en: string; ja: string }> = {
  hourly: { en: 'rotated every hour', ja: '1時間ごとにローテーション' },
  daily: { en: 'rotated daily', ja: '毎日ローテーション' },
  weekly: { en: 'rotated weekly', ja: '毎週ローテーション' },
  monthly: { en: 'rotated monthly', ja: '毎月ローテーション' },
  yearly: { en: 'rotated yearly', ja: '毎年ローテーション' },
};

/**
 * A plain-language account of what logrotate does with the files of one definition, with the
 * settings inherited from the global section of the same file (or from the file that includes it) marked as such.
 */
export function summarize(tree: LrTree, block: LrBlock, locale: L, inherited?: Effective): string {
  const eff = effectiveFor(tree, block, inherited);
  const ja = locale === 'ja';
  const lines: string[] = [];
  const add = (text: string, a?: Applied) => lines.push(`- ${text}${origin(a, locale)}`);

  const crit = eff.get('criterion');
  if (!crit) {
    add(ja ? '頻度の指定なし: logrotate 3.21 はファイルが 1MB を超えたときにローテーションします' : 'no frequency set: logrotate 3.21 rotates a file once it is larger than 1 MB');
  } else if (crit.entry.name === 'size') {
    add(ja ? `${arg(crit)} を超えたときにローテーション（時間に関係なく）` : `rotated whenever larger than ${arg(crit)} (regardless of time)`, crit);
  } else {
    const f = FREQ[crit.entry.name];
    let text = ja ? f.ja : f.en;
    if (crit.entry.name === 'weekly' && arg(crit)) text += ja ? `（曜日 ${arg(crit)}）` : ` (weekday ${arg(crit)})`;
    add(text, crit);
  }
  const minsize = eff.get('minsize');
  if (minsize) add(ja ? `ただし ${arg(minsize)} を超えている場合のみ` : `but only once larger than ${arg(minsize)}`, minsize);
  const maxsize = eff.get('maxsize');
  if (maxsize) add(ja ? `${arg(maxsize)} を超えたら予定より早くローテーション` : `or earlier, as soon as larger than ${arg(maxsize)}`, maxsize);

  const rot = eff.get('rotate');
  const n = rot ? parseCInteger(arg(rot), true) : 0;
  if (n === undefined) add(ja ? `世代数 '${arg(rot)}' は不正です` : `generation count '${arg(rot)}' is not valid`, rot);
  else if (n === -1) add(ja ? '古いログは削除されずに残ります（maxage を除く）' : 'old versions are never removed (except by maxage)', rot);
  else if (n === 0) add(ja ? '世代を残さず、古いログは削除されます' : 'no generations kept: old versions are removed', rot);
  else add(ja ? `${n} 世代を保存` : `${n} generation${n === 1 ? '' : 's'} kept`, rot);
  const maxage = eff.get('maxage');
  if (maxage) add(ja ? `${arg(maxage)} 日より古いものは削除` : `rotated files older than ${arg(maxage)} days are removed`, maxage);

  const comp = eff.get('compress');
  const delay = eff.get('delaycompress');
  if (isOn(comp)) {
    if (isOn(delay)) add(ja ? '1 サイクル遅れて圧縮（delaycompress）' : 'compressed one cycle late (delaycompress)', delay?.global && comp?.global ? comp : delay);
    else add(ja ? '圧縮される' : 'compressed', comp);
    const cmd = eff.get('compresscmd');
    if (cmd) add(ja ? `圧縮コマンド: ${arg(cmd)}` : `compressed with ${arg(cmd)}`, cmd);
  } else {
    add(ja ? '圧縮されない' : 'not compressed', comp);
  }

  const missing = eff.get('missingok');
  if (isOn(missing)) add(ja ? 'ファイルがなくてもエラーにしない' : 'a missing file is not an error', missing);
  const empty = eff.get('ifempty');
  if (empty && !isOn(empty)) add(ja ? '空のファイルはローテーションしない' : 'empty files are not rotated', empty);

  const ct = eff.get('copytruncate');
  const copy = eff.get('copy');
  const create = eff.get('create');
  if (isOn(ct)) add(ja ? 'コピーしてから元のファイルを切り詰める（copytruncate）' : 'copied, then the original is truncated in place (copytruncate)', ct);
  else if (isOn(copy)) add(ja ? 'コピーを保存し、元のファイルはそのまま' : 'a copy is saved and the original left untouched', copy);
  else if (isOn(create)) {
    const a = arg(create);
    add(a ? (ja ? `ローテーション後に新しい空のファイルを作成（${a}）` : `a new empty file is created afterwards (${a})`) : ja ? 'ローテーション後に新しい空のファイルを作成' : 'a new empty file is created afterwards', create);
  }
  const olddir = eff.get('olddir');
  if (isOn(olddir)) add(ja ? `旧ログは ${arg(olddir)} へ移動` : `rotated files are moved to ${arg(olddir)}`, olddir);
  const dateext = eff.get('dateext');
  if (isOn(dateext)) {
    const fmt = eff.get('dateformat');
    add(ja ? `旧ログの名前に日付を付ける（${fmt ? arg(fmt) : '-%Y%m%d'}）` : `rotated files are named by date (${fmt ? arg(fmt) : '-%Y%m%d'})`, dateext);
  }
  const mail = eff.get('mail');
  if (isOn(mail)) {
    const first = eff.get('mailwhich')?.entry.name === 'mailfirst';
    add(ja ? `${first ? '直前にローテーションしたログ' : '削除されるログ'}を ${arg(mail)} へメール` : `${first ? 'the just-rotated file' : 'files about to be removed'} are mailed to ${arg(mail)}`, mail);
  }
  const su = eff.get('su');
  if (su) add(ja ? `${arg(su)} の権限で処理` : `rotated as ${arg(su)}`, su);

  const shared = eff.get('sharedscripts');
  const scripts = ['firstaction', 'prerotate', 'postrotate', 'lastaction', 'preremove'].filter((s) => eff.has(s));
  for (const s of scripts) {
    const a = eff.get(s);
    const once = s === 'firstaction' || s === 'lastaction' || ((s === 'prerotate' || s === 'postrotate') && isOn(shared));
    const text = once
      ? ja
        ? `${s} スクリプトはすべてのファイルに対して1回だけ実行`
        : `the ${s} script runs once for all files`
      : s === 'preremove'
        ? ja
          ? 'preremove スクリプトは古いファイルの削除前に毎回実行'
          : 'the preremove script runs before each old file is removed'
        : ja
          ? `${s} スクリプトはファイルごとに実行`
          : `the ${s} script runs once per file`;
    add(text, a);
  }
  const names = block.paths.map((p) => `\`${p.text}\``).join(', ');
  const head = ja ? `${names} の扱い:` : `What happens to ${names}:`;
  return `${head}\n\n${lines.join('\n')}`;
}
