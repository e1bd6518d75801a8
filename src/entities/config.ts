import * as z from 'zod';
import type { Assert, Same } from '../type-checks';
import type { Language } from '../languages';

/** Regex flags a configured pattern may carry (`g` is always added by the compiler). */
const FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

function compiles(p: { pattern: string; flags?: string | undefined }): boolean {
  try {
    new RegExp(p.pattern, `${p.flags ?? ''}g`);
    return true;
  } catch {
    return false;
  }
}

export const PHONE_REGIONS = ['SE', 'IT', 'RO', 'GB'] as const;

function buildEntityConfigSchema() {
  const patternSchema = z
    .strictObject({
      id: z.string().min(1).describe('Stable name of the pattern (shown in errors and reports).'),
      pattern: z
        .string()
        .min(1)
        .describe(
          'JavaScript regular-expression source matching the whole reference, e.g. "ORD-\\\\d{4}-\\\\d{4,8}". ' +
            'A match touching a letter or digit on either side is ignored, so no \\\\b is needed.',
        ),
      flags: z
        .string()
        .regex(FLAGS)
        .optional()
        .describe('Regex flags, any of "i", "m", "s", "u" (default none).'),
    })
    .refine(compiles, { message: 'pattern is not a valid regular expression' })
    .describe('A reference format recognised anywhere in the text, without context words.');

  const wordList = z.array(z.string().min(1).max(60)).max(200);

  const contextWordsSchema = z
    .strictObject({
      sv: wordList.optional().describe('Swedish context words and phrases.'),
      en: wordList.optional().describe('English context words and phrases.'),
      it: wordList.optional().describe('Italian context words and phrases.'),
      ro: wordList.optional().describe('Romanian context words and phrases.'),
    })
    .describe(
      'Words that, written just before a number (or just after it), say what the number is. Matching ignores ' +
        'case and diacritics and skips little words in between ("nr", "är", "is", "n°", "este", "il mio"). ' +
        'All four lists apply to every inquiry. A list given here replaces the built-in list of that language.',
    );

  const digits = z.number().int().min(1).max(30);

  const referenceSchema = z
    .strictObject({
      patterns: z
        .array(patternSchema)
        .max(50)
        .optional()
        .describe('Reference formats recognised without context words. Replaces the built-in list when given.'),
      contextWords: contextWordsSchema.optional(),
      minDigits: digits.optional().describe('Shortest plain number accepted after a context word.'),
      maxDigits: digits.optional().describe('Longest plain number accepted after a context word.'),
    })
    .refine((r) => r.minDigits === undefined || r.maxDigits === undefined || r.minDigits <= r.maxDigits, {
      message: 'minDigits must not exceed maxDigits',
    });

  const entities = z
    .strictObject({
      orderNumbers: referenceSchema
        .optional()
        .describe('Order numbers: formats, context words, and digit bounds for plain numbers (default 5–10).'),
      caseNumbers: referenceSchema
        .optional()
        .describe('Support case/ticket references quoted back by customers (default 3–10 digits).'),
      trackingNumbers: z
        .strictObject({ contextWords: contextWordsSchema.optional() })
        .optional()
        .describe('Words (including carrier names) that mark a following code as a shipment tracking number.'),
      phones: z
        .strictObject({
          defaultRegion: z
            .enum(PHONE_REGIONS)
            .optional()
            .describe('Region of national phone numbers in English or undetermined inquiries (default SE).'),
        })
        .optional(),
    })
    .describe('Entity extraction settings: order/case number formats, context words and phone region.');
  return entities;
}

let entityConfigSchemaBuilt: ReturnType<typeof buildEntityConfigSchema> | undefined;

/**
 * Schema of the `entities:` section of a rules file. Every field is optional. Built the first time it
 * is needed: building zod schemas takes milliseconds at start-up.
 */
export function entityConfigSchema(): ReturnType<typeof buildEntityConfigSchema> {
  return (entityConfigSchemaBuilt ??= buildEntityConfigSchema());
}

/** A reference format: a regular expression (source text) with an id. */
export interface ReferencePatternConfig {
  id: string;
  pattern: string;
  flags?: string | undefined;
}
/** Order or case number settings. */
export interface ReferenceConfig {
  patterns?: ReferencePatternConfig[] | undefined;
  contextWords?: Partial<Record<Language, string[]>> | undefined;
  minDigits?: number | undefined;
  maxDigits?: number | undefined;
}
/**
 * The `entities:` section as written in YAML. Written out by hand so that the published types need no
 * zod; `EntityConfigMatchesSchema` keeps it equal to the schema's input type.
 */
export interface EntityConfig {
  orderNumbers?: ReferenceConfig | undefined;
  caseNumbers?: ReferenceConfig | undefined;
  trackingNumbers?: { contextWords?: Partial<Record<Language, string[]>> | undefined } | undefined;
  phones?: { defaultRegion?: (typeof PHONE_REGIONS)[number] | undefined } | undefined;
}
/** Fails to compile when the schema and the interface drift apart. */
export type EntityConfigMatchesSchema = Assert<Same<EntityConfig, z.input<ReturnType<typeof entityConfigSchema>>>>;

type ContextWords = Record<Language, string[]>;

const DEFAULTS = {
  orderNumbers: {
    patterns: [
      { id: 'amazon', pattern: '\\d{3}-\\d{7}-\\d{7}', flags: 'i' },
      { id: 'hash', pattern: '#\\s?\\d{4,10}', flags: 'i' },
      { id: 'ord', pattern: 'ORD-\\d{4}-\\d{4,8}', flags: 'i' },
      { id: 'se', pattern: 'SE-\\d{6,8}', flags: 'i' },
      { id: 'web', pattern: 'WEB-?\\d{5,9}', flags: 'i' },
    ],
    contextWords: {
      sv: [
        'order', 'ordern', 'ordernummer', 'ordernumret', 'ordernr', 'order-id', 'orderid',
        'beställning', 'beställningen', 'beställningsnummer', 'beställningsnumret', 'beställningsnr',
        'bestnr', 'köpnummer', 'beställnig', 'ordrenummer', 'ordrenr',
      ],
      en: ['order', 'order number', 'order no', 'order id', 'order ref', 'order reference', 'purchase number', 'ordernumber', 'ordr', 'ordr nr'],
      it: [
        'ordine', "numero d'ordine", 'numero ordine', 'n. ordine', 'ordinazione', "l'ordine", 'ordini',
        'numero di ordine',
      ],
      ro: ['comanda', 'comandă', 'comenzii', 'comanda mea', 'nr. comenzii', 'numărul comenzii', 'număr comandă', 'comenzi'],
    },
    minDigits: 5,
    maxDigits: 10,
  },
  caseNumbers: {
    patterns: [{ id: 'helpdesk', pattern: '(?:CASE|TICKET|TCK)-\\d{4,10}', flags: 'i' }],
    contextWords: {
      sv: ['ärendenummer', 'ärendenumret', 'ärendenr', 'ärende', 'ärendet', 'ärende-id', 'supportärende', 'case'],
      en: ['case', 'case number', 'case id', 'ticket', 'ticket number', 'ticket id', 'support ticket'],
      it: ['numero pratica', 'pratica', 'ticket', 'numero ticket', 'segnalazione', 'numero segnalazione'],
      ro: ['număr tichet', 'tichet', 'tichetul', 'tichetului', 'ticket', 'număr caz', 'cazul', 'caz'],
    },
    minDigits: 3,
    maxDigits: 10,
  },
  trackingNumbers: {
    contextWords: {
      sv: [
        'spårningsnummer', 'spårningsnumret', 'spårningsnr', 'spårnings-id', 'spårningskod', 'spårning',
        'kolli-id', 'kolliid', 'kollinummer', 'kollinumret', 'kolli', 'sändningsnummer', 'sändningsnumret',
        'sändnings-id', 'sändningsid', 'fraktsedelsnummer', 'fraktsedel', 'paketnummer', 'paket-id',
        'postnord', 'dhl', 'bring', 'budbee', 'instabox', 'schenker', 'airmee', 'early bird',
      ],
      en: [
        'tracking', 'tracking number', 'tracking code', 'tracking id', 'track', 'shipment', 'shipment number',
        'consignment', 'consignment number', 'parcel', 'parcel number', 'waybill', 'awb', 'airway bill',
        'ups', 'dhl', 'gls', 'dpd', 'fedex', 'tnt',
      ],
      it: [
        'codice di tracciamento', 'tracciamento', 'codice tracking', 'numero di spedizione', 'spedizione',
        'codice spedizione', 'lettera di vettura', 'ldv', 'tracking', 'poste italiane', 'poste', 'sda', 'brt',
        'bartolini', 'gls', 'dhl', 'ups',
      ],
      ro: [
        'număr de urmărire', 'cod de urmărire', 'urmărire', 'awb', 'număr awb', 'colet', 'coletul',
        'coletului', 'expediere', 'fan courier', 'sameday', 'cargus', 'urgent cargus', 'dpd', 'gls', 'dhl',
      ],
    },
  },
  phones: { defaultRegion: 'SE' as (typeof PHONE_REGIONS)[number] },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in configuration (frozen). `createEntityExtractor(config)` falls back to it field by
 * field: a list given in `config` replaces the built-in list, an absent field keeps the default.
 */
export const DEFAULT_ENTITY_CONFIG: EntityConfig = deepFreeze(DEFAULTS);

/** Fully resolved configuration, as used by the compiler. */
export interface ResolvedReferenceConfig {
  patterns: { id: string; pattern: string; flags: string }[];
  contextWords: ContextWords;
  minDigits: number;
  maxDigits: number;
}

export interface ResolvedEntityConfig {
  orderNumbers: ResolvedReferenceConfig;
  caseNumbers: ResolvedReferenceConfig;
  trackingWords: ContextWords;
  defaultRegion: (typeof PHONE_REGIONS)[number];
}

type RefInput = NonNullable<EntityConfig['orderNumbers']>;
type WordsInput = NonNullable<RefInput['contextWords']>;

function words(given: WordsInput | undefined, fallback: WordsInput): ContextWords {
  return {
    sv: [...(given?.sv ?? fallback.sv ?? [])],
    en: [...(given?.en ?? fallback.en ?? [])],
    it: [...(given?.it ?? fallback.it ?? [])],
    ro: [...(given?.ro ?? fallback.ro ?? [])],
  };
}

function reference(given: RefInput | undefined, fallback: RefInput): ResolvedReferenceConfig {
  const minDigits = given?.minDigits ?? fallback.minDigits ?? 1;
  const maxDigits = given?.maxDigits ?? fallback.maxDigits ?? 30;
  return {
    patterns: (given?.patterns ?? fallback.patterns ?? []).map((p) => ({
      id: p.id,
      pattern: p.pattern,
      flags: p.flags ?? '',
    })),
    contextWords: words(given?.contextWords, fallback.contextWords ?? {}),
    minDigits: Math.min(minDigits, maxDigits),
    maxDigits,
  };
}

/**
 * Validates `config` with the schema (throws a ZodError when invalid) and fills in defaults.
 * `validated`: the config is already this schema's output (a rule set's config is parsed with it when
 * the rules load), so it is not parsed twice.
 */
export function resolveEntityConfig(config: EntityConfig | undefined, validated = false): ResolvedEntityConfig {
  const parsed = validated ? ((config ?? {}) as z.output<ReturnType<typeof entityConfigSchema>>) : entityConfigSchema().parse(config ?? {});
  const d = DEFAULTS;
  return {
    orderNumbers: reference(parsed.orderNumbers, d.orderNumbers),
    caseNumbers: reference(parsed.caseNumbers, d.caseNumbers),
    trackingWords: words(parsed.trackingNumbers?.contextWords, d.trackingNumbers.contextWords),
    defaultRegion: parsed.phones?.defaultRegion ?? d.phones.defaultRegion,
  };
}
