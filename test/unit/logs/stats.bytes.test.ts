import * as assert from 'node:assert/strict';
import { parseSyslogHeader, StatsAccumulator, statsOf } from '../../../server/src/logs/engine';
import { tempDir } from './engineHelpers';

const T = tempDir();
after(() => T.cleanup());

/** Lines per program as the general header parser reads them, line by line (the reference). */
function reference(text: string): Map<string, number> {
  const progs = new Map<string, number>();
  for (const l of text.split('\n')) {
    if (!l) continue;
    const h = parseSyslogHeader(l);
    if (!h) continue;
    progs.set(h.program ?? '(none)', (progs.get(h.program ?? '(none)') ?? 0) + 1);
  }
  return progs;
}

async function programs(text: string, chunkSize?: number): Promise<Map<string, number>> {
  const acc = new StatsAccumulator(2025);
  await statsOf(T.file(`s${Math.random().toString(36).slice(2)}.log`, text), acc, { chunkSize });
  return new Map(acc.result(50).programs.map((p) => [p.program, p.lines]));
}

describe('stats read from the bytes: the same programs as the general parser', () => {
  it('reads program names of every form as the header parser does', async () => {
    const text = [
      'Dec  7 00:00:01 sv postfix/smtpd[1351]: connect',
      'Dec  7 00:00:02 sv sshd[12]: a',
      'Dec  7 00:00:03 sv kernel: b',
      'Dec  7 00:00:04 sv app[1] no colon after the pid',
      'Dec  7 00:00:05 sv app[123456789012345]: a long pid',
      'Dec  7 00:00:06 sv app[x]: a',
      'Dec  7 00:00:07 sv app[12: unclosed',
      'Dec  7 00:00:08 sv 日本語[7]: non-ASCII name',
      'Dec  7 00:00:09 sv a:b c',
      'Dec  7 00:00:10 sv',
      'Dec  7 00:00:11 sv prog',
      'Dec  7 00:00:12 sv sshd[12]: again',
      'Dec  7 00:00:13 sv sshe[12]: one byte apart',
      'Dec  7 00:00:14 verylonghostname.example.org cron[9]: x',
    ].join('\n') + '\n';
    assert.deepEqual(await programs(text), reference(text));
    assert.deepEqual(await programs(text, 64), reference(text), 'read in small chunks');
  });

  it('reads the program of a last line without a newline from that line only', async () => {
    // Read in 64-byte chunks, the last line lands in a buffer whose next byte is left over from
    // the first line: a ':' there must not end a program name.
    const line1 = 'Dec  7 00:00:00 sv kernel: hello there friend\n';
    assert.equal(line1[25], ':');
    const text = line1 + 'Dec  7 00:00:01 host prog';
    assert.deepEqual(await programs(text, 64), reference(text));
  });
});
