import type { DocumentHighlight, DocumentLink, Location, Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { pathOfUri, staticPart, treeResolver, uriOfPath, type PathResolver } from './paths';
import { contains } from './text';
import type { LanguageContext, LanguageFacade, Localized, ParsedDocument } from './types';
import { workspaceMemo } from './workspaceMemo';

/**
 * Navigation in the manner of the CSS language service: each language lists the names in a parsed
 * document (definitions and uses, by kind), and these functions answer definition, references,
 * highlights and rename from that one list, over the workspace index. Rename is the references
 * turned into edits, after the language has checked the new name as the tool would.
 */

/** A name written in a document: where a template, chain, service … is defined or used. */
export interface Occurrence {
  /** What is named (`template`, `ruleset`, `chain:filter`, `service` …): only names of one kind match. */
  kind: string;
  name: string;
  /** Exactly the name's characters (rename replaces them). */
  range: Range;
  def: boolean;
}

/** A path written in a configuration. */
export interface PathLink {
  range: Range;
  /** As written: absolute, relative to the file, or a glob. */
  path: string;
  /** A log file the configuration writes or rotates: the link opens it in the log viewer. */
  log?: boolean;
  /** Other paths the log may be at (kernel messages: kern.log, messages, syslog): the first that exists wins. */
  or?: string[];
  /** Text the log viewer filters on when it opens (a LOG rule's prefix). */
  filter?: string;
}

/** A definition or use and the document it is in. */
export interface Site {
  uri: string;
  occ: Occurrence;
}

/** What a language tells the navigation functions (see LanguageFacade.navigation). */
export interface Navigation<T> {
  occurrences(doc: ParsedDocument<T>, uri: string): Occurrence[];
  links?(doc: ParsedDocument<T>, uri: string): PathLink[];
  /** The form under which names of a kind are equal (rsyslog ignores case); default: as written. */
  key?(kind: string, name: string): string;
  /** Files whose names refer to each other (one configuration); default: the whole workspace. */
  group?(uri: string): string | undefined;
  /** Why `newName` cannot replace `oldName`, as the tool would refuse it; undefined when it can. */
  checkName(kind: string, oldName: string, newName: string): Localized | undefined;
  /** Paths (as written on a system) that may define the name when the workspace does not. */
  external?(kind: string, name: string): string[];
  /** Of all definitions found, the ones to jump to (journald: the one that takes effect). */
  pick?(defs: Site[]): Site[];
  /**
   * Kinds whose names are the names of the files that define them (firewalld): a rename renames
   * those files. `target` is the URI a defining file gets, or why that file may not be renamed.
   */
  fileNamed?: { kinds: ReadonlySet<string>; target(uri: string, newName: string): string | Localized };
  /** Uses in files of another language that a rename edits too (firewalld.conf's DefaultZone). */
  otherUses?(kind: string, name: string, ctx: LanguageContext): Site[];
}

/** What the editor can do with a rename's edit, and which files are the user's. */
export interface RenameOptions {
  /** The client applies file renames (documentChanges and resourceOperations with 'rename'). */
  fileRenames?: boolean;
  /** True for a file of the workspace; files elsewhere (the host's) are not renamed. Default: all. */
  inWorkspace?(uri: string): boolean;
}

/** A rename the language refuses: the message says why, in the user's language. */
export class RenameRefused extends Error {}

const cache = new WeakMap<object, { uri: string; list: Occurrence[] }>();

function occurrencesOf<T>(nav: Navigation<T>, doc: ParsedDocument<T>, uri: string): Occurrence[] {
  const hit = cache.get(doc);
  if (hit && hit.uri === uri) return hit.list;
  const list = nav.occurrences(doc, uri);
  cache.set(doc, { uri, list });
  return list;
}

function keyOf<T>(nav: Navigation<T>, o: { kind: string; name: string }): string {
  return `${o.kind}\u0000${nav.key ? nav.key(o.kind, o.name) : o.name}`;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The name under the cursor (its end counts, as editors place the cursor after a word). */
export function occurrenceAt<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, uri: string, pos: Position): Occurrence | undefined {
  const nav = facade.navigation;
  if (!nav) return undefined;
  return occurrencesOf(nav, doc, uri).find((o) => contains(o.range, pos) || (before(o.range.start, pos) && before(pos, o.range.end)));
}

/** Every name of the workspace's files of one language, by group, kind and name; rebuilt when a file changes. */
function index<T>(facade: LanguageFacade<T>, ctx: LanguageContext): Map<string, Site[]> {
  const nav = facade.navigation!;
  return workspaceMemo(ctx.workspace, `navigation/${facade.id}`, () => {
    const m = new Map<string, Site[]>();
    for (const d of ctx.workspace.documents(facade.id)) {
      const group = nav.group?.(d.uri) ?? '';
      for (const occ of occurrencesOf(nav, d.parsed as ParsedDocument<T>, d.uri)) {
        const k = `${group}\u0001${keyOf(nav, occ)}`;
        const site = { uri: d.uri, occ };
        let list = m.get(k);
        if (!list) m.set(k, (list = []));
        list.push(site);
        // Definitions also under their own key: a definition request need not go through every use.
        if (occ.def) {
          let defs = m.get(`def:${k}`);
          if (!defs) m.set(`def:${k}`, (defs = []));
          defs.push(site);
        }
      }
    }
    return m;
  });
}

/** All definitions and uses of the name of `o`: the current document as parsed now, the others from the index. */
function sitesOf<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, ctx: LanguageContext, o: Occurrence, defsOnly = false): Site[] {
  const nav = facade.navigation!;
  const k = keyOf(nav, o);
  const group = nav.group?.(ctx.uri) ?? '';
  const out: Site[] = [];
  for (const occ of occurrencesOf(nav, doc, ctx.uri)) if ((occ.def || !defsOnly) && keyOf(nav, occ) === k) out.push({ uri: ctx.uri, occ });
  // The index is keyed by group too: only files of this configuration are looked at.
  for (const s of index(facade, ctx).get(`${defsOnly ? 'def:' : ''}${group}\u0001${k}`) ?? []) if (s.uri !== ctx.uri) out.push(s);
  return out;
}

function location(s: Site): Location {
  return { uri: s.uri, range: s.occ.range };
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where the name under the cursor is defined: in the workspace, else on this machine (`exists`). */
export function definition<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext, exists?: (p: string) => boolean): Location[] {
  const nav = facade.navigation;
  const o = occurrenceAt(facade, doc, ctx.uri, pos);
  if (nav && !o) return includedFiles(nav, doc, pos, ctx, exists);
  if (!nav || !o) return [];
  const defs = sitesOf(facade, doc, ctx, o, true);
  if (defs.length > 0) return (nav.pick ? nav.pick(defs) : defs).map(location);
  const resolver = ctx.paths ?? treeResolver;
  for (const written of nav.external?.(o.kind, o.name) ?? []) {
    for (const file of resolver.candidates(written, ctx.uri)) if (exists?.(file)) return [{ uri: uriOfPath(file), range: FILE_START }];
  }
  return [];
}

/** On a path that is not a log (an include, `$IncludeConfig`): the files it names (a folder's or a glob's files). */
function includedFiles<T>(nav: Navigation<T>, doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext, exists?: (p: string) => boolean): Location[] {
  const l = nav.links?.(doc, ctx.uri).find((x) => !x.log && contains(x.range, pos));
  if (!l) return [];
  const file = (ctx.paths ?? treeResolver).resolve(l.path, ctx.uri);
  const wild = /[*?[]/.test(file);
  const files = wild ? ctx.host?.glob?.(file) ?? [] : (ctx.host?.glob?.(`${file.replace(/\/+$/, '')}/*`) ?? []);
  if (files.length > 0) return files.slice(0, 200).map((f) => ({ uri: uriOfPath(f), range: FILE_START }));
  return !wild && exists?.(file) ? [{ uri: uriOfPath(file), range: FILE_START }] : [];
}

/** Every definition and use of the name under the cursor, across the files of the configuration. */
export function references<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext, includeDeclaration = true): Location[] {
  const o = occurrenceAt(facade, doc, ctx.uri, pos);
  if (!o) return [];
  return sitesOf(facade, doc, ctx, o)
    .filter((s) => includeDeclaration || !s.occ.def)
    .map(location);
}

/** The name under the cursor and its other uses in this document; definitions are marked as writes. */
export function highlights<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext): DocumentHighlight[] {
  const nav = facade.navigation;
  const o = occurrenceAt(facade, doc, ctx.uri, pos);
  if (!nav || !o) return [];
  const k = keyOf(nav, o);
  return occurrencesOf(nav, doc, ctx.uri)
    .filter((x) => keyOf(nav, x) === k)
    .map((x) => ({ range: x.range, kind: x.def ? 3 : 2 }));
}

/**
 * The range and current name a rename would start from, or null where nothing can be renamed.
 * Throws RenameRefused when no new name could do (a built-in, a name that is a file's name), so
 * that the editor says why before the user types one.
 */
export function prepareRename<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, pos: Position, ctx: LanguageContext, opts: RenameOptions = {}): { range: Range; placeholder: string } | null {
  const o = occurrenceAt(facade, doc, ctx.uri, pos);
  if (!o) return null;
  const refusal = facade.navigation!.checkName(o.kind, o.name, o.name);
  if (refusal) throw new RenameRefused(ctx.locale === 'ja' ? refusal.ja : refusal.en);
  fileMoves(facade.navigation!, sitesOf(facade, doc, ctx, o, true), o, undefined, ctx, opts);
  return { range: o.range, placeholder: o.name };
}

/**
 * For a kind named by its files: each defining file and the URI it gets (none when `newName` is
 * undefined: only whether the files may be renamed is checked). Throws RenameRefused when the
 * client cannot rename files, when the name is defined outside the workspace only, or when a
 * file cannot take the new name. Undefined for kinds whose names are text.
 */
function fileMoves<T>(nav: Navigation<T>, defs: Site[], o: Occurrence, newName: string | undefined, ctx: LanguageContext, opts: RenameOptions): Map<string, string> | undefined {
  const named = nav.fileNamed;
  if (!named?.kinds.has(o.kind)) return undefined;
  const ja = ctx.locale === 'ja';
  const refuse = (en: string, jaText: string) => {
    throw new RenameRefused(ja ? jaText : en);
  };
  if (!opts.fileRenames) refuse(`renaming '${o.name}' renames its file, and this editor cannot rename files (workspace.workspaceEdit.resourceOperations)`, `'${o.name}' の名前変更にはファイル名の変更が必要ですが、このエディタはファイル名を変更できません`);
  if (defs.length === 0) refuse(`'${o.name}' is not defined by a file of the workspace (it is the host's or firewalld's own): only workspace files are renamed`, `'${o.name}' はワークスペースのファイルで定義されていません（ホストまたは同梱の定義）。ワークスペースのファイルだけを名前変更できます`);
  const moves = new Map<string, string>();
  for (const d of defs) {
    if (opts.inWorkspace && !opts.inWorkspace(d.uri)) refuse(`${pathOfUri(d.uri) ?? d.uri} is not in the workspace: only workspace files are renamed`, `${pathOfUri(d.uri) ?? d.uri} はワークスペース外のファイルです。ワークスペースのファイルだけを名前変更できます`);
    const target = named.target(d.uri, newName ?? o.name);
    if (typeof target !== 'string') throw new RenameRefused(ja ? target.ja : target.en);
    if (newName === undefined) continue;
    const file = pathOfUri(target);
    if (target !== d.uri && file && ctx.host?.exists(file) === true) refuse(`${file} already exists`, `${file} は既に存在します`);
    moves.set(d.uri, target);
  }
  return moves;
}

/**
 * Renames the name under the cursor in every file of the configuration. Throws RenameRefused when
 * the tool would reject the new name (or the name cannot be renamed by editing text).
 */
export function rename<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, pos: Position, newName: string, ctx: LanguageContext, opts: RenameOptions = {}): WorkspaceEdit | null {
  const nav = facade.navigation;
  const o = occurrenceAt(facade, doc, ctx.uri, pos);
  if (!nav || !o) return null;
  const refusal = nav.checkName(o.kind, o.name, newName);
  if (refusal) throw new RenameRefused(ctx.locale === 'ja' ? refusal.ja : refusal.en);
  const taken = sitesOf(facade, doc, ctx, { ...o, name: newName }, true)[0];
  if (taken && keyOf(nav, o) !== keyOf(nav, { kind: o.kind, name: newName })) {
    const line = taken.occ.range.start.line + 1;
    throw new RenameRefused(ctx.locale === 'ja' ? `'${newName}' は既に定義されています（${taken.uri} ${line} 行目）` : `'${newName}' is already defined (${taken.uri}, line ${line})`);
  }
  const sites = [...sitesOf(facade, doc, ctx, o), ...(nav.otherUses?.(o.kind, o.name, ctx) ?? [])];
  const moves = fileMoves(nav, sites.filter((s) => s.occ.def), o, newName, ctx, opts);
  const changes: Record<string, TextEdit[]> = {};
  // A definition that is its file's name is renamed with the file, not in the text.
  for (const s of sites) if (!(moves && s.occ.def)) (changes[s.uri] ??= []).push({ range: s.occ.range, newText: newName });
  if (!moves) return { changes };
  // The text first, at the old URIs, then the files: the client applies them in order.
  const edits: TextDocumentEdit[] = Object.entries(changes).map(([uri, e]) => ({ textDocument: { uri, version: null }, edits: e }));
  const renames: RenameFile[] = [...moves].filter(([a, b]) => a !== b).map(([oldUri, newUri]) => ({ kind: 'rename', oldUri, newUri }));
  return { documentChanges: [...edits, ...renames] };
}

/** Reads the files a glob matches, when the host can tell. */
export type Glob = (pattern: string) => string[] | undefined;

/** The command that opens a log file in the log viewer (client/src/logViewer/register.ts), filtered on `filter` if given. */
export function logViewerCommand(file: string, filter?: string): string {
  const args = filter ? [uriOfPath(file), filter] : [uriOfPath(file)];
  return `command:linuxAdminConfigs.logViewer.open?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * The file a link with alternatives names: place by place (the copy of a system tree, then this
 * machine), the first of its paths that exists; the first path's usual place when none does.
 */
function firstExisting(l: PathLink, resolver: PathResolver, ctx: LanguageContext): string {
  if (!l.or?.length) return resolver.resolve(l.path, ctx.uri);
  const lists = [l.path, ...l.or].map((p) => resolver.candidates(p, ctx.uri));
  const depth = Math.max(...lists.map((x) => x.length));
  for (let i = 0; i < depth; i++) for (const list of lists) if (list[i] && ctx.host?.exists(list[i]) === true) return list[i];
  return resolver.resolve(l.path, ctx.uri);
}

/**
 * Document links on every path of a document: resolved through the context's path resolver (into a
 * copy of a system tree first); a glob links to the first file it matches, or to its folder; a log
 * file opens in the log viewer.
 */
export function documentLinks<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, ctx: LanguageContext, glob?: Glob): DocumentLink[] {
  const nav = facade.navigation;
  if (!nav?.links) return [];
  const resolver = ctx.paths ?? treeResolver;
  const from = pathOfUri(ctx.uri);
  const out: DocumentLink[] = [];
  for (const l of nav.links(doc, ctx.uri)) {
    if (!l.path || (!l.path.startsWith('/') && !from)) continue;
    const file = firstExisting(l, resolver, ctx);
    const wild = /[*?[]/.test(file);
    const matches = wild ? glob?.(file) : undefined;
    const shown = wild ? (matches && matches.length > 0 ? matches[0] : staticPart(file)) : file;
    const tooltip = wild ? `${matches ? `${matches.length} file(s) match` : 'glob'}: ${file}` : file;
    const filtered = l.filter ? ` (${ctx.locale === 'ja' ? 'フィルタ' : 'filter'}: ${l.filter})` : '';
    if (l.log) out.push({ range: l.range, target: logViewerCommand(shown, l.filter), tooltip: `${ctx.locale === 'ja' ? 'ログビューアで開く' : 'Open in Log Viewer'}: ${shown}${filtered}` });
    else out.push({ range: l.range, target: uriOfPath(shown), tooltip });
  }
  return out;
}
