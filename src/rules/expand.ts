/**
 * English irregular forms that a stemmer cannot reach (broke/broken from break, sent from send, paid
 * from pay) are generated when rules compile, with compromise, so the per-inquiry path stays a lookup.
 * compromise is loaded only here, on first use: it takes ~200 ms to import.
 */
import type { RuleSet } from './parse';
import { stem } from '../text/stem';

type Nlp = (text: string) => {
  verbs(): { conjugate(): Array<Record<string, string>> };
  nouns(): { toPlural(): { text(): string } };
};

let nlpPromise: Promise<Nlp> | undefined;
async function loadNlp(): Promise<Nlp> {
  nlpPromise ??= import('compromise').then((m) => ((m as unknown as { default?: Nlp }).default ?? (m as unknown as Nlp)));
  return nlpPromise;
}

/** Irregular English forms of a single word that its stem does not cover. */
export function irregularForms(nlp: Nlp, word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const forms = new Set<string>();
  try {
    for (const c of nlp(word).verbs().conjugate()) {
      for (const key of ['PastTense', 'Participle', 'PresentTense', 'Gerund']) {
        const f = c[key];
        if (f && /^[a-z]+$/.test(f)) forms.add(f);
      }
    }
    const plural = nlp(word).nouns().toPlural().text().toLowerCase();
    if (/^[a-z]+$/.test(plural)) forms.add(plural);
  } catch {
    return [];
  }
  const base = stem(word, 'en');
  return [...forms].filter((f) => f !== word && stem(f, 'en') !== base && !f.startsWith(base));
}

/** The rule set with English terms' irregular forms added (marked "form (of base)" in messages). */
export async function expandEnglish(ruleSet: RuleSet): Promise<RuleSet> {
  const nlp = await loadNlp();
  const concepts = ruleSet.concepts.map((c) => {
    const en = c.terms.en;
    if (!en) return c;
    const extra: string[] = [];
    for (const term of en) {
      if (term.startsWith('=') || term.includes(' ')) continue;
      for (const f of irregularForms(nlp, term.toLowerCase())) if (!en.includes(f) && !extra.includes(f)) extra.push(f);
    }
    return extra.length ? { ...c, terms: { ...c.terms, en: [...en, ...extra] } } : c;
  });
  return { ...ruleSet, concepts };
}
