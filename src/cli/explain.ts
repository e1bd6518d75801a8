/**
 * `inquiry-router explain`: the whole decision in words a support lead reads — the language and its
 * evidence, each keyword hit, each rule that fired or nearly fired, and how category, priority and team
 * were reached.
 */
import { detectLanguageAll } from '../language';
import { classifyWith } from '../pipeline';
import type { CompiledRules } from '../rules/compile';
import type { Inquiry } from '../types';

export function explainText(rules: CompiledRules, input: Inquiry): string {
  const r = classifyWith(rules, input);
  const out: string[] = [];
  const text = typeof input === 'string' ? input : `${input.subject ?? ''}\n${input.body ?? input.html ?? ''}`;
  const ranked = detectLanguageAll(text.slice(0, 2000)).slice(0, 3);
  out.push(`Language: ${r.language.code} (confidence ${r.language.confidence.toFixed(2)}; ranking ${ranked.map((x) => `${x.code} ${x.score.toFixed(2)}`).join(', ')})`);
  if (r.body.segments.some((s) => s.kind !== 'own')) {
    out.push(`Customer's own text: "${r.body.ownText.slice(0, 300)}${r.body.ownText.length > 300 ? '…' : ''}"`);
    out.push(`  set apart: ${r.body.segments.filter((s) => s.kind !== 'own').map((s) => `${s.kind} [${s.start}-${s.end}]`).join(', ')}`);
  }
  out.push('');
  out.push('Keywords:');
  if (!r.keywords.length) out.push('  none');
  for (const k of r.keywords) {
    const notes = [k.negated ? 'NEGATED, not counted' : '', k.quoted ? 'in quoted text, not counted' : '', k.match !== 'exact' && k.match !== 'stem' ? `${k.match} match` : ''].filter(Boolean);
    out.push(`  "${k.text}" [${k.field} ${k.start}-${k.end}] → ${k.concept} (term "${k.term}", ${k.language})${notes.length ? ` — ${notes.join('; ')}` : ''}`);
  }
  const ents = Object.entries(r.entities).filter(([, v]) => (v as unknown[]).length);
  if (ents.length) {
    out.push('');
    out.push('Entities:');
    for (const [k, v] of ents) out.push(`  ${k}: ${(v as Array<{ value: string; start: number; end: number }>).map((e) => `${e.value} [${e.start}-${e.end}]`).join(', ')}`);
  }
  out.push('');
  out.push('Rules that fired:');
  if (!r.matchedRules.length) out.push('  none');
  for (const m of r.matchedRules) {
    const eff = Object.entries(m.effects).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('+') : String(v)}`).join(', ');
    out.push(`  ${m.id} (${m.source?.file}:${m.source?.line}) score ${m.score} → ${eff}`);
    for (const c of m.conditions) out.push(`      because ${c.condition}${c.spans.length ? `: ${c.spans.map((s) => `"${s.text}"`).join(', ')}` : ''}`);
  }
  // Rules that nearly fired: one of their concepts is present, but the rule did not fire.
  const fired = new Set(r.matchedRules.map((m) => m.id));
  const present = new Set(r.keywords.map((k) => k.concept));
  const near = rules.rules.filter((rule) => !fired.has(rule.id) && JSON.stringify(rule.condition.source).match(/"concept":"([^"]+)"/g)?.some((m) => present.has(m.slice(11, -1))));
  if (near.length) {
    out.push('');
    out.push('Rules that nearly fired (a concept they use is mentioned):');
    for (const rule of near) {
      const hits = r.keywords.filter((k) => rule.condition.describe.includes(`concept: ${k.concept}`));
      const why = hits.every((h) => h.negated) ? 'the mention is negated' : hits.every((h) => h.quoted) ? 'the mention is in quoted text' : `the condition ${rule.condition.describe} does not hold`;
      out.push(`  ${rule.id} (${rule.source.file}:${rule.source.line}): ${why}`);
    }
  }
  out.push('');
  out.push('Decision:');
  const scores = Object.entries(r.decision.categoryScores).sort((a, b) => b[1] - a[1]);
  out.push(`  category ${r.category}: ${r.decision.fallback ? 'no routing rule fired, so the fallback applies' : `highest score (${scores.map(([k, v]) => `${k} ${v}`).join(', ')})`}`);
  out.push(`  priority ${r.priority}: ${r.decision.priority.length ? r.decision.priority.map((p) => `${p.from} → ${p.to} by ${p.rule}`).join('; ') : 'the category default'}`);
  out.push(`  team ${r.team}: ${r.decision.team.reason}`);
  if (r.tags.length) out.push(`  tags: ${r.tags.join(', ')}`);
  if (r.sla) out.push(`  first response due ${r.sla.firstResponseDue} (${r.sla.targetHours} business hours)`);
  return out.join('\n');
}
