import type { Navigation, Occurrence, PathLink } from '../common/navigation';
import type { Localized, ParsedDocument } from '../common/types';
import { configRoot } from './defs';
import { walk, type RsyslogTree, type Span, type Value } from './tree';

type Doc = ParsedDocument<RsyslogTree>;

/** The characters of a value without its quotes. */
function inner(doc: Doc, v: Value): Span {
  const q = doc.text.charCodeAt(v.start);
  return q === 34 || q === 39 ? { start: v.start + 1, end: Math.max(v.start + 1, v.end - 1) } : v;
}

/** Parameters that name a template, a ruleset or a lookup table, whatever object carries them. */
const PARAM_REFS: Record<string, string> = { template: 'template', dynafile: 'template', ruleset: 'ruleset', table: 'lookup' };

/** Legacy directives whose first argument names a template or a ruleset. */
function directiveRef(lower: string): string | undefined {
  if (lower === '$template') return undefined;
  if (lower.endsWith('defaulttemplate') || lower === '$actionforwarddefaulttemplate') return 'template';
  // `$ActionOmrulesetRulesetName` names the ruleset the next `:omruleset:` action hands messages to.
  if (lower.endsWith('bindruleset') || lower === '$defaultruleset' || lower === '$actionomrulesetrulesetname') return 'ruleset';
  return undefined;
}

/** `lookup("table", …)` and `reload_lookup_table("table", …)` in expressions. */
const LOOKUP_CALL = /\b(?:lookup|reload_lookup_table)[ \t]*\([ \t]*"([^"\\\n]*)"/g;

/** Templates, rulesets, output channels and lookup tables: where each is defined and used. */
function occurrences(doc: Doc): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (kind: string, start: number, end: number, def: boolean) => {
    if (end > start) out.push({ kind, name: doc.text.slice(start, end), range: doc.lines.range(start, end), def });
  };
  walk(doc.tree.statements, (s) => {
    if (s.type === 'object') {
      const obj = s.name.text.toLowerCase();
      for (const p of s.params) {
        if (!p.value || p.value.kind === 'array') continue;
        const name = p.name.text.toLowerCase();
        const v = inner(doc, p.value);
        if (name === 'name' && (obj === 'template' || obj === 'ruleset' || obj === 'lookup_table')) add(obj === 'lookup_table' ? 'lookup' : obj, v.start, v.end, true);
        else if (PARAM_REFS[name] && !(name === 'template' && obj === 'template')) add(PARAM_REFS[name], v.start, v.end, false);
      }
    } else if (s.type === 'keyword') {
      if (s.keyword.text.toLowerCase() === 'call' && s.arg) add('ruleset', s.arg.start, s.arg.end, false);
    } else if (s.type === 'directive') {
      const lower = s.name.text.toLowerCase();
      const a = s.args[0];
      if (!a) return;
      const text = a.text;
      if (lower === '$template' || lower === '$outchannel') {
        const comma = text.indexOf(',');
        const len = (comma >= 0 ? text.slice(0, comma) : text).trimEnd().length;
        add(lower === '$template' ? 'template' : 'outchannel', a.start, a.start + len, true);
      } else if (lower === '$ruleset') add('ruleset', a.start, a.end, true);
      else {
        const ref = directiveRef(lower);
        if (ref) add(ref, a.start, a.end, false);
      }
    } else if (s.type === 'legacy-action') {
      if (s.template) add('template', s.template.start, s.template.end, false);
      if (s.form === 'dynafile') add('template', s.target.start, s.target.end, false);
      if ((s.form === 'module' && s.module?.text === 'omfile') || s.form === 'output-channel') {
        const t = s.target;
        if (t.text.startsWith('$')) add('outchannel', t.start + 1, t.end, false);
      }
    }
  });
  LOOKUP_CALL.lastIndex = 0;
  for (let m = LOOKUP_CALL.exec(doc.text); m; m = LOOKUP_CALL.exec(doc.text)) {
    const start = m.index + m[0].length - 1 - m[1].length;
    add('lookup', start, start + m[1].length, false);
  }
  return out;
}

/** Include targets, lookup table files, and the files that actions write (these open in the log viewer). */
function links(doc: Doc): PathLink[] {
  const out: PathLink[] = [];
  const add = (start: number, end: number, log: boolean) => {
    const path = doc.text.slice(start, end);
    if (path && !path.includes('%')) out.push({ range: doc.lines.range(start, end), path, log });
  };
  walk(doc.tree.statements, (s) => {
    if (s.type === 'object') {
      const obj = s.name.text.toLowerCase();
      const omfile = s.params.some((p) => p.name.text.toLowerCase() === 'type' && p.value?.text === 'omfile');
      for (const p of s.params) {
        if (!p.value || p.value.kind !== 'string') continue;
        const name = p.name.text.toLowerCase();
        const v = inner(doc, p.value);
        if ((obj === 'include' || obj === 'lookup_table') && name === 'file') add(v.start, v.end, false);
        else if (obj === 'action' && omfile && name === 'file') add(v.start, v.end, true);
        else if (obj === 'template' && name === 'string' && p.value.text.startsWith('/')) {
          // A dynafile template: its static folder part (`/var/log/remote/` of `/var/log/remote/%HOSTNAME%.log`).
          const pct = p.value.text.indexOf('%');
          const slash = pct < 0 ? -1 : p.value.text.lastIndexOf('/', pct);
          if (slash > 0) add(v.start, v.start + slash, false);
        }
      }
    } else if (s.type === 'directive') {
      const lower = s.name.text.toLowerCase();
      const a = s.args[0];
      if (a && (lower === '$includeconfig' || lower === '$workdirectory')) add(a.start, a.end, false);
      if (a && lower === '$outchannel') {
        const parts = a.text.split(',');
        if (parts.length > 1) {
          const start = a.start + parts[0].length + 1 + (parts[1].length - parts[1].trimStart().length);
          add(start, start + parts[1].trim().length, true);
        }
      }
    } else if (s.type === 'legacy-action' && (s.form === 'file' || s.form === 'file-nosync')) {
      add(s.target.start, s.target.end, true);
    }
  });
  return out;
}

const L = (en: string, ja: string): Localized => ({ en, ja });

/** Why rsyslogd would not accept `name` for a template, ruleset, output channel or lookup table. */
function checkName(kind: string, oldName: string, name: string): Localized | undefined {
  if (kind === 'template' && /^RSYSLOG_/i.test(oldName)) return L(`'${oldName}' is a template built into rsyslog and cannot be renamed`, `'${oldName}' は rsyslog 組み込みのテンプレートなので名前を変更できません`);
  if (!name) return L('the name is empty', '名前が空です');
  if (/[\s"',;{}()#]/.test(name)) return L(`'${name}' contains a character rsyslog does not accept in a ${kind} name (blanks, quotes, ',', ';', braces, parentheses, '#')`, `'${name}' には ${kind} 名に使えない文字（空白、引用符、','、';'、括弧、'#'）が含まれます`);
  if (kind === 'template' && /^RSYSLOG_/i.test(name)) return L(`template names starting with RSYSLOG_ are reserved for rsyslog's built-in templates`, 'RSYSLOG_ で始まるテンプレート名は rsyslog の組み込みテンプレート用に予約されています');
  if (kind === 'ruleset' && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return L(`'${name}' cannot be written after 'call': a ruleset name starts with a letter or '_' and holds letters, digits, '_', '.', '-'`, `'${name}' は 'call' の後に書けません: ルールセット名は英字か '_' で始まり、英数字・'_'・'.'・'-' からなります`);
  return undefined;
}

export const navigation: Navigation<RsyslogTree> = {
  occurrences,
  links,
  // rsyslog compares template and ruleset names without regard to case.
  key: (_kind, name) => name.toLowerCase(),
  group: (uri) => configRoot(uri),
  checkName,
};
