import type { DocsLanguage } from '../../languages/common/types';
import { KEYWORD_CATEGORIES } from '../keywords';
import { FAMILY_BY_NAME, FORMAT_BY_NAME } from './data';
import { fieldDoc } from './explain';
import type { ExplainResult } from './types';

const T = {
  en: {
    title: 'Log line explained',
    parts: 'Parts of the line',
    part: 'Part',
    value: 'Value',
    meaning: 'Meaning',
    format: 'Format',
    unknownFormat: 'not recognised',
    timestamp: 'Time',
    host: 'Host',
    program: 'Program',
    pid: 'Process ID',
    message: 'Message',
    fields: 'Fields',
    what: 'What happened',
    serious: 'How serious',
    category: 'Keyword category',
    none: 'none (no keyword of the table)',
    next: 'What to check next',
    related: 'Where this is configured',
    about: 'About',
    empty: '*(empty)*',
    kvMeaning: 'The value of {key}= in the message.',
    sev: { info: 'information', notice: 'notice', warning: 'warning', error: 'error', critical: 'critical' },
    kinds: { 'iptables-log-prefix': 'iptables rule with this --log-prefix', 'firewalld-log-denied': 'firewalld LogDenied setting', 'firewalld-rich-log': 'firewalld rich rule logging with this prefix' },
  },
  ja: {
    title: 'ログ行の説明',
    parts: '行の構成',
    part: '部分',
    value: '値',
    meaning: '意味',
    format: '形式',
    unknownFormat: '判別できません',
    timestamp: '日時',
    host: 'ホスト',
    program: 'プログラム',
    pid: 'プロセスID',
    message: 'メッセージ',
    fields: 'フィールド',
    what: '何が起きたか',
    serious: '重大度',
    category: 'キーワード分類',
    none: 'なし（表のキーワードを含みません）',
    next: '次に確認すること',
    related: '設定箇所',
    about: '解説',
    empty: '*（空）*',
    kvMeaning: 'メッセージ中の {key}= の値。',
    sev: { info: '情報', notice: '通知', warning: '警告', error: 'エラー', critical: '重大' },
    kinds: { 'iptables-log-prefix': 'この --log-prefix を持つ iptables のルール', 'firewalld-log-denied': 'firewalld の LogDenied 設定', 'firewalld-rich-log': 'このプレフィックスで記録する firewalld のリッチルール' },
  },
} as const;

/** Text safe inside a Markdown table cell or inline code. */
function cell(s: string): string {
  const t = s.length > 300 ? s.slice(0, 300) + '…' : s;
  return t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>*_`[\]]/g, (c) => '\\' + c);
}

/** Longest run without a break opportunity in a table cell before `<wbr>` is offered. */
const RUN = 24;

/**
 * A table cell that wraps: a long word (URL, SELinux context, base64) gets `<wbr>` break
 * opportunities after punctuation or every RUN characters, so the table fits the preview's
 * width. `<wbr>` is invisible and is not copied with the text, unlike a zero-width space.
 */
function wrapCell(s: string): string {
  const escaped = cell(s);
  return escaped.replace(/[^\s]{25,}/g, (word) => {
    let out = '';
    let run = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word[i];
      out += c;
      run++;
      // Never split a Markdown escape (`\\|`).
      if (c === '\\') continue;
      if (run >= RUN || (run >= 8 && /[/.:,;=&?@_-]/.test(c))) {
        out += '<wbr>';
        run = 0;
      }
    }
    return out;
  });
}

function code(s: string): string {
  const t = s.length > 2000 ? s.slice(0, 2000) + '…' : s;
  const ticks = t.includes('`') ? '`` ' : '`';
  return ticks + t + (ticks === '`' ? '`' : ' ``');
}

/** The explanation as Markdown: parts, fields, what happened, how serious, what next. */
export function renderMarkdown(r: ExplainResult, locale: DocsLanguage = r.locale): string {
  const t = T[locale];
  const out: string[] = [];
  out.push(`### ${t.title}`, '', code(r.line), '', `**${cell(r.summary)}**`, '');
  out.push(`#### ${t.parts}`, '', `| ${t.part} | ${t.value} |`, '|---|---|');
  const fmt = r.format ? FORMAT_BY_NAME.get(r.format) : undefined;
  out.push(`| ${t.format} | ${fmt ? cell(fmt.label[locale]) : t.unknownFormat} |`);
  if (r.timestamp) out.push(`| ${t.timestamp} | ${cell(r.timestamp)} |`);
  if (r.host) out.push(`| ${t.host} | ${cell(r.host)} |`);
  if (r.program) out.push(`| ${t.program} | ${cell(r.program)} |`);
  if (r.pid) out.push(`| ${t.pid} | ${cell(r.pid)} |`);
  out.push(`| ${t.message} | ${wrapCell(r.message)} |`, '');
  const names = Object.keys(r.fields);
  if (names.length) {
    out.push(`#### ${t.fields}`, '', `| | ${t.value} | ${t.meaning} |`, '|---|---|---|');
    for (const n of names) {
      const meaning = fieldDoc(n, r.family ?? undefined, locale) ?? t.kvMeaning.replace('{key}', n);
      out.push(`| ${wrapCell(n)} | ${r.fields[n] === '' ? t.empty : wrapCell(r.fields[n])} | ${cell(meaning)} |`);
    }
    out.push('');
  }
  out.push(`#### ${t.serious}`, '');
  const cat = KEYWORD_CATEGORIES.find((c) => c.name === r.category);
  out.push(`- **${t.sev[r.severity]}**`);
  out.push(`- ${t.category}: ${cat ? `**${cell(cat.label[locale])}** — ${cell(cat.docs[locale])}` : r.category ? cell(r.category) : t.none}`, '');
  if (r.advice.length) {
    out.push(`#### ${t.next}`, '');
    for (const a of r.advice) out.push(`- ${a}`);
    out.push('');
  }
  if (r.related.length) {
    out.push(`#### ${t.related}`, '');
    for (const rel of r.related) out.push(`- ${t.kinds[rel.kind]}: [${cell(rel.uri.replace(/^.*\//, ''))}:${rel.line + 1}](${rel.uri}#L${rel.line + 1}) ${code(rel.text)}`);
    out.push('');
  }
  const fam = r.family ? FAMILY_BY_NAME.get(r.family)?.data : undefined;
  const about = fam ?? fmt;
  if (about) out.push(`#### ${t.about}: ${cell(about.label[locale])}`, '', about.docs[locale], '');
  return out.join('\n');
}

/** The explanation as plain text for a terminal. */
export function renderText(r: ExplainResult, locale: DocsLanguage = r.locale): string {
  const t = T[locale];
  const out: string[] = [r.line, `  => ${r.summary}`];
  const fmt = r.format ? FORMAT_BY_NAME.get(r.format) : undefined;
  const parts = [`${t.format}: ${fmt ? fmt.name : t.unknownFormat}`];
  if (r.timestamp) parts.push(`${t.timestamp}: ${r.timestamp}`);
  if (r.host) parts.push(`${t.host}: ${r.host}`);
  if (r.program) parts.push(`${t.program}: ${r.program}${r.pid ? `[${r.pid}]` : ''}`);
  out.push('  ' + parts.join('  '));
  const cat = KEYWORD_CATEGORIES.find((c) => c.name === r.category);
  out.push(`  ${t.serious}: ${t.sev[r.severity]}${cat ? `  ${t.category}: ${cat.label[locale]}` : ''}`);
  const names = Object.keys(r.fields);
  if (names.length) out.push('  ' + names.map((n) => `${n}=${r.fields[n]}`).join(' '));
  for (const a of r.advice) out.push(`  - ${a.replace(/`/g, '')}`);
  for (const rel of r.related) out.push(`  * ${t.kinds[rel.kind]}: ${rel.uri}:${rel.line + 1}`);
  return out.join('\n');
}
