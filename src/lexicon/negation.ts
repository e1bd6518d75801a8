/**
 * Negation and clause cues per language: one record a language, the same shape for each.
 * A keyword is negated when one of `negators` stands up to `NEGATION_WINDOW` words before it ("not going to do a chargeback") in the same
 * clause, with no `breakers` word in between, and the negator does not open a "not only" phrase.
 */
import type { Language } from '../languages';

export interface NegationCues {
  /** Words that negate what follows ("inte", "not", "non", "nu"). */
  readonly negators: readonly string[];
  /** Words that end the scope of a negation ("men", "but", "ma", "dar"). */
  readonly breakers: readonly string[];
  /** Words that, right after a negator, cancel it ("inte bara" = "not only"). */
  readonly notOnly: readonly string[];
}

export const NEGATION_WINDOW = 4;

export const NEGATION: Record<Language, NegationCues> = {
  sv: {
    negators: ['inte', 'ej', 'icke', 'aldrig', 'ingen', 'inget', 'inga', 'varken', 'intet', 'itne', 'inge'],
    breakers: ['men', 'fast', 'dock', 'däremot', 'och'],
    notOnly: ['bara', 'enbart', 'endast', 'heller'],
  },
  en: {
    negators: ['not', 'no', 'never', 'without', 'neither', 'nor', 'none', 'nothing', 't', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'hadnt', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'nt'],
    breakers: ['but', 'however', 'although', 'though', 'yet', 'and'],
    notOnly: ['only', 'just', 'even'],
  },
  it: {
    negators: ['non', 'nn', 'nessun', 'nessuno', 'nessuna', 'senza', 'né', 'neanche', 'nemmeno', 'neppure', 'mai'],
    breakers: ['ma', 'però', 'pero', 'tuttavia', 'invece', 'e'],
    notOnly: ['solo', 'soltanto', 'solamente'],
  },
  ro: {
    negators: ['nu', 'niciun', 'nicio', 'niciodată', 'niciodata', 'fără', 'fara', 'nici', 'n'],
    breakers: ['dar', 'însă', 'insa', 'ci', 'totuși', 'totusi', 'și', 'si'],
    notOnly: ['doar', 'numai'],
  },
};
