/**
 * Entity extraction and redaction for shop inquiries in Swedish, English, Italian and Romanian.
 *
 * Overlaps are resolved by a fixed precedence (first wins): IBAN, card, personal id, tracking number
 * with a verified check digit, e-mail, amount, date, phone, tracking number by context or prefix,
 * case number, order number. Scanners also refuse numbers whose neighbouring words say they are
 * something else (an order number is never a phone, postal code, date, time, amount, invoice
 * number, quantity or personal id).
 */
import { flat } from '../text/normalize';
import { createEntityExtractor } from './extractor';
import type { Entities, EntityExtractor, ExtractContext } from './types';

export type { Amount, Entities, Entity, EntityExtractor, EntityType, ExtractContext, PhoneRegion } from './types';
export { ENTITY_TYPES } from './types';
export { DEFAULT_ENTITY_CONFIG, entityConfigSchema, type EntityConfig } from './config';
export { createEntityExtractor } from './extractor';

let defaultExtractor: EntityExtractor | undefined;

function getDefault(): EntityExtractor {
  defaultExtractor ??= createEntityExtractor();
  return defaultExtractor;
}

/** Extracts entities with the built-in configuration. */
export function extractEntities(text: string, context?: ExtractContext): Entities {
  return getDefault().extract(flat(text), context); // see flat: the scanners see flat strings only
}

/** Redacts personal data with the built-in configuration. */
export function redact(text: string, context?: ExtractContext): string {
  return getDefault().redact(flat(text), context);
}
