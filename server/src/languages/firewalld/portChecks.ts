import type { Localized } from '../common/types';
import { rangeOf, type Run } from './run';
import { attrValue, type XmlElement } from './xml';

/**
 * Port entries firewall-offline-cmd --check-config accepts but that are likely mistakes: a
 * reversed range (8080-80), a range that overlaps another of the same protocol, and in a
 * service a repeated entry (zones and policies report repeats in kindChecks).
 */
const PORTED = new Set(['port', 'source-port', 'forward-port']);
const REPEATABLE_IN_SERVICE = new Set(['port', 'source-port', 'protocol', 'helper', 'module', 'include']);

function numericRange(v: string | undefined): [number, number] | undefined {
  const m = v === undefined ? null : /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(v.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

export function checkPorts(run: Run, root: XmlElement): void {
  const ranges: { el: XmlElement; key: string; lo: number; hi: number; text: string }[] = [];
  const seen = new Set<string>();
  for (const c of root.children) {
    if (run.kind === 'service' && REPEATABLE_IN_SERVICE.has(c.name)) {
      const key = `${c.name} ${c.attributes.map((a) => `${a.name}=${a.value}`).sort().join(' ')}`;
      if (seen.has(key)) run.out.push({ code: 'firewalld/duplicate', range: rangeOf(run, c.nameStart, c.nameEnd), args: { what: key } });
      seen.add(key);
    }
    if (!PORTED.has(c.name)) continue;
    const text = attrValue(c, 'port');
    const r = numericRange(text);
    if (!r) continue;
    if (r[0] > r[1]) {
      run.out.push({ code: 'firewalld/reversed-range', range: rangeOf(run, c.nameStart, c.nameEnd), args: { value: text ?? '', fixed: `${r[1]}-${r[0]}` } });
      continue;
    }
    // forward-ports to different targets may share ports only with a different destination.
    if (c.name === 'forward-port') continue;
    ranges.push({ el: c, key: `${c.name}/${attrValue(c, 'protocol') ?? ''}`, lo: r[0], hi: r[1], text: text ?? '' });
  }
  for (let i = 1; i < ranges.length; i++) {
    const b = ranges[i];
    const a = ranges.slice(0, i).find((x) => x.key === b.key && x.lo <= b.hi && b.lo <= x.hi && !(x.lo === b.lo && x.hi === b.hi));
    if (!a) continue;
    const other: Localized = { en: `${a.text}/${a.key.split('/')[1]}`, ja: `${a.text}/${a.key.split('/')[1]}` };
    run.out.push({ code: 'firewalld/overlap', range: rangeOf(run, b.el.nameStart, b.el.nameEnd), args: { value: `${b.text}/${b.key.split('/')[1]}`, other } });
  }
}
