import { didYouMean, suggestionText } from '../common/didYouMean';
import type { Finding, LanguageContext, Localized, ParsedDocument } from '../common/types';
import {
  checkBool,
  checkCommand,
  checkInteger,
  checkInterface,
  checkLimit,
  checkLogPrefix,
  checkMark,
  checkModule,
  checkMss,
  checkPort,
  checkProtocol,
  checkSelinuxContext,
  checkUint16,
  isIPv4,
  isIPv4WithMask,
  isIPv6,
  isIPv6WithMask,
  isMac,
} from './checks';
import { entityIndex, type EntityKind } from './entities';
import { checkKindSpecific } from './kindChecks';
import type { FirewalldTree } from './parse';
import { checkRule } from './richRule';
import { attributeSpecs, childRules, elementSpec, folderOf, kindFromUri, PROTOCOLS, ROOT_KINDS, SCHEMAS, VALUES, type AttributeSpec, type ElementSpec, type RootKind } from './schema';
import type { XmlAttribute, XmlElement } from './xml';
import { rangeOf, type Run } from './run';

const REF_TYPES: Record<string, EntityKind> = { service: 'service', icmptype: 'icmptype', helper: 'helper', ipset: 'ipset', zone: 'zone' };

const R = (en: string, ja: string): Localized => ({ en, ja });


function suggest(word: string, candidates: Iterable<string>): { hint: Localized; data: { replacements: string[] } } {
  const s = didYouMean(word, candidates);
  return { hint: { en: suggestionText(s, 'en'), ja: suggestionText(s, 'ja') }, data: { replacements: s } };
}

/** The kind of file: from its folder, else from its root element. */
export function fileKind(uri: string, root: XmlElement | undefined): RootKind | undefined {
  return kindFromUri(uri) ?? (root && (ROOT_KINDS as string[]).includes(root.name) ? (root.name as RootKind) : undefined);
}

/** Checks a value by the attribute's type; undefined when fine. Family-dependent types are left to the rule checks. */
function valueReason(spec: AttributeSpec, value: string, el: XmlElement, inRule: boolean): Localized | undefined {
  switch (spec.type) {
    case 'enum':
      return spec.values?.includes(value) ? undefined : R(`expected one of ${spec.values?.join(', ')}`, `${spec.values?.join('、')} のいずれかを指定します`);
    case 'service-port-protocol':
      if (!el.attributes.some((a) => a.name === 'port' && a.value)) return checkProtocol(value, PROTOCOLS);
      return spec.values?.includes(value) ? undefined : R(`expected one of ${spec.values?.join(', ')}`, `${spec.values?.join('、')} のいずれかを指定します`);
    case 'port':
      // A service's `<port port="" protocol="esp"/>` stands for the whole protocol.
      if (value === '' && el.name === 'port' && el.parent?.name === 'service') return undefined;
      return checkPort(value);
    case 'protocol':
      return checkProtocol(value, PROTOCOLS);
    case 'bool':
      return checkBool(value);
    case 'integer':
      return checkInteger(value, spec.min, spec.max, spec.exclude);
    case 'uint16':
      return checkUint16(value);
    case 'limit':
      return checkLimit(value);
    case 'mark':
      return checkMark(value);
    case 'log-prefix':
      return checkLogPrefix(value);
    case 'interface':
      return checkInterface(value);
    case 'mss':
      return checkMss(value);
    case 'module':
      return checkModule(value);
    case 'selinux':
      return checkSelinuxContext(value);
    case 'command':
      return checkCommand(value);
    case 'uid':
      return /^[0-9]+$/.test(value) ? undefined : R('expected a numeric user id', '数値の UID を指定します');
    case 'mac':
      return inRule || isMac(value) ? undefined : R('expected a MAC address like 00:11:22:33:44:55', '00:11:22:33:44:55 のような MAC アドレスを指定します');
    case 'source-address':
      return isIPv4WithMask(value) || isIPv6WithMask(value) || isMac(value)
        ? undefined
        : R('expected an IPv4/IPv6 address or network (ADDR[/PREFIX]) or a MAC address', 'IPv4/IPv6 のアドレスまたはネットワーク（アドレス[/プレフィックス]）、または MAC アドレスを指定します');
    case 'ip':
      return inRule || isIPv4(value) || isIPv6(value) ? undefined : R('expected a single IPv4 or IPv6 address', '単一の IPv4 または IPv6 アドレスを指定します');
    case 'ipv4-mask':
      return isIPv4WithMask(value) ? undefined : R('expected an IPv4 address or network', 'IPv4 のアドレスまたはネットワークを指定します');
    case 'ipv6-mask':
      return isIPv6WithMask(value) ? undefined : R('expected an IPv6 address or network', 'IPv6 のアドレスまたはネットワークを指定します');
    case 'ipset-option-value': {
      const name = el.attributes.find((a) => a.name === 'name')?.value;
      if (name === 'family') return value === 'inet' || value === 'inet6' ? undefined : R('expected inet or inet6', 'inet または inet6 を指定します');
      if (value === '') return R('the option needs a value', 'オプションには値が必要です');
      return /^[0-9]+$/.test(value) ? undefined : R('expected a non-negative integer', '0 以上の整数を指定します');
    }
    case 'direct-table': {
      const ipv = el.attributes.find((a) => a.name === 'ipv')?.value ?? 'ipv4';
      const tables = VALUES.directTables[ipv];
      return !tables || tables.includes(value) ? undefined : R(`expected one of ${tables.join(', ')} for ipv ${ipv}`, `ipv ${ipv} では ${tables.join('、')} のいずれかを指定します`);
    }
    default:
      return undefined;
  }
}

function checkReference(run: Run, refKind: EntityKind, a: XmlAttribute, value: string) {
  if (refKind === 'zone' && (value === 'ANY' || value === 'HOST')) return;
  if (run.entities.has(refKind, value)) return;
  const s = suggest(value, run.entities.names(refKind));
  run.out.push({ code: `firewalld/unknown-${refKind}`, range: rangeOf(run, a.valueStart, a.valueEnd), args: { name: value, hint: s.hint }, data: s.data });
}

function checkAttributes(run: Run, el: XmlElement, spec: ElementSpec, inRule: boolean) {
  const known = spec.attributes ?? [];
  const byName = attributeSpecs(spec);
  // Computed once per element: a tag with thousands of attributes must stay linear.
  let missing: string[] | undefined;
  // A repeated attribute is already an XML syntax error: say it is unknown only once.
  let reported: Set<string> | undefined;
  for (const a of el.attributes) {
    const as = byName.get(a.name);
    if (!as) {
      if (reported?.has(a.name)) continue;
      (reported ??= new Set()).add(a.name);
      missing ??= known.map((k) => k.name).filter((n) => !hasAttribute(el, n));
      const s = suggest(a.name, missing);
      run.out.push({ code: 'firewalld/unknown-attribute', range: rangeOf(run, a.nameStart, a.nameEnd), args: { name: a.name, element: el.name, hint: s.hint }, data: s.data });
      continue;
    }
    if (as.deprecated) {
      run.out.push({ code: 'firewalld/deprecated-attribute', range: rangeOf(run, a.nameStart, a.nameEnd), args: { name: a.name, element: el.name }, tags: ['deprecated'] });
      continue;
    }
    if (a.value === undefined) continue;
    const ref = REF_TYPES[as.type ?? ''];
    if (ref) {
      if (a.value !== '') checkReference(run, ref, a, a.value);
      else pushValue(run, el, a, R('the name is empty', '名前が空です'), inRule);
      continue;
    }
    const reason = valueReason(as, a.value, el, inRule);
    if (!reason) continue;
    const hint = protocolHint(as, a.value, el);
    if (hint) pushValue(run, el, a, R(reason.en + hint.hint.en, reason.ja + hint.hint.ja), inRule, hint.data);
    else pushValue(run, el, a, reason, inRule);
  }
  for (const as of known) {
    if (as.required && !hasAttribute(el, as.name)) {
      run.out.push({ code: 'firewalld/missing-attribute', range: rangeOf(run, el.nameStart, el.nameEnd), args: { name: as.name, element: el.name } });
    }
  }
}

function hasAttribute(el: XmlElement, name: string): boolean {
  for (const a of el.attributes) if (a.name === name) return true;
  return false;
}

function pushValue(run: Run, el: XmlElement, a: XmlAttribute, reason: Localized, inRule: boolean, data?: { replacements: string[] }) {
  const range = rangeOf(run, a.valueStart, a.valueEnd);
  if (inRule) {
    run.out.push({ code: 'firewalld/rule-ignored', range, args: { reason: R(`${a.name} '${a.value}': ${reason.en}`, `${a.name} '${a.value}': ${reason.ja}`) }, data });
  } else {
    run.out.push({ code: 'firewalld/invalid-value', range, args: { attribute: a.name, value: a.value ?? '', reason }, data });
  }
}

/** Did-you-mean for a misspelt protocol name (`tpc`) or fixed value, against the names the attribute accepts. */
function protocolHint(spec: AttributeSpec, value: string, el: XmlElement): ReturnType<typeof suggest> | undefined {
  if (!value || /^\d+$/.test(value)) return undefined;
  let names: Iterable<string>;
  if (spec.type === 'protocol') names = PROTOCOLS;
  else if (spec.type === 'enum') names = spec.values ?? [];
  else if (spec.type === 'service-port-protocol') names = el.attributes.some((x) => x.name === 'port' && x.value) ? spec.values ?? [] : PROTOCOLS;
  else return undefined;
  const h = suggest(value, names);
  return h.data.replacements.length ? h : undefined;
}

function checkChildren(run: Run, el: XmlElement, spec: ElementSpec, inRule: boolean) {
  if (el.children.length === 0) return;
  const counts = new Map<string, number>();
  const allowed = childRules(spec);
  for (const c of el.children) {
    if (!c.name) continue;
    const cs = elementSpec(run.kind, el.name, c.name);
    if (!cs) {
      const schema = SCHEMAS.get(run.kind)!;
      if (schema.names.has(c.name)) {
        run.out.push({ code: 'firewalld/misplaced-element', range: rangeOf(run, c.nameStart, c.nameEnd), args: { name: c.name, parent: el.name } });
      } else {
        run.out.push({
          code: 'firewalld/unknown-element',
          range: rangeOf(run, c.nameStart, c.nameEnd),
          args: { name: c.name, kind: run.kind, hint: suggest(c.name, (spec.children ?? []).map((x) => x.name)).hint },
        });
      }
      continue;
    }
    const child = allowed.get(c.name);
    const key = child?.group ?? c.name;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const max = child?.group ? spec.groups?.[child.group] : child?.max;
    if (max !== undefined && n > max) {
      const what = child?.group ? R(`${child.group}s`, child.group) : R(`<${c.name}>`, `<${c.name}>`);
      if (inRule || el.name === 'rule') {
        run.out.push({ code: 'firewalld/rule-ignored', range: rangeOf(run, c.nameStart, c.nameEnd), args: { reason: R(`more than ${max} ${what.en} in one rule`, `1 つのルールに ${what.ja} が ${max} 個を超えています`) } });
      } else {
        run.out.push({ code: 'firewalld/too-many', range: rangeOf(run, c.nameStart, c.nameEnd), args: { max, what, parent: el.name } });
      }
    }
    visit(run, c, cs, inRule || (c.name === 'rule' && (run.kind === 'zone' || run.kind === 'policy')));
  }
}

function visit(run: Run, el: XmlElement, spec: ElementSpec, inRule: boolean) {
  checkAttributes(run, el, spec, inRule);
  if (spec.deprecated) {
    run.out.push({
      code: 'firewalld/deprecated-element',
      range: rangeOf(run, el.nameStart, el.nameEnd),
      args: { name: el.name, replacement: spec.deprecated.replacement ?? '' },
      tags: ['deprecated'],
    });
  }
  if (spec.text === 'required' && !el.text) {
    run.out.push({ code: 'firewalld/missing-text', range: rangeOf(run, el.nameStart, el.nameEnd), args: { name: el.name } });
  }
  if (el.name === 'rule' && inRule && run.kind !== 'direct') {
    for (const p of checkRule(el)) {
      const a = p.attribute ? p.el.attributes.find((x) => x.name === p.attribute) : undefined;
      run.out.push({ code: 'firewalld/rule-ignored', range: a ? rangeOf(run, a.valueStart, a.valueEnd) : rangeOf(run, p.el.nameStart, p.el.nameEnd), args: { reason: p.reason } });
    }
  }
  checkChildren(run, el, spec, inRule);
}

/** Semantic checks of a firewalld XML file: schema, values, rich rules, references to other files. */
export function validate(doc: ParsedDocument<FirewalldTree>, ctx: LanguageContext): Finding[] {
  const root = doc.tree.root;
  if (!root || !root.name) return [];
  const kind = fileKind(ctx.uri, root);
  if (!kind) return [];
  const run: Run = { doc, kind, locale: ctx.locale, uri: ctx.uri, entities: entityIndex(ctx, { uri: ctx.uri, root }), out: [] };
  if (root.name !== kind) {
    run.out.push({ code: 'firewalld/wrong-root', range: rangeOf(run, root.nameStart, root.nameEnd), args: { folder: folderOf(kind), expected: kind, found: root.name } });
    return run.out;
  }
  visit(run, root, SCHEMAS.get(kind)!.root, false);
  checkKindSpecific(run, root);
  return run.out;
}
