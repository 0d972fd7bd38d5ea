/**
 * The journal viewer's filters and charts over journal entries: what of the viewer's filter spec is
 * tested here (programs, time range), and journalctl's counts as the charts' stats message.
 */
import type { JournalEntry } from '../../../server/src/logs/journal/journalctl';
import { entryTime, identifierOf, type JournalCounts } from '../../../server/src/logs/journal/source';
import type { FilterSpecMsg, StatsMsg } from './protocol';

/** Wall-clock milliseconds of the entry's written (local) time, as the viewer's time boxes count. */
const wallMs = (e: JournalEntry) => Date.parse(entryTime(e).slice(0, 23) + 'Z');

/**
 * The parts of the viewer's filter journalctl -g does not do, as a test of an entry: programs
 * (identifiers) and the time range. The words go to journalctl -g (see grepPattern); undefined
 * when there is nothing left to test here.
 */
export function entryMatcher(spec: FilterSpecMsg): ((e: JournalEntry) => boolean) | undefined {
  const programs = new Set(spec.programs);
  if (!programs.size && spec.from === undefined && spec.to === undefined) return undefined;
  return (e) => {
    if (programs.size && !programs.has(identifierOf(e))) return false;
    if (spec.from !== undefined || spec.to !== undefined) {
      const t = wallMs(e);
      if ((spec.from !== undefined && t < spec.from) || (spec.to !== undefined && t >= spec.to)) return false;
    }
    return true;
  };
}

/** The fields entryMatcher reads (the time is in every entry). */
export const MATCHER_FIELDS = ['SYSLOG_IDENTIFIER', '_COMM', '_SYSTEMD_UNIT'];

/** Counts per hour and per unit per day as the charts take them; a bar jumps to the hour's first entry. */
export function statsMessage(c: JournalCounts): StatsMsg {
  const hours = Object.entries(c.hours)
    .map(([h, lines]) => ({ hour: Date.parse(`${h}:00:00Z`) / 3_600_000, lines, bytes: 0, firstLine: 0 }))
    .sort((a, b) => a.hour - b.hour);
  let seen = 0;
  for (const h of hours) {
    h.firstLine = seen;
    seen += h.lines;
  }
  return {
    lines: c.entries,
    unparsed: 0,
    hours,
    programs: Object.entries(c.units).map(([program, lines]) => ({ program, lines })).sort((a, b) => b.lines - a.lines),
    programDays: c.unitDays,
  };
}
