// Kernel objects that rules share by name: a hashlimit table, an IDLETIMER timer. The first rule
// to load makes the object; the kernel refuses a later rule of the same name whose setting named
// by `sharedName.agree` in loadChecks.json differs (with or without --hashlimit-rate-match,
// --alarm). The check spans every table of the file, as the tables are committed one by one.
import { lineRange } from '../common/text';
import type { Finding, Localized } from '../common/types';
import { loadChecksOf, type SharedName } from './loadChecks';
import type { IptablesTree, RuleItem, Token } from './tree';

interface FirstUse {
  agree: boolean;
  line: number;
  token: Token;
}

/** Commands that load the rule's matches and target into the kernel. */
const ADDS = new Set(['--append', '--insert', '--replace']);

const WITH: Localized = { en: 'with', ja: 'あり' };
const WITHOUT: Localized = { en: 'without', ja: 'なし' };

interface Use {
  /** `match hashlimit`, `target IDLETIMER`: names are counted per extension. */
  ext: string;
  shared: SharedName;
  options: RuleItem[];
  family: string;
  line: number;
}

/** Every use of an extension whose name is shared, in file order. */
function* uses(tree: IptablesTree, family: string | undefined): Generator<Use> {
  for (const t of tree.tables) {
    for (const rule of t.rules) {
      if (family && rule.onlyFamily && rule.onlyFamily !== family) continue;
      if (!ADDS.has(rule.command?.name ?? '')) continue; // -D and -C load nothing
      const fam = rule.onlyFamily ?? family ?? '';
      for (const m of rule.matches) {
        const shared = loadChecksOf('match', m.name)?.sharedName;
        if (shared) yield { ext: `match ${m.name}`, shared, options: m.options, family: fam, line: rule.line };
      }
      const tg = rule.target;
      const shared = tg && !tg.goto ? loadChecksOf('target', tg.name)?.sharedName : undefined;
      if (shared) yield { ext: `target ${tg!.name}`, shared, options: rule.items.filter((i) => i.owner === 'target'), family: fam, line: rule.line };
    }
  }
}

/** Later uses of a shared name that differ from its first use in the setting that must agree. */
export function checkSharedNames(tree: IptablesTree, family: string | undefined, uri: string, out: Finding[]): void {
  const first = new Map<string, FirstUse>();
  for (const { ext, shared, options, family: fam, line } of uses(tree, family)) {
    const named = options.find((o) => o.name === shared.option);
    if (!named?.first) continue;
    const agree = options.some((o) => o.name === shared.agree);
    const key = `${ext}\0${shared.perFamily ? fam : ''}\0${named.first.text}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, { agree, line, token: named.first });
      continue;
    }
    if (seen.agree === agree) continue;
    out.push({
      code: 'iptables/shared-name-conflict',
      range: lineRange(line, named.first.start, named.first.end),
      args: { name: shared.option, value: named.first.text, line: seen.line + 1, first: seen.agree ? WITH : WITHOUT, here: agree ? WITH : WITHOUT, agree: shared.agree },
      related: [{ uri, range: lineRange(seen.line, seen.token.start, seen.token.end), message: { en: 'the first use of the name', ja: 'この名前の最初の使用' } }],
    });
  }
}
