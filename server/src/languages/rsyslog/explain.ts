import type { DocsLanguage } from '../common/types';
import { normalizeModule } from './catalog';
import type { LegacyAction, ObjectStmt, PropFilterStmt, RuleStmt, Selector, SelectorItem, Stmt } from './tree';
import { paramText } from './tree';

/** A phrase in English ("are written to X") and Japanese, with its continuative form for joining. */
interface Phrase {
  en: string;
  ja: string;
  /** 連用形: "X に書き込み" so that several actions read "X に書き込み、Y に送信します". */
  jaStem: string;
}

function joinEn(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return list.slice(0, -1).join(', ') + ' and ' + list[list.length - 1];
}

interface Group {
  facilities: string[];
  modifier: string;
  priorities: string[];
}

function facilitiesEn(f: string[]): string {
  if (f.includes('*')) return 'every facility';
  return f.length === 1 ? `the ${f[0]} facility` : `the ${joinEn(f)} facilities`;
}
function facilitiesJa(f: string[]): string {
  if (f.includes('*')) return 'すべてのファシリティ';
  return `${f.join('、')} ファシリティ`;
}

function priorityEn(mod: string, prios: string[]): string {
  const p = prios.join(' or ');
  if (prios.length === 1 && prios[0] === '*') return mod.includes('!') ? ' at no priority' : '';
  switch (mod) {
    case '=':
      return ` only at ${p}`;
    case '!':
      return ` below ${p}`;
    case '!=':
      return ` at every priority except ${p}`;
    default:
      return ` at ${p} or above`;
  }
}
function priorityJa(mod: string, prios: string[]): string {
  const p = ' ' + prios.join('、');
  if (prios.length === 1 && prios[0] === '*') return mod.includes('!') ? 'どのプライオリティでもない' : 'すべての';
  switch (mod) {
    case '=':
      return `${p} のみの`;
    case '!':
      return `${p} 未満の`;
    case '!=':
      return `${p} 以外の`;
    default:
      return `${p} 以上の`;
  }
}

/** A space before a leading path or name, as Japanese text sets Latin words apart. */
function spaced(ja: string): string {
  return /^[\x21-\x7e]/.test(ja) ? ' ' + ja : ja;
}

/** Groups `*.=info;*.=notice` into one part, and splits off the `none` exclusions. */
function groups(sel: Selector): { parts: Group[]; excluded: string[] } {
  const parts: Group[] = [];
  const excluded: string[] = [];
  for (const it of sel.items as SelectorItem[]) {
    const facs = it.facilities.map((f) => f.text);
    const prio = it.priority?.text.toLowerCase() ?? '*';
    if (prio === 'none') {
      for (const f of facs) if (!excluded.includes(f)) excluded.push(f);
      continue;
    }
    const last = parts[parts.length - 1];
    if (last && last.modifier === '=' && it.modifier === '=' && last.facilities.join() === facs.join()) {
      last.priorities.push(prio);
      continue;
    }
    parts.push({ facilities: facs, modifier: it.modifier, priorities: [prio] });
  }
  return { parts, excluded };
}

function actionPhrase(s: Stmt, text: string): Phrase | null {
  if (s.type === 'legacy-action') return legacyPhrase(s);
  if (s.type === 'keyword') {
    const k = s.keyword.text.toLowerCase();
    if (k === 'stop') return { en: 'are discarded (later rules do not see them)', ja: '破棄します（以降のルールには渡しません）', jaStem: '処理を打ち切り' };
    if (k === 'call' && s.arg) return { en: `are passed to ruleset ${s.arg.text}`, ja: `ルールセット ${s.arg.text} に渡します`, jaStem: `ルールセット ${s.arg.text} に渡し` };
    return null;
  }
  if (s.type === 'object' && s.name.text.toLowerCase() === 'action') return objectPhrase(s);
  void text;
  return null;
}

function withTemplate(p: Phrase, t: string | undefined): Phrase {
  if (!t) return p;
  return { en: `${p.en}, formatted by template ${t}`, ja: `${p.ja.replace(/ます$/, '')}ます（テンプレート ${t} で整形）`, jaStem: `${p.jaStem}（テンプレート ${t} で整形）` };
}

function forwardPhrase(proto: 'UDP' | 'TCP', host: string, port: string | undefined): Phrase {
  const pt = port || '514';
  return {
    en: `are sent over ${proto} to ${host} port ${pt}`,
    ja: `${proto} で ${host} のポート ${pt} に送信します`,
    jaStem: `${proto} で ${host} のポート ${pt} に送信し`,
  };
}

function usersPhrase(users: string): Phrase {
  if (users.trim() === '*') {
    return { en: 'are shown on the terminals of all logged-in users', ja: 'ログイン中の全ユーザの端末に表示します', jaStem: 'ログイン中の全ユーザの端末に表示し' };
  }
  const list = users.split(',').map((u) => u.trim()).filter(Boolean);
  return {
    en: `are shown on the terminals of ${joinEn(list)} if logged in`,
    ja: `ユーザ ${list.join('、')} がログインしていればその端末に表示します`,
    jaStem: `ユーザ ${list.join('、')} がログインしていればその端末に表示し`,
  };
}

function legacyPhrase(a: LegacyAction): Phrase | null {
  const t = a.target.text;
  const tpl = a.template?.text;
  switch (a.form) {
    case 'file':
      return withTemplate({ en: `are written to ${t}`, ja: `${t} に書き込みます`, jaStem: `${t} に書き込み` }, tpl);
    case 'file-nosync':
      return withTemplate(
        {
          en: `are written to ${t} without syncing after each write`,
          ja: `${t} に書き込みます（書き込みごとの同期はせずバッファリングします）`,
          jaStem: `${t} に（同期せずに）書き込み`,
        },
        tpl,
      );
    case 'dynafile':
      return { en: `are written to the file named by template ${t}`, ja: `テンプレート ${t} で決まるファイルに書き込みます`, jaStem: `テンプレート ${t} で決まるファイルに書き込み` };
    case 'pipe':
      return withTemplate({ en: `are written to the named pipe ${t}`, ja: `名前付きパイプ ${t} に書き込みます`, jaStem: `名前付きパイプ ${t} に書き込み` }, tpl);
    case 'program':
      return withTemplate({ en: `are passed to the program ${t}`, ja: `プログラム ${t} に渡します`, jaStem: `プログラム ${t} に渡し` }, tpl);
    case 'all-users':
      return usersPhrase('*');
    case 'omusrmsg':
    case 'users':
      return usersPhrase(t);
    case 'udp-forward':
      return withTemplate(forwardPhrase('UDP', a.host?.text ?? t, a.port?.text), tpl);
    case 'tcp-forward':
      return withTemplate(forwardPhrase('TCP', a.host?.text ?? t, a.port?.text), tpl);
    case 'discard':
      return { en: 'are discarded (later rules do not see them)', ja: '破棄します（以降のルールには渡しません）', jaStem: '破棄し' };
    case 'module': {
      const m = a.module?.text ?? '';
      return withTemplate({ en: `are passed to the output module ${m}`, ja: `出力モジュール ${m} に渡します`, jaStem: `出力モジュール ${m} に渡し` }, tpl);
    }
    case 'output-channel':
      return { en: `are written through the output channel ${t}`, ja: `出力チャネル ${t} を通して書き込みます`, jaStem: `出力チャネル ${t} を通して書き込み` };
    default:
      return null;
  }
}

function objectPhrase(o: ObjectStmt): Phrase | null {
  const type = normalizeModule(paramText(o, 'type') ?? '');
  const tpl = paramText(o, 'template');
  if (type === 'omfile') {
    const f = paramText(o, 'file') ?? paramText(o, 'dynaFile');
    if (f) return withTemplate({ en: `are written to ${f}`, ja: `${f} に書き込みます`, jaStem: `${f} に書き込み` }, tpl);
  }
  if (type === 'omfwd') {
    const proto = (paramText(o, 'protocol') ?? 'udp').toLowerCase() === 'tcp' ? 'TCP' : 'UDP';
    return withTemplate(forwardPhrase(proto, paramText(o, 'target') ?? '?', paramText(o, 'port')), tpl);
  }
  if (type === 'omusrmsg') return usersPhrase(paramText(o, 'users') ?? '*');
  if (!type) return null;
  return withTemplate({ en: `are passed to the output module ${type}`, ja: `出力モジュール ${type} に渡します`, jaStem: `出力モジュール ${type} に渡し` }, tpl);
}

function actionsSentence(body: Stmt[], text: string): Phrase | null {
  const phrases: Phrase[] = [];
  for (const s of body) {
    const p = actionPhrase(s, text);
    if (p) phrases.push(p);
  }
  if (phrases.length === 0) return null;
  return {
    en: joinEn(phrases.map((p) => p.en)),
    ja: phrases.length === 1 ? phrases[0].ja : phrases.slice(0, -1).map((p) => p.jaStem).join('、') + '、' + phrases[phrases.length - 1].ja,
    jaStem: '',
  };
}

/** "Messages of every facility at info or above, except mail, are written to /var/log/messages." */
export function explainRule(rule: RuleStmt, text: string, locale: DocsLanguage): string {
  const { parts, excluded } = groups(rule.selector);
  const act = actionsSentence(rule.body, text);
  if (locale === 'ja') {
    let subject: string;
    if (parts.length === 0) subject = `${facilitiesJa(excluded)}のメッセージ（除外のみで、該当するものはありません）`;
    else {
      const s = parts.map((g) => `${facilitiesJa(g.facilities)}の${priorityJa(g.modifier, g.priorities)}`).join('、および');
      const ex = excluded.length ? `（${excluded.join('、')} を除く）` : '';
      subject = `${s}メッセージ${ex}`;
    }
    return act ? `${subject}を${spaced(act.ja)}。` : `${subject}が対象です。`;
  }
  let subject: string;
  if (parts.length === 0) subject = `No messages (the selector only excludes ${joinEn(excluded)})`;
  else {
    const s = parts.map((g) => `${facilitiesEn(g.facilities)}${priorityEn(g.modifier, g.priorities)}`);
    subject = `Messages of ${joinEn(s)}`;
    if (excluded.length) subject += `, except ${joinEn(excluded)},`;
  }
  return act ? `${subject} ${act.en}.` : `${subject} are selected.`;
}

const OPS: Record<string, { en: string; neg: string; ja: string; jaNeg: string }> = {
  contains: { en: 'contains {v}', neg: 'does not contain {v}', ja: '{p} に {v} を含む', jaNeg: '{p} に {v} を含まない' },
  isequal: { en: 'is exactly {v}', neg: 'is not {v}', ja: '{p} が {v} と等しい', jaNeg: '{p} が {v} と等しくない' },
  startswith: { en: 'starts with {v}', neg: 'does not start with {v}', ja: '{p} が {v} で始まる', jaNeg: '{p} が {v} で始まらない' },
  regex: { en: 'matches the regular expression {v}', neg: 'does not match the regular expression {v}', ja: '{p} が正規表現 {v} に一致する', jaNeg: '{p} が正規表現 {v} に一致しない' },
  ereregex: { en: 'matches the extended regular expression {v}', neg: 'does not match the extended regular expression {v}', ja: '{p} が拡張正規表現 {v} に一致する', jaNeg: '{p} が拡張正規表現 {v} に一致しない' },
  isempty: { en: 'is empty', neg: 'is not empty', ja: '{p} が空の', jaNeg: '{p} が空でない' },
};

/** "Messages whose msg contains "error" are written to …" */
export function explainPropertyFilter(f: PropFilterStmt, text: string, locale: DocsLanguage): string {
  const op = OPS[f.op?.text.toLowerCase() ?? ''];
  const v = `"${f.value?.text ?? ''}"`;
  const p = f.property.text;
  const act = actionsSentence(f.body, text);
  if (!op) return '';
  if (locale === 'ja') {
    const cond = (f.negate ? op.jaNeg : op.ja).replace('{p}', p).replace('{v}', v);
    return act ? `${cond}メッセージを${spaced(act.ja)}。` : `${cond}メッセージが対象です。`;
  }
  const cond = (f.negate ? op.neg : op.en).replace('{v}', v);
  return act ? `Messages whose ${p} ${cond} ${act.en}.` : `Messages whose ${p} ${cond} are selected.`;
}
