import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { MODES, rotationRun } from '../../fixtures/logs/rotation';

// A bounded run of the follow benchmark (npm run bench -- follow): the real logrotate rotates a file
// being written while the follower reads it. Not timed: it asserts that every line still in a file
// arrives exactly once, and that lines written between logrotate's copy and its truncation (in no
// file afterwards) are read as they are written.
describe('log engine: follow across real logrotate runs (20,000 lines at 10,000/s, 2 rotations per mode)', function () {
  this.timeout(120_000);
  before(function () {
    if (spawnSync('logrotate', ['--version']).status !== 0) throw new Error('logrotate is not installed (scripts/setup.mjs installs it)');
  });

  for (const mode of MODES) {
    it(`${mode}: no line lost or repeated, and lines written between copy and truncation read at once`, async () => {
      let r = await rotationRun(mode, { lines: 20_000, rate: 10_000, rotations: 2 });
      // Reading at once cannot be promised on a busy machine: a reader kept off the processor for
      // the few ms between copy and truncation gets none of those lines. Only then is it run again.
      if (r.destroyed > 0 && r.caughtOurs === 0) {
        console.log(`      (none of the ${r.destroyed} lines written between copy and truncation was read: run again)`);
        r = await rotationRun(mode, { lines: 20_000, rate: 10_000, rotations: 2 });
      }
      const detail = JSON.stringify(r);
      assert.equal(r.rotations, 2, `logrotate ran: ${detail}`);
      assert.equal(r.missedOnDisk, 0, `lines still in a file were never delivered: ${detail}`);
      assert.equal(r.repeatedOurs, 0, `lines delivered twice: ${detail}`);
      // Lines lost can only be the newest before a truncation, when it came before the reader ran
      // (often microseconds after the write; logrotate(8) warns of this for copytruncate).
      assert.equal(r.lostMidWindow, 0, `lines skipped between lines that were read: ${detail}`);
      if (r.destroyed > 0) assert.ok(r.caughtOurs > 0, `lines written between copy and truncation were not read before it: ${detail}`);
    });
  }
});
