// Follow mode of the file viewer: the follower of the set's live file (which keeps reading after a
// rotation, and after a copytruncate shows the lines written between the copy and the truncation),
// and the literal filter run on the lines it appends.
import { blockScanner, FileReader, Follower, LineIndex, openReader, type CompiledFilter, type LogSet } from '../../../server/src/logs/engine';
import type { HostMessage } from './protocol';
import { OverlayReader, RecentBytes } from './recentBytes';
import { rotationNotice } from './viewerHelpers';

export interface FollowHost {
  set: LogSet;
  post(m: HostMessage): void;
  t(en: string, ...args: (string | number)[]): string;
  access(file: string, e: unknown): string;
  /** Lines appended to member `member` (the first of them is line `firstLine` of the set). */
  appended(buf: Buffer, from: number, to: number, offset: number, firstLine: number, member: number): void;
}

/** A follower of the set's last file from where its index ends (not opened yet). */
export function liveFollower(h: FollowHost): Follower {
  const set = h.set;
  let target = set.members.length - 1;
  const live = set.members[target];
  // The last bytes read, for the lines a copytruncate leaves in no file (recentBytes.ts).
  const recent = new RecentBytes();
  return new Follower(
    live.path,
    {
      lines: (buf, from, to, offset) => {
        const mem = set.members[target];
        const before = set.lineBase(target) + mem.index.complete;
        mem.index.add(buf, from, to, offset);
        recent.add(buf, from, to, offset);
        h.appended(buf, from, to, offset, before, target);
        h.post({ type: 'count', lineCount: set.lineCount, indexing: false, appended: true });
      },
      rotated: (kind, info) => {
        const mem = set.members[target];
        // After a copytruncate the old lines are read from the copy, plain or .gz, and those
        // read last from memory: the ones written between the copy and the truncation are in
        // no file any more.
        const kept = recent.take();
        if (kind === 'truncate') {
          const overlay = new OverlayReader(mem.reader, kept.bytes, kept.start);
          if (info.copyPath) overlay.setBase(openReader(info.copyPath));
          mem.reader = overlay;
        }
        h.post({ type: 'notice', ...rotationNotice(kind === 'truncate', !!info.lost, live.path, h.t) });
        set.members.push({ path: live.path, reader: undefined as never, index: new LineIndex() });
        target = set.members.length - 1;
        void FileReader.open(live.path).then((r) => (set.members[target].reader = r));
      },
      problem: (e) => {
        if (e.code === 'ENOENT') h.post({ type: 'notice', level: 'warning', message: h.t('{0} is gone; waiting for it to come back.', live.path) });
        else h.post({ type: 'notice', level: 'error', message: h.access(live.path, e) });
      },
    },
    { start: live.index.bytes, intervalMs: 300 },
  );
}

/** The numbers of the appended lines a filter of literal terms keeps (linear time: safe on the host). */
export function literalMatches(f: CompiledFilter, buf: Buffer, from: number, to: number, offset: number, firstLine: number): number[] {
  const scan = blockScanner(f, new Date().getFullYear());
  const found: number[] = [];
  let line = firstLine;
  let cursor = from;
  scan(buf, from, to, offset, (b, s) => {
    for (let i = b.indexOf(10, cursor); i !== -1 && i < s; i = b.indexOf(10, i + 1)) line++;
    cursor = s;
    found.push(line);
  });
  return found;
}
