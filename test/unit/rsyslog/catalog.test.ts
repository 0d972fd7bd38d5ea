import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog, type CatalogEntry } from '../../../server/src/languages/common/catalog';

const DATA = path.join(__dirname, '../../../server/data/rsyslog');

type Entry = CatalogEntry & Record<string, any>;
function load(name: string): Entry[] {
  return JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8')) as Entry[];
}

/** Names and aliases that occur more than once, compared case-insensitively as rsyslog does. */
function duplicates(entries: Entry[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const e of entries)
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const k = n.toLowerCase();
      if (seen.has(k)) dup.push(n);
      seen.add(k);
    }
  return dup;
}

const PARAM_TYPES = new Set([
  'string', 'integer', 'size', 'path', 'user', 'group', 'mode', 'word', 'port', 'enum', 'none',
  'boolean', 'onoff', 'ruleset', 'template', 'queue-type',
]);

describe('rsyslog catalog data', () => {
  const facilities = load('facilities.json');
  const priorities = load('priorities.json');
  const actions = load('actions.json');
  const directives = load('directives.json');
  const modules = load('modules.json');
  const objects = load('objects.json');
  const properties = load('properties.json');
  const compareOps = load('compareOps.json');

  it('has every facility of the manual table, with the manual wording in Japanese', () => {
    // The facility table of the users' handbook (ファシリティとプライオリティ).
    const table: Record<string, string> = {
      auth: 'セキュリティ・認証関連（login、su など）',
      authpriv: 'セキュリティ・認証関連（プライベート）',
      cron: 'cronやatのログ',
      daemon: '一般的なデーモン（サーバプログラム）関連',
      kern: 'カーネル関連',
      lpr: 'プリンタ関連',
      mail: 'メール関連',
      news: 'NetNews関連',
      security: 'authと同じ',
      syslog: 'syslogd自身のログ',
      user: 'ユーザアプリケーションのログ',
      uucp: 'uucp転送を行うプログラムのログ',
    };
    const cat = new Catalog(facilities);
    for (const [name, meaning] of Object.entries(table)) {
      const e = cat.get(name);
      assert.ok(e, `facility ${name}`);
      assert.ok(e.docs.ja.includes(meaning), `${name}: ${e.docs.ja}`);
    }
    for (let i = 0; i < 8; i++) assert.ok(cat.get(`local${i}`)?.docs.ja.includes('独自のプログラムで利用可能なfacility'));
    for (const n of ['mark', 'ftp', 'ntp', '*']) assert.ok(cat.has(n), n);
  });

  it('gives facilities their syslog codes and deprecates security in favour of auth', () => {
    const code = (n: string) => facilities.find((f) => f.name === n)?.code;
    assert.equal(code('kern'), 0);
    assert.equal(code('user'), 1);
    assert.equal(code('mail'), 2);
    assert.equal(code('authpriv'), 10);
    assert.equal(code('local0'), 16);
    assert.equal(code('local7'), 23);
    assert.equal(code('*'), undefined);
    assert.equal(facilities.find((f) => f.name === 'security')?.deprecated?.replacement, 'auth');
  });

  it('orders priorities emerg 0 … debug 7 and keeps warn/error/panic as deprecated aliases', () => {
    const levels = Object.fromEntries(priorities.filter((p) => p.level !== undefined).map((p) => [p.name, p.level]));
    assert.deepEqual(levels, { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 });
    const cat = new Catalog(priorities);
    assert.equal(cat.get('warn')?.name, 'warning');
    assert.equal(cat.get('ERROR')?.name, 'err');
    assert.equal(cat.get('panic')?.name, 'emerg');
    assert.deepEqual(cat.get('warning')?.deprecatedAliases, ['warn']);
    assert.equal(cat.get('warning')?.deprecated, undefined, 'the main entry stays valid');
    assert.ok(cat.has('none') && cat.has('*'));
    assert.ok(cat.get('none')!.docs.ja.includes('ファシリティを無効にする'));
  });

  it('has one action per legacy form, with deprecations pointing at the modern form', () => {
    const forms = actions.map((a) => a.form);
    for (const f of ['file', 'file-nosync', 'dynafile', 'pipe', 'program', 'all-users', 'omusrmsg', 'users', 'udp-forward',
      'tcp-forward', 'discard', 'stop', 'module', 'continuation', 'template-suffix'])
      assert.ok(forms.includes(f), f);
    assert.equal(new Set(forms).size, forms.length, 'forms are unique');
    const by = (f: string) => actions.find((a) => a.form === f)!;
    assert.equal(by('all-users').deprecated?.replacement, ':omusrmsg:*');
    assert.equal(by('discard').deprecated?.replacement, 'stop');
    assert.ok(by('udp-forward').docs.ja.includes('UDPでsyslogサーバにログメッセージを送信する'));
    assert.ok(by('tcp-forward').docs.ja.includes('TCPでsyslogサーバにログメッセージを送信する'));
  });

  it('lists the legacy directives with a type and the module that provides them', () => {
    assert.ok(directives.length > 200, `${directives.length} directives`);
    for (const d of directives) {
      assert.ok(d.name.startsWith('$'), d.name);
      assert.ok(PARAM_TYPES.has(d.type!), `${d.name} type ${d.type}`);
      assert.ok(typeof d.module === 'string' && d.module.length > 0, `${d.name} module`);
      if (d.type === 'enum') assert.ok(d.values?.length, `${d.name} values`);
      if (d.replacementTemplate) assert.ok(d.replacementTemplate.includes('{arg}'), d.name);
    }
    const cat = new Catalog(directives);
    for (const n of ['$ModLoad', '$WorkDirectory', '$ActionFileDefaultTemplate', '$IncludeConfig', '$UDPServerRun',
      '$InputTCPServerRun', '$FileOwner', '$FileGroup', '$FileCreateMode', '$DirCreateMode', '$Umask',
      '$RepeatedMsgReduction', '$PrivDropToUser', '$ActionQueueType', '$ActionResumeRetryCount', '$MainMsgQueueSize',
      '$InputFileName', '$ActionSendStreamDriverMode', '$DefaultNetstreamDriverCAFile', '$SystemLogSocketName',
      '$OmitLocalLogging', '$IMJournalStateFile', '$KLogPath', '$EscapeControlCharactersOnReceive'])
      assert.ok(cat.has(n), n);
    assert.equal(cat.get('$modload')?.replacementTemplate, 'module(load="{arg}")', 'lookup ignores case');
    assert.equal(cat.get('$UDPServerRun')?.replacementTemplate, 'input(type="imudp" port="{arg}")');
    assert.equal(cat.get('$IncludeConfig')?.replacementTemplate, 'include(file="{arg}")');
    assert.equal(cat.get('$FileCreateMode')?.type, 'mode');
    assert.deepEqual(cat.get('$ActionQueueType')?.values, ['FixedArray', 'LinkedList', 'Direct', 'Disk']);
  });

  it('has no duplicate names in any list', () => {
    for (const [file, list] of Object.entries({ facilities, priorities, actions, directives, modules, objects, properties, compareOps }))
      assert.deepEqual(duplicates(list), [], file);
    for (const m of modules)
      for (const k of ['moduleParams', 'inputParams', 'actionParams'])
        assert.deepEqual(duplicates(m[k] ?? []), [], `${m.name}.${k}`);
    for (const o of objects) assert.deepEqual(duplicates(o.params ?? []), [], `${o.name}.params`);
  });

  it('gives every module parameter a kind and a known type, and enums their values', () => {
    const kinds: Record<string, string> = { moduleParams: 'module-parameter', inputParams: 'input-parameter', actionParams: 'action-parameter' };
    for (const m of modules)
      for (const [k, kind] of Object.entries(kinds))
        for (const p of (m[k] ?? []) as Entry[]) {
          assert.equal(p.kind, kind, `${m.name}.${p.name}`);
          assert.ok(PARAM_TYPES.has(p.type!), `${m.name}.${p.name} type ${p.type}`);
          if (p.type === 'enum') assert.ok(p.values?.length, `${m.name}.${p.name} values`);
        }
    for (const o of objects)
      for (const p of (o.params ?? []) as Entry[]) {
        assert.equal(p.kind, 'object-parameter', `${o.name}.${p.name}`);
        assert.ok(PARAM_TYPES.has(p.type!), `${o.name}.${p.name} type ${p.type}`);
      }
  });

  it('covers the important modules and their key parameters', () => {
    const cat = new Catalog(modules);
    for (const n of ['imuxsock', 'imjournal', 'imklog', 'imudp', 'imtcp', 'imptcp', 'imrelp', 'imfile', 'imkmsg', 'immark',
      'impstats', 'omfile', 'omfwd', 'omusrmsg', 'omprog', 'omrelp', 'omjournal', 'ompipe', 'omdiscard', 'mmjsonparse',
      'mmnormalize', 'mmutf8fix', 'mmanon', 'omelasticsearch', 'ommysql', 'ompgsql', 'lmnet'])
      assert.ok(cat.has(n), n);
    for (const n of ['omfile', 'omfwd', 'omusrmsg', 'omdiscard', 'ompipe', 'omshell']) assert.equal(cat.get(n)?.builtin, true, n);
    const params = (m: string, k: string) => new Catalog((cat.get(m)![k] ?? []) as Entry[]);
    assert.ok(params('imudp', 'inputParams').has('port') && params('imudp', 'inputParams').has('ruleset'));
    assert.ok(params('imtcp', 'moduleParams').has('MaxSessions'));
    assert.deepEqual(params('omfwd', 'actionParams').get('protocol')?.values, ['udp', 'tcp']);
    assert.ok(params('omfwd', 'actionParams').has('tcp_framing'));
    for (const p of ['file', 'dynaFile', 'template', 'fileOwner', 'fileGroup', 'fileCreateMode', 'dirCreateMode', 'sync',
      'ioBufferSize', 'flushOnTXEnd', 'asyncWriting'])
      assert.ok(params('omfile', 'actionParams').has(p), `omfile ${p}`);
    for (const p of ['File', 'Tag', 'Facility', 'Severity', 'PersistStateInterval']) assert.ok(params('imfile', 'inputParams').has(p), p);
  });

  it('describes the RainerScript objects and statements', () => {
    const cat = new Catalog(objects);
    for (const n of ['module', 'input', 'action', 'template', 'ruleset', 'global', 'main_queue', 'include', 'lookup_table',
      'parser', 'timezone', 'property', 'constant'])
      assert.equal(cat.get(n)?.kind, 'object', n);
    for (const n of ['if', 'then', 'else', 'stop', 'call', 'set', 'unset', 'foreach']) assert.equal(cat.get(n)?.kind, 'statement', n);
    const params = (o: string) => new Catalog((cat.get(o)!.params ?? []) as Entry[]);
    assert.deepEqual(params('template').get('type')?.values, ['string', 'list', 'subtree', 'plugin']);
    assert.deepEqual(params('include').get('mode')?.values, ['required', 'optional']);
    for (const p of ['queue.type', 'queue.size', 'queue.filename', 'queue.maxDiskSpace', 'queue.saveOnShutdown',
      'action.resumeRetryCount', 'action.resumeInterval', 'action.execOnlyWhenPreviousIsSuspended', 'action.reportSuspension'])
      assert.ok(params('action').has(p), `action ${p}`);
    assert.ok(params('global').has('workDirectory') && params('global').has('maxMessageSize'));
    assert.ok(params('main_queue').has('queue.type'));
    assert.ok(params('property').has('position.from') && params('property').has('date.inUTC'));
  });

  it('knows the message properties and the compare operations rsyslog accepts', () => {
    const cat = new Catalog(properties);
    for (const n of ['msg', 'rawmsg', 'hostname', 'source', 'fromhost', 'fromhost-ip', 'syslogtag', 'programname', 'pri',
      'pri-text', 'syslogfacility-text', 'syslogseverity-text', 'timegenerated', 'timereported', 'timestamp', 'app-name',
      'procid', 'msgid', 'inputname', '$now', '$year', '$myhostname', '$!', '$.'])
      assert.ok(cat.has(n), n);
    assert.equal(cat.get('source')?.name, 'hostname');
    // `endswith` and the `_i` variants are rejected by rsyslogd in property-based filters.
    assert.deepEqual(compareOps.map((c) => c.name).sort(), ['contains', 'ereregex', 'isempty', 'isequal', 'regex', 'startswith']);
  });

  it('docParams.json (made from rsyslog-doc) and the hand-written docs name the same parameters', () => {
    const gen = JSON.parse(fs.readFileSync(path.join(DATA, 'docParams.json'), 'utf8')) as {
      source: string; modules: Record<string, Record<'module' | 'input' | 'action', { name: string; type: string; required: boolean }[]>>;
    };
    assert.match(gen.source, /^rsyslog-doc \d/);
    assert.ok(Object.keys(gen.modules).length >= 15, 'too few modules: is rsyslog-doc installed when generating?');
    const problems: string[] = [];
    for (const [name, kinds] of Object.entries(gen.modules)) {
      const m = modules.find((x) => x.name === name);
      if (!m) {
        problems.push(`${name}: a generated module with no hand-written entry`);
        continue;
      }
      for (const kind of ['module', 'input', 'action'] as const) {
        const hand = ((m[`${kind}Params`] ?? []) as Entry[]).map((p) => [p.name.toLowerCase(), p] as const);
        const byName = new Map(hand);
        const generated = new Set(kinds[kind].map((p) => p.name.toLowerCase()));
        for (const p of kinds[kind]) {
          const e = byName.get(p.name.toLowerCase());
          if (!e) problems.push(`${name} ${kind} ${p.name}: generated, but no hand-written docs`);
          else if (!e.docs?.en || !e.docs?.ja) problems.push(`${name} ${kind} ${p.name}: docs lack English or Japanese`);
        }
        // A hand-written entry names a generated one, or says which other source vouches for it.
        for (const [k, e] of hand) if (!generated.has(k) && !/^rsyslogd -N1 /.test(String(e.source))) problems.push(`${name} ${kind} ${e.name}: the docs name no generated entry`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('verified.json (made by rsyslogd -N1) names its source and only parameters the catalog documents', () => {
    const v = JSON.parse(fs.readFileSync(path.join(DATA, 'verified.json'), 'utf8')) as Record<string, any>;
    assert.match(String(v.source), /^rsyslogd -N1 of rsyslog \d/);
    const documented = new Map<string, Entry>();
    for (const m of modules) {
      for (const [kind, list] of [['module', m.moduleParams], ['input', m.inputParams], ['action', m.actionParams]] as const) {
        for (const p of (list ?? []) as Entry[]) documented.set(`${kind}:${m.name}:${p.name}`, p);
      }
    }
    for (const o of objects) for (const p of (o.params ?? []) as Entry[]) documented.set(`object:${o.name}:${p.name}`, p);
    const keys = [...['refusesUnknownValue', 'acceptsUnknownValue', 'deprecated'].flatMap((k) => v[k] as string[]), ...Object.keys(v.minimum ?? {})];
    assert.ok(keys.length > 0, 'verified.json is empty');
    for (const k of keys) {
      const e = documented.get(k);
      assert.ok(e, `${k} names no catalog entry`);
      assert.ok(e.docs?.en && e.docs?.ja, `${k} has no English and Japanese docs`);
    }
  });
});
