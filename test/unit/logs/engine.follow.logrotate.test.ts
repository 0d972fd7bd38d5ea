import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { MODES, rotationRun } from '../../fixtures/logs/rotation';

// A bounded run of the follow benchmark (npm run bench -- follow): the real logrotate rotates a file
// being written while the follower reads it. Not timed: it asserts that every line arrives once.
describe('log engine: follow across real logrotate runs (20,000 lines at 10,000/s, 2 rotations per mode)', function () {
  this.timeout(120_000);
  before(function () {
    if (spawnSync('logrotate', ['--version']).status !== 0) throw new Error('logrotate is not installed (scripts/setup.mjs installs it)');
  });

  for (const mode of MODES) {
    it(`${mode}: no line lost or repeated`, async () => {
      let r = await rotationRun(mode, { lines: 20_000, rate: 10_000, rotations: 2 });
      // Lines written in the few ms between logrotate's copy and its truncation exist only until
      // then: a reader descheduled that long (an overloaded machine) cannot have them. Such a run
      // is done once more; a line lost that a file still holds is never excused.
      if (r.lostOurs > 0 && r.missedOnDisk === 0 && r.repeatedOurs === 0) {
        console.log(`      (${r.lostOurs} lines written between copy and truncation were missed, as tail -F missed ${r.lostTail ?? '?'}: run again)`);
        r = await rotationRun(mode, { lines: 20_000, rate: 10_000, rotations: 2 });
      }
      const detail = `${JSON.stringify(r)} (tail -F lost ${r.lostTail ?? '?'} on the same run)`;
      assert.equal(r.rotations, 2, `logrotate ran: ${detail}`);
      assert.equal(r.missedOnDisk, 0, `lines still in a file were never delivered: ${detail}`);
      assert.equal(r.repeatedOurs, 0, `lines delivered twice: ${detail}`);
      assert.equal(r.lostOurs, 0, `lines lost: ${detail}`);
    });
  }
});
