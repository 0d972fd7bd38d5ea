// sctp --chunk-types MODE LIST: the two arguments as libxt_sctp reads them.
import type { Check } from './valueReport';
import { bad, L, unknown } from './valueReport';

/** The chunk names of `iptables -p sctp --help` (iptables 1.8.9), read in any case. */
const CHUNKS = ['DATA', 'INIT', 'INIT_ACK', 'SACK', 'HEARTBEAT', 'HEARTBEAT_ACK', 'ABORT', 'SHUTDOWN', 'SHUTDOWN_ACK', 'ERROR', 'COOKIE_ECHO', 'COOKIE_ACK', 'ECN_ECNE', 'ECN_CWR', 'SHUTDOWN_COMPLETE', 'ASCONF', 'ASCONF_ACK', 'FORWARD_TSN', 'ALL', 'NONE'];
const CHUNK_SET = new Set(CHUNKS);

/** The match type (ALL, ANY or ONLY, any case), then chunk names joined by commas, each with optional `:FLAGS` (empty entries are skipped). */
export const checkSctpChunks: Check = (v, tok, item, vc) => {
  if (!['all', 'any', 'only'].includes(v.toLowerCase())) {
    bad(vc, tok, item, L('the match type is ALL, ANY or ONLY', '一致の種類は ALL・ANY・ONLY のどれかです'));
    return;
  }
  const list = item.args[1];
  if (!list) return;
  for (const entry of list.text.split(',')) {
    const name = entry.split(':')[0];
    if (entry !== '' && !CHUNK_SET.has(name.toUpperCase())) return unknown(vc, list, item, name, CHUNKS);
  }
};
