/** Generators of large, realistic inputs for the benchmarks. */

const FACILITIES = ['auth', 'authpriv', 'cron', 'daemon', 'kern', 'lpr', 'mail', 'news', 'syslog', 'user', 'uucp', 'local0', 'local3', 'local7'];
const PRIORITIES = ['debug', 'info', 'notice', 'warning', 'err', 'crit', 'alert', 'emerg'];

/** A rsyslog.conf of about `lines` lines mixing legacy selectors, $ directives and RainerScript. */
export function generateRsyslog(lines: number): string {
  const out: string[] = [
    '# generated for benchmarks',
    'module(load="imuxsock")',
    'module(load="imklog")',
    'module(load="imudp")',
    'input(type="imudp" port="514")',
    '$FileOwner root',
    'template(name="Remote" type="string" string="/var/log/remote/%HOSTNAME%/%PROGRAMNAME%.log")',
  ];
  let i = 0;
  while (out.length < lines) {
    const f = FACILITIES[i % FACILITIES.length];
    const p = PRIORITIES[i % PRIORITIES.length];
    switch (i % 6) {
      case 0:
        out.push(`${f}.${p}\t\t\t/var/log/gen/${f}-${i}.log`);
        break;
      case 1:
        out.push(`mail.*;${f}.none\t\t-/var/log/gen/mail-${i}.log`);
        break;
      case 2:
        out.push(`# rule ${i}: forward ${f}`);
        break;
      case 3:
        out.push(`${f}.=${p}\t\t@@logs${i % 10}.example.com:514`);
        break;
      case 4:
        out.push(`if $programname == 'app${i}' then {`, `  action(type="omfile" file="/var/log/gen/app${i}.log" template="Remote")`, '  stop', '}');
        break;
      default:
        out.push(`:msg, contains, "error ${i}" /var/log/gen/errors-${i}.log`);
    }
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}
