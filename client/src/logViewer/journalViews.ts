/**
 * The journal viewer's text filters and charts over journal entries: the viewer's filter spec as a
 * test of an entry and its line, and journalctl's counts as the charts' stats message.
 */
import { textMatcher } from '../../../server/src/logs/journal/filters';
import type { JournalEntry } from '../../../server/src/logs/journal/journalctl';
import { entryTime, identifierOf, type JournalCounts } from '../../../server/src/logs/journal/source';
import type { FilterSpecMsg, StatsMsg } from './protocol';

/** Wall-clock milliseconds of the entry's written (local) time, as the viewer's time boxes count. */
const wallMs = (e: JournalEntry) => Date.parse(entryTime(e).slice(0, 23) + 'Z');

/** The viewer's filter (words, programs = identifiers, time range) as a test; throws SyntaxError for a bad regex. */
export function entryMatcher(spec: FilterSpecMsg): (e: JournalEntry, text: string) => boolean {
  const words = textMatcher(spec.include, spec.exclude);
  const programs = new Set(spec.programs);
  return (e, text) => {
    if (programs.size && !programs.has(identifierOf(e))) return false;
    if (spec.from !== undefined || spec.to !== undefined) {
      const t = wallMs(e);
      if ((spec.from !== undefined && t < spec.from) || (spec.to !== undefined && t >= spec.to)) return false;
    }
    return words(text);
  };
}

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
