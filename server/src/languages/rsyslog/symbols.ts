import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { RsyslogDocument } from './parse';
import { objectModule } from './params';
import { paramText, type Span, type Stmt } from './tree';

function clip(s: string, n = 60): string {
  const one = s.replace(/\\\r?\n[ \t]*/g, '').replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function sym(doc: RsyslogDocument, name: string, detail: string, kind: SymbolKind, whole: Span, sel: Span, children?: DocumentSymbol[]): DocumentSymbol {
  const s: DocumentSymbol = {
    name: name || '?',
    detail,
    kind,
    range: doc.lines.range(whole.start, whole.end),
    selectionRange: doc.lines.range(sel.start, sel.end),
  };
  if (children?.length) s.children = children;
  return s;
}

/** Outline: rules (named by their selector), filters, templates, rulesets with their rules, inputs, modules. */
export function symbols(doc: RsyslogDocument): DocumentSymbol[] {
  return list(doc, doc.tree.statements);
}

function actionDetail(doc: RsyslogDocument, body: Stmt[]): string {
  return clip(body.map((b) => doc.text.slice(b.start, b.end)).join(' '), 60);
}

function list(doc: RsyslogDocument, stmts: Stmt[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of stmts) {
    switch (s.type) {
      case 'rule':
        out.push(sym(doc, clip(doc.text.slice(s.selector.start, s.selector.end)), actionDetail(doc, s.body), SymbolKind.Event, s, s.selector, list(doc, s.block ? s.body : [])));
        break;
      case 'propfilter':
        out.push(sym(doc, clip(doc.text.slice(s.filter.start, s.filter.end)), actionDetail(doc, s.body), SymbolKind.Event, s, s.filter, list(doc, s.block ? s.body : [])));
        break;
      case 'if': {
        const cond = { start: s.start, end: s.cond.end };
        const children = [...list(doc, s.then), ...list(doc, s.else ?? [])];
        out.push(sym(doc, clip(doc.text.slice(s.start, s.cond.end)), '', SymbolKind.Event, s, cond, children));
        break;
      }
      case 'object': {
        const n = s.name.text.toLowerCase();
        if (n === 'template') out.push(sym(doc, paramText(s, 'name') ?? 'template', 'template', SymbolKind.Struct, s, s.name));
        else if (n === 'ruleset') out.push(sym(doc, paramText(s, 'name') ?? 'ruleset', 'ruleset', SymbolKind.Namespace, s, s.name, list(doc, s.body ?? [])));
        else if (n === 'input') {
          const port = paramText(s, 'port');
          out.push(sym(doc, `input ${objectModule(s) ?? ''}${port ? ' :' + port : ''}`, 'input', SymbolKind.Interface, s, s.name));
        } else if (n === 'module') out.push(sym(doc, `module ${objectModule(s) ?? ''}`, 'module', SymbolKind.Module, s, s.name));
        else if (n === 'action') out.push(sym(doc, `action ${objectModule(s) ?? ''}`, clip(paramText(s, 'file') ?? paramText(s, 'target') ?? ''), SymbolKind.Method, s, s.name));
        else if (n !== 'property' && n !== 'constant') out.push(sym(doc, s.name.text, '', SymbolKind.Object, s, s.name));
        break;
      }
      case 'directive': {
        const n = s.name.text.toLowerCase();
        if (n === '$modload') out.push(sym(doc, `module ${s.args[0]?.text ?? ''}`, s.name.text, SymbolKind.Module, s, s.name));
        else if (n === '$template') out.push(sym(doc, (s.args[0]?.text ?? '').split(',')[0], '$template', SymbolKind.Struct, s, s.name));
        else if (n === '$ruleset') out.push(sym(doc, s.args[0]?.text ?? '', '$RuleSet', SymbolKind.Namespace, s, s.name));
        else if (n.endsWith('serverrun')) out.push(sym(doc, `${s.name.text} ${s.args[0]?.text ?? ''}`, 'input', SymbolKind.Interface, s, s.name));
        break;
      }
      case 'foreach':
      case 'continuation':
        if (s.block) out.push(...list(doc, s.body));
        break;
      default:
        break;
    }
  }
  return out;
}

/** Folding for `{ }` blocks, multi-line objects and selectors, and runs of comment lines. */
export function folding(doc: RsyslogDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lineOf = (o: number) => doc.lines.positionAt(o).line;
  const addRange = (start: number, end: number, closer: boolean) => {
    const a = lineOf(start);
    let b = lineOf(Math.max(start, end - 1));
    // Keep a closing `}` or `)` alone on its line visible.
    if (closer && b > a && doc.lines.line(b).trim().length <= 1) b--;
    if (b > a) out.push({ startLine: a, endLine: b });
  };
  const visit = (stmts: Stmt[]) => {
    for (const s of stmts) {
      if (s.type === 'object') {
        if (s.close >= 0) addRange(s.start, s.close + 1, true);
        if (s.block) addRange(s.block.start, s.block.end, true);
        if (s.body) visit(s.body);
      } else if (s.type === 'rule' || s.type === 'propfilter' || s.type === 'continuation' || s.type === 'foreach') {
        if (s.type === 'rule') addRange(s.selector.start, s.selector.end, false);
        if (s.block) addRange(s.block.start, s.block.end, true);
        visit(s.body);
      } else if (s.type === 'if') {
        if (s.thenBlock) addRange(s.start, s.thenBlock.end, true);
        if (s.elseBlock) addRange(s.elseBlock.start, s.elseBlock.end, true);
        visit(s.then);
        if (s.else) visit(s.else);
      }
    }
  };
  visit(doc.tree.statements);
  // Comment blocks: consecutive lines that hold only a comment.
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
    runStart = runEnd = -1;
  };
  for (const c of doc.tree.comments) {
    const a = lineOf(c.start);
    const b = lineOf(c.end);
    const lineStart = doc.lines.starts[a];
    const ownLine = doc.text.slice(lineStart, c.start).trim() === '';
    if (!ownLine) {
      flush();
      continue;
    }
    if (runStart >= 0 && a === runEnd + 1) runEnd = b;
    else {
      flush();
      runStart = a;
      runEnd = b;
    }
  }
  flush();
  out.sort((x, y) => x.startLine - y.startLine);
  return out;
}
