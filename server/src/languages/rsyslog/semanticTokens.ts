import type { SemanticToken } from '../common/semanticTokens';
import type { RsyslogDocument } from './parse';
import { walk, type Span, type Value } from './tree';

/** Parameters whose value names a template, and those naming a ruleset. */
const TEMPLATE_PARAMS = new Set(['template', 'dynafile']);
const RULESET_PARAMS = new Set(['ruleset']);

/**
 * Names the grammar cannot tell apart: a template name (`template="x"`, `;x` after a legacy
 * action, `template(name="x")`) is a type, a property in a template body (`property(name="msg")`)
 * a property, a ruleset name (`ruleset(name=…)`, `call x`, `ruleset="x"`) a function.
 */
export function semanticTokens(doc: RsyslogDocument): SemanticToken[] {
  const out: SemanticToken[] = [];
  const t = doc.text;
  const add = (sp: Span, type: SemanticToken['type'], declaration = false) => {
    const a = doc.lines.positionAt(sp.start);
    const b = doc.lines.positionAt(sp.end);
    if (a.line !== b.line || sp.end <= sp.start) return;
    out.push({ line: a.line, character: a.character, length: b.character - a.character, type, modifiers: declaration ? ['declaration'] : [] });
  };
  // Inside the quotes of a string value.
  const inner = (v: Value): Span => {
    const q = t.charCodeAt(v.start);
    return v.kind === 'string' && (q === 34 || q === 39) && v.end - v.start >= 2 ? { start: v.start + 1, end: v.end - 1 } : v;
  };
  walk(doc.tree.statements, (s) => {
    if (s.type === 'object') {
      const obj = s.name.text.toLowerCase();
      for (const p of s.params) {
        if (!p.value || p.value.kind === 'array') continue;
        const key = p.name.text.toLowerCase();
        if (key === 'name' && obj === 'template') add(inner(p.value), 'type', true);
        else if (key === 'name' && obj === 'ruleset') add(inner(p.value), 'function', true);
        else if (key === 'name' && obj === 'property') add(inner(p.value), 'property');
        else if (TEMPLATE_PARAMS.has(key) && obj !== 'property') add(inner(p.value), 'type');
        else if (RULESET_PARAMS.has(key)) add(inner(p.value), 'function');
      }
    } else if (s.type === 'legacy-action' && s.template) add(s.template, 'type');
    else if (s.type === 'keyword' && s.keyword.text.toLowerCase() === 'call' && s.arg) add(s.arg, 'function');
  });
  return out;
}
