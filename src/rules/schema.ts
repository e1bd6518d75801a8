/**
 * The rule-file format, as zod schemas. The same schemas validate rule files at load time and produce
 * the JSON Schema that editors use (`schema/rules.schema.json`).
 */
import * as z from 'zod';
import type { Assert, Extends } from '../type-checks';
import { LANGUAGES, type Language } from '../languages';
import { entityConfigSchema, type EntityConfig } from '../entities';
import { calendarSchema, type CalendarConfig } from '../sla';

export const ENTITY_TYPES = [
  'orderNumber',
  'trackingNumber',
  'email',
  'phone',
  'amount',
  'date',
  'personalId',
  'iban',
  'card',
  'caseNumber',
] as const;
export type EntityTypeName = (typeof ENTITY_TYPES)[number];

export const SIGNALS = ['shouting', 'exclamations', 'autoReply', 'forwarded', 'hasAttachment', 'quotedOnly'] as const;
export type SignalName = (typeof SIGNALS)[number];

export const CONDITION_KINDS = [
  'all',
  'any',
  'not',
  'concept',
  'phrase',
  'pattern',
  'language',
  'entity',
  'amount',
  'field',
  'signal',
  'dateWithin',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export interface ConditionInput {
  all?: ConditionInput[];
  any?: ConditionInput[];
  not?: ConditionInput;
  concept?: string;
  negated?: boolean;
  min?: number;
  in?: 'subject' | 'body' | 'any';
  phrase?: string;
  pattern?: string;
  flags?: string;
  language?: string | string[];
  entity?: EntityTypeName;
  amount?: { gte?: number; lte?: number; currency?: string };
  field?: string;
  equals?: string | number | boolean;
  oneOf?: Array<string | number | boolean>;
  matches?: string;
  exists?: boolean;
  gte?: number;
  lte?: number;
  signal?: SignalName;
  dateWithin?: { days: number };
}

function buildSchemas() {
  const id = z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower case letters, digits, "-", "_" or "." (e.g. "returns-damaged")')
    .max(80);

  const languageSchema = z.enum(LANGUAGES).describe('A language code: sv, en, it or ro.');

  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  const conditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
    z
      .strictObject({
        all: z.array(conditionSchema).min(1).optional().describe('Every condition in the list holds.'),
        any: z.array(conditionSchema).min(1).optional().describe('At least one condition in the list holds.'),
        not: conditionSchema.optional().describe('The condition does not hold.'),
        concept: id.optional().describe('A lexicon concept is mentioned (not negated, not only in quoted text).'),
        negated: z.boolean().optional().describe('With concept: true to require a negated mention ("inte skadad").'),
        min: z.number().int().min(1).optional().describe('With concept or entity: at least this many hits.'),
        in: z.enum(['subject', 'body', 'any']).optional().describe('With concept or phrase: where the hit must be.'),
        phrase: z.string().min(1).max(200).optional().describe('These words in this order (case and diacritics ignored).'),
        pattern: z.string().min(1).max(500).optional().describe('A regular expression tested against the normalised text (lower case).'),
        flags: z.string().regex(/^[imsu]*$/).optional().describe('With pattern: regular expression flags (i, m, s, u).'),
        language: z.union([languageSchema, z.literal('und'), z.array(z.union([languageSchema, z.literal('und')])).min(1)]).optional()
          .describe('The detected language is one of these.'),
        entity: z.enum(ENTITY_TYPES).optional().describe('An entity of this type was found.'),
        amount: z
          .strictObject({
            gte: z.number().optional(),
            lte: z.number().optional(),
            currency: z.string().regex(/^[A-Z]{3}$/).optional().describe('Only amounts in this currency; without it, amounts are converted with config.currencies.'),
          })
          .optional()
          .describe('An amount in the text is within these bounds.'),
        field: z.string().min(1).max(100).optional().describe('An input field, e.g. channel, customer.tier, attachments.contentType.'),
        equals: scalar.optional().describe('With field: equals this value.'),
        oneOf: z.array(scalar).min(1).optional().describe('With field: equals one of these values.'),
        matches: z.string().max(500).optional().describe('With field: matches this regular expression (case-insensitive).'),
        exists: z.boolean().optional().describe('With field: is present (true) or absent (false).'),
        gte: z.number().optional().describe('With field: a number at least this.'),
        lte: z.number().optional().describe('With field: a number at most this.'),
        signal: z.enum(SIGNALS).optional().describe('A built-in signal of the text: shouting, exclamations, autoReply, forwarded, hasAttachment, quotedOnly.'),
        dateWithin: z.strictObject({ days: z.number().min(0).max(366) }).optional()
          .describe('A date in the text falls within this many days after receivedAt.'),
      })
      .superRefine((c, ctx) => {
        const kinds = CONDITION_KINDS.filter((k) => (c as Record<string, unknown>)[k] !== undefined);
        if (kinds.length === 0) {
          ctx.addIssue({ code: 'custom', message: `a condition needs one of: ${CONDITION_KINDS.join(', ')}` });
        } else if (kinds.length > 1) {
          ctx.addIssue({ code: 'custom', message: `a condition has one kind, this one has ${kinds.join(' and ')}: wrap them in "all:" or "any:"` });
        }
      }),
  );

  const effectSchema = z
    .strictObject({
      category: id.optional().describe('The category this rule votes for.'),
      weight: z.number().min(0).max(100).optional().describe('How much the vote counts (default 1).'),
      team: id.optional().describe('Send the inquiry to this team (overrides the category team).'),
      priority: id.optional().describe('With category: the base priority; otherwise: raise the priority to at least this.'),
      raise: z.number().int().min(-3).max(3).optional().describe('Raise (or lower) the priority by this many steps.'),
      tags: z.array(z.string().min(1).max(60)).optional().describe('Tags to add.'),
      stop: z.boolean().optional().describe('When true, later rules of the same kind are not considered (e.g. auto-replies).'),
    })
    .describe('What happens when the rule fires.');

  const exampleSchema = z
    .strictObject({
      text: z.string().optional(),
      subject: z.string().optional(),
      body: z.string().optional(),
      expect: z.strictObject({
        category: id.optional(),
        team: id.optional(),
        priority: id.optional(),
        language: z.string().optional(),
        tags: z.array(z.string()).optional(),
        fires: z.boolean().optional().describe('Whether this rule fires on the example (default true).'),
      }),
    })
    .describe('An example inquiry and the outcome it should get; checked by `inquiry-router test`.');

  const ruleSchema = z
    .strictObject({
      id,
      description: z.string().optional(),
      when: z.union([conditionSchema, z.array(conditionSchema).min(1)]).describe('The condition (a list means all of them).'),
      then: effectSchema,
      examples: z.array(exampleSchema).optional(),
    })
    .describe('A routing rule.');

  const termListSchema = z.array(z.string().min(1).max(120)).describe(
    'Terms: single words are matched by stem, in compounds and with small typos; several words are a phrase; a leading "=" means the exact word only.',
  );

  const conceptSchema = z
    .strictObject({
      id,
      description: z.string().optional(),
      terms: z.partialRecord(languageSchema, termListSchema).optional(),
    })
    .describe('A lexicon concept: something customers say, in each language.');

  const teamSchema = z.strictObject({
    id,
    name: z.string().optional(),
    description: z.string().optional(),
    languages: z.array(languageSchema).min(1).optional().describe('Languages this team answers (default: all).'),
    overflow: id.optional().describe('Team that takes inquiries in a language this team does not answer.'),
  });

  const categorySchema = z.strictObject({
    id,
    description: z.string().optional(),
    team: id.describe('The team that handles this category.'),
    priority: id.optional().describe('Default priority (default: config.defaultPriority).'),
  });

  const prioritySchema = z.strictObject({
    id,
    description: z.string().optional(),
    firstResponseHours: z.number().min(0).max(10_000).optional().describe('First-response target in business hours.'),
  });

  const configSchema = z
    .strictObject({
      fallback: z
        .strictObject({ category: id, team: id.optional(), priority: id.optional() })
        .optional()
        .describe('What an inquiry gets when no routing rule fires.'),
      defaultPriority: id.optional(),
      unsupportedLanguage: z
        .strictObject({
          tag: z.string().optional().describe('Tag added when the team cannot answer the language (e.g. needs-translation).'),
          useOverflow: z.boolean().optional().describe('Route to the team\'s overflow team when it has one (default true).'),
        })
        .optional(),
      currencies: z
        .strictObject({
          base: z.string().regex(/^[A-Z]{3}$/),
          rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).describe('Value of one unit of each currency in the base currency.'),
        })
        .optional(),
      maxLength: z.number().int().min(1000).max(10_000_000).optional().describe('Characters analysed per field (default 20000).'),
      subjectWeight: z.number().min(0).max(1).optional().describe('How much a rule counts when it fires on the subject alone (default 0.8).'),
      entities: entityConfigSchema().optional(),
      calendar: calendarSchema().optional(),
    })
    .describe('Settings for the whole rule set.');

  const lexiconSchema = z.strictObject({
    language: languageSchema,
    terms: z.record(id, termListSchema).describe('Terms per concept id, in this language.'),
  });

  /** One rule file: every section is optional; a rule set is the union of its files. */
  const ruleFileSchema = z
    .strictObject({
      $schema: z.string().optional(),
      config: configSchema.optional(),
      priorities: z.array(prioritySchema).optional().describe('Priorities, lowest first.'),
      teams: z.array(teamSchema).optional(),
      categories: z.array(categorySchema).optional(),
      concepts: z.array(conceptSchema).optional(),
      lexicon: lexiconSchema.optional(),
      rules: z.array(ruleSchema).optional(),
    })
    .describe('An inquiry-router rule file.');

  return { languageSchema, conditionSchema, effectSchema, exampleSchema, ruleSchema, termListSchema, conceptSchema, teamSchema, categorySchema, prioritySchema, configSchema, lexiconSchema, ruleFileSchema };
}

export type RuleSchemas = ReturnType<typeof buildSchemas>;
let schemas: RuleSchemas | undefined;

/**
 * The rule-file schemas, built the first time they are needed: building them takes milliseconds at
 * start-up, and the built-in rules, compiled when the package is built, need none.
 */
export function ruleSchemas(): RuleSchemas {
  return (schemas ??= buildSchemas());
}

// The types of a parsed rule set, written out by hand so that the published types need no zod. The
// checks at the end fail to compile when they drift from the schemas.

export interface Effect {
  category?: string | undefined;
  weight?: number | undefined;
  team?: string | undefined;
  priority?: string | undefined;
  raise?: number | undefined;
  tags?: string[] | undefined;
  stop?: boolean | undefined;
}

export interface RuleExample {
  text?: string | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  expect: {
    category?: string | undefined;
    team?: string | undefined;
    priority?: string | undefined;
    language?: string | undefined;
    tags?: string[] | undefined;
    fires?: boolean | undefined;
  };
}

export interface Rule {
  id: string;
  description?: string | undefined;
  when: ConditionInput | ConditionInput[];
  then: Effect;
  examples?: RuleExample[] | undefined;
}

export interface Concept {
  id: string;
  description?: string | undefined;
  terms?: Partial<Record<Language, string[]>> | undefined;
}

export interface Team {
  id: string;
  name?: string | undefined;
  description?: string | undefined;
  languages?: Language[] | undefined;
  overflow?: string | undefined;
}

export interface Category {
  id: string;
  description?: string | undefined;
  team: string;
  priority?: string | undefined;
}

export interface Priority {
  id: string;
  description?: string | undefined;
  firstResponseHours?: number | undefined;
}

export interface Config {
  fallback?: { category: string; team?: string | undefined; priority?: string | undefined } | undefined;
  defaultPriority?: string | undefined;
  unsupportedLanguage?: { tag?: string | undefined; useOverflow?: boolean | undefined } | undefined;
  currencies?: { base: string; rates: Record<string, number> } | undefined;
  maxLength?: number | undefined;
  subjectWeight?: number | undefined;
  entities?: EntityConfig | undefined;
  calendar?: CalendarConfig | undefined;
}

export interface RuleFile {
  $schema?: string | undefined;
  config?: Config | undefined;
  priorities?: Priority[] | undefined;
  teams?: Team[] | undefined;
  categories?: Category[] | undefined;
  concepts?: Concept[] | undefined;
  lexicon?: { language: Language; terms: Record<string, string[]> } | undefined;
  rules?: Rule[] | undefined;
}

/** Fails to compile when the schemas and the types above drift apart. */
export type RuleTypesMatchSchemas = [
  Assert<Extends<z.output<RuleSchemas['ruleFileSchema']>, RuleFile>>,
  Assert<Extends<RuleFile, z.input<RuleSchemas['ruleFileSchema']>>>,
  Assert<Extends<z.output<RuleSchemas['ruleSchema']>, Rule>>,
  Assert<Extends<z.output<RuleSchemas['configSchema']>, Config>>,
];
