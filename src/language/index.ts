/**
 * Language detection: Swedish, English, Italian, Romanian, or `und` (another language, or no evidence).
 *
 *   detectLanguage('Var är min order?')            // { code: 'sv', confidence: 0.9… }
 *   detectLanguage('Hvor er pakken min?')          // { code: 'und', … } (Norwegian)
 *   detectLanguageAll('comanda?', { hint: 'ro-RO' }) // [{ code: 'ro', score: … }, …]
 *
 * Order numbers, e-mail addresses, URLs and other tokens with digits are ignored. Never throws.
 */
import { LANGUAGES, type Language, type LanguageCode } from '../languages';
import { allowedMask, analyse } from './detector';

export interface DetectOptions {
  /** Allow-list of our languages; the others count as `und`. Absent or empty: all four. */
  readonly only?: readonly Language[];
  /**
   * What the caller knows, e.g. the customer's locale ('sv', 'sv-SE', 'it_IT', 'ro'). It counts as
   * evidence (a prior), so it settles short or ambiguous texts but does not override clear text.
   */
  readonly hint?: string;
}

export interface LanguageResult {
  /** The language, or `und` when the text is in none of ours or carries no evidence. */
  readonly code: LanguageCode;
  /**
   * Estimated probability (0..1) that `code` is right. 0 when there was nothing to analyse (empty,
   * digits only, only addresses).
   */
  readonly confidence: number;
}

export interface LanguageScore {
  readonly code: LanguageCode;
  /** Probability 0..1; the scores of one answer add up to 1. */
  readonly score: number;
}

const CODES: readonly LanguageCode[] = [...LANGUAGES, 'und'];
/** Below this probability `und` is not listed by detectLanguageAll (unless it is the best). */
const UND_CANDIDATE = 0.01;

function options(o: DetectOptions | undefined): { only?: readonly Language[]; hint?: string } {
  if (!o || typeof o !== 'object') return {};
  return { only: Array.isArray(o.only) ? o.only : undefined, hint: typeof o.hint === 'string' ? o.hint : undefined } as {
    only?: readonly Language[];
    hint?: string;
  };
}

/** The most likely language of the text, with its probability. */
export function detectLanguage(text: string, opts?: DetectOptions): LanguageResult {
  try {
    const o = options(opts);
    const { probs, words } = analyse(text, o.only, o.hint);
    if (words === 0) return { code: 'und', confidence: 0 };
    let best = 0;
    for (let c = 1; c < CODES.length; c++) if (probs[c]! > probs[best]!) best = c;
    return { code: CODES[best]!, confidence: round(probs[best]!) };
  } catch {
    return { code: 'und', confidence: 0 };
  }
}

/**
 * The candidate languages ranked by probability, highest first. Languages excluded by `only` are not
 * listed; `und` is listed when it has at least 1 % or is the best. Empty text: `[{ code: 'und', score: 1 }]`.
 */
export function detectLanguageAll(text: string, opts?: DetectOptions): LanguageScore[] {
  try {
    const o = options(opts);
    const { probs, words } = analyse(text, o.only, o.hint);
    if (words === 0) return [{ code: 'und', score: 1 }];
    const out: LanguageScore[] = [];
    let best = 0;
    for (let c = 1; c < CODES.length; c++) if (probs[c]! > probs[best]!) best = c;
    const allowed = allowedMask(o.only);
    for (let c = 0; c < CODES.length; c++) {
      const code = CODES[c]!;
      if (code === 'und') {
        if (probs[c]! >= UND_CANDIDATE || c === best) out.push({ code, score: round(probs[c]!) });
      } else if (allowed & (1 << c)) out.push({ code, score: round(probs[c]!) });
    }
    return out.sort((a, b) => b.score - a.score);
  } catch {
    return [{ code: 'und', score: 1 }];
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
