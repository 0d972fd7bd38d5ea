// Hand-kept inputs for the iptables catalog generator: for extensions that refuse to load with no
// options, one set of options the tool accepts (the generator checks it and says when one stops
// working), and the values tried when looking for a valid value of each option. Only inputs to
// the probes: every constraint in the catalog is what the installed tool answered.

/** Options that make an extension load ("-m NAME <seed>" or "-j NAME <seed>"). */
export const SEEDS = {
  addrtype: '--src-type LOCAL',
  connmark: '--mark 1',
  conntrack: '--ctstate NEW',
  devgroup: '--src-group 1',
  ecn: '--ecn-tcp-cwr',
  icmp: '--icmp-type 8',
  icmp6: '--icmpv6-type 1',
  ipvs: '--ipvs',
  multiport: '--dports 1',
  // Alternatives (the first is the seed): options they use stand in for the seed's required ones,
  // and the extension loads wherever any of them loads.
  policy: ['--dir in --pol ipsec', '--dir out --pol ipsec', '--dir in --pol ipsec --mode tunnel'],
  bpf: '--bytecode "1,6 0 0 0"',
  cgroup: '--cgroup 1',
  cluster: '--cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 1',
  comment: '--comment x',
  connbytes: '--connbytes 1 --connbytes-dir both --connbytes-mode bytes',
  connlabel: '--label 1',
  connlimit: '--connlimit-above 1',
  cpu: '--cpu 0',
  dscp: '--dscp 1',
  hashlimit: '--hashlimit-upto 1/sec --hashlimit-name probe',
  helper: '--helper ftp',
  iprange: '--src-range 1.2.3.4-1.2.3.5',
  ipv6header: '--header hop',
  length: '--length 1',
  mac: '--mac-source 00:11:22:33:44:55',
  mark: '--mark 1',
  nfacct: '--nfacct-name probe',
  osf: '--genre x',
  owner: '--uid-owner 0',
  physdev: '--physdev-in eth0',
  pkttype: '--pkt-type unicast',
  quota: '--quota 1',
  rateest: ['--rateest1 x --rateest-bps1 1 --rateest-gt --rateest-bps2 1 --rateest2 y', '--rateest x --rateest-gt --rateest-bps 1'],
  realm: '--realm 1',
  recent: '--rcheck',
  set: '--match-set probe src',
  state: '--state NEW',
  statistic: ['--mode random --probability 0.5', '--mode nth --every 2 --packet 1'],
  string: '--algo bm --string x',
  tcpmss: '--mss 1',
  tos: '--tos 1',
  ttl: '--ttl-eq 1',
  hl: '--hl-eq 1',
  u32: '--u32 "0>>22&0x3C@ 12>>26&0x3C@ 0&0xFFFF=0x1"',
  AUDIT: '--type accept',
  CHECKSUM: '--checksum-fill',
  CLASSIFY: '--set-class 1:1',
  CLUSTERIP: '--new --hashmode sourceip --clustermac 01:00:5E:00:00:01 --total-nodes 2 --local-node 1',
  CONNSECMARK: '--save',
  DNAT: '--to-destination 1.2.3.4',
  DNPT: '--src-pfx 2001:db8::/64 --dst-pfx 2001:db8:1::/64',
  DSCP: '--set-dscp 1',
  ECN: '--ecn-tcp-remove',
  HL: '--hl-set 1',
  HMARK: '--hmark-tuple src --hmark-mod 1 --hmark-rnd 1',
  IDLETIMER: '--timeout 1 --label probe',
  LED: '--led-trigger-id probe',
  MARK: '--set-mark 1',
  NETMAP: '--to 10.0.0.0/8',
  // Times that leave room on both sides of the condition between the two (see RELATIONS).
  RATEEST: '--rateest-name x --rateest-interval 250ms --rateest-ewmalog 4000s',
  SECMARK: '--selctx system_u:object_r:ssh_packet_t:s0',
  SET: '--add-set probe src',
  SNAT: '--to-source 1.2.3.4',
  SNPT: '--src-pfx 2001:db8::/64 --dst-pfx 2001:db8:1::/64',
  SYNPROXY: '--mss 1460',
  TCPMSS: '--set-mss 1000',
  TEE: '--gateway 1.2.3.4',
  TOS: '--set-tos 1',
  TPROXY: '--on-port 1',
  TTL: '--ttl-set 1',
  CONNMARK: '--set-mark 1',
  CT: '--notrack',
};

/** Values tried in order when looking for one the tool accepts for an option. */
export const CANDIDATES = [
  '1', 'x', '1.2.3.4', '2001:db8::1', '1/sec', 'eth0', 'NEW', 'src', 'unicast', 'SYN', 'INIT', 'accept', '1:1', '0x1', '1,2',
  'LOCAL', 'in', 'ipsec', 'esp', 'hop', 'ftp', 'dstip', 'bm', 'bytes', 'both', 'echo-request', '1.2.3.4/32', '00:11:22:33:44:55',
  'sourceip', 'prerouting', 'tcp-reset', 'info', 'src,dst', '12:00', '2020-01-01', 'Mon', 'random', 'nth', 'original', 'tunnel',
  'system_u:object_r:ssh_packet_t:s0', '0', 'DATA', 'wscale', 'nop', '0.5', 'mss', 'packets', 'avg', 'NONE',
  'EF', 'new', 'mark', '2', '1s', '::1', '0:3',
];

/** Options the tool takes that neither its --help nor the manual lists (kept only when the tool knows them). */
export const EXTRA_OPTIONS = {
  time: ['--localtz', '--utc'],
  ECN: ['--ecn-tcp-cwr', '--ecn-tcp-ece', '--ecn-ip-ect'],
  hashlimit: ['--hashlimit'],
};

/** Bounds tried in ascending order for numeric options; the last accepted one is refined by bisection. */
export const LADDER = [0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 100, 127, 128, 255, 256, 1000, 1023, 1024, 4095, 4096, 10000, 65535, 65536, 100000, 1000000, 2147483647, 2147483648, 4294967295, 4294967296];

const DSCP_CLASSES = ['CS0', 'CS1', 'CS2', 'CS3', 'CS4', 'CS5', 'CS6', 'CS7', 'BE', 'AF11', 'AF12', 'AF13', 'AF21', 'AF22', 'AF23', 'AF31', 'AF32', 'AF33', 'AF41', 'AF42', 'AF43', 'EF'];
const dscpClass = { type: 'names', values: DSCP_CLASSES, caseInsensitive: true, startsWith: true, good: ['ef', 'EFx', 'af41'], bad: ['AF44', 'LE', '1', ''] };
const zone = { type: 'names', values: ['mark'], caseInsensitive: true, numbers: { min: 0, max: 65535 }, good: ['0x10', '65535', 'MARK'], bad: ['65536', '-1', '1-', '1.2.3', 'orig', 'mark,1'] };
const date = { type: 'date', good: ['2001-02-03T04:05:06', '2001', '2001-2-3', '2038-12-31T23:59:59', '1970-01-01', '2001-02-03T04:'], bad: ['1969-01-01', '2039', '2001-13-01', '2001-02-32', '2001-02-03T24:00', '2001-02-03T23:60', '2001-02-03x', '20010203', '0x7d1'] };
const daytime = { type: 'daytime', good: ['01:02:03', '1:2', '23:59:59', '01:02:'], bad: ['01', '24:00', '23:60', '23:59:60', '1:2x', '01:02:03:04', 'abc'] };
const tos = { type: 'names', values: ['Minimize-Delay', 'Maximize-Throughput', 'Maximize-Reliability', 'Minimize-Cost', 'Normal-Service'], caseInsensitive: true, numbers: { min: 0, max: 255, mask: true }, good: ['minimize-delay', '0x10/0x3f', '255'], bad: ['Minimize', '256', '0x10/0x100', 'wrong'] };
// addrtype's types, in the order the tool tries them for a prefix (`x` is XRESOLVE).
const ADDRTYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];
const addrtype = { type: 'names', list: true, values: ADDRTYPES, caseInsensitive: true, prefix: true, familyCheck: true, good: ['x', 'local,unicast'], bad: ['BLAH'] };
const address = { type: 'address', good: [], bad: ['a b', '1.2.3.4/33'] };
const ip6opts = { type: 'ip6opts', good: ['1', '1:2,3', '0x10:0x2', '010', '256', '-1', '+1', ' 1', '1:256', '0', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15:1'], bad: ['', '1,', ',1', '1,,2', '1:', ':1', '1:2:3', 'abc', '1.2.3', '0:1', '256:1', '08', '99999999999999999999', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16:1'] };
const natrange = { type: 'natrange', good: ['1.2.3.4', '1.2.3.4-1.2.3.5'], bad: ['1.2.3.4:1', '256.1.1.1', '1.2.3'] };

/**
 * Value grammars, per `extension option`: a type the checker knows (values.ts) and what it needs.
 * `names`: `values` (a comma-separated list when `list`), matched case-insensitively, or as the
 * start of the value (`startsWith`), or numbers in a range (`numbers`). The generator keeps a
 * grammar only when the tool accepts every name and every `good` example and refuses every `bad`
 * one; `familyCheck` also records the names the kernel refuses in each family.
 */
export const VALUE_TYPES = {
  'dscp --dscp-class': dscpClass,
  'DSCP --set-dscp-class': dscpClass,
  'CT --ctevents': { type: 'names', list: true, values: ['new', 'related', 'destroy', 'reply', 'assured', 'protoinfo', 'helper', 'mark', 'natseqinfo', 'secmark'], good: ['new,related'], bad: ['NEW', 'new,', ',new', 'x', 'label'] },
  'CT --expevents': { type: 'names', list: true, values: ['new'], good: ['new,new'], bad: ['NEW', 'related', 'x'] },
  'CT --zone': zone,
  'CT --zone-orig': zone,
  'CT --zone-reply': zone,
  'connbytes --connbytes-dir': { type: 'names', values: ['original', 'reply', 'both'], good: [], bad: ['BOTH', 'orig', '1'] },
  'connbytes --connbytes-mode': { type: 'names', values: ['packets', 'bytes', 'avgpkt'], good: [], bad: ['AVGPKT', 'pack', '1'] },
  'tos --tos': tos,
  'TOS --set-tos': tos,
  'TCPOPTSTRIP --strip-options': { type: 'names', list: true, values: ['mss', 'wscale', 'sack-permitted', 'sack', 'timestamp', 'md5'], numbers: { min: 2, max: 255 }, good: ['wscale,2', '255'], bad: ['MSS', '0', '256', 'mss,,sack', 'wrong'] },
  'HMARK --hmark-tuple': { type: 'names', list: true, values: ['src', 'dst', 'sport', 'dport', 'spi', 'ct', 'proto'], caseInsensitive: true, prefix: true, good: ['SRC', 'src,dst', 'prot', 'ds'], bad: ['src,', 'x,,y', 'foo'] },
  'time --datestart': date,
  'time --datestop': date,
  'time --timestart': daytime,
  'time --timestop': daytime,
  // The tool reads the first two letters of a day (Mo, Mon, Monday) and any number from 1.
  // An empty entry reads as day 0, refused, except after one last comma (the list ends there).
  'time --weekdays': { type: 'names', list: true, trailingComma: true, startsWith: true, values: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], numbers: { min: 1, max: 4294967295, maxDigits: 9 }, good: ['Mon,Fri,Sun', '1,7', 'Monday', '8', '99999999999', '', 'Mo,'], bad: ['Mon,Foo', '0', 'M', 'mon', '!', ',Mo', 'Mo,,Tu', ',', 'Mo,,'] },
  // The tool reads the first two characters of a day of the month as one number (300 is the 30th,
  // 031 is octal 3; 320 is refused as 32, 0x1f as `0x`).
  'time --monthdays': { type: 'names', list: true, allowEmpty: true, values: [], numbers: { min: 0, max: 31 }, firstChars: 2, good: ['1,2,31', '0', '1,', '300', '07', '031', '1,,2', ' 1', '+1', '-0'], bad: ['32', '-1', '!', 'x', '99', '0x1f', '1/0', '99999999999', '08', '1,3x', '-', '1-'] },
  'CLASSIFY --set-class': { type: 'classid', good: ['1:1', '0000:ffff', 'ffff:ffff', '0x1:1', '1:1x'], bad: ['1', '1:', ':1', 'g:1', '1:g', 'abc'] },
  'u32 --u32': { type: 'u32', good: ['0x0=0x0&&0x0=0x1', '0>>22&0x3C@12>>26&0x3C@0&0xFFFF=0x1', '0=1,2,3:5', '+1=+1', ' 1 =1'], bad: ['1', '0=1 && ', 'x=1', '0=0x100000000', '1:', '', '-', '1-', '-0=1', '1=1:-0'] },
  // Hop-by-hop and destination options: TYPE[:LENGTH],… (strtoul words), at most 16; PAD0 (type 0) takes no length.
  'hbh --hbh-opts': ip6opts,
  'dst --dst-opts': ip6opts,
  'bpf --bytecode': { type: 'bpf', good: ['4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0', '1,6 0 0 0'], bad: ['4,48 0 0 9,21 0 1 6,6 0 0 1', '2,6 0 0 0,6 0 0 0,6 0 0 0', '1,6 0 0', '0,', '1', 'x,,y'] },
  'DNAT --to-destination': natrange,
  'SNAT --to-source': natrange,
  'NETMAP --to': address,
  'DNPT --src-pfx': address,
  'DNPT --dst-pfx': address,
  'SNPT --src-pfx': address,
  'SNPT --dst-pfx': address,
  'rt --rt-0-addrs': address,
  'srh --srh-psid': address,
  'srh --srh-nsid': address,
  'srh --srh-lsid': address,
  // policy reads the address with getaddrinfo in the rule's family and ignores a bad prefix length.
  // A label number is taken anywhere; a name only where connlabel.conf names it (checked as a warning).
  'connlabel --label': { type: 'connlabel', good: ['1', '127'], bad: ['-1', '1x'] },
  'policy --tunnel-src': { type: 'hostfamily', good: ['1.2.3.4/33', '10.0.0.0/8', '1'], bad: ['2001:db8::1', '2001:db8::/64'] },
  'policy --tunnel-dst': { type: 'hostfamily', good: ['1.2.3.4/33', '10.0.0.0/8', '1'], bad: ['2001:db8::1', '2001:db8::/64'] },
  'dccp --dccp-types': { type: 'names', list: true, allowEmpty: true, caseInsensitive: true, values: ['REQUEST', 'RESPONSE', 'DATA', 'ACK', 'DATAACK', 'CLOSEREQ', 'CLOSE', 'RESET', 'SYNC', 'SYNCACK', 'INVALID'], good: ['data', 'DATA,'], bad: ['1', 'WRONG', '300'] },
  'ipv6header --header': { type: 'names', list: true, allowEmpty: true, values: ['hop', 'hop-by-hop', 'dst', 'ipv6-opts', 'route', 'ipv6-route', 'frag', 'ipv6-frag', 'auth', 'ah', 'esp', 'none', 'ipv6-nonxt', 'prot', 'protocol'], numbers: { min: 0, max: 255 }, good: ['hop,,dst', '0', '255'], bad: ['HOP', '256', 'tcp', 'wrong'] },
  // Mobility header types as `ip6tables -m mh --help` lists them, any start of a name, or numbers; TYPE[:TYPE].
  'mh --mh-type': { type: 'names', range: true, allowEmpty: true, caseInsensitive: true, prefix: true, values: ['binding-refresh-request', 'brr', 'home-test-init', 'hoti', 'careof-test-init', 'coti', 'home-test', 'hot', 'careof-test', 'cot', 'binding-update', 'bu', 'binding-acknowledgement', 'ba', 'binding-error', 'be'], numbers: { min: 0, max: 255 }, good: ['b', 'BU', 'binding-up', 'home', '0:255', '1:', ':2', '0x10', 'hoti:coti'], bad: ['abc', '1x', '256', '1:abc', 'binding-update-x', 'fbu', 'bu,ba', 'x:1'] },
  'addrtype --src-type': addrtype,
  'addrtype --dst-type': addrtype,
};

// RATEEST's times: a number as strtod reads it with an optional unit (s, ms, us and their long
// forms); a bare number is in microseconds. The interval is at most 8 seconds. The examples are
// tried next to the seed's other time (see RELATIONS).
const tcBad = ['abc', '1x', '1e', 's', ''];
VALUE_TYPES['RATEEST --rateest-interval'] = { type: 'tctime', max: 8000000, good: ['1000', '250ms', '0.25s', '1.5SEC', '8s', '100usecs', '1e3'], bad: [...tcBad, '8.0001s', '9s', '99999999999'] };
VALUE_TYPES['RATEEST --rateest-ewmalog'] = { type: 'tctime', good: ['1s', '361ms', '4000s', '1e6', '4294967295'], bad: tcBad };

/**
 * Conditions between the values of two options of one extension, kept only where the tool accepts
 * every `good` option list and refuses every `bad` one (its message is recorded).
 * `order`: once `when` is given, `low` must not be later than `high` (`defaults` stand in for absent
 * options). `ratio`: `num` / `den` must lie in [min, below).
 */
export const RELATIONS = {
  time: [
    {
      kind: 'order',
      when: '--contiguous',
      low: '--timestop',
      high: '--timestart',
      values: 'daytime',
      defaults: { '--timestart': '00:00:00', '--timestop': '23:59:59' },
      good: ['--timestart 10:00 --timestop 09:00 --contiguous', '--contiguous --timestart 00:00 --timestop 00:00', '--timestart 23:59:59 --contiguous', '--timestop 00:00 --contiguous'],
      bad: ['--contiguous', '--timestart 10:00 --contiguous', '--timestop 22:00 --contiguous', '--timestart 09:00 --timestop 10:00 --contiguous'],
    },
  ],
  // The averaging constant must lie between interval/ln 2 and interval·2^30 (the tool picks its
  // ewma_log from 1 to 30 by that ratio).
  RATEEST: [
    {
      kind: 'ratio',
      num: '--rateest-ewmalog',
      den: '--rateest-interval',
      values: 'tctime',
      min: 1 / Math.LN2,
      below: 2 ** 30,
      good: ['--rateest-name x --rateest-interval 250ms --rateest-ewmalog 361ms', '--rateest-name x --rateest-interval 1 --rateest-ewmalog 1073741823', '--rateest-name x --rateest-interval 250000 --rateest-ewmalog 1000000'],
      bad: ['--rateest-name x --rateest-interval 250ms --rateest-ewmalog 360ms', '--rateest-name x --rateest-interval 1 --rateest-ewmalog 1073741824', '--rateest-name x --rateest-interval 0 --rateest-ewmalog 1', '--rateest-name x --rateest-interval 2 --rateest-ewmalog 2'],
    },
  ],
};
