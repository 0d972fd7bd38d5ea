import type { LanguageContext, ParsedDocument } from '../common/types';
import { workspaceMemo } from '../common/workspaceMemo';
import { normalizeModule } from './catalog';
import { paramText, param, type RsyslogTree, type Span } from './tree';

export interface Definition {
  name: string;
  span: Span;
  /** A module loaded by `$ModLoad` rather than `module(load=…)`. */
  legacy?: boolean;
}

/** What one file defines or loads: templates, rulesets and modules. */
export interface FileDefs {
  templates: Definition[];
  rulesets: Definition[];
  /** Modules loaded by module(load=…) or $ModLoad, normalized (`imudp`). */
  loads: Definition[];
  /** Offset of the first include of the `rsyslog.d/` drop-ins, or -1 (main files have one). */
  includeAt: number;
  /** Output channels defined by `$outchannel NAME,FILE,…`. */
  outchannels: Definition[];
}

const cache = new WeakMap<RsyslogTree, FileDefs>();

/** The definitions of one parsed file, computed once per tree. */
export function defsOf(tree: RsyslogTree): FileDefs {
  let d = cache.get(tree);
  if (d) return d;
  d = { templates: [], rulesets: [], loads: [], includeAt: -1, outchannels: [] };
  const out = d;
  // Modules, templates and rulesets are defined at the top level only (rsyslog requires it).
  for (const s of tree.declarations ?? tree.statements) {
    if (s.type === 'object') {
      const n = s.name.text.toLowerCase();
      if (n === 'template' || n === 'ruleset') {
        const p = param(s, 'name');
        const name = paramText(s, 'name');
        if (name && p?.value) (n === 'template' ? out.templates : out.rulesets).push({ name, span: p.value });
      } else if (n === 'include') {
        if (out.includeAt < 0 && /rsyslog\.d\//.test(paramText(s, 'file') ?? '')) out.includeAt = s.start;
      } else if (n === 'module') {
        const p = param(s, 'load');
        if (p?.value && p.value.kind !== 'array' && p.value.text) out.loads.push({ name: normalizeModule(p.value.text), span: p.value });
      }
    } else if (s.type === 'directive') {
      const n = s.name.text.toLowerCase();
      const a = s.args[0];
      if (!a) continue;
      if (n === '$includeconfig') {
        if (out.includeAt < 0 && /rsyslog\.d\//.test(a.text)) out.includeAt = s.start;
      } else if (n === '$modload') out.loads.push({ name: normalizeModule(a.text), span: a, legacy: true });
      else if (n === '$template') {
        const comma = a.text.indexOf(',');
        const name = comma >= 0 ? a.text.slice(0, comma) : a.text;
        if (name) out.templates.push({ name, span: { start: a.start, end: a.start + name.length } });
      } else if (n === '$ruleset') out.rulesets.push({ name: a.text, span: a });
      else if (n === '$outchannel') {
        const name = a.text.split(',')[0].trim();
        if (name) out.outchannels.push({ name, span: { start: a.start, end: a.start + name.length } });
      }
    }
  }
  cache.set(tree, out);
  return out;
}

/**
 * The configuration tree a file belongs to: the directory holding `rsyslog.conf`, for that file
 * and for the drop-ins of its `rsyslog.d/`. Undefined for files laid out otherwise.
 */
export function configRoot(uri: string): string | undefined {
  const p = uri.replace(/[?#].*$/, '');
  const parts = p.split('/');
  const base = parts[parts.length - 1];
  if (base === 'rsyslog.conf') return parts.slice(0, -1).join('/');
  if (parts.length >= 2 && parts[parts.length - 2] === 'rsyslog.d') return parts.slice(0, -2).join('/');
  return undefined;
}

/** A definition or module load and the file it is in. */
export interface Site {
  uri: string;
  doc: ParsedDocument<RsyslogTree>;
  def: Definition;
}

type Kind = 'templates' | 'rulesets' | 'loads' | 'rainerLoads' | 'outchannels';
/** Sites kept per name and kind: enough to find one in another file, and to order templates. */
const KEEP = 4;
const KINDS: Kind[] = ['templates', 'rulesets', 'loads', 'rainerLoads', 'outchannels'];

/**
 * What the files of one configuration define, by lower-cased name (module names are already
 * normalized): the first site in each of at most KEEP files.
 */
type Group = Record<Kind, Map<string, Site[]>>;

interface WorkspaceIndex {
  /** Files laid out as a configuration (see configRoot), by root. */
  roots: Map<string, Group>;
  /** Files outside any such layout: they belong with every configuration. */
  loose: Group;
  /** Every file, for a current file outside any layout. */
  all: Group;
}

function newGroup(): Group {
  return { templates: new Map(), rulesets: new Map(), loads: new Map(), rainerLoads: new Map(), outchannels: new Map() };
}

function put(g: Group, kind: Kind, key: string, site: Site): void {
  const list = g[kind].get(key);
  if (!list) g[kind].set(key, [site]);
  else if (list.length < KEEP && !list.some((x) => x.uri === site.uri)) list.push(site);
}

function keyOf(kind: Kind, d: Definition): string {
  return kind === 'loads' || kind === 'rainerLoads' ? d.name : d.name.toLowerCase();
}

/** Every rsyslog file of the workspace indexed once per workspace generation (linear in files). */
function workspaceIndex(ctx: LanguageContext): WorkspaceIndex {
  return workspaceMemo(ctx.workspace, 'rsyslog/defs', () => {
    const ix: WorkspaceIndex = { roots: new Map(), loose: newGroup(), all: newGroup() };
    for (const o of ctx.workspace.documents('rsyslog')) {
      const doc = o.parsed as ParsedDocument<RsyslogTree>;
      if (!doc || !doc.tree || !Array.isArray(doc.tree.statements)) continue;
      const root = configRoot(o.uri);
      let g = ix.loose;
      if (root !== undefined) {
        g = ix.roots.get(root) ?? newGroup();
        ix.roots.set(root, g);
      }
      const d = defsOf(doc.tree);
      for (const kind of KINDS) {
        for (const def of kind === 'rainerLoads' ? d.loads.filter((l) => !l.legacy) : d[kind]) {
          const site = { uri: o.uri, doc, def };
          put(g, kind, keyOf(kind, def), site);
          put(ix.all, kind, keyOf(kind, def), site);
        }
      }
    }
    return ix;
  });
}

/**
 * The configuration one file belongs to: the file itself (as parsed now) and the other rsyslog
 * files of the workspace with the same configuration root, so that two hosts' configurations
 * side by side in one repository stay apart.
 */
export class Scope {
  private readonly groups: Group[];
  private readonly own: FileDefs;
  constructor(
    private readonly doc: ParsedDocument<RsyslogTree>,
    private readonly ctx: LanguageContext,
  ) {
    const ix = workspaceIndex(ctx);
    const root = configRoot(ctx.uri);
    this.groups = root === undefined ? [ix.all] : [ix.roots.get(root) ?? newGroup(), ix.loose];
    this.own = defsOf(doc.tree);
  }

  /** The first site of `key` in another file of the configuration. */
  other(kind: Kind, key: string): Site | undefined {
    for (const g of this.groups) {
      const list = g[kind].get(key);
      if (list) for (const s of list) if (s.uri !== this.ctx.uri && s.doc !== this.doc) return s;
    }
    return undefined;
  }

  /** True when this file or another of the configuration defines (or loads) `key`. */
  has(kind: Kind, key: string): boolean {
    const own = kind === 'rainerLoads' ? this.own.loads.filter((l) => !l.legacy) : this.own[kind];
    for (const d of own) if (keyOf(kind, d) === key) return true;
    return this.other(kind, key) !== undefined;
  }

  /**
   * Where a template used at `offset` of this file is defined, in the order rsyslog reads the
   * configuration (rsyslog.conf up to its include of `rsyslog.d/*.conf`, the drop-ins by name,
   * then the rest of rsyslog.conf): 'before', 'later' with the first definition found, or
   * 'nowhere'. rsyslogd disables an action whose template is defined only further on.
   */
  templateOrder(key: string, offset: number): { order: 'before' | 'nowhere' } | { order: 'later'; uri: string; doc: ParsedDocument<RsyslogTree>; def: Definition } {
    let later: { uri: string; doc: ParsedDocument<RsyslogTree>; def: Definition } | undefined;
    for (const d of this.own.templates) {
      if (d.name.toLowerCase() !== key) continue;
      if (d.span.start < offset) return { order: 'before' };
      later ??= { uri: this.ctx.uri, doc: this.doc, def: d };
    }
    for (const g of this.groups) {
      const list = g.templates.get(key);
      if (!list) continue;
      // A full list may leave out files that define it earlier: say nothing then.
      if (list.length >= KEEP) return { order: 'before' };
      for (const s of list) {
        if (s.uri === this.ctx.uri || s.doc === this.doc) continue;
        if (this.readBefore(s, offset)) return { order: 'before' };
        later ??= { uri: s.uri, doc: s.doc, def: s.def };
      }
    }
    return later ? { order: 'later', ...later } : { order: 'nowhere' };
  }

  /** True when rsyslog reads the site in another file before `offset` of this file (or when unsure). */
  private readBefore(site: Site, offset: number): boolean {
    const mine = this.ctx.uri.replace(/[?#].*$/, '').split('/');
    const theirs = site.uri.replace(/[?#].*$/, '').split('/');
    const dropIn = (p: string[]) => p.length >= 2 && p[p.length - 2] === 'rsyslog.d';
    const main = (p: string[]) => p[p.length - 1] === 'rsyslog.conf';
    if (dropIn(mine) && dropIn(theirs)) return theirs[theirs.length - 1] < mine[mine.length - 1];
    if (dropIn(mine) && main(theirs)) {
      const at = defsOf(site.doc.tree).includeAt;
      return at < 0 || site.def.span.start < at;
    }
    if (main(mine) && dropIn(theirs)) {
      const at = this.own.includeAt;
      return at < 0 || at < offset;
    }
    return true;
  }

  /** Names (lower-cased → spelled) of templates or rulesets defined in the configuration. */
  names(kind: 'templates' | 'rulesets'): Map<string, string> {
    const m = new Map<string, string>();
    for (const d of this.own[kind]) m.set(d.name.toLowerCase(), d.name);
    for (const g of this.groups) {
      for (const [key, list] of g[kind]) {
        if (m.has(key)) continue;
        const s = list.find((x) => x.uri !== this.ctx.uri && x.doc !== this.doc);
        if (s) m.set(key, s.def.name);
      }
    }
    return m;
  }
}

/** Names (lower-cased → spelled) of templates or rulesets defined anywhere in the configuration. */
export function workspaceNames(
  doc: ParsedDocument<RsyslogTree>,
  ctx: LanguageContext,
  which: 'templates' | 'rulesets',
): Map<string, string> {
  return new Scope(doc, ctx).names(which);
}
