import type { CodeLens, Range } from 'vscode-languageserver-types';
import type { FirewalldTree } from './firewalld/parse';
import { attrValue, type XmlElement } from './firewalld/xml';
import type { LrTree } from './logrotate/tree';
import { parseStatus, type StatusEntry } from './logrotateStatus/parse';
import { pathOfUri, treeResolver, uriOfPath, type PathResolver } from './common/paths';
import type { LanguageContext, LanguageFacade, ParsedDocument } from './common/types';

/**
 * Code lenses: above a logrotate definition, how many files its patterns match now and when they
 * were last rotated; above an rsyslog file action, "Open log"; on a firewalld zone, what it lets in.
 * The file system is reached through `LensFiles` so that the counting work stays bounded.
 */

/** The file-system reads the lenses need. */
export interface LensFiles {
  /** Names in a directory, or undefined when it cannot be read. */
  readdir(dir: string): string[] | undefined;
  /** A small text file's content, or undefined when it cannot be read. */
  readText(file: string): string | undefined;
  exists(file: string): boolean;
}

/** Directory entries one lens may look at: a `/var/log/*` over a huge folder stops there. */
export const LENS_ENTRY_BUDGET = 10_000;

/** logrotate's state file, by distribution (Debian, RHEL). */
export const STATUS_FILES = ['/var/lib/logrotate/status', '/var/lib/logrotate/logrotate.status'];

const OPEN_LOG = 'linuxAdminConfigs.logViewer.open';

function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when `file` matches the glob `pattern` (segment by segment, as the shell does). */
export function globMatches(pattern: string, file: string): boolean {
  const p = pattern.split('/');
  const f = file.split('/');
  if (p.length !== f.length) return false;
  return p.every((seg, i) => (/[*?[]/.test(seg) ? segmentRegExp(seg).test(f[i]) && !(f[i].startsWith('.') && !seg.startsWith('.')) : seg === f[i]));
}

/**
 * The files an absolute glob matches, reading at most `budget.left` directory entries in all;
 * `complete` is false when the budget ran out (the count is then a lower bound).
 */
export function expandBounded(pattern: string, files: LensFiles, budget: { left: number }): { files: string[]; complete: boolean } {
  const parts = pattern.split('/').filter(Boolean);
  let current = [''];
  let complete = true;
  for (const part of parts) {
    const next: string[] = [];
    if (!/[*?[]/.test(part)) {
      for (const d of current) next.push(`${d}/${part}`);
    } else {
      const re = segmentRegExp(part);
      for (const d of current) {
        const names = files.readdir(d || '/');
        if (!names) continue;
        if (names.length > budget.left) {
          complete = false;
          names.length = Math.max(0, budget.left);
        }
        budget.left -= names.length;
        for (const n of names) if (re.test(n) && (!n.startsWith('.') || part.startsWith('.'))) next.push(`${d}/${n}`);
        if (budget.left <= 0) break;
      }
    }
    current = next;
  }
  return { files: current.filter((f) => files.exists(f)), complete };
}

/** The entries of the first readable state file (through the resolver, into a copy of a system tree first). */
function statusEntries(files: LensFiles, resolver: PathResolver, uri: string): StatusEntry[] | undefined {
  for (const s of STATUS_FILES) {
    for (const c of resolver.candidates(s, uri)) {
      const text = files.readText(c);
      if (text !== undefined) return parseStatus(text).tree.entries;
    }
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function stamp(r: NonNullable<StatusEntry['rotated']>): string {
  return `${r.year}-${pad(r.month)}-${pad(r.day)} ${pad(r.hour)}:${pad(r.minute)}`;
}

const later = (a: NonNullable<StatusEntry['rotated']>, b: NonNullable<StatusEntry['rotated']>) => stamp(a) > stamp(b) || (stamp(a) === stamp(b) && a.second > b.second);

const info = (range: Range, title: string): CodeLens => ({ range, command: { title, command: '' } });

/** One lens per definition: "N files match · last rotated DATE". */
export function logrotateLenses(doc: ParsedDocument<LrTree>, ctx: LanguageContext, files: LensFiles): CodeLens[] {
  const resolver = ctx.paths ?? treeResolver;
  const ja = ctx.locale === 'ja';
  const from = pathOfUri(ctx.uri);
  let status: StatusEntry[] | undefined | null = null;
  const out: CodeLens[] = [];
  for (const block of doc.tree.blocks) {
    const budget = { left: LENS_ENTRY_BUDGET };
    const matched = new Set<string>();
    let complete = true;
    for (const w of block.paths) {
      if (!w.text.startsWith('/') && !from) continue;
      const r = expandBounded(resolver.resolve(w.text, ctx.uri), files, budget);
      for (const f of r.files) matched.add(f);
      complete &&= r.complete;
    }
    const n = `${matched.size}${complete ? '' : '+'}`;
    let title = ja ? `一致するファイル: ${n} 件` : matched.size === 1 && complete ? '1 file matches' : `${n} files match`;
    if (status === null) status = statusEntries(files, resolver, ctx.uri);
    if (status) {
      let last: StatusEntry['rotated'];
      for (const e of status) {
        if (!e.rotated || !block.paths.some((w) => globMatches(w.text, e.path))) continue;
        if (!last || later(e.rotated, last)) last = e.rotated;
      }
      if (last) title += ja ? ` · 最終ローテート ${stamp(last)}` : ` · last rotated ${stamp(last)}`;
      else title += ja ? ' · 状態ファイルに記録なし' : ' · not in the state file yet';
    }
    out.push(info(block.pathsRange, title));
  }
  return out;
}

/** "Open log" above every file an rsyslog action writes (no lens for globs or templates). */
export function rsyslogLenses<T>(facade: LanguageFacade<T>, doc: ParsedDocument<T>, ctx: LanguageContext): CodeLens[] {
  const links = facade.navigation?.links?.(doc, ctx.uri) ?? [];
  const resolver = ctx.paths ?? treeResolver;
  const out: CodeLens[] = [];
  const seenLines = new Set<number>();
  for (const l of links) {
    if (!l.log || !l.path.startsWith('/') || /[*?[]/.test(l.path) || seenLines.has(l.range.start.line)) continue;
    seenLines.add(l.range.start.line);
    const file = resolver.resolve(l.path, ctx.uri);
    out.push({ range: l.range, command: { title: ctx.locale === 'ja' ? 'ログを開く' : 'Open log', command: OPEN_LOG, arguments: [uriOfPath(file)] } });
  }
  return out;
}

/** What a zone lets in, on one line: services, ports, protocols, and how many rich rules. */
export function zoneLetsIn(root: XmlElement, ja: boolean): string {
  const services: string[] = [];
  const ports: string[] = [];
  let rules = 0;
  let masquerade = false;
  for (const c of root.children) {
    if (c.name === 'service') services.push(attrValue(c, 'name') ?? '?');
    else if (c.name === 'port') ports.push(`${attrValue(c, 'port') ?? '?'}/${attrValue(c, 'protocol') ?? '?'}`);
    else if (c.name === 'protocol') ports.push(attrValue(c, 'value') ?? '?');
    else if (c.name === 'rule') rules++;
    else if (c.name === 'masquerade') masquerade = true;
  }
  const target = attrValue(root, 'target');
  const parts: string[] = [];
  if (services.length) parts.push((ja ? 'サービス ' : 'services ') + services.join(', '));
  if (ports.length) parts.push((ja ? 'ポート ' : 'ports ') + ports.join(', '));
  if (rules) parts.push(ja ? `リッチルール ${rules} 件` : `${rules} rich rule${rules === 1 ? '' : 's'}`);
  if (masquerade) parts.push(ja ? 'マスカレード' : 'masquerading');
  if (target === 'ACCEPT') return ja ? '受け入れ: すべて (target ACCEPT)' : 'Lets in: everything (target ACCEPT)';
  if (!parts.length) return ja ? '受け入れ: なし (確立済みの接続と ICMP のみ)' : 'Lets in: nothing new (established traffic and ICMP only)';
  return (ja ? '受け入れ: ' : 'Lets in: ') + parts.join('; ');
}

/** The zone's lens, on its root element. */
export function firewalldLenses(doc: ParsedDocument<FirewalldTree>, ctx: LanguageContext): CodeLens[] {
  const root = doc.tree.root;
  if (!root || root.name !== 'zone') return [];
  const range = doc.lines.range(root.nameStart, root.nameEnd);
  return [info(range, zoneLetsIn(root, ctx.locale === 'ja'))];
}
