// The hand-made alternative a helpdesk developer would write in an afternoon: franc restricted to the
// four languages, and json-rules-engine with one "contains any of these words" rule per category.
// The word lists are the default rules' own single-word terms (all four languages), so the baseline
// knows the same vocabulary; what it lacks is stemming, compounds, negation, typos and entities.
import { franc } from 'franc';
import { Engine } from 'json-rules-engine';

const FRANC = { swe: 'sv', eng: 'en', ita: 'it', ron: 'ro' };

export function makeBaseline(ruleSet) {
  const conceptTerms = new Map(ruleSet.concepts.map((c) => [c.id, Object.values(c.terms).flat().filter((t) => !t.includes(' ')).map((t) => t.replace(/^=/, '').toLowerCase())]));
  const words = new Map();
  for (const rule of ruleSet.rules) {
    const cat = rule.then.category;
    if (!cat) continue;
    const concepts = JSON.stringify(rule.when).match(/"concept":"([^"]+)"/g)?.map((m) => m.slice(11, -1)) ?? [];
    const list = words.get(cat) ?? new Set();
    for (const c of concepts) for (const t of conceptTerms.get(c) ?? []) list.add(t);
    words.set(cat, list);
  }
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('containsAny', (text, list) => typeof text === 'string' && list.some((w) => text.includes(w)));
  let priority = words.size;
  for (const [cat, list] of words) {
    engine.addRule({
      name: cat,
      priority: priority--,
      conditions: { all: [{ fact: 'text', operator: 'containsAny', value: [...list] }] },
      event: { type: 'route', params: { category: cat } },
    });
  }
  return async function classifyBaseline(text) {
    const language = FRANC[franc(text, { only: Object.keys(FRANC) })] ?? 'und';
    const { events } = await engine.run({ text: text.toLowerCase() });
    return { language, category: events[0]?.params.category ?? 'general' };
  };
}
