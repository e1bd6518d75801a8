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
import { allowedMask, analyseInto, neighbourShare, scannedPart } from './detector';

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
/** Probabilities of the current call (detection is synchronous; callers get rounded copies). */
const PROBS = new Float64Array(CODES.length);

/** Runs the analysis on valid options only; returns the number of words (probabilities in PROBS). */
function run(text: string, o: DetectOptions | undefined): number {
  if (!o || typeof o !== 'object') return analyseInto(PROBS, text);
  const only = Array.isArray(o.only) ? o.only : undefined;
  const hint = typeof o.hint === 'string' ? o.hint : undefined;
  return analyseInto(PROBS, text, only, hint);
}

function onlyOf(o: DetectOptions | undefined): readonly Language[] | undefined {
  return o && typeof o === 'object' && Array.isArray(o.only) ? o.only : undefined;
}

function best(): number {
  let best = 0;
  for (let c = 1; c < CODES.length; c++) if (PROBS[c]! > PROBS[best]!) best = c;
  return best;
}

/** The most likely language of the text, with its probability. */
export function detectLanguage(text: string, opts?: DetectOptions): LanguageResult {
  try {
    // see flat: the scanner sees flat strings only (classify passes its own, flat already)
    if (run(scannedPart(text), opts) === 0) return { code: 'und', confidence: 0 };
    const b = best();
    return { code: CODES[b]!, confidence: round(PROBS[b]!) };
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
    if (run(scannedPart(text), opts) === 0) return [{ code: 'und', score: 1 }];
    return ranking(opts);
  } catch {
    return [{ code: 'und', score: 1 }];
  }
}

/**
 * detectLanguage and, when its confidence is below `rankBelow`, detectLanguageAll (else an empty list),
 * from one analysis of the text; `neighbours`: the share of the neighbour languages in it (see
 * `neighbourShare`).
 */
export function detectLanguageRanked(
  text: string,
  opts: DetectOptions | undefined,
  rankBelow: number,
): { language: LanguageResult; ranked: LanguageScore[]; neighbours: number } {
  try {
    if (run(text, opts) > 0) {
      const b = best();
      const language: LanguageResult = { code: CODES[b]!, confidence: round(PROBS[b]!) };
      return { language, ranked: language.confidence >= rankBelow ? [] : ranking(opts), neighbours: neighbourShare() };
    }
  } catch {
    // what the two functions answer when the analysis fails: nothing to go on
  }
  // no words (or a failed analysis): und with confidence 0, which is below any positive rankBelow
  return { language: { code: 'und', confidence: 0 }, ranked: 0 >= rankBelow ? [] : [{ code: 'und', score: 1 }], neighbours: 0 };
}

/** The ranking of detectLanguageAll from PROBS. */
function ranking(opts: DetectOptions | undefined): LanguageScore[] {
  const out: LanguageScore[] = [];
  const b = best();
  const allowed = allowedMask(onlyOf(opts));
  for (let c = 0; c < CODES.length; c++) {
    const code = CODES[c]!;
    if (code === 'und') {
      if (PROBS[c]! >= UND_CANDIDATE || c === b) out.push({ code, score: round(PROBS[c]!) });
    } else if (allowed & (1 << c)) out.push({ code, score: round(PROBS[c]!) });
  }
  return out.sort((a, b) => b.score - a.score);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
