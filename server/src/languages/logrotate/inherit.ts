import { pathOfUri, treeResolver } from '../common/paths';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { workspaceMemo } from '../common/workspaceMemo';
import { CATALOG } from './catalog';
import { ArgType } from './info';
import type { Applied, Effective } from './scope';
import type { LrDirective, LrTree } from './tree';

/** An `include` of a workspace file: where it is, and what it names once resolved. */
interface IncludeSite {
  uri: string;
  doc: ParsedDocument<LrTree>;
  /** Index of the include among the file's top-level items. */
  at: number;
  target: string;
}

/** Every top-level `include` of the workspace's logrotate files, resolved (into a copy of a system tree first). */
function includes(ctx: LanguageContext): IncludeSite[] {
  const resolver = ctx.paths ?? treeResolver;
  return workspaceMemo(ctx.workspace, 'logrotate/includes', () => {
    const out: IncludeSite[] = [];
    for (const d of ctx.workspace.documents('logrotate')) {
      const doc = d.parsed as ParsedDocument<LrTree>;
      const items = doc?.tree?.items ?? [];
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        if (it.type !== 'directive' || it.info.argType !== ArgType.Include || it.args.length !== 1) continue;
        out.push({ uri: d.uri, doc, at: i, target: resolver.resolve(it.argText, d.uri).replace(/\/+$/, '') });
      }
    }
    return out;
  });
}

/** True when logrotate reads `file` through an include of `target` (the file itself, or a file of that folder). */
function reads(target: string, file: string): boolean {
  return file === target || (file.startsWith(target + '/') && !file.slice(target.length + 1).includes('/'));
}

function baseName(uri: string): string {
  const p = pathOfUri(uri) ?? uri;
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The settings a file inherits from the configuration that includes it: the global directives that
 * file has before its `include` (logrotate reads an included file with the defaults as they stand
 * there), and what that file inherits in turn. Empty when no workspace file includes it.
 */
export function inheritedFor(uri: string, ctx: LanguageContext, depth = 0): Effective {
  const eff: Effective = new Map();
  const file = pathOfUri(uri);
  if (!file || depth > 4) return eff;
  const site = includes(ctx).find((s) => s.uri !== uri && reads(s.target, file));
  if (!site) return eff;
  for (const [k, v] of inheritedFor(site.uri, ctx, depth + 1)) eff.set(k, v);
  const from = baseName(site.uri);
  const items = site.doc.tree.items;
  for (let i = 0; i < site.at; i++) {
    const it = items[i];
    if (it.type !== 'directive' || it.info.argType === ArgType.Include) continue;
    const entry = CATALOG.get(it.name);
    if (entry) eff.set(entry.setting ?? it.name, { item: it as LrDirective, entry, global: true, from } satisfies Applied);
  }
  return eff;
}
