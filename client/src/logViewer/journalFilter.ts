/**
 * The journal viewer's text filter: journalctl -g finds the entries whose MESSAGE matches (as it
 * does in a terminal), only their cursors are read back, each placed in its block by the count's
 * cursors (see matchIndex); programs and the time range are tested here on what journalctl found.
 */
import { commandLine, withText, type JournalQuery } from '../../../server/src/logs/journal/filters';
import type { JournalEntry } from '../../../server/src/logs/journal/journalctl';
import { compareCursors, cursorKey, JournalMatches, type CursorKey } from '../../../server/src/logs/journal/matchIndex';
import { JournalSource } from '../../../server/src/logs/journal/source';
import { entryMatcher, MATCHER_FIELDS } from './journalViews';
import type { FilterSpecMsg, HostMessage } from './protocol';

/** What the filter reads of its viewer: the journal query, the count and its cursors. */
export interface FilterHost {
  readonly query: JournalQuery;
  readonly owner: object;
  /** Changes whenever the viewer reads the journal again. */
  readonly gen: number;
  /** checkpoints[k] is the cursor of entry k * block. */
  readonly checkpoints: readonly string[];
  readonly indexing: boolean;
  readonly lastCursor: string | undefined;
  /** Resolves when the count (and its cursors) is complete. */
  readonly indexed: Promise<void>;
  post(m: HostMessage): void;
  notice(level: 'info' | 'warning' | 'error', message: string): void;
  t(en: string, ...a: (string | number)[]): string;
}

export class JournalTextFilter {
  id = 0;
  spec: FilterSpecMsg | null = null;
  /** The viewer's query with the words as journalctl -g; undefined without a filter. */
  textQuery: JournalQuery | undefined;
  private extra: ((e: JournalEntry) => boolean) | undefined;
  /** The matches: each kept as its block and cursor hash. */
  readonly matches: JournalMatches;
  /** The pass, then the followed entries it has to look at, in order. */
  private chain: Promise<void> = Promise.resolve();
  /** Told of each new cursor of the count, and of its end: a pass running meanwhile places its matches. */
  private onCount: (() => void) | undefined;

  constructor(
    private readonly host: FilterHost,
    block: number,
    private readonly max: number,
  ) {
    this.matches = new JournalMatches(block, max);
  }

  /** The count has a new cursor, or is done. */
  counted(): void {
    this.onCount?.();
  }

  /** Stops the filter being run (the webview cancelled it). */
  cancel(id: number): void {
    if (id === this.id) this.id++;
    this.onCount?.();
  }

  /** The viewer reads the journal again: the matches go (the filter stays, to be set again). */
  reset(): void {
    this.textQuery = undefined;
    this.extra = undefined;
    this.matches.clear();
  }

  /** Sets the filter (null: none) and runs it; entries followed in later are looked at in turn. */
  set(id: number, spec: FilterSpecMsg | null): Promise<void> {
    this.id = id;
    // A pass holding journalctl for the count lets it go: it sees that it is no longer the filter.
    this.onCount?.();
    this.spec = spec;
    this.matches.clear();
    this.textQuery = undefined;
    this.extra = undefined;
    if (!spec) return Promise.resolve();
    this.textQuery = withText(this.host.query, spec.include, spec.exclude);
    this.extra = entryMatcher(spec);
    const pass = this.pass(id, this.textQuery, this.extra);
    this.chain = pass;
    return pass;
  }

  private async pass(id: number, q: JournalQuery, extra: ((e: JournalEntry) => boolean) | undefined): Promise<void> {
    const gen = this.host.gen;
    const max = this.max;
    const live = () => this.id === id && gen === this.host.gen;
    this.host.post({ type: 'filterResult', id, matches: 0, done: false });
    // Programs and times read more fields: that pass waits for the count to be complete.
    if (extra) await this.host.indexed;
    if (!live()) return;
    if (q !== this.host.query) this.host.notice('info', this.host.t('Filtered with: {0}', commandLine(q)));
    const matches = this.matches;
    matches.setCheckpoints(this.host.checkpoints);
    let known = this.host.checkpoints.length;
    // Entries followed in after the count are looked at by followed(), not here.
    let upTo: CursorKey | undefined;
    let total = 0;
    let stopped = false;
    let last = Date.now();
    const keep = (cursor: string, key: CursorKey): boolean => {
      if (!live() || (upTo && compareCursors(key, upTo) > 0)) return !(stopped = true);
      total++;
      if (this.matches.length < max) matches.add(cursor, key);
      if (Date.now() - last > 200) {
        last = Date.now();
        this.host.post({ type: 'filterResult', id, matches: this.matches.length, done: false });
      }
      return true;
    };
    // While the count still runs, a match past its last cursor waits (and journalctl with it).
    const pending: { cursor: string; key: CursorKey }[] = [];
    let wake: (() => void) | undefined;
    const catchUp = () => {
      while (known < this.host.checkpoints.length) matches.addCheckpoint(this.host.checkpoints[known++]);
      if (!this.host.indexing && !upTo && this.host.lastCursor) upTo = cursorKey(this.host.lastCursor);
      let j = 0;
      while (j < pending.length && !stopped && matches.placeable(pending[j].key, !this.host.indexing || !live())) keep(pending[j].cursor, pending[j++].key);
      pending.splice(0, stopped ? pending.length : j);
      if (!pending.length || !live()) wake?.();
    };
    if (!this.host.indexing) catchUp();
    this.onCount = catchUp;
    const take = (cursor: string): boolean => {
      if (stopped || !live()) return false;
      const key = cursorKey(cursor);
      if (!pending.length && matches.placeable(key, !this.host.indexing)) return keep(cursor, key);
      pending.push({ cursor, key });
      return true;
    };
    const hold = () => (pending.length ? new Promise<void>((r) => (wake = r)) : undefined);
    const src = new JournalSource(q, this.host.owner);
    try {
      if (extra) await src.scan((e) => (extra(e) ? take(e.__CURSOR) : live()), MATCHER_FIELDS);
      else await src.countCursors(1, (_k, c) => take(c), undefined, undefined, hold);
      // The last matches may wait for the end of the count.
      if (pending.length) await this.host.indexed;
      catchUp();
    } catch (e) {
      if (this.id === id) this.host.post({ type: 'filterResult', id, matches: this.matches.length, done: true, error: (e as Error).message });
      return;
    } finally {
      if (this.onCount === catchUp) this.onCount = undefined;
    }
    for (const w of src.warnings) this.host.notice('warning', w);
    if (gen !== this.host.gen) return;
    if (this.id !== id) return this.host.post({ type: 'filterResult', id, matches: this.matches.length, done: true, stopped: true });
    this.host.post({ type: 'filterResult', id, matches: this.matches.length, done: true, capped: total > this.matches.length });
    this.host.post({ type: 'progress', task: 'filter', done: 1, total: 1 });
  }

  /** Entries followed in (numbered from `base`, after `before`): looked at once the passes before are done. */
  follow(gen: number, batch: JournalEntry[], base: number, before: string | undefined): void {
    if (!this.textQuery) return;
    const next = this.chain.then(() => this.followed(gen, batch, base, before));
    this.chain = next.catch((e: unknown) => this.host.notice('warning', (e as Error).message));
  }

  /** The text filter's matches among entries followed in, by journalctl -g again. */
  private async followed(gen: number, batch: JournalEntry[], base: number, before: string | undefined): Promise<void> {
    const id = this.id;
    const q = this.textQuery;
    const extra = this.extra;
    if (!q || gen !== this.host.gen) return;
    const where = new Map(batch.map((e, j) => [e.__CURSOR, j]));
    const found: number[] = [];
    if (q === this.host.query) batch.forEach((e, j) => (!extra || extra(e)) && found.push(j));
    else
      await new JournalSource(q, this.host.owner).countCursors(
        1,
        (_k, c) => {
          const j = where.get(c);
          if (j === undefined) return false;
          if (!extra || extra(batch[j])) found.push(j);
        },
        before,
      );
    if (gen !== this.host.gen || id !== this.id || !found.length) return;
    const max = this.max;
    for (const j of found) if (this.matches.length < max) this.matches.addAt(base + j, batch[j].__CURSOR);
    this.host.post({ type: 'filterResult', id, matches: this.matches.length, done: true });
  }
}
