/**
 * Mistakes admins make, as small edits of a real file. Each operator changes one line (or
 * removes one), chosen deterministically among the lines it applies to, and says which line.
 */
import type { Lang } from './corpus';

export interface Mutant {
  op: string;
  text: string;
  /** 0-based line of the edit (in the mutated text). */
  line: number;
  /** True when the mistake is surely wrong even if the tool accepts it. */
  surelyWrong: boolean;
}

interface Operator {
  op: string;
  /** Lines the edit applies to. */
  match: RegExp;
  /** The new line, or null to delete it. */
  edit: (line: string) => string | null;
  surelyWrong?: boolean;
}

const notComment = (re: RegExp) => new RegExp(`^(?![ \\t]*#)(?:${re.source})`);

const OPS: Record<Lang, Operator[]> = {
  rsyslog: [
    { op: 'facility typo', match: notComment(/\s*(kern|mail|cron|user|auth|authpriv|daemon|local\d)[.,]/), edit: (l) => l.replace(/(kern|mail|cron|user|authpriv|auth|daemon|local\d)(?=[.,])/, (m) => m.slice(0, -1) + 'x' + m.slice(-1)), surelyWrong: true },
    { op: 'priority typo', match: notComment(/.*\.(info|warn|err|emerg|crit|notice|debug)\b/), edit: (l) => l.replace(/\.(info|warn|err|emerg|crit|notice|debug)\b/, '.$1o'), surelyWrong: true },
    { op: 'legacy directive typo', match: /^\$[A-Za-z]+/, edit: (l) => l.replace(/^\$([A-Za-z]+)/, (m, n: string) => '$' + n.slice(0, -2) + n.slice(-1)), surelyWrong: true },
    { op: 'module name typo', match: /^\s*module\(load="[^"]+"/, edit: (l) => l.replace(/load="([^"]+)"/, 'load="$1x"'), surelyWrong: true },
    { op: 'unknown parameter', match: /^\s*(module|input|action|template)\(.*\)/, edit: (l) => l.replace(/\)/, ' colour="red")'), surelyWrong: true },
    { op: 'unbalanced parenthesis', match: /^\s*(module|input|action)\(.*\)/, edit: (l) => l.replace(/\)(?=[^)]*$)/, ''), surelyWrong: true },
    { op: 'unbalanced brace', match: notComment(/.*\bthen\b|.*\)\s*$|.*\/var\/log/), edit: (l) => l + ' {', surelyWrong: true },
    { op: 'compare operation typo', match: /^:\w+,\s*!?(contains|isequal|startswith|regex|ereregex)\b/, edit: (l) => l.replace(/(contains|isequal|startswith|regex|ereregex)\b/, (m) => m.slice(0, -1)), surelyWrong: true },
    { op: 'missing quote', match: /^\s*module\(load="[^"]+"\)/, edit: (l) => l.replace(/"\)/, ')'), surelyWrong: true },
    { op: 'action type typo', match: /action\(.*type="om\w+"/, edit: (l) => l.replace(/type="om(\w+)"/, 'type="om$1z"'), surelyWrong: true },
    { op: 'unknown template', match: notComment(/.*\s[-]?\/var\/log\/\S+\s*$/), edit: (l) => l.trimEnd() + ';NoSuchTemplate', surelyWrong: true },
    // Edits rsyslogd accepts (issue 14 A): equivalent or legal forms we must not call errors.
    { op: 'RainerScript action (accepted)', match: /^[a-z*,.;]+\s+\/var\/log\/\S+\s*$/, edit: (l) => l.replace(/\s+(\/var\/log\/\S+)\s*$/, ' action(type="omfile" file="$1")'), surelyWrong: false },
    { op: 'if filter (accepted)', match: /^\*\.emerg\s+\S/, edit: (l) => l.replace(/^\*\.emerg\s+/, 'if $syslogseverity <= 0 and not ($msg contains "x") then '), surelyWrong: false },
    { op: 'set variable (accepted)', match: /^module\(load="imuxsock"\)/, edit: (l) => `${l}\nset $!fuzz!id = "x" & $hostname;\nset $.n = cnum($!fuzz!id) + 1;`, surelyWrong: false },
    { op: 'free port listener (accepted)', match: /^module\(load="imklog"\)/, edit: (l) => `${l}\nmodule(load="imtcp")\ninput(type="imtcp" port="0" listenPortFileName="/run/rsyslog-port")`, surelyWrong: false },
    { op: 'backtick constant (accepted)', match: /^user\.\*\s/, edit: () => 'user.* action(type="omfile" file=`echo /var/log/user.log`)', surelyWrong: false },
    { op: 'priority modifier (accepted)', match: /^cron\.\*\s/, edit: (l) => l.replace(/^cron\.\*/, 'cron.!=debug'), surelyWrong: false },
    { op: 'relative file name (accepted)', match: /^mail\.\*\s/, edit: () => 'mail.* action(type="omfile" file="mail.log")', surelyWrong: true },
  ],
  logrotate: [
    { op: 'directive typo', match: /^\s+(compress|missingok|notifempty|delaycompress|sharedscripts|copytruncate|daily|weekly|monthly)\s*$/, edit: (l) => l.replace(/([a-z]+)/, (m) => m.slice(0, 2) + m.slice(3)), surelyWrong: true },
    { op: 'bad rotate count', match: /^\s+rotate\s+\d+/, edit: (l) => l.replace(/rotate\s+\d+/, 'rotate seven'), surelyWrong: true },
    { op: 'bad size', match: /^\s+(size|maxsize|minsize)\s+\S+/, edit: (l) => l.replace(/(size\s+)\S+/, '$110Q'), surelyWrong: true },
    { op: 'bad size (added)', match: /^\s+(daily|weekly|monthly)\s*$/, edit: (l) => l.replace(/(daily|weekly|monthly)/, 'size 10Q'), surelyWrong: true },
    { op: 'bad create mode', match: /^\s+create\s+0?[0-7]{3}\b/, edit: (l) => l.replace(/create\s+0?[0-7]{3}/, 'create 0986'), surelyWrong: true },
    { op: 'missing endscript', match: /^\s*endscript\s*$/, edit: () => null, surelyWrong: true },
    { op: 'missing {', match: /^[^#\s].*\{\s*$/, edit: (l) => l.replace(/\s*\{\s*$/, ''), surelyWrong: true },
    { op: 'missing }', match: /^\s*\}\s*$/, edit: () => null, surelyWrong: true },
    { op: 'extra }', match: /^\s*\}\s*$/, edit: (l) => l + '\n}', surelyWrong: true },
    { op: 'global-only directive in block', match: /^\s+(missingok|notifempty)\s*$/, edit: (l) => l.replace(/(missingok|notifempty)/, 'tabooext + .bak'), surelyWrong: true },
    { op: 'unknown user', match: /^\s+create\s+\S+\s+\S+\s+\S+/, edit: (l) => l.replace(/(create\s+\S+\s+)\S+/, '$1nosuchuser'), surelyWrong: true },
  ],
  firewalld: [
    { op: 'bad zone target', match: /^<zone(\s[^>]*)?>/, edit: (l) => (/target="/.test(l) ? l.replace(/target="[^"]*"/, 'target="REJECTED"') : l.replace(/^<zone/, '<zone target="REJECTED"')), surelyWrong: true },
    { op: 'unknown service', match: /<service name="[^"]+"\/>/, edit: (l) => l.replace(/name="([^"]+)"/, 'name="$1x"'), surelyWrong: true },
    { op: 'port out of range', match: /<port [^>]*port="\d+/, edit: (l) => l.replace(/port="\d+/, 'port="99999'), surelyWrong: true },
    { op: 'protocol typo', match: /<port [^>]*protocol="(tcp|udp)"/, edit: (l) => l.replace(/protocol="(tcp|udp)"/, 'protocol="$1p"'), surelyWrong: true },
    { op: 'unclosed element', match: /<(service|port|module|protocol) [^>]*\/>/, edit: (l) => l.replace(/\/>/, '>'), surelyWrong: true },
    { op: 'unknown element', match: /<short>.*<\/short>/, edit: (l) => l.replace(/<short>(.*)<\/short>/, '<shrot>$1</shrot>'), surelyWrong: true },
    // Edits firewall-offline-cmd accepts: legal forms we must not call errors.
    { op: 'port range (accepted)', match: /<port [^>]*port="\d+"/, edit: (l) => l.replace(/port="(\d+)"/, (m, n: string) => `port="${n}-${Math.min(65535, Number(n) + 10)}"`), surelyWrong: false },
    { op: 'sctp port (accepted)', match: /<port [^>]*protocol="(tcp|udp)"/, edit: (l) => l.replace(/protocol="(tcp|udp)"/, 'protocol="sctp"'), surelyWrong: false },
    { op: 'source port (accepted)', match: /^\s*<port [^>]*port="\d+"[^>]*\/>/, edit: (l) => l.replace('<port ', '<source-port '), surelyWrong: false },
  ],
  iptables: [
    { op: 'unknown target', match: /^-A .* -j (ACCEPT|DROP)\b/, edit: (l) => l.replace(/-j (ACCEPT|DROP)\b/, (m, t: string) => `-j ${t.slice(0, 3)}${t.slice(4, 5)}${t.slice(3, 4)}${t.slice(5)}`), surelyWrong: true },
    { op: 'port out of range', match: /^-A .*--dports? \d+/, edit: (l) => l.replace(/(--dports?) \d+/, '$1 99999'), surelyWrong: true },
    { op: 'missing COMMIT', match: /^COMMIT\s*$/, edit: () => null, surelyWrong: true },
    { op: 'option typo', match: /^-A .*--dport\b/, edit: (l) => l.replace(/--dport\b/, '--dprot'), surelyWrong: true },
    { op: 'bad table name', match: /^\*(filter|nat|mangle)\s*$/, edit: (l) => l.trimEnd() + 's', surelyWrong: true },
    { op: 'bad policy', match: /^:(INPUT|OUTPUT|FORWARD) (ACCEPT|DROP)/, edit: (l) => l.replace(/ (ACCEPT|DROP)/, ' $1S'), surelyWrong: true },
    { op: 'chain typo', match: /^-A \S+/, edit: (l) => l.replace(/^-A (\S+)/, (m, c: string) => `-A ${c}X`), surelyWrong: true },
    { op: 'bad address', match: /^-A .*-s \d+\.\d+\.\d+\.\d+/, edit: (l) => l.replace(/-s (\d+\.\d+\.\d+)\.\d+/, '-s $1.300'), surelyWrong: true },
    { op: 'unknown match', match: /^-A .*-m (conntrack|state|multiport|tcp|udp)\b/, edit: (l) => l.replace(/-m (conntrack|state|multiport|tcp|udp)\b/, '-m $1z'), surelyWrong: true },
  ],
};

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The mutants of one file: at most one per operator. */
export function mutantsOf(lang: Lang, name: string, text: string): Mutant[] {
  const lines = text.split('\n');
  const out: Mutant[] = [];
  for (const op of OPS[lang]) {
    const candidates = lines.map((l, i) => (op.match.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!candidates.length) continue;
    const at = candidates[hash(name + op.op) % candidates.length];
    const edited = op.edit(lines[at]);
    if (edited === lines[at]) continue;
    const next = [...lines];
    if (edited === null) next.splice(at, 1);
    else next[at] = edited;
    out.push({ op: op.op, text: next.join('\n'), line: Math.min(at, next.length - 1), surelyWrong: op.surelyWrong ?? true });
  }
  return out;
}
