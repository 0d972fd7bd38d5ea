import { didYouMean, suggestionText } from '../common/didYouMean';
import { lineRange } from '../common/text';
import type { Finding, Localized } from '../common/types';
import {
  ALL_OPTION_NAMES,
  OPTION_OWNERS,
  implicitMatch,
  match as matchEntry,
  MATCHES,
  moduleOption,
  option as optionEntry,
  OPTIONS,
  protocolName,
  target as targetEntry,
  UNDESCRIBED_MATCHES,
  UNDESCRIBED_TARGETS,
  type ModuleEntry,
  type OptionEntry,
} from './catalog';
import type { MatchUse, Rule, RuleItem, Token } from './tree';

const COMMANDS = new Set(OPTIONS.filter((o) => o.kind === 'command').flatMap((o) => [o.name, ...(o.aliases ?? [])]));
/** Options that may appear once per rule (iptables: "multiple -p flags not allowed"). */
const ONCE = new Set(['--protocol', '--source', '--destination', '--in-interface', '--out-interface', '--jump', '--goto', '--fragment', '--set-counters', '--match-zero']);

export function suggestion(word: string, candidates: Iterable<string>): Localized {
  const s = didYouMean(word, candidates);
  return { en: suggestionText(s, 'en'), ja: suggestionText(s, 'ja') };
}

function isOptionToken(t: Token | undefined): boolean {
  if (!t || t.quoted || t.text.length < 2 || t.text.charCodeAt(0) !== 45 /* - */) return false;
  const c = t.text.charCodeAt(1);
  // `-1` is a value (a negative number), but -4 and -6 are options.
  return c < 48 || c > 57 || t.text === '-4' || t.text === '-6';
}

function argCount(e: OptionEntry | undefined): number {
  if (!e) return 0;
  if (e.args !== undefined) return e.args;
  return e.type === 'none' ? 0 : 1;
}

type Cand = { entry: OptionEntry; owner: RuleItem['owner']; match?: MatchUse; name: string };

/** Spelling → option, per module, built once. */
const spellingCache = new WeakMap<object, Map<string, OptionEntry>>();
function spellings(key: object, options: OptionEntry[]): Map<string, OptionEntry> {
  let m = spellingCache.get(key);
  if (!m) {
    m = new Map();
    for (const o of options) for (const s of [o.name, ...(o.aliases ?? [])]) m.set(s, o);
    spellingCache.set(key, m);
  }
  return m;
}

/**
 * The option spellings valid at this point of the rule: the rule's own, then those of the
 * loaded matches (newest first, as iptables offers an option to the latest match) and the target.
 * Lookups go through per-module maps built once, so a rule costs no more than its options.
 */
export class ActiveOptions {
  readonly matches: MatchUse[] = [];
  target?: ModuleEntry;
  protocol?: string;
  private readonly loaded = new Set<ModuleEntry>();
  /** The newest use of each distinct match, most recent last (few, even in huge rules). */
  private readonly recent: MatchUse[] = [];
  constructor(private readonly base: Map<string, OptionEntry>) {}
  addMatch(m: MatchUse): void {
    this.matches.push(m);
    if (!m.entry) return;
    this.loaded.add(m.entry);
    const at = this.recent.findIndex((x) => x.entry === m.entry);
    if (at !== -1) this.recent.splice(at, 1);
    this.recent.push(m);
  }
  setTarget(t: ModuleEntry): void {
    this.target = t;
  }
  hasModule(m: ModuleEntry): boolean {
    return this.loaded.has(m);
  }
  private exact(word: string): Cand | undefined {
    if (this.target) {
      const e = spellings(this.target, this.target.options).get(word);
      if (e) return { entry: e, owner: 'target', name: e.name };
    }
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const m = this.recent[i];
      if (!m.entry) continue;
      const e = spellings(m.entry, m.entry.options).get(word);
      if (e) return { entry: e, owner: 'match', match: m, name: e.name };
    }
    const e = this.base.get(word);
    return e ? (e.kind === 'command' ? commandCand(e) : ruleCand(e)) : undefined;
  }
  /** Exact spelling first, then an unambiguous prefix of a long name (getopt_long). */
  resolve(word: string): Cand | undefined {
    const exact = this.exact(word);
    if (exact || !word.startsWith('--') || word.length < 3) return exact;
    const found = new Set<string>();
    const scan = (m: Map<string, OptionEntry>) => {
      for (const s of m.keys()) if (s.startsWith(word)) found.add(s);
    };
    scan(this.base);
    for (const m of this.recent) if (m.entry) scan(spellings(m.entry, m.entry.options));
    if (this.target) scan(spellings(this.target, this.target.options));
    const entries = new Set([...found].map((s) => this.exact(s)?.entry));
    return entries.size === 1 ? this.exact([...found][0]) : undefined;
  }
}

const candCache = new Map<OptionEntry, Cand>();
function ruleCand(e: OptionEntry): Cand {
  let c = candCache.get(e);
  if (!c) candCache.set(e, (c = { entry: e, owner: 'rule', name: e.name }));
  return c;
}
function commandCand(e: OptionEntry): Cand {
  let c = candCache.get(e);
  if (!c) candCache.set(e, (c = { entry: e, owner: 'command', name: e.name }));
  return c;
}

const BASE_OPTIONS = spellings(OPTIONS, OPTIONS.filter((o) => o.kind === 'option' || o.kind === 'command'));

/** The range of a token on its line. */
function tokRange(line: number, t: Token) {
  return lineRange(line, t.start, t.end);
}

function protocolsText(list: string[]): string {
  return list.map((p) => `\`-p ${p}\``).join(' / ');
}

/**
 * Reads the arguments of one rule line the way iptables' option parser does, in order: an
 * option is only known once the match (`-m`, or `-p` for tcp/udp/icmp) or the target (`-j`)
 * that defines it has been seen. Problems found on the way go to `out`.
 */
export function interpretRule(tokens: Token[], line: number, lineLength: number, out: Finding[], stopAt = Infinity): Rule {
  const rule: Rule = { line, range: lineRange(line, 0, lineLength), items: [], matches: [], tokens };
  let i = 0;
  if (tokens[0] && tokens[0].text.startsWith('[') && !tokens[0].quoted) {
    const m = /^\[(\d+):(\d+)\]$/.exec(tokens[0].text);
    if (m) rule.counters = { packets: m[1], bytes: m[2], token: tokens[0] };
    else out.push({ code: 'iptables/bad-counters', range: tokRange(line, tokens[0]) });
    i = 1;
  }
  const active = new ActiveOptions(BASE_OPTIONS);
  const seen = new Set<OptionEntry>();
  let unknownMatch = false;
  let pendingNeg: Token | undefined;
  while (i < tokens.length && tokens[i].start < stopAt) {
    const tok = tokens[i];
    if (tok.text === '!' && !tok.quoted) {
      const next = tokens[i + 1];
      if (pendingNeg || (next && !isOptionToken(next))) out.push({ code: 'iptables/stray-negation', range: tokRange(line, tok) });
      else pendingNeg = tok;
      i++;
      continue;
    }
    if (!tok.quoted && tok.text.startsWith('#')) break; // reported as a misplaced comment
    if (!isOptionToken(tok)) {
      out.push({ code: 'iptables/unexpected-argument', range: tokRange(line, tok), args: { text: tok.text } });
      pendingNeg = undefined;
      i++;
      continue;
    }
    const word = tok.text;
    let res = active.resolve(word);
    // `-p tcp` loads the tcp match the first time one of its options is used.
    if (!res && active.protocol && !rule.protocol?.negated) {
      const imp = implicitMatch(active.protocol);
      if (imp && !active.hasModule(imp) && (moduleOption(imp, word) || (word.startsWith('--') && word.length > 2 && imp.options.some((o) => [o.name, ...(o.aliases ?? [])].some((s) => s.startsWith(word)))))) {
        const use: MatchUse = { name: imp.name, entry: imp, token: tok, implicit: true, options: [] };
        active.addMatch(use);
        rule.matches.push(use);
        res = active.resolve(word);
      }
    }
    if (!res) {
      // After an unknown `-m`, its options cannot be told from typos: the match was reported.
      if (!unknownMatch) unknownOption(tok, out, line);
      pendingNeg = undefined;
      i++;
      // Skip what look like its arguments so that they are not reported twice.
      while (i < tokens.length && !isOptionToken(tokens[i]) && tokens[i].text !== '!') i++;
      continue;
    }
    const { entry, owner } = res;
    const item: RuleItem = { name: res.name, token: tok, entry, owner, args: [] };
    if (res.match) item.match = res.match;
    i++;
    if (pendingNeg) {
      item.negated = pendingNeg;
      if (!entry.negatable) out.push({ code: 'iptables/cannot-negate', range: tokRange(line, pendingNeg), args: { name: word } });
      pendingNeg = undefined;
    }
    const need = argCount(entry);
    if (need > 0 && tokens[i]?.text === '!' && !tokens[i].quoted && entry.negatable) {
      item.legacyNegation = tokens[i];
      item.negated = tokens[i];
      out.push({ code: 'iptables/legacy-negation', range: lineRange(line, tok.start, tokens[i].end), args: { name: word }, data: { option: word } });
      i++;
    }
    const isCommand = owner === 'command';
    if (isCommand) {
      if (rule.command) out.push({ code: 'iptables/duplicate-option', range: tokRange(line, tok), args: { name: word } });
      rule.command = { name: entry.name, token: tok };
      const chain = tokens[i];
      const optionalChain = ['--flush', '--delete-chain', '--zero'].includes(entry.name);
      if (chain && chain.start < stopAt && !isOptionToken(chain) && chain.text !== '!') {
        rule.chain = chain;
        item.args.push(chain);
        i++;
        const extra = tokens[i];
        const wantsNumber = ['--insert', '--replace', '--delete', '--zero'].includes(entry.name);
        if (extra && extra.start < stopAt && ((wantsNumber && /^\d+$/.test(extra.text)) || entry.name === '--policy')) {
          rule.extra = extra;
          item.args.push(extra);
          i++;
        }
      } else if (!optionalChain && stopAt === Infinity) {
        out.push({ code: 'iptables/no-chain', range: tokRange(line, tok), args: { command: word } });
      }
      rule.items.push(item);
      continue;
    }
    for (let k = 0; k < need; k++) {
      const a = tokens[i];
      if (!a || a.start >= stopAt) {
        if (stopAt === Infinity) {
          out.push({ code: 'iptables/missing-argument', range: tokRange(line, tok), args: { name: word, count: need, syntax: entry.syntax ?? entry.name } });
        }
        break;
      }
      item.args.push(a);
      i++;
    }
    // Uniqueness: rule-level options once per rule, match options once per match use.
    if (owner === 'match') {
      if (entry.name !== '--match' && res.match!.options.some((o) => o.entry === entry)) {
        out.push({ code: 'iptables/duplicate-option', range: lineRange(line, tok.start, tok.end), args: { name: word } });
      }
    } else if (owner === 'target' || ONCE.has(entry.name)) {
      const k = entry.name === '--goto' ? optionEntry('--jump')! : entry;
      if (seen.has(k)) out.push({ code: 'iptables/duplicate-option', range: lineRange(line, tok.start, tok.end), args: { name: word } });
      seen.add(k);
    }
    if (owner === 'match') res.match!.options.push(item);
    rule.items.push(item);
    if (entry.restoreForbidden) out.push({ code: 'iptables/restore-forbidden', range: tokRange(line, tok), args: { name: word } });
    if (entry.name === '--ipv4') rule.onlyFamily = 'ipv4';
    if (entry.name === '--ipv6') rule.onlyFamily = 'ipv6';
    const arg = item.args[0];
    if (!arg) continue;
    switch (entry.name) {
      case '--protocol':
        rule.protocol = { name: protocolName(arg.text), negated: !!item.negated, token: arg };
        active.protocol = arg.text;
        break;
      case '--match': {
        const m = matchEntry(arg.text);
        const use: MatchUse = { name: arg.text, token: arg, implicit: false, options: [] };
        if (m) use.entry = m;
        else if (UNDESCRIBED_MATCHES.has(arg.text)) unknownMatch = true;
        else {
          unknownMatch = true;
          out.push({ code: 'iptables/unknown-match', range: tokRange(line, arg), args: { name: arg.text, suggestion: suggestion(arg.text, MATCHES.map((x) => x.name)) } });
        }
        active.addMatch(use);
        rule.matches.push(use);
        break;
      }
      case '--jump':
      case '--goto': {
        const t = entry.name === '--jump' ? targetEntry(arg.text) : undefined;
        rule.target = { name: arg.text, token: arg, goto: entry.name === '--goto' };
        if (t) {
          rule.target.entry = t;
          active.setTarget(t);
        } else if (UNDESCRIBED_TARGETS.has(arg.text)) {
          unknownMatch = true; // its options are not described: do not report them
        }
        break;
      }
    }
  }
  if (pendingNeg && stopAt === Infinity) out.push({ code: 'iptables/stray-negation', range: tokRange(line, pendingNeg) });
  if (stopAt !== Infinity) return rule;
  if (!rule.command && tokens.length > 0) out.push({ code: 'iptables/no-command', range: rule.range });
  for (const m of rule.matches) {
    const protos = m.entry?.protocols;
    if (!protos || m.implicit) continue;
    const p = rule.protocol && !rule.protocol.negated ? rule.protocol.name : undefined;
    if (!p || !protos.includes(p)) {
      out.push({ code: 'iptables/match-needs-protocol', range: tokRange(line, m.token), args: { match: m.name, protocols: protocolsText(protos) } });
    }
  }
  return rule;
}

function unknownOption(tok: Token, out: Finding[], line: number): void {
  const word = tok.text;
  const range = lineRange(line, tok.start, tok.end);
  const owners = OPTION_OWNERS.get(word);
  if (owners?.length) {
    const m = owners.find((o) => o.kind === 'match');
    if (m) {
      const protos = m.module.protocols;
      if (protos && protos.includes(m.module.name)) {
        // tcp/udp/icmp options come with `-p`.
        const same = owners.filter((o) => o.kind === 'match' && o.module.protocols?.includes(o.module.name));
        let mods = same.map((o) => o.module.name);
        // tcp and udp are what people mean; the rarer protocols would only clutter the message.
        if (mods.includes('tcp') && mods.includes('udp')) mods = ['tcp', 'udp'];
        const list = mods.map((m) => (m === 'icmp6' ? 'icmpv6' : m));
        out.push({ code: 'iptables/option-needs-protocol', range, args: { name: word, protocols: protocolsText(list), match: mods.join('/') } });
      } else {
        out.push({ code: 'iptables/option-needs-match', range, args: { name: word, match: m.module.name }, data: { match: m.module.name } });
      }
      return;
    }
    out.push({ code: 'iptables/option-needs-target', range, args: { name: word, target: owners[0].module.name } });
    return;
  }
  out.push({ code: 'iptables/unknown-option', range, args: { name: word, suggestion: suggestion(word, ALL_OPTION_NAMES) } });
}

export { COMMANDS, isOptionToken };
