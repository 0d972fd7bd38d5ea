import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { LanguageContext } from '../common/types';
import type { RsyslogDocument } from './parse';

interface FixData {
  replacement?: string;
  loadModule?: string;
  module?: string;
  suggestions?: string[];
}

const TITLES = {
  replace: { en: 'Replace with {x}', ja: '{x} に置き換える' },
  change: { en: "Change to '{x}'", ja: "'{x}' に修正する" },
  load: { en: 'Add module(load="{x}")', ja: 'module(load="{x}") を追加する' },
};

function title(t: { en: string; ja: string }, x: string, ctx: LanguageContext): string {
  return (ctx.locale === 'ja' ? t.ja : t.en).replace('{x}', x);
}

/** Quick fixes for rsyslog diagnostics, driven by the finding's data. */
export function codeActions(doc: RsyslogDocument, d: Diagnostic, ctx: LanguageContext): CodeAction[] {
  const data = (d.data ?? {}) as FixData;
  const uri = ctx.uri;
  const code = String(d.code ?? '');
  const out: CodeAction[] = [];
  const action = (t: string, edits: TextEdit[], preferred = false): CodeAction => ({
    title: t,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: preferred,
    edit: { changes: { [uri]: edits } },
  });
  const lineStartOf = (line: number) => ({ line, character: 0 });
  const indentOf = (line: number) => /^[ \t]*/.exec(doc.lines.line(line))![0];

  if ((code === 'rsyslog/deprecated-action' || code === 'rsyslog/deprecated-name') && data.replacement) {
    out.push(action(title(TITLES.replace, data.replacement, ctx), [{ range: d.range, newText: data.replacement }], true));
  } else if (code === 'rsyslog/deprecated-directive' && data.replacement) {
    const line = d.range.start.line;
    const edits: TextEdit[] = [{ range: d.range, newText: data.replacement }];
    if (data.loadModule) edits.push({ range: { start: lineStartOf(line), end: lineStartOf(line) }, newText: `${indentOf(line)}module(load="${data.loadModule}")\n` });
    out.push(action(title(TITLES.replace, data.replacement, ctx), edits, true));
  } else if (code === 'rsyslog/module-not-loaded' && data.module) {
    const line = d.range.start.line;
    out.push(
      action(title(TITLES.load, data.module, ctx), [
        { range: { start: lineStartOf(line), end: lineStartOf(line) }, newText: `${indentOf(line)}module(load="${data.module}")\n` },
      ]),
    );
  } else if (data.suggestions?.length) {
    data.suggestions.forEach((s, i) => out.push(action(title(TITLES.change, s, ctx), [{ range: d.range, newText: s }], i === 0)));
  }
  return out;
}
