import type { LanguageCode } from '../languages';

/**
 * One extracted entity. `value` is the text as written; `start`/`end` are UTF-16 offsets into the
 * input string (end exclusive), so `text.slice(start, end) === value`.
 */
export interface Entity<N = string> {
  value: string;
  normalized: N;
  start: number;
  end: number;
  /** In `classify` results, `'subject'` for an entity found in the subject (its offsets are into the subject). */
  field?: 'subject';
}

/** A money amount. `currency` is an ISO 4217 code: SEK, EUR, RON, USD, GBP, NOK, DKK, CHF, PLN. */
export interface Amount {
  value: number;
  currency: string;
}

export interface Entities {
  /** Normalized: upper-case, without a leading `#`, label or spaces (`10234`, `ORD-2026-004512`). */
  orderNumbers: Entity[];
  /** Normalized: upper-case without spaces (`RR123456785SE`, `1Z999AA10123456784`). */
  trackingNumbers: Entity[];
  /** Normalized: lower-case; an address hidden as `anna[at]gmail.com` as the plain `anna@gmail.com`. */
  emails: Entity[];
  /** Normalized: E.164 (`+46701234567`). */
  phones: Entity[];
  amounts: Entity<Amount>[];
  /** Normalized: `YYYY-MM-DD`, or `--MM-DD` when the year is not written and cannot be inferred. */
  dates: Entity[];
  /** Swedish personnummer/samordningsnummer, Romanian CNP, Italian codice fiscale. */
  personalIds: Entity[];
  /** Normalized: upper-case without spaces. */
  ibans: Entity[];
  /** Normalized: digits only. */
  cards: Entity[];
  /** Normalized: upper-case, without a leading `#` or spaces (`A-2231`, `88812`). */
  caseNumbers: Entity[];
}

export type EntityType = keyof Entities;

/** Phone regions with national-format validation; any other country is recognised in `+CC` form. */
export type PhoneRegion = 'SE' | 'IT' | 'RO' | 'GB';

export interface ExtractContext {
  /** Language of the inquiry; picks the phone region for national numbers and the month words. */
  language?: LanguageCode;
  /**
   * When the inquiry was received (ISO 8601, e.g. `2026-11-05T09:12:00+01:00`). Relative words
   * ("igår", "domani") and dates written without a year are resolved against its calendar date as
   * written (in its own offset). Without it, relative words are not reported.
   */
  receivedAt?: string;
  /** Region for national phone numbers; overrides the one derived from `language`. */
  defaultRegion?: PhoneRegion;
}

export interface EntityExtractor {
  /** Never throws; time is linear in the length of `text`. */
  extract(text: string, context?: ExtractContext): Entities;
  /**
   * Replaces personal data with typed placeholders (`[EMAIL]`, `[PHONE]`, `[PERSONAL_ID]`,
   * `[IBAN]`, `[CARD]`, `[NAME]`). Order and tracking numbers, amounts and dates stay.
   */
  redact(text: string, context?: ExtractContext): string;
}

export const ENTITY_TYPES: readonly EntityType[] = [
  'orderNumbers',
  'trackingNumbers',
  'emails',
  'phones',
  'amounts',
  'dates',
  'personalIds',
  'ibans',
  'cards',
  'caseNumbers',
];
