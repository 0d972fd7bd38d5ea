// Constraints between the parameters of one module (paramRules.json): parameters that go
// together or exclude each other, one that needs another or a value elsewhere, values and
// shapes a parameter takes. One generic check reads them; the data names rsyslogd's message.
import rulesJson from '../../../data/rsyslog/paramRules.json';
import type { Localized } from '../common/types';
import { lower } from './lookups';
import { objectName, valueText } from './nodes';
import type { ObjectStmt, Stmt } from './tree';
import { param } from './tree';
import { add, type Env } from './validateNames';
import { knownProperty } from './templateText';

interface ParamRule {
  /** global() rules have module "". */
  object: 'module' | 'input' | 'action' | 'parser' | 'global';
  module: string;
  together?: string[];
  exclusive?: string[];
  oneOf?: string[];
  requires?: Record<string, string>;
  requiresValue?: Record<string, [string, string]>;
  requiresModuleValue?: Record<string, [string, string]>;
  values?: Record<string, string[]>;
  refusedValues?: Record<string, string[]>;
  pattern?: Record<string, [string, string]>;
  /** Largest whole number rsyslogd keeps: above it, it warns and uses this one (mmanon ipv4.bits). */
  maximum?: Record<string, number>;
  /** The pattern applies to each string of an array value too (global environment=[...]). */
  eachItem?: boolean;
  property?: string[];
  tool: string;
}

const RULES = (rulesJson as { rules: ParamRule[] }).rules;
const BY_KEY = new Map<string, ParamRule[]>();
for (const r of RULES) {
  const k = `${r.object}:${r.module}`;
  BY_KEY.set(k, [...(BY_KEY.get(k) ?? []), r]);
}

const both = (en: string, ja: string): Localized => ({ en, ja });

/** The value of module(load="mod") `name` in this file: undefined when it is not loaded here. */
function moduleValue(env: Env, mod: string, name: string): { loaded: boolean; value?: string } {
  for (const s of env.doc.tree.statements as Stmt[]) {
    if (s.type === 'object' && lower(objectName(s)) === 'module') {
      const load = param(s, 'load');
      const v = load && valueText(load);
      if (v && lower(v).replace(/^builtin:/, '') === mod) {
        const p = param(s, name);
        return { loaded: true, value: p ? valueText(p) : undefined };
      }
    }
    if (s.type === 'directive' && lower(s.name.text) === '$modload' && s.args[0] && lower(s.args[0].text) === mod) return { loaded: true };
  }
  return { loaded: false };
}

/** Checks `o` (a module(), input(), action() or parser() of module `mod`, or global() with mod '') against its rules. */
export function checkParamRules(env: Env, o: ObjectStmt, object: ParamRule['object'], mod: string): void {
  const rules = BY_KEY.get(`${object}:${mod}`);
  if (!rules) return;
  const owner = object === 'global' ? 'global()' : `${object}(${object === 'module' ? 'load' : 'type'}="${mod}")`;
  const ignored = (name: string, why: Localized) => {
    const p = param(o, name);
    if (p) add(env, 'rsyslog/param-ignored', p.name, { owner, why });
  };
  for (const r of rules) {
    if (r.together) {
      const set = r.together.filter((n) => param(o, n));
      if (set.length && set.length < r.together.length) {
        const missing = r.together.filter((n) => !set.includes(n)).join(', ');
        for (const n of set) ignored(n, both(`${n} is set without ${missing}, and rsyslogd uses them only together`, `${n} が ${missing} なしで設定されています。rsyslogd は両方そろったときだけ使います`));
      }
    }
    if (r.exclusive && r.exclusive.every((n) => param(o, n))) {
      const [a, ...rest] = r.exclusive;
      ignored(a, both(`${a} and ${rest.join(', ')} exclude each other, and rsyslogd uses only one`, `${a} と ${rest.join('、')} は同時に使えず、rsyslogd は片方だけを使います`));
    }
    if (r.oneOf && !r.oneOf.some((n) => param(o, n)) && o.close >= 0) {
      add(env, 'rsyslog/missing-parameter', o.name, { owner, name: r.oneOf.join(' or ') });
    }
    for (const [a, b] of Object.entries(r.requires ?? {})) {
      if (param(o, a) && !param(o, b)) ignored(a, both(`${a} needs ${b} set too`, `${a} には ${b} の設定も必要です`));
    }
    for (const [a, [b, v]] of Object.entries(r.requiresValue ?? {})) {
      const pb = param(o, b);
      if (param(o, a) && lower((pb && valueText(pb)) ?? '') !== lower(v)) ignored(a, both(`${a} takes effect only with ${b}="${v}"`, `${a} は ${b}="${v}" のときだけ有効です`));
    }
    for (const [a, [b, v]] of Object.entries(r.requiresModuleValue ?? {})) {
      if (!param(o, a)) continue;
      const m = moduleValue(env, mod, b);
      if (m.loaded && lower(m.value ?? '') !== lower(v)) ignored(a, both(`${a} takes effect only when module(load="${mod}") sets ${b}="${v}"`, `${a} は module(load="${mod}") で ${b}="${v}" のときだけ有効です`));
    }
    for (const [a, max] of Object.entries(r.maximum ?? {})) {
      const p = param(o, a);
      const v = p && valueText(p);
      if (v !== undefined && /^\d+$/.test(v.trim()) && Number(v) > max) ignored(a, both(`${a} is at most ${max}, so rsyslogd uses ${max} instead of ${v.trim()}`, `${a} は最大 ${max} のため、rsyslogd は ${v.trim()} ではなく ${max} を使います`));
    }
    const valueRule = (table: Record<string, string[]> | undefined, accept: boolean) => {
      for (const [a, list] of Object.entries(table ?? {})) {
        const p = param(o, a);
        const v = p && valueText(p);
        if (!p?.value || v === undefined || v.includes('`')) continue;
        const inList = list.some((x) => lower(x) === lower(v));
        if (inList !== accept) {
          const expected = accept ? both(`one of ${list.join(' | ')}`, `${list.join(' | ')} のいずれか`) : both(`a value rsyslogd 8.2302 takes (not ${list.join(', ')})`, `rsyslogd 8.2302 が受け付ける値（${list.join('、')} 以外）`);
          add(env, 'rsyslog/invalid-value', p.value, { value: v, name: a, expected });
        }
      }
    };
    valueRule(r.values, true);
    valueRule(r.refusedValues, false);
    for (const [a, [re, what]] of Object.entries(r.pattern ?? {})) {
      const p = param(o, a);
      if (!p?.value) continue;
      const values = p.value.kind === 'array' ? (r.eachItem ? (p.value.items ?? []).filter((i) => i.kind === 'string') : []) : [p.value];
      for (const val of values) {
        const v = val.kind === 'array' ? undefined : val.text;
        if (v !== undefined && !v.includes('`') && !new RegExp(re).test(v)) add(env, 'rsyslog/invalid-value', val, { value: v, name: a, expected: both(what, what) });
      }
    }
    for (const a of r.property ?? []) {
      const p = param(o, a);
      const v = p && valueText(p);
      if (p?.value && v && !knownProperty(env, v)) add(env, 'rsyslog/unknown-property', p.value, { name: v, suggestion: '' });
    }
  }
}
