import { didYouMean, suggestionText } from '../common/didYouMean';
import { lineRange } from '../common/text';
import type { Finding, Localized } from '../common/types';
import { ALL_OPTION_NAMES, implicitMatch, MATCHES, OPTION_OWNERS, OPTIONS, protocolName, sameProtocol, UNDESCRIBED_MATCHES, UNDESCRIBED_TARGETS } from './catalog';
import type { OptionEntry } from './catalog';
import { BASE, JUMP, matchInfo, matchInfoOf, SHORT_OWNERS, Special, SPELLING_OWNERS, targetInfo, type ModuleInfo, type OptionInfo, type Owner } from './lookup';
import type { MatchUse, Rule, RuleItem, Token } from './tree';

const COMMANDS = new Set(OPTIONS.filter((o) => o.kind === 'command').flatMap((o) => [o.name, ...(o.aliases ?? [])]));

export function suggestion(word: string, candidates: Iterable<string>): Localized {
  return suggested(word, candidates).suggestion;
}

/** The did-you-mean text for the message and the list the quick fix offers (`data.suggestions`). */
export interface Suggested { suggestion: Localized; suggestions: string[] }

export function suggested(word: string, candidates: Iterable<string>): Suggested {
  const s = didYouMean(word, candidates);
  return { suggestion: { en: suggestionText(s, 'en'), ja: suggestionText(s, 'ja') }, suggestions: s };
}

/**
 * Suggestions against a fixed candidate list, remembered per word: a file (or one huge line)
 * full of the same misspelling costs one edit-distance scan, not one per occurrence.
 */
function cachedSuggestion(cache: Map<string, Suggested>, word: string, candidates: readonly string[]): Suggested {
  let s = cache.get(word);
  if (!s) {
    if (cache.size >= 4096) cache.clear();
    s = suggested(word, candidates);
    cache.set(word, s);
  }
  return s;
}
const optionSuggestions = new Map<string, Suggested>();
const MATCH_NAMES = MATCHES.map((x) => x.name);
const matchSuggestions = new Map<string, Suggested>();

function isOptionToken(t: Token | undefined): boolean {
  if (!t || t.quoted || t.text.length < 2 || t.text.charCodeAt(0) !== 45 /* - */) return false;
  const c = t.text.charCodeAt(1);
  // `-1` is a value (a negative number), but -4 and -6 are options.
  return c < 48 || c > 57 || t.text === '-4' || t.text === '-6';
}

/** True for one or more ASCII digits (what `/^\d+$/` accepts). */
function allDigits(s: string, from = 0, to = s.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Distinct serial numbers for rules and match uses, for duplicate checks without sets. */
let serial = 0;

/**
 * The option spellings valid at this point of the rule: the rule's own, then those of the
 * loaded matches (newest first, as iptables offers an option to the latest match) and the target.
 * One instance is reused for every rule (interpretRule does not nest).
 */
export class ActiveOptions {
  target: ModuleInfo | undefined = undefined;
  protocol: string | undefined = undefined;
  /** The newest use of each distinct described match, most recent last (few, even in huge rules). */
  private readonly recentUse: MatchUse[] = [];
  private readonly recentMod: ModuleInfo[] = [];
  private readonly recentSerial: number[] = [];
  /** How many entries of the three arrays above are in use (they are reused, not truncated). */
  private count = 0;
  /** Set by exact()/resolve() for match options: the match use the option belongs to and its serial. */
  hitUse: MatchUse | undefined = undefined;
  hitSerial = 0;
  reset(): void {
    this.target = undefined;
    this.protocol = undefined;
    if (this.count !== 0) {
      // Drop the references, so that a finished rule's tree is not kept alive by the scratch state.
      this.recentUse.fill(undefined as unknown as MatchUse, 0, this.count);
      this.count = 0;
    }
    this.hitUse = undefined;
  }
  addMatch(m: MatchUse, info: ModuleInfo | undefined): void {
    if (!info) return;
    const mods = this.recentMod;
    const uses = this.recentUse;
    const serials = this.recentSerial;
    let n = this.count;
    for (let k = 0; k < n; k++) {
      if (mods[k] === info) {
        // Move the later ones down: this module becomes the most recent.
        for (let j = k + 1; j < n; j++) {
          mods[j - 1] = mods[j];
          uses[j - 1] = uses[j];
          serials[j - 1] = serials[j];
        }
        n--;
        break;
      }
    }
    mods[n] = info;
    uses[n] = m;
    serials[n] = ++serial;
    this.count = n + 1;
  }
  /** A separator option (policy --next) starts a new element: the options after it may repeat. */
  renew(use: MatchUse): void {
    for (let i = 0; i < this.count; i++) if (this.recentUse[i] === use) this.recentSerial[i] = ++serial;
  }
  hasModule(m: ModuleInfo): boolean {
    const mods = this.recentMod;
    for (let k = 0; k < this.count; k++) if (mods[k] === m) return true;
    return false;
  }
  private exact(word: string): OptionInfo | undefined {
    // The same precedence as looking the word up in the target's table, then in each loaded
    // match's (newest first), then in the rule's, with one lookup for the tables that know it.
    const c1 = word.length === 2 && word.charCodeAt(0) === 45 /* - */ ? word.charCodeAt(1) : 128;
    const owners = c1 < 128 ? SHORT_OWNERS[c1] : SPELLING_OWNERS.get(word);
    if (owners === undefined) return undefined;
    if (this.target) {
      const t = this.target.spell;
      for (let k = 0; k < owners.length; k++) if (owners[k].table === t) return owners[k].info;
    }
    const mods = this.recentMod;
    if (owners.length > 1 || owners[0].table !== BASE) {
      for (let i = this.count - 1; i >= 0; i--) {
        const t = mods[i].spell;
        for (let k = 0; k < owners.length; k++) {
          if (owners[k].table === t) {
            this.hitUse = this.recentUse[i];
            this.hitSerial = this.recentSerial[i];
            return owners[k].info;
          }
        }
      }
    }
    for (let k = 0; k < owners.length; k++) if (owners[k].table === BASE) return owners[k].info;
    return undefined;
  }
  /** Exact spelling first, then an unambiguous prefix of a long name (getopt_long). */
  resolve(word: string): OptionInfo | undefined {
    const exact = this.exact(word);
    if (exact || word.length < 3 || word.charCodeAt(0) !== 45 || word.charCodeAt(1) !== 45) return exact;
    const found: string[] = [];
    const add = (s: string) => {
      if (!found.includes(s)) found.push(s);
    };
    BASE.withPrefix(word, add);
    for (let k = 0; k < this.count; k++) this.recentMod[k].spell.withPrefix(word, add);
    if (this.target) this.target.spell.withPrefix(word, add);
    if (found.length === 0) return undefined;
    const first = this.exact(found[0]);
    for (let k = 1; k < found.length; k++) if (this.exact(found[k])?.entry !== first?.entry) return undefined;
    return this.exact(found[0]);
  }
}

const active = new ActiveOptions();

/** `-p PROTO` → the match it loads implicitly, remembered per spelling. */
const implicitCache = new Map<string, ModuleInfo | null>();
function implicitInfo(proto: string): ModuleInfo | undefined {
  let m = implicitCache.get(proto);
  if (m === undefined) {
    const e = implicitMatch(proto);
    m = (e && matchInfoOf(e)) ?? null;
    if (implicitCache.size >= 1024) implicitCache.clear();
    implicitCache.set(proto, m);
  }
  return m ?? undefined;
}

/** `-p` spelling → canonical protocol name, remembered. */
const protocolCache = new Map<string, string>();
function canonicalProtocol(p: string): string {
  let name = protocolCache.get(p);
  if (name === undefined) {
    name = protocolName(p);
    if (protocolCache.size >= 1024) protocolCache.clear();
    protocolCache.set(p, name);
  }
  return name;
}

/**
 * The empty list every item's arguments and match use's options start as,
 * shared (frozen, so that a push into it fails loudly): lists get an exact-size array when
 * they get their first entry, so an empty array per item would be garbage.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** The rule of one line; its range is computed only when asked for (findings, outline). */
class RuleNode implements Rule {
  command: Rule['command'] = undefined;
  chain: Token | undefined = undefined;
  extra: Token | undefined = undefined;
  counters: Rule['counters'] = undefined;
  protocol: Rule['protocol'] = undefined;
  target: Rule['target'] = undefined;
  onlyFamily: Rule['onlyFamily'] = undefined;
  readonly items: RuleItem[] = [];
  /** Most rules load one or two matches: exact-size arrays (see `withMatch`). */
  matches: MatchUse[] = [];
  constructor(
    readonly line: number,
    private readonly lineLength: number,
    readonly tokens: Token[],
  ) {}
  get range() {
    return lineRange(this.line, 0, this.lineLength);
  }
}

/** The range of a token on its line. */
function tokRange(line: number, t: Token) {
  return lineRange(line, t.start, t.end);
}

function protocolsText(list: string[]): string {
  return list.map((p) => `\`-p ${p}\``).join(' / ');
}

/** `[packets:bytes]`, or undefined. */
function counters(text: string): { packets: string; bytes: string } | undefined {
  const n = text.length;
  if (n < 5 || text.charCodeAt(0) !== 91 || text.charCodeAt(n - 1) !== 93) return undefined;
  const colon = text.indexOf(':');
  if (colon === -1 || !allDigits(text, 1, colon) || !allDigits(text, colon + 1, n - 1)) return undefined;
  return { packets: text.slice(1, colon), bytes: text.slice(colon + 1, n - 1) };
}

function matchUse(name: string, info: ModuleInfo | undefined, token: Token, implicit: boolean): MatchUse {
  return { name, entry: info?.entry, token, implicit, options: NONE, info };
}

/** `list` with `m` added: a new exact-size array while there are at most two (push() would reserve room for 17). */
function withMatch(list: MatchUse[], m: MatchUse): MatchUse[] {
  if (list.length === 0) return [m];
  if (list.length === 1) return [list[0], m];
  list.push(m);
  return list;
}

/** An option of a rule; its name, entry and owner are those of its OptionInfo. */
class Item implements RuleItem {
  first: Token | undefined = undefined;
  /** Every argument, when there are two or more. */
  all: Token[] | undefined = undefined;
  negated: Token | undefined = undefined;
  legacyNegation: Token | undefined = undefined;
  constructor(
    readonly token: Token,
    readonly info: OptionInfo,
    readonly match: MatchUse | undefined,
  ) {}
  get name(): string {
    return this.info.name;
  }
  get entry(): OptionEntry {
    return this.info.entry;
  }
  get owner(): Owner {
    return this.info.owner;
  }
  /** Made on demand: most options have one argument, and the checks read it as `first`. */
  get args(): Token[] {
    return this.all ?? (this.first === undefined ? NONE : [this.first]);
  }
}

/**
 * Reads the arguments of one rule line the way iptables' option parser does, in order: an
 * option is only known once the match (`-m`, or `-p` for tcp/udp/icmp) or the target (`-j`)
 * that defines it has been seen. Problems found on the way go to `out`.
 */
export function interpretRule(tokens: Token[], line: number, lineLength: number, out: Finding[], stopAt = Infinity): Rule {
  const rule = new RuleNode(line, lineLength, tokens);
  const complete = stopAt === Infinity;
  const ntok = tokens.length;
  let i = 0;
  const t0 = tokens[0];
  if (t0 && !t0.quoted && t0.text.charCodeAt(0) === 91 /* [ */) {
    const m = counters(t0.text);
    if (m) rule.counters = { packets: m.packets, bytes: m.bytes, token: t0 };
    else out.push({ code: 'iptables/bad-counters', range: tokRange(line, t0) });
    i = 1;
  }
  active.reset();
  const ruleSerial = ++serial;
  let unknownMatch = false;
  let pendingNeg: Token | undefined;
  while (i < ntok && tokens[i].start < stopAt) {
    const tok = tokens[i];
    const word = tok.text;
    if (!tok.quoted && word.length === 1 && word.charCodeAt(0) === 33 /* ! */) {
      const next = tokens[i + 1];
      if (pendingNeg || (next && !isOptionToken(next))) out.push({ code: 'iptables/stray-negation', range: tokRange(line, tok) });
      else pendingNeg = tok;
      i++;
      continue;
    }
    if (!tok.quoted && word.charCodeAt(0) === 35 /* # */) break; // reported as a misplaced comment
    if (!isOptionToken(tok)) {
      out.push({ code: 'iptables/unexpected-argument', range: tokRange(line, tok), args: { text: word } });
      pendingNeg = undefined;
      i++;
      continue;
    }
    active.hitUse = undefined;
    let info = active.resolve(word);
    // `-p tcp` loads the tcp match the first time one of its options is used.
    if (!info && active.protocol && !rule.protocol?.negated) {
      const imp = implicitInfo(active.protocol);
      if (imp && !active.hasModule(imp) && (imp.spell.byName.has(word) || (word.length > 2 && word.charCodeAt(1) === 45 && imp.spell.hasPrefix(word)))) {
        const use = matchUse(imp.name, imp, tok, true);
        active.addMatch(use, imp);
        rule.matches = withMatch(rule.matches, use);
        active.hitUse = undefined;
        info = active.resolve(word);
      }
    }
    if (!info) {
      // After an unknown `-m`, its options cannot be told from typos: the match was reported.
      if (!unknownMatch) unknownOption(tok, out, line);
      pendingNeg = undefined;
      i++;
      // Skip what look like its arguments so that they are not reported twice.
      while (i < ntok && !isOptionToken(tokens[i]) && tokens[i].text !== '!') i++;
      continue;
    }
    const owner = info.owner;
    const use = owner === 'match' ? (active.hitUse as MatchUse | undefined) : undefined;
    const useSerial = active.hitSerial;
    const item = new Item(tok, info, use);
    i++;
    if (pendingNeg) {
      item.negated = pendingNeg;
      if (!info.negatable) out.push({ code: 'iptables/cannot-negate', range: tokRange(line, pendingNeg), args: { name: word } });
      pendingNeg = undefined;
    }
    const need = info.argc;
    // `--opt ! VALUE` (the old placement); a `!` with nothing after it is the option's value.
    if (need > 0 && i + 1 < ntok && info.negatable && tokens[i].text === '!' && !tokens[i].quoted && !isOptionToken(tokens[i + 1])) {
      item.legacyNegation = tokens[i];
      item.negated = tokens[i];
      out.push({ code: 'iptables/legacy-negation', range: lineRange(line, tok.start, tokens[i].end), args: { name: word }, data: { option: word } });
      i++;
    }
    if (info.isCommand) {
      if (rule.command) out.push({ code: 'iptables/duplicate-option', range: tokRange(line, tok), args: { name: word } });
      rule.command = { name: info.name, token: tok };
      const chain = tokens[i];
      if (chain && chain.start < stopAt && !isOptionToken(chain) && chain.text !== '!') {
        rule.chain = chain;
        item.first = chain;
        i++;
        const extra = tokens[i];
        if (extra && extra.start < stopAt && ((info.wantsNumber && allDigits(extra.text)) || info.isPolicy || (info.isRename && !isOptionToken(extra)))) {
          rule.extra = extra;
          item.all = [chain, extra];
          i++;
        }
      } else if (!info.optionalChain && complete) {
        out.push({ code: 'iptables/no-chain', range: tokRange(line, tok), args: { command: word } });
      }
      rule.items.push(item);
      continue;
    }
    for (let k = 0; k < need; k++) {
      const a = tokens[i];
      if (!a || a.start >= stopAt) {
        if (complete) {
          out.push({ code: 'iptables/missing-argument', range: tokRange(line, tok), args: { name: word, count: need, syntax: info.entry.syntax ?? info.name } });
        }
        break;
      }
      // One argument is kept as `first`, more in an exact-size array (push() would reserve room for 17).
      if (k === 0) item.first = a;
      else if (k === 1) item.all = [item.first as Token, a];
      else (item.all as Token[]).push(a);
      i++;
    }
    if (need === 0 && info.optionalArg) {
      const a = tokens[i];
      if (a && a.start < stopAt && !isOptionToken(a) && (a.quoted || a.text !== '!')) {
        item.first = a;
        i++;
      }
    }
    // Uniqueness: rule-level options once per rule, match options once per match use.
    if (owner === 'match') {
      if (info.stamp === useSerial && info.name !== '--match') {
        out.push({ code: 'iptables/duplicate-option', range: lineRange(line, tok.start, tok.end), args: { name: word } });
      }
      info.stamp = useSerial;
      if (info.entry.separator) active.renew(use!);
      if (use!.options.length === 0) use!.options = [item];
      else use!.options.push(item);
    } else if (info.once) {
      const k = info.special === Special.Goto ? JUMP : info;
      if (k.stamp === ruleSerial) out.push({ code: 'iptables/duplicate-option', range: lineRange(line, tok.start, tok.end), args: { name: word } });
      k.stamp = ruleSerial;
    }
    rule.items.push(item);
    if (info.restoreForbidden) out.push({ code: 'iptables/restore-forbidden', range: tokRange(line, tok), args: { name: word } });
    const special = info.special;
    if (special === Special.None) continue;
    if (special === Special.Ipv4) rule.onlyFamily = 'ipv4';
    else if (special === Special.Ipv6) rule.onlyFamily = 'ipv6';
    const arg = item.first;
    if (!arg) continue;
    switch (special) {
      case Special.Protocol:
        rule.protocol = { name: canonicalProtocol(arg.text), negated: !!item.negated, token: arg };
        active.protocol = arg.text;
        break;
      case Special.Match: {
        const m = matchInfo(arg.text);
        const use = matchUse(arg.text, m, arg, false);
        if (!m) {
          unknownMatch = true;
          if (!UNDESCRIBED_MATCHES.has(arg.text)) {
            {
              const h = cachedSuggestion(matchSuggestions, arg.text, MATCH_NAMES);
              out.push({ code: 'iptables/unknown-match', range: tokRange(line, arg), args: { name: arg.text, suggestion: h.suggestion }, data: { suggestions: h.suggestions } });
            }
          }
        }
        active.addMatch(use, m);
        rule.matches = withMatch(rule.matches, use);
        break;
      }
      case Special.Jump:
      case Special.Goto: {
        const t = special === Special.Jump ? targetInfo(arg.text) : undefined;
        rule.target = { name: arg.text, token: arg, entry: undefined, goto: special === Special.Goto, info: undefined };
        if (t) {
          rule.target.entry = t.entry;
          rule.target.info = t;
          active.target = t;
        } else if (UNDESCRIBED_TARGETS.has(arg.text)) {
          unknownMatch = true; // its options are not described: do not report them
        }
        break;
      }
    }
  }
  if (pendingNeg && complete) out.push({ code: 'iptables/stray-negation', range: tokRange(line, pendingNeg) });
  if (!complete) return rule;
  if (!rule.command && ntok > 0) out.push({ code: 'iptables/no-command', range: rule.range });
  for (const m of rule.matches) {
    if (m.implicit || !m.info) continue;
    const protos = m.info.protocols;
    if (!protos) continue;
    const p = rule.protocol && !rule.protocol.negated ? rule.protocol.name : undefined;
    if (!p || !protos.some((x) => sameProtocol(x, p))) {
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
  const h = cachedSuggestion(optionSuggestions, word, ALL_OPTION_NAMES);
  out.push({ code: 'iptables/unknown-option', range, args: { name: word, suggestion: h.suggestion }, data: { suggestions: h.suggestions } });
}

export { COMMANDS, isOptionToken };
