import { lineRange } from '../common/text';
import type { Finding, LanguageContext, Localized, ParsedDocument } from '../common/types';
import { BUILTIN_CHAINS, sameProtocol, table as tableEntry, TARGETS, UNDESCRIBED_TARGETS, type Family } from './catalog';
import { checkConstraints } from './constraints';
import { generatedOf } from './generated';
import { familyOf } from './family';
import { suggested } from './interpret';
import { checkSharedNames } from './sharedNames';
import type { IptablesTree, Rule, Table } from './tree';
import { checkValues, type ValueContext } from './values';

const VERDICT_TEXT: Record<string, Localized> = {
  accept: { en: 'accepts', ja: '許可' },
  drop: { en: 'drops', ja: '破棄' },
  reject: { en: 'rejects', ja: '拒否' },
};

const FAMILY_NAME: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** True when the rule matches every packet: no match condition at all, only a verdict. */
export function isCatchAll(rule: Rule): boolean {
  if (rule.command?.name !== '--append' || !rule.target?.entry) return false;
  const verdict = rule.target.info ? rule.target.info.verdict : rule.target.entry.verdict;
  if (verdict !== 'accept' && verdict !== 'drop' && verdict !== 'reject') return false;
  for (const m of rule.matches) if (!(m.info ? m.info.alwaysMatches : m.entry?.alwaysMatches)) return false;
  for (const it of rule.items) {
    if (it.negated) return false;
    if (it.owner === 'command' || it.owner === 'target') continue;
    if (it.owner === 'match') continue; // only always-matching matches are left (comment)
    switch (it.name) {
      case '--jump':
      case '--set-counters':
      case '--ipv4':
      case '--ipv6':
      case '--match':
        continue;
      case '--protocol':
        if (it.args[0] && ['all', '0'].includes(it.args[0].text.toLowerCase())) continue;
        return false;
      default:
        return false;
    }
  }
  return true;
}

/** Commands after which the dead-rule check forgets what it knew about the chain. */
const CHAIN_CHANGES = new Set(['--flush', '--delete', '--replace', '--insert']);

function tableChains(t: Table): { builtin: Set<string>; user: Set<string> } {
  const builtin = new Set(tableEntry(t.name)?.chains ?? []);
  const user = new Set<string>();
  for (const c of t.chains) if (!builtin.has(c.name)) user.add(c.name);
  for (const r of t.rules) {
    if (r.command?.name === '--new-chain' && r.chain) user.add(r.chain.text);
    if (r.command?.name === '--rename-chain' && r.extra) user.add(r.extra.text);
  }
  return { builtin, user };
}

/** Semantic checks over the whole file: chains, targets per table, families, dead rules. */
export function validate(doc: ParsedDocument<IptablesTree>, ctx: LanguageContext): Finding[] {
  const out: Finding[] = [];
  const tree = doc.tree;
  const { family, source } = familyOf(ctx.uri, tree);
  for (const u of tree.unclosed) {
    out.push({
      code: 'iptables/missing-commit',
      range: u.range,
      args: { name: u.table.name },
      related: [{ uri: ctx.uri, range: u.table.nameRange, message: { en: 'the table starts here', ja: 'テーブルの開始位置' } }],
    });
  }
  for (const t of tree.tables) validateTable(t, family, source, ctx, out);
  checkSharedNames(tree, family, ctx.uri, out);
  return out;
}

function validateTable(t: Table, family: Family | undefined, source: string, ctx: LanguageContext, out: Finding[]): void {
  const known = tableEntry(t.name);
  const { builtin, user } = tableChains(t);
  // A table that declares none of its built-in chains may be a fragment for --noflush, which adds
  // to the chains already loaded; iptables-save output always declares them.
  const fragment = !t.chains.some((c) => builtin.has(c.name));
  const seenChains = new Set<string>();
  for (const c of t.chains) {
    if (!c.name) continue;
    if (seenChains.has(c.name)) out.push({ code: 'iptables/duplicate-chain', range: c.nameRange, args: { chain: c.name } });
    seenChains.add(c.name);
    if (!c.policy || !c.policyRange || !known) continue;
    if (builtin.has(c.name)) {
      if (!['ACCEPT', 'DROP', '-'].includes(c.policy)) {
        const h = suggested(c.policy, ['ACCEPT', 'DROP']);
        out.push({ code: 'iptables/bad-policy', range: c.policyRange, args: { policy: c.policy, suggestion: h.suggestion }, data: { suggestions: h.suggestions } });
      }
    } else if (c.policy !== '-') {
      out.push({ code: 'iptables/user-chain-policy', range: c.policyRange, args: { chain: c.name, table: t.name }, data: { replacement: '-' } });
    }
  }
  const catchAll = new Map<string, Rule>();
  const vc: ValueContext = { line: 0, family, familySource: source, out, host: ctx.host };
  for (const rule of t.rules) {
    if (family && rule.onlyFamily && rule.onlyFamily !== family) continue;
    const chain = rule.chain?.text;
    const inBuiltin = !!chain && builtin.has(chain);
    if (known && chain && rule.chain && rule.command && rule.command.name !== '--new-chain' && !inBuiltin && !user.has(chain)) {
      const h = suggested(chain, [...builtin, ...user]);
      out.push({
        code: fragment && !h.suggestions.some((x) => builtin.has(x)) ? 'iptables/chain-not-in-file' : 'iptables/undeclared-chain',
        range: lineRange(rule.line, rule.chain.start, rule.chain.end),
        args: { chain, table: t.name, suggestion: h.suggestion },
        data: { chain, suggestions: h.suggestions },
      });
    }
    if (known && rule.command?.name === '--policy' && chain && rule.extra && !['ACCEPT', 'DROP'].includes(rule.extra.text)) {
      const h = suggested(rule.extra.text, ['ACCEPT', 'DROP']);
      out.push({ code: 'iptables/bad-policy', range: lineRange(rule.line, rule.extra.start, rule.extra.end), args: { policy: rule.extra.text, suggestion: h.suggestion }, data: { suggestions: h.suggestions } });
    } else if (known && rule.command?.name === '--policy' && rule.extra) {
      // -P takes a verdict the table allows (iptables inhibits DROP in nat), as -j does.
      const tables = TARGETS.find((x) => x.name === rule.extra!.text)?.tables;
      if (tables && !tables.includes(t.name)) out.push({ code: 'iptables/target-not-in-table', range: lineRange(rule.line, rule.extra.start, rule.extra.end), args: { target: rule.extra.text, tables: tables.join(', '), table: t.name } });
    }
    // Values, interfaces per chain, families.
    vc.line = rule.line;
    vc.protocol = rule.protocol && !rule.protocol.negated ? rule.protocol.name : undefined;
    vc.anyProtocol = rule.protocol?.name;
    const items = rule.items;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      const info = it.info;
      if (!info) continue;
      const hd = it.entry?.hostDependent;
      const v = it.first?.text;
      // A name the host maps to a number (namesOnly): not judged by the number's grammar.
      const hostName = !!hd && v !== undefined && v !== '' && !hd.except?.includes(v) && (!hd.namesOnly || /^[A-Za-z_]/.test(v));
      if (hostName) out.push({ code: 'iptables/host-dependent-value', range: lineRange(rule.line, it.first!.start, it.first!.end), args: { name: it.token.text, value: v, why: hd.why } });
      if ((info.type !== undefined || info.loadChecked) && !(hostName && hd.namesOnly)) checkValues(it, vc);
      const byValue = v !== undefined && inBuiltin ? it.entry?.chainsByValue?.[v] : undefined;
      if (byValue && !byValue.includes(chain!)) {
        out.push({ code: 'iptables/option-wrong-chain', range: lineRange(rule.line, it.token.start, it.first!.end), args: { name: `${it.token.text} ${v}`, chain: chain!, chains: byValue.join(', ') } });
      }
      if (info.chains && inBuiltin && !info.chains.includes(chain!)) {
        out.push({ code: 'iptables/option-wrong-chain', range: lineRange(rule.line, it.token.start, it.token.end), args: { name: it.token.text, chain: chain!, chains: info.chains.join(', ') } });
      }
      if (family && info.family && info.family !== family) {
        out.push({ code: 'iptables/module-family', range: lineRange(rule.line, it.token.start, it.token.end), args: { name: it.token.text, found: FAMILY_NAME[info.family as Family], family: FAMILY_NAME[family] } });
      }
    }
    if (family && rule.protocol && !rule.protocol.negated) {
      const p = rule.protocol.name;
      if (family === 'ipv6' && p === 'icmp') {
        out.push({ code: 'iptables/protocol-family', range: lineRange(rule.line, rule.protocol.token.start, rule.protocol.token.end), args: { value: rule.protocol.token.text, family: 'IPv6', instead: 'icmpv6' } });
      } else if (family === 'ipv4' && p === 'icmpv6') {
        out.push({ code: 'iptables/protocol-family', range: lineRange(rule.line, rule.protocol.token.start, rule.protocol.token.end), args: { value: rule.protocol.token.text, family: 'IPv4', instead: 'icmp' } });
      }
    }
    for (const m of rule.matches) {
      const mi = m.info;
      if (!mi) continue;
      if (family && mi.family && mi.family !== family) {
        const tok = m.implicit ? (m.options[0]?.token ?? m.token) : m.token;
        out.push({ code: 'iptables/module-family', range: lineRange(rule.line, tok.start, tok.end), args: { name: m.implicit ? tok.text : `-m ${m.name}`, found: FAMILY_NAME[mi.family as Family], family: FAMILY_NAME[family] } });
      }
      if (mi.chains && inBuiltin && !mi.chains.includes(chain!) && !generatedOf(mi.entry)) {
        out.push({ code: 'iptables/option-wrong-chain', range: lineRange(rule.line, m.token.start, m.token.end), args: { name: `-m ${m.name}`, chain: chain!, chains: mi.chains.join(', ') } });
      }
    }
    if (known && rule.target) checkTarget(rule, t, builtin, user, family, fragment, out);
    if (known) checkConstraints(rule, t.name, inBuiltin ? chain : undefined, family, out);
    // Dead rules after a catch-all in the same chain.
    if (chain && rule.command?.name === '--append') {
      const first = catchAll.get(chain);
      if (first) {
        out.push({
          code: 'iptables/unreachable-rule',
          range: rule.range,
          args: { chain, line: first.line + 1, verdict: VERDICT_TEXT[first.target!.info?.verdict ?? first.target!.entry!.verdict!] },
          tags: ['unnecessary'],
          related: [{ uri: ctx.uri, range: first.range, message: { en: 'this rule matches every packet', ja: 'このルールがすべてのパケットに一致します' } }],
        });
      } else if (isCatchAll(rule)) {
        catchAll.set(chain, rule);
      }
    } else if (chain && rule.command && CHAIN_CHANGES.has(rule.command.name)) {
      catchAll.delete(chain); // the chain changed in ways we do not follow
    }
  }
}

/** The range of the rule's target, made only when a finding needs it. */
function targetRange(rule: Rule) {
  return lineRange(rule.line, rule.target!.token.start, rule.target!.token.end);
}

function checkTarget(rule: Rule, t: Table, builtin: Set<string>, user: Set<string>, family: Family | undefined, fragment: boolean, out: Finding[]): void {
  const tgt = rule.target;
  if (!tgt || !tableEntry(t.name)) return;
  const chain = rule.chain?.text;
  const e = tgt.info;
  if (!e || tgt.goto) {
    if (user.has(tgt.name) || (!tgt.goto && UNDESCRIBED_TARGETS.has(tgt.name))) return;
    const valid = TARGETS.filter((x) => !x.tables || x.tables.includes(t.name)).map((x) => x.name);
    const cands = tgt.goto ? [...user] : [...valid, ...user];
    if (BUILTIN_CHAINS.has(tgt.name) || !tgt.goto || !e) {
      const h = suggested(tgt.name, cands);
      if (fragment && !h.suggestions.some((x) => !user.has(x)) && !BUILTIN_CHAINS.has(tgt.name)) {
        // Close to no target: most likely a chain the host already has.
        out.push({ code: 'iptables/chain-not-in-file', range: targetRange(rule), args: { chain: tgt.name, table: t.name }, data: { chain: tgt.name } });
      } else {
        out.push({ code: 'iptables/unknown-target', range: targetRange(rule), args: { name: tgt.name, table: t.name, suggestion: h.suggestion }, data: { suggestions: h.suggestions } });
      }
    }
    return;
  }
  if (generatedOf(e.entry)) {
    // constraints.ts checks where the kernel loads it.
  } else if (e.tables && !e.tables.includes(t.name)) {
    out.push({ code: 'iptables/target-not-in-table', range: targetRange(rule), args: { target: e.name, tables: e.tables.join(', '), table: t.name } });
  } else if (e.chains && chain && builtin.has(chain) && !e.chains.includes(chain)) {
    out.push({ code: 'iptables/target-not-in-chain', range: targetRange(rule), args: { target: e.name, chains: e.chains.join(', '), chain } });
  }
  if (family && e.family && e.family !== family) {
    out.push({ code: 'iptables/module-family', range: targetRange(rule), args: { name: e.name, found: FAMILY_NAME[e.family as Family], family: FAMILY_NAME[family] } });
  }
  const isTcp = rule.protocol && !rule.protocol.negated && rule.protocol.name === 'tcp';
  // The protocols the target loads with (TPROXY: tcp or udp).
  const p = rule.protocol && !rule.protocol.negated ? rule.protocol.name : undefined;
  if (e.protocols?.includes('tcp') && !(p && e.protocols.some((q) => sameProtocol(q, p)))) {
    out.push({ code: 'iptables/target-needs-protocol', range: targetRange(rule), args: { what: `-j ${e.name}` } });
  }
  if (e.name === 'REJECT' && !isTcp) {
    const rw = rule.items.find((i) => i.name === '--reject-with');
    const v = rw?.args[0];
    if (v && (v.text === 'tcp-reset' || v.text === 'tcp-rst')) {
      out.push({ code: 'iptables/target-needs-protocol', range: lineRange(rule.line, v.start, v.end), args: { what: '--reject-with tcp-reset' } });
    }
  }
}
