/**
 * Whole rsyslog configurations in the shapes of the rsyslog project's own test configurations:
 * templates of every kind, rulesets and `call`, if/else chains, set/unset/foreach, lookup
 * tables, queue parameters, legacy directives and `:module:` actions, backtick values. Each
 * case is a valid configuration with, half of the time, one statement broken in a way an admin
 * could write; the case's line is that statement.
 */
import { rng } from '../helpers/random';
import type { GenCase } from './differentialFuzz';

type Pick = <T>(xs: T[]) => T;

/** A statement of a kind, valid or broken: its lines (the first is the one under test). */
type Part = (pick: Pick, r: () => number, broken: boolean) => string[];

const OUT = '/var/log/fuzz-shape.log';

const PARTS: Record<string, Part> = {
  'template string': (pick, r, b) => [
    `template(name="t${Math.floor(r() * 9)}" type="string" string="${b ? pick(['%msg', '%msg:::nosuchoption%', '%msg:R,ERE,1:(a%']) : pick(['%msg%\\n', '%msg:F,58:2%\\n', '%$!all-json%\\n', '%timereported:::date-rfc3339% %hostname%\\n', '%msg:1:10:lowercase%'])}")`,
  ],
  'template list': (pick, r, b) => [
    `template(name="tl" type="list"${pick(['', ' option.jsonf="on"', ' option.json="on"'])}) {`,
    `  property(name="${b ? pick(['nosuchproperty', '$!a b']) : pick(['msg', 'hostname', '$!x', '$.y', 'timereported'])}" ${pick(['', 'format="jsonf" outname="m"', 'position.from="1" position.to="5"', 'field.delimiter="58" field.number="2"', 'dateFormat="rfc3339"'])})`,
    `  constant(value="\\n")`,
    `}`,
  ],
  'template subtree': (pick, r, b) => [`template(name="ts" type="subtree" subtree="${b ? pick(['msg', 'x']) : pick(['$!', '$!usr', '$.data'])}")`],
  'template legacy': (pick, r, b) => [b ? pick(['$template bad "%msg%"', '$template ,"%msg%"']) : pick(['$template lt,"%msg%\\n"', '$template lt,"%msg%",json', '$template lt,"INSERT INTO t VALUES (\'%msg%\')",SQL'])],
  'set/unset': (pick, r, b) => [
    b
      ? pick(['set $x = 1;', 'set $!a = ;', 'unset $msg;', 'set $.a == 1;', 'set $.a = "$x";', 'set $.a = 1'])
      : pick(['set $!a!b = "x" & $hostname;', 'set $.n = cnum($!a) + 1;', 'unset $!a;', 'set $/g = \'$x\';', 'set $.s = "a\\$b";', 'reset $.n = 0;']),
  ],
  foreach: (pick, r, b) => [
    b ? pick(['foreach ($.i $!arr) do {', 'foreach ($.i in $!arr) {']) : 'foreach ($.i in $!arr) do {',
    `  action(type="omfile" file="${OUT}")`,
    '}',
  ],
  'if chain': (pick, r, b) => [
    b
      ? pick(['if $msg = "a" then {', 'if $msg contains "a" {', 'if $msg contains a then {', 'if $msg == "a$" then {'])
      : pick(['if $msg contains "a" then {', 'if $syslogseverity <= 4 and not ($msg startswith "x") then {', 'if re_match($msg, \'^[0-9]+$\') then {', 'if $!x == ["a", "b"] then {', 'if prifilt("mail.*") then {']),
    `  action(type="omfile" file="${OUT}")`,
    '} else if $msg contains "b" then {',
    '  stop',
    '} else {',
    `  action(type="omfile" file="${OUT}")`,
    '}',
  ],
  ruleset: (pick, r, b) => [
    `ruleset(name="rs1"${pick(['', ' queue.type="LinkedList" queue.size="1000"', ' queue.type="Direct"'])}) {`,
    `  action(type="omfile" file="${OUT}")`,
    '}',
    b ? pick(['call rs2', 'call', 'call_indirect "rs1"']) : pick(['call rs1', 'call_indirect "rs" & "1";']),
  ],
  'action queue': (pick, r, b) => {
    const size = pick([10, 100, 1000, 10000]);
    const mark = b ? size * 2 : Math.floor(size * 0.9);
    const extra = b ? pick([`queue.discardMark="${mark}"`, 'queue.type="Bogus"', 'queue.workerThreads="x"']) : pick([`queue.discardMark="${mark}"`, 'queue.dequeueBatchSize="10"', 'queue.timeoutEnqueue="0"', 'action.resumeRetryCount="-1"']);
    return [`*.* action(type="omfile" file="${OUT}" queue.type="LinkedList" queue.size="${size}" ${extra})`];
  },
  'legacy queue': (pick, r, b) => (b ? [pick(['$MainMsgQueueSize 5000', '$ActionQueueSize 100']), `*.* ${OUT}`] : [pick(['$MainMsgQueueSize 200000', '$MainMsgQueueDiscardMark 900\n$MainMsgQueueSize 1000', '$ActionQueueType LinkedList']), `*.* ${OUT}`]),
  'lookup table': (pick, r, b) => [b ? pick(['set $.v = lookup("nosuch", $msg);', 'reload_lookup_table("nosuch")']) : pick(['set $.v = $msg;', 'if $msg contains "x" then { stop }'])],
  'legacy module action': (pick, r, b) => [b ? pick([':msg, contains, "x" :omfwd:127.0.0.1', '*.* :omfile:/var/log/x', '*.* :ompipe:/dev/null']) : pick([':msg, contains, "x" :omusrmsg:root', '*.* :omusrmsg:*', '*.* :omusrmsg:root, admin'])],
  'property filter': (pick, r, b) => [b ? pick([`:$!x, isequal, "a" ${OUT}`, `:msg, containz, "a" ${OUT}`, `:msg contains "a" ${OUT}`]) : pick([`:msg, contains, "a" ${OUT}`, `:programname, !isequal, "x" ${OUT}`, `:$myhostname, isequal, "h" ${OUT}`, `:msg, ereregex, "(a|b)$" ${OUT}`])],
  backtick: (pick, r, b) => [`*.* action(type="omfile" file=${b ? '`echo $LAC_FUZZ_UNSET`' : pick(['`echo /var/log/fuzz-bt.log`', '`echo $LAC_FUZZ_UNSET/x.log`'])})`],
  'free port': (pick, r, b) => ['module(load="imtcp")', `input(type="imtcp" port="${b ? pick(['70000', '-1']) : pick(['0', '10514'])}" ${b ? '' : 'listenPortFileName="/run/fuzz.port"'})`],
  'module path': (pick, r, b) => [`module(load="${b ? pick(['../plugins/imudp/.libs/imudp', 'plugins/imudp']) : 'imudp'}")`, 'input(type="imudp" port="10515")'],
  include: (pick, r, b) => [b ? pick(['$IncludeConfig diag-common.conf', 'include(file="missing-fuzz.conf")', 'include(file="/nonexistent-fuzz/x.conf")']) : pick(['$IncludeConfig /nonexistent-fuzz/*.conf', 'include(file="/nonexistent-fuzz/*.conf")', 'include(file="missing-fuzz.conf" mode="optional")'])],
  listener: (pick, r, b) => (b ? [pick(['module(load="imudp")', 'module(load="imtcp")'])] : ['module(load="imudp")', 'input(type="imudp" port="10516")']),
  'property replacer': (pick, r, b) => [
    `template(name="pr" type="string" string="${b ? pick(['%msg:::uppercase,bogus%', '%msg:R:x%', '%nosuchprop%', '%msg:1:2:3%']) : pick(['%msg:R,ERE,0,DFLT:[0-9]+--end%', '%msg:::date-rfc3339%', '%timestamp:::date-unixtimestamp%', '%msg:2:$%', '%syslogpriority-text%', '%msg:F,44:1%'])}")`,
  ],
  'global': (pick, r, b) => [`global(${b ? pick(['maxMessageSize="abc"', 'net.enableDNS="yes"', 'internalmsg.ratelimit.interval="0"']) : pick(['maxMessageSize="4k"', 'net.enableDNS="off"', 'workDirectory="/tmp"', 'localHostname="fuzz"'])})`],
};

const NAMES = Object.keys(PARTS);

interface ParamRuleExample {
  module: string;
  object: string;
  refused: string;
  accepted: string;
}

/** The examples of the constraints between parameters (paramRules.json), both ways, as cases. */
export function rsyslogParamRuleCases(rules: ParamRuleExample[]): GenCase[] {
  return rules.flatMap((r) => [
    { text: r.refused, line: 0, desc: `${r.object}(${r.module}) rule (broken)`, family: `rule:${r.module}` },
    { text: r.accepted, line: 0, desc: `${r.object}(${r.module}) rule (fixed)`, family: `rule:${r.module}` },
  ]);
}

/** `n` configurations from `seed`; in each, one part (perhaps broken) among two or three valid ones. */
export function rsyslogShapeCases(seed: number, n: number): GenCase[] {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out: GenCase[] = [];
  for (let i = 0; i < n; i++) {
    const family = pick(NAMES);
    const broken = r() < 0.5;
    const lines: string[] = [];
    for (let k = 0, m = 1 + Math.floor(r() * 2); k < m; k++) {
      const other = pick(NAMES.filter((x) => x !== family && x !== 'legacy queue'));
      lines.push(...PARTS[other](pick, r, false));
    }
    const line = lines.length;
    lines.push(...PARTS[family](pick, r, broken), `*.* ${OUT}`);
    out.push({ text: lines.join('\n') + '\n', line, desc: `${family}${broken ? ' (broken)' : ''} (shape seed ${seed} #${i})`, family });
  }
  return out;
}
