import type { Localized } from '../common/types';
import { checkIpsetEntry } from './checks';
import { checkPorts } from './portChecks';
import { checkRule, ruleParts } from './richRule';
import { entityNameFromUri, kindFromUri } from './schema';
import { rangeOf, type Run } from './run';
import { attrValue, type XmlElement } from './xml';

const R = (en: string, ja: string): Localized => ({ en, ja });

function duplicate(run: Run, el: XmlElement, what: string) {
  run.out.push({ code: 'firewalld/duplicate', range: rangeOf(run, el.nameStart, el.nameEnd), args: { what } });
}

function conflict(run: Run, el: XmlElement, reason: Localized) {
  run.out.push({ code: 'firewalld/conflict', range: rangeOf(run, el.nameStart, el.nameEnd), args: { reason } });
}

/** Checks that depend on the kind of file and on several elements together. */
export function checkKindSpecific(run: Run, root: XmlElement) {
  if (run.kind === 'zone' || run.kind === 'policy') checkZoneLike(run, root);
  if (run.kind === 'zone') checkBindings(run, root);
  if (run.kind === 'policy') checkPolicy(run, root);
  if (run.kind === 'ipset') checkIpset(run, root);
  if (run.kind === 'zone' || run.kind === 'policy' || run.kind === 'service') checkPorts(run, root);
  checkName(run, root);
}

/** Kinds whose names firewalld refuses when they contain a dot (ipsets and helpers may have one). */
const NO_DOT: readonly string[] = ['zone', 'service', 'policy', 'icmptype'];
/** The longest names firewalld 1.3 takes (the chain names it builds from them must fit). */
const MAX_NAME: Readonly<Record<string, number>> = { zone: 17, policy: 18 };

/**
 * The name firewalld gives the file (its base name; for a zone in a folder of zones/, which
 * firewalld combines into one zone, "folder/base") must not contain a dot.
 */
function checkName(run: Run, root: XmlElement) {
  if (!NO_DOT.includes(run.kind)) return;
  const parts = decodeURIComponent(run.uri).replace(/\\/g, '/').split('/');
  const file = parts[parts.length - 1] ?? '';
  // firewalld reads only *.xml files, and names only those in its folders.
  if (!file.endsWith('.xml')) return;
  const base = entityNameFromUri(file);
  const folder = parts[parts.length - 2] ?? '';
  const combined = run.kind === 'zone' && parts[parts.length - 3] === 'zones' && folder !== 'zones';
  if (!combined && kindFromUri(run.uri) !== run.kind) return;
  const name = combined ? `${folder}/${base}` : base;
  const range = rangeOf(run, root.nameStart, root.nameEnd);
  const max = MAX_NAME[run.kind];
  if (name.includes('.')) {
    run.out.push({ code: 'firewalld/invalid-name', range, args: { name, reason: R(`a ${run.kind} name may not contain '.'`, `${run.kind} の名前に '.' は使えません`) } });
  } else if (!combined && max && name.length > max) {
    run.out.push({ code: 'firewalld/invalid-name', range, args: { name, reason: R(`a ${run.kind} name has at most ${max} characters (this one has ${name.length})`, `${run.kind} の名前は ${max} 文字までです（この名前は ${name.length} 文字）`) } });
  }
  // Zones and policies share one name space.
  const other = run.kind === 'zone' ? 'policy' : run.kind === 'policy' ? 'zone' : undefined;
  if (other && !combined && run.entities.has(other, name)) {
    const where = run.entities.workspace(other, name) ? R('', '') : R(' (shipped with firewalld)', '（firewalld に同梱）');
    run.out.push({ code: 'firewalld/name-conflict', range, args: { name, other, where } });
  }
}

function checkZoneLike(run: Run, root: XmlElement) {
  const seen = new Set<string>();
  for (const c of root.children) {
    let key: string | undefined;
    switch (c.name) {
      case 'service':
      case 'interface':
      case 'icmp-block':
        key = `${c.name} ${attrValue(c, 'name')}`;
        break;
      case 'protocol':
        key = `protocol ${attrValue(c, 'value')}`;
        break;
      case 'port':
      case 'source-port':
        key = `${c.name} ${attrValue(c, 'port')}/${attrValue(c, 'protocol')}`;
        break;
      case 'forward-port':
        key = `forward-port ${attrValue(c, 'port')}/${attrValue(c, 'protocol')}>${attrValue(c, 'to-port') ?? ''}@${attrValue(c, 'to-addr') ?? ''}`;
        if (!attrValue(c, 'to-port') && !attrValue(c, 'to-addr')) {
          run.out.push({ code: 'firewalld/invalid-value', range: rangeOf(run, c.nameStart, c.nameEnd), args: { attribute: 'forward-port', value: attrValue(c, 'port') ?? '', reason: R('it needs to-port or to-addr', 'to-port または to-addr が必要です') } });
        }
        break;
      case 'source': {
        if (run.kind !== 'zone') break;
        const addr = attrValue(c, 'address');
        const ipset = attrValue(c, 'ipset');
        if (addr === undefined && ipset === undefined) {
          run.out.push({ code: 'firewalld/ignored-value', range: rangeOf(run, c.nameStart, c.nameEnd), args: { attribute: 'source', value: attrValue(c, 'mac') ?? '', reason: R('a zone source needs address or ipset (a MAC goes into address)', 'ゾーンの source には address または ipset が必要です（MAC アドレスは address に書きます）') } });
        } else if (addr !== undefined && ipset !== undefined) {
          run.out.push({ code: 'firewalld/ignored-value', range: rangeOf(run, c.nameStart, c.nameEnd), args: { attribute: 'source', value: addr, reason: R('use either address or ipset, not both', 'address と ipset はどちらか一方だけを書きます') } });
        } else if (attrValue(c, 'invert') !== undefined) {
          run.out.push({ code: 'firewalld/ignored-value', range: rangeOf(run, c.nameStart, c.nameEnd), args: { attribute: 'invert', value: attrValue(c, 'invert') ?? '', reason: R('a zone source cannot be inverted; use a rich rule', 'ゾーンの source は反転できません。リッチルールを使ってください') } });
        }
        key = `source ${addr ?? `ipset:${ipset}`}`;
        break;
      }
    }
    if (key === undefined) continue;
    if (seen.has(key)) duplicate(run, c, key);
    seen.add(key);
  }
  // A rich rule's ICMP type must exist for the rule's family.
  for (const c of root.children) {
    if (c.name !== 'rule') continue;
    const p = ruleParts(c);
    const e = p.element;
    if (!e || (e.name !== 'icmp-block' && e.name !== 'icmp-type') || !p.family) continue;
    const name = attrValue(e, 'name');
    const fams = name ? run.entities.icmpFamilies(name) : undefined;
    if (fams && !fams.includes(p.family)) {
      conflict(run, e, R(`ICMP type '${name}' does not exist for ${p.family} (only ${fams.join(', ')})`, `ICMP タイプ '${name}' は ${p.family} にはありません（${fams.join('、')} のみ）`));
    }
  }
}

/**
 * An interface or source may belong to one zone only; firewalld refuses the configuration
 * otherwise. Zones with the same name are one zone (a copy in /etc overrides /usr/lib).
 */
function checkBindings(run: Run, root: XmlElement) {
  const mine: XmlElement[] = root.children.filter((c) => c.name === 'interface' || c.name === 'source');
  if (!mine.length) return;
  const self = entityNameFromUri(run.uri);
  const bound = new Map<string, string>();
  for (const z of run.entities.definitions('zone')) {
    if (z.name === self || !z.root) continue;
    for (const c of z.root.children) {
      const key = bindingKey(c);
      if (key && !bound.has(key)) bound.set(key, z.name);
    }
  }
  for (const c of mine) {
    const key = bindingKey(c);
    const other = key && bound.get(key);
    if (other) {
      const what = key!.slice(key!.indexOf(' ') + 1);
      conflict(run, c, R(`'${what}' is already bound to zone '${other}'; an interface or source belongs to one zone only`, `'${what}' はすでにゾーン '${other}' に割り当てられています。インターフェースや送信元は 1 つのゾーンにしか属せません`));
    }
  }
}

function bindingKey(c: XmlElement): string | undefined {
  if (c.name === 'interface') return `interface ${attrValue(c, 'name')}`;
  if (c.name === 'source') {
    const a = attrValue(c, 'address');
    const s = attrValue(c, 'ipset');
    return a !== undefined ? `source ${a}` : s !== undefined ? `source ipset:${s}` : undefined;
  }
  return undefined;
}

function checkPolicy(run: Run, root: XmlElement) {
  const zones: Record<'ingress-zone' | 'egress-zone', XmlElement[]> = { 'ingress-zone': [], 'egress-zone': [] };
  for (const c of root.children) if (c.name === 'ingress-zone' || c.name === 'egress-zone') zones[c.name].push(c);
  const names = (k: 'ingress-zone' | 'egress-zone') => zones[k].map((z) => attrValue(z, 'name') ?? '');
  for (const k of ['ingress-zone', 'egress-zone'] as const) {
    const list = names(k);
    const special = list.filter((n) => n === 'ANY' || n === 'HOST');
    if (special.length && list.length > 1) {
      const el = zones[k][list.findIndex((n) => n === 'ANY' || n === 'HOST') === 0 ? 1 : list.findIndex((n) => n === 'ANY' || n === 'HOST')];
      run.out.push({ code: 'firewalld/zone-mix', range: rangeOf(run, el.nameStart, el.nameEnd), args: { what: k } });
    }
  }
  const ingress = names('ingress-zone');
  const egress = names('egress-zone');
  if (ingress.includes('HOST') && egress.includes('HOST')) {
    conflict(run, zones['egress-zone'][egress.indexOf('HOST')], R('HOST can be an ingress or an egress zone, not both', 'HOST は入力ゾーンと出力ゾーンの両方には書けません'));
  }
  // The first of `zones` that the workspace binds to interfaces.
  const withInterfaces = (zones: string[]) => zones.find((z) => run.entities.workspace('zone', z)?.root?.children.some((x) => x.name === 'interface'));
  // Rich rules firewalld drops (reported as rule-ignored, by value or by shape) are never
  // checked against the zones.
  const dropped = (rule: XmlElement) => {
    if (checkRule(rule).length) return true;
    const from = run.doc.lines.positionAt(rule.start).line;
    const to = run.doc.lines.positionAt(rule.end).line;
    return run.out.some((f) => f.code === 'firewalld/rule-ignored' && f.range.start.line >= from && f.range.start.line <= to);
  };
  for (const c of root.children) {
    if (c.name === 'rule' && dropped(c)) continue;
    const p = c.name === 'rule' ? ruleParts(c) : undefined;
    const masq = c.name === 'masquerade' || p?.element?.name === 'masquerade';
    const fwd = c.name === 'forward-port' ? c : p?.element?.name === 'forward-port' ? p.element : undefined;
    if (masq && (egress.includes('HOST') || ingress.includes('HOST'))) {
      conflict(run, c, R(`masquerade is not possible when the ${egress.includes('HOST') ? 'egress' : 'ingress'} zone is HOST`, `${egress.includes('HOST') ? '出力' : '入力'}ゾーンが HOST の場合、masquerade は使えません`));
    }
    // A mark and a DNAT happen in PREROUTING, where the outgoing interface is not known yet.
    const early = p?.action?.name === 'mark' ? p.action : fwd && attrValue(fwd, 'to-addr') ? fwd : undefined;
    const bound = early ? withInterfaces(egress) : undefined;
    if (early && bound) {
      const what = early.name === 'mark' ? 'the mark action' : 'a forward-port';
      const whatJa = early.name === 'mark' ? 'mark アクション' : 'forward-port';
      conflict(run, early, R(`${what} cannot be used because the egress zone '${bound}' has interfaces (firewalld refuses the policy)`, `出力ゾーン '${bound}' にインターフェースがあるため ${whatJa} は使えません（firewalld はポリシーを拒否します）`));
    }
    if (fwd && egress.length) {
      const toAddr = attrValue(fwd, 'to-addr');
      if (egress.includes('HOST') && toAddr) conflict(run, fwd, R('a forward-port with to-addr is not possible when the egress zone is HOST', '出力ゾーンが HOST の場合、to-addr 付きの forward-port は使えません'));
      else if (!egress.includes('HOST') && !toAddr) conflict(run, fwd, R('forward-port needs to-addr when the egress zone is ANY or a regular zone', '出力ゾーンが ANY または通常のゾーンの場合、forward-port には to-addr が必要です'));
    }
  }
}

function checkIpset(run: Run, root: XmlElement) {
  const type = attrValue(root, 'type') ?? '';
  let family: string | undefined;
  let timeout: XmlElement | undefined;
  const seenOptions = new Set<string>();
  for (const c of root.children) {
    if (c.name !== 'option') continue;
    const name = attrValue(c, 'name') ?? '';
    if (seenOptions.has(name)) duplicate(run, c, `option ${name}`);
    seenOptions.add(name);
    if (name === 'family') {
      family = attrValue(c, 'value');
      if (type === 'hash:mac') run.out.push({ code: 'firewalld/invalid-value', range: rangeOf(run, c.nameStart, c.nameEnd), args: { attribute: 'option', value: 'family', reason: R('a hash:mac set has no family', 'hash:mac のセットには family を指定できません') } });
    }
    if (name === 'timeout' && attrValue(c, 'value') !== '0') timeout = c;
  }
  const seen = new Set<string>();
  for (const c of root.children) {
    if (c.name !== 'entry' || !c.text) continue;
    const range = rangeOf(run, c.textStart, c.textEnd);
    if (timeout) {
      // firewall-offline-cmd --check-config warns ("entries are ignored") and accepts the file.
      run.out.push({ code: 'firewalld/ignored-value', range, args: { attribute: 'entry', value: c.text, reason: R('a set with a timeout cannot have permanent entries', 'timeout 付きのセットには恒久的なエントリーを書けません') } });
      continue;
    }
    const reason = checkIpsetEntry(c.text, type, family);
    // firewalld logs a bad entry and leaves it out of the set.
    if (reason) run.out.push({ code: 'firewalld/ignored-value', range, args: { attribute: 'entry', value: c.text, reason } });
    if (seen.has(c.text)) duplicate(run, c, `entry ${c.text}`);
    seen.add(c.text);
  }
}
