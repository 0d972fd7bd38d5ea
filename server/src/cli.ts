#!/usr/bin/env node
import { runGrep } from './cli/grep';
import { runStats } from './cli/stats';
import { usageError, CliError } from './cli/common';

const USAGE = `Usage: linux-admin-configs <command> [options]

Commands:
  check [--json] [--language ID] [--with-tool] PATH...
                                           validate configuration files (directories are walked);
                                           --with-tool also runs the installed checker (rsyslogd -N1,
                                           logrotate -d, firewall-offline-cmd, iptables-restore --test);
                                           files are checked together (templates, duplicate logs,
                                           zones naming services) only when they form one
                                           configuration: NAME.conf with its NAME.d/ drop-ins
                                           (logrotate, rsyslog, journald) or one firewalld folder;
                                           other files named together are checked apart
  grep [--count] [-i] [--regex] [-v] [--engine auto|rg|js] [--rg FILE] [-e PATTERN]... PATTERN FILE...
                                           search logs (.gz too): matching lines, or their count;
                                           through rg on PATH (or --rg FILE) when it is there;
                                           exit 0 when something matched, 1 when nothing did
  stats [--json] [--hours] [--top N] FILE... lines per day (or hour) and per program;
                                           exit 1 with a warning when a file was truncated while it
                                           was read (the counts printed are then partial)
  explain [--json] [--locale ja|en] [LINE | --file F]
                                           explain log lines (reads stdin when no LINE and no --file);
                                           a line over 64 KiB is cut, as the log viewer shows it,
                                           with a note on stderr
  grep|stats|explain --journal [DIR|FILE] [-u UNIT] [-t IDENT] [-p PRIO] [-b [BOOT]] [--since T] [--until T]
                                           the same over the systemd journal, read through the
                                           host's journalctl (no DIR|FILE: the host's journal);
                                           explain takes -n N (the last N entries, 10 by default)
  help                                     show this help
  --version                                print the version

Exit codes: 0 fine, 1 problems of severity error found, 2 bad usage or unreadable path.`;

/** `linux-admin-configs 0.1.0`, from the package.json beside dist/. */
function versionText(): string {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  let version = 'unknown';
  try {
    version = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // a copy of the CLI without its package.json still answers
  }
  return `linux-admin-configs ${version}\n`;
}

type Command = (args: string[]) => Promise<number> | number;
// check and explain load the language catalogs at start-up (a few hundred ms): they are required
// when they run, so grep and stats start as fast as they can.
const runCheck: Command = (a) => (require('./cli/check') as typeof import('./cli/check')).runCheck(a);
const runExplain: Command = (a) => (require('./cli/explain') as typeof import('./cli/explain')).runExplain(a);

/** Subcommands by name; each lives in its own module under cli/. */
const COMMANDS: Record<string, Command> = {
  check: runCheck,
  explain: runExplain,
  grep: runGrep,
  stats: runStats,
};

/** The same commands over the systemd journal, when their arguments hold --journal (required then: it loads the explain catalog). */
const JOURNAL_COMMANDS = new Set(['explain', 'grep', 'stats']);
const journalModule = () => require('./cli/journal') as typeof import('./cli/journal');

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(USAGE + '\n');
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === 'version') {
    process.stdout.write(versionText());
    return 0;
  }
  const run = COMMANDS[cmd];
  if (!run) throw usageError(`unknown command '${cmd}'`);
  if (JOURNAL_COMMANDS.has(cmd) && rest.some((a) => a === '--journal' || a.startsWith('--journal='))) {
    const j = journalModule();
    const journal = j.journalQuery(rest);
    if (journal) return ({ explain: j.journalExplain, grep: j.journalGrep, stats: j.journalStats })[cmd as 'grep'](journal.query, journal.rest);
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof CliError) {
      process.stderr.write(`linux-admin-configs: ${e.message}\n`);
      if (e.exitCode === 2 && e.showUsage) process.stderr.write(USAGE + '\n');
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`linux-admin-configs: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 3;
    }
  },
);

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
