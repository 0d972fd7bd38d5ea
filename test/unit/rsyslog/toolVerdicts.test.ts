import * as path from 'node:path';
import { check } from '../helpers/cursor';
import { toolVerdictTests } from '../helpers/toolVerdicts';
import { F } from './util';

const DIR = path.join(__dirname, '../../fixtures/rsyslog/tool-verdicts');

/**
 * Each fixture is a disagreement with rsyslogd -N1 found by the differential fuzzer, fixed. The
 * manifest's `tool` column is checked against the real rsyslogd by the differential tier
 * (test/differential/fixtureVerdicts.test.ts); here: our verdict and where we put it.
 */
describe('rsyslog: the verdicts rsyslogd -N1 gives', () => {
  toolVerdictTests(DIR, 'rsyslogd', (text) => check(F, text));
});
