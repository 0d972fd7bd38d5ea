import type { Range } from 'vscode-languageserver-types';
import type { Navigation, Occurrence, PathLink } from '../common/navigation';
import type { Localized, ParsedDocument } from '../common/types';
import { TARGETS, UNDESCRIBED_TARGETS } from './catalog';
import type { IptablesTree, Token } from './tree';

const BUILTIN_CHAINS = new Set(['INPUT', 'OUTPUT', 'FORWARD', 'PREROUTING', 'POSTROUTING']);
const TARGET_NAMES = new Set([...TARGETS.map((t) => t.name), ...UNDESCRIBED_TARGETS, 'ACCEPT', 'DROP', 'RETURN', 'QUEUE']);
/** iptables keeps chain names in XT_EXTENSION_MAXNAMELEN (29) bytes with the final NUL. */
const MAX_CHAIN = 28;
/** The kernel keeps 29 characters of a LOG prefix. */
const MAX_PREFIX = 29;
/** NFLOG passes at most 64 characters of its prefix to the logging daemon (ulogd). */
const MAX_NFLOG_PREFIX = 64;
/** Where kernel messages (and so LOG's lines) are written, by distribution; the first that exists is opened. */
const KERNEL_LOGS = ['/var/log/kern.log', '/var/log/messages', '/var/log/syslog'];
/** Where ulogd writes NFLOG's lines (Debian's ulogd2, then upstream's default); else syslog, as ulogd may forward there. */
const NFLOG_LOGS = ['/var/log/ulog/syslogemu.log', '/var/log/ulogd_syslogemu.log', ...KERNEL_LOGS];

/** The characters of a token without the double quotes around it. */
function inner(doc: ParsedDocument<IptablesTree>, line: number, t: Token): Range {
  const raw = doc.lines.line(line);
  const open = raw.charCodeAt(t.start) === 34;
  const close = open && t.end - t.start >= 2 && raw.charCodeAt(t.end - 1) === 34;
  const start = t.start + (open ? 1 : 0);
  return { start: { line, character: start }, end: { line, character: Math.max(start, close ? t.end - 1 : t.end) } };
}

/**
 * User chains (`:NAME`, `-N NAME` define them; `-A`, `-I`, `-j`, `-g` and friends use them), per
 * table; ipsets named by `--match-set`; and LOG prefixes, so that rules logging alike are found together.
 */
function occurrences(doc: ParsedDocument<IptablesTree>): Occurrence[] {
  const out: Occurrence[] = [];
  for (const t of doc.tree.tables) {
    const kind = `chain:${t.name}`;
    // The declaration's range covers `:NAME`; the name starts after the colon.
    for (const c of t.chains) if (c.name) out.push({ kind, name: c.name, range: { start: { line: c.line, character: c.nameRange.end.character - c.name.length }, end: c.nameRange.end }, def: true });
    for (const r of t.rules) {
      if (r.chain) out.push({ kind, name: r.chain.text, range: inner(doc, r.line, r.chain), def: r.command?.name === '--new-chain' });
      const target = r.target;
      if (target && !target.entry && !TARGET_NAMES.has(target.name)) out.push({ kind, name: target.name, range: inner(doc, r.line, target.token), def: false });
      for (const it of r.items) {
        const arg = it.first ?? it.args[0];
        if (!arg) continue;
        if (it.name === '--match-set') out.push({ kind: 'ipset', name: arg.text, range: inner(doc, r.line, arg), def: false });
        else if (it.name === '--log-prefix' || it.name === '--nflog-prefix') out.push({ kind: it.name.slice(2), name: arg.text, range: inner(doc, r.line, arg), def: true });
      }
    }
  }
  return out;
}

/**
 * A LOG rule's prefix links to the lines it wrote: the kernel log (kern.log, messages or syslog,
 * in the copy of a system tree first) opened in the log viewer, filtered on the prefix as the
 * kernel writes it (cut to 29 characters). NFLOG's prefix opens ulogd's log likewise.
 */
function links(doc: ParsedDocument<IptablesTree>): PathLink[] {
  const out: PathLink[] = [];
  for (const t of doc.tree.tables) {
    for (const r of t.rules) {
      for (const it of r.items) {
        if (it.name !== '--log-prefix' && it.name !== '--nflog-prefix') continue;
        const arg = it.first ?? it.args[0];
        const nflog = it.name === '--nflog-prefix';
        const filter = arg?.text.slice(0, nflog ? MAX_NFLOG_PREFIX : MAX_PREFIX).trim();
        if (!arg || !filter) continue;
        const [path, ...or] = nflog ? NFLOG_LOGS : KERNEL_LOGS;
        out.push({ range: inner(doc, r.line, arg), path, or, log: true, filter });
      }
    }
  }
  return out;
}

const L = (en: string, ja: string): Localized => ({ en, ja });

/** Why iptables would reject the new name (iptables 1.8: xtables.c and iptables.c checks). */
function checkName(kind: string, oldName: string, name: string): Localized | undefined {
  if (kind === 'ipset') return L('ipsets are defined outside this file (ipset or firewalld); rename the set there', 'ipset はこのファイルの外（ipset や firewalld）で定義されています。そちらで名前を変更してください');
  if (kind === 'log-prefix' || kind === 'nflog-prefix') {
    const max = kind === 'log-prefix' ? MAX_PREFIX : MAX_NFLOG_PREFIX;
    const target = kind === 'log-prefix' ? 'LOG' : 'NFLOG';
    if (name.length > max) return L(`a ${target} prefix holds at most ${max} characters`, `${target} のプレフィックスは最大 ${max} 文字です`);
    if (/\s/.test(name) && !/\s/.test(oldName)) return L('the new prefix has blanks but the old one is not quoted: quote it first', '新しいプレフィックスに空白がありますが、元の値が引用符で囲まれていません。先に囲んでください');
    if (/["\n]/.test(name)) return L(`a ${target} prefix cannot contain a double quote or a line break here`, `${target} のプレフィックスにダブルクォートや改行は使えません`);
    return undefined;
  }
  if (BUILTIN_CHAINS.has(oldName)) return L(`'${oldName}' is a built-in chain and cannot be renamed`, `'${oldName}' は組み込みチェインなので名前を変更できません`);
  if (!name) return L('the chain name is empty', 'チェイン名が空です');
  if (name.length > MAX_CHAIN) return L(`chain name '${name}' is too long (iptables allows ${MAX_CHAIN} characters)`, `チェイン名 '${name}' が長すぎます（iptables は ${MAX_CHAIN} 文字まで）`);
  if (name.startsWith('-') || name.startsWith('!')) return L(`a chain name may not start with '${name[0]}'`, `チェイン名は '${name[0]}' で始められません`);
  if (/[\s"'#]/.test(name)) return L(`chain name '${name}' contains a blank, a quote or '#', which iptables-restore does not accept`, `チェイン名 '${name}' に空白・引用符・'#' が含まれ、iptables-restore が受け付けません`);
  if (BUILTIN_CHAINS.has(name) || TARGET_NAMES.has(name)) return L(`chain name '${name}' clashes with a built-in chain or target`, `チェイン名 '${name}' は組み込みのチェインまたはターゲットと衝突します`);
  return undefined;
}

export const navigation: Navigation<IptablesTree> = {
  occurrences,
  links,
  checkName,
  // A rules file is loaded on its own by iptables-restore: its chains are its own.
  group: (uri) => uri,
  // A set named in --match-set may be a firewalld ipset of the same system.
  external: (kind, name) => (kind === 'ipset' ? [`/etc/firewalld/ipsets/${name}.xml`, `/usr/lib/firewalld/ipsets/${name}.xml`] : []),
};
