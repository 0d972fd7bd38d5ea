import type { MarkupContent, ParameterInformation, Position, SignatureHelp } from 'vscode-languageserver-types';
import type { CatalogEntry } from '../common/catalog';
import type { DocsLanguage, LanguageContext, Localized } from '../common/types';
import functionsJson from '../../../data/rsyslog/functions.json';
import { rsyslogCatalog } from './catalog';
import { objectAt, pathAt } from './locate';
import { paramEntry } from './params';
import type { RsyslogDocument } from './parse';
import type { ObjectStmt, Stmt } from './tree';

interface FunctionEntry {
  name: string;
  syntax: string;
  params: string[];
  docs: Localized;
  source: string;
}

const FUNCTIONS = new Map((functionsJson as FunctionEntry[]).map((f) => [f.name, f]));

/** The function entries, for the consistency test. */
export function functionEntries(): FunctionEntry[] {
  return [...FUNCTIONS.values()];
}

function md(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

/** `type · default` line and the docs of one parameter. */
function paramDocs(e: CatalogEntry | undefined, loc: DocsLanguage): MarkupContent | undefined {
  if (!e) return undefined;
  const type = e.type === 'enum' && e.values?.length ? e.values.slice(0, 12).join(' | ') : (e.type ?? 'string');
  const facts = [`**${loc === 'ja' ? '型' : 'type'}:** \`${type}\``];
  if (e.default !== undefined && e.default !== '') facts.push(`**${loc === 'ja' ? '既定値' : 'default'}:** \`${e.default}\``);
  if (e.deprecated) facts.push(loc === 'ja' ? '**非推奨**' : '**deprecated**');
  return md(`${facts.join(' · ')}\n\n${e.docs[loc]}`);
}

/**
 * `action(type="omfile" file=… template=…)`: the parameters written so far, the one under the
 * cursor active, each with its type, default and docs from the catalog (the object's general
 * parameters and its module's).
 */
function objectSignature(doc: RsyslogDocument, o: ObjectStmt, off: number, loc: DocsLanguage): SignatureHelp {
  const cat = rsyslogCatalog();
  let label = `${o.name.text}(`;
  const parameters: ParameterInformation[] = [];
  let active = -1;
  o.params.forEach((p, i) => {
    if (i > 0) label += ' ';
    const e = paramEntry(cat, o, p.name.text);
    const text = `${p.name.text}=${e?.type ?? '…'}`;
    parameters.push({ label: [label.length, label.length + text.length], documentation: paramDocs(e, loc) });
    label += text;
    const end = p.value ? p.value.end : p.end;
    if (off >= p.start && off <= end) active = i;
  });
  if (active === -1) {
    // Between parameters: a place for the next one, so that no written one looks current.
    if (o.params.length) label += ' ';
    parameters.push({ label: [label.length, label.length + 1], documentation: md(loc === 'ja' ? '次のパラメーター' : 'next parameter') });
    active = parameters.length - 1;
    label += '…';
  }
  label += ')';
  const obj = cat.objects.get(o.name.text);
  return {
    signatures: [{ label, parameters, documentation: obj ? md(obj.docs[loc]) : undefined, activeParameter: active }],
    activeSignature: 0,
    activeParameter: active,
  };
}

/** Skips a quoted string starting at `i`; returns the offset after it. */
function skipString(t: string, i: number, end: number): number {
  const q = t.charCodeAt(i);
  for (let j = i + 1; j < end; j++) {
    const c = t.charCodeAt(j);
    if (c === 92) j++;
    else if (c === q) return j + 1;
  }
  return end;
}

/** The innermost unclosed `name(` before `off` inside a statement, and which argument the cursor is in. */
function openCall(t: string, from: number, off: number): { name: string; arg: number } | undefined {
  const stack: { name: string; arg: number }[] = [];
  for (let i = from; i < off; i++) {
    const c = t.charCodeAt(i);
    if (c === 34 || c === 39) {
      i = skipString(t, i, off) - 1;
    } else if (c === 40) {
      let s = i;
      while (s > from && /[A-Za-z0-9_]/.test(t[s - 1])) s--;
      stack.push({ name: t.slice(s, i).toLowerCase(), arg: 0 });
    } else if (c === 41) stack.pop();
    else if (c === 44 && stack.length) stack[stack.length - 1].arg++;
  }
  for (let k = stack.length - 1; k >= 0; k--) if (FUNCTIONS.has(stack[k].name)) return stack[k];
  return undefined;
}

/** `re_extract(expr, re, match, submatch, no-found)` in an `if` condition or a `set`. */
function functionSignature(doc: RsyslogDocument, s: Stmt | undefined, off: number, loc: DocsLanguage): SignatureHelp | null {
  if (!s || (s.type !== 'if' && s.type !== 'keyword' && s.type !== 'foreach')) return null;
  const from = s.type === 'if' ? s.cond.start : s.start;
  if (off < from || off - from > 20_000) return null;
  const call = openCall(doc.text, from, off);
  if (!call) return null;
  const f = FUNCTIONS.get(call.name)!;
  let label = `${f.name}(`;
  const parameters: ParameterInformation[] = f.params.map((p, i) => {
    if (i > 0) label += ', ';
    const at = label.length;
    label += p;
    return { label: [at, at + p.length] };
  });
  label += ')';
  const active = Math.min(call.arg, Math.max(0, f.params.length - 1));
  return { signatures: [{ label, parameters, documentation: md(`${f.docs[loc]}\n\n*${f.source}*`), activeParameter: active }], activeSignature: 0, activeParameter: active };
}

/** Signature help: the object or function call around the cursor. */
export function signatureHelp(doc: RsyslogDocument, pos: Position, ctx: LanguageContext): SignatureHelp | null {
  const off = doc.lines.offsetAt(pos);
  const path = pathAt(doc.tree, doc.text, off);
  const o = objectAt(path, doc.text, off);
  if (o) return objectSignature(doc, o, off, ctx.locale);
  return functionSignature(doc, path[path.length - 1], off, ctx.locale);
}
