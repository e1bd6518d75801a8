/**
 * The per-inquiry path: input → normalise → detect language → tokenise + stem → extract entities →
 * match lexicon → evaluate rules → decide. It only reads the compiled rules. Shared state: the word and
 * stem caches, which never change a result, and scratch buffers (the field's tokens, the matcher's word
 * rows) that one field fills and empties before the next begins.
 */
import { detectAutoReply, htmlToText, splitEmail } from './email';
import { subjectKind } from './email/subject';
import type { Entities, Entity } from './entities';
import { InputError } from './errors';
import { detectLanguageRanked } from './language';
import { isLanguage, LANGUAGES, type Language, type LanguageCode } from './languages';
import { matchLexicon } from './lexicon/match';
import type { CompiledRules } from './rules/compile';
import type { SignalName } from './rules/schema';
import { addBusinessHours } from './sla';
import { flat, normalize, originalEnd, originalStart, toOriginal } from './text/normalize';
import { isShouting } from './text/shouting';
import { Tokens, tokenizeInto } from './text/tokenize';
import type { EvalContext, FieldText, PlacedHit } from './engine/conditions';
import { decide } from './engine/decide';
import type { Classification, ClassifyOptions, Field, Inquiry, InquiryInput, KeywordHit } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Segment {
  kind: string;
  start: number;
  end: number;
}

const OWN_KINDS = new Set(['own']);

const NO_OPTIONS: ClassifyOptions = {};

/** The options, checked: a wrong type is an `InputError`, not a TypeError from deep inside. */
function checkOptions(options: ClassifyOptions | null | undefined): ClassifyOptions {
  if (options === undefined || options === null) return NO_OPTIONS;
  if (typeof options !== 'object' || Array.isArray(options)) throw new InputError(`options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  if (options.languages !== undefined && !Array.isArray(options.languages)) throw new InputError('"languages" must be a list of language codes, such as ["sv", "en"]');
  return options;
}

/** The input as the stages read it: `receivedAt` as an ISO 8601 string. */
type CoercedInput = InquiryInput & { readonly receivedAt?: string };

function coerce(input: unknown): CoercedInput {
  if (typeof input === 'string') return { body: input };
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputError(`an inquiry is a string or an object with subject/body/html fields, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`);
  }
  const o = input as Record<string, unknown>;
  for (const key of ['subject', 'body', 'html', 'channel'] as const) {
    if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') {
      throw new InputError(`"${key}" must be a string, got ${Array.isArray(o[key]) ? 'an array' : typeof o[key]}`);
    }
  }
  if (o.attachments !== undefined && o.attachments !== null && !Array.isArray(o.attachments)) throw new InputError('"attachments" must be an array');
  if (o.customer !== undefined && o.customer !== null && (typeof o.customer !== 'object' || Array.isArray(o.customer))) throw new InputError('"customer" must be an object');
  const received = o.receivedAt;
  if (received === undefined || received === null || received === '') return o as CoercedInput;
  const iso = isoReceivedAt(received);
  if (iso === undefined) {
    // a string is text from outside (a header): one that is not a date is left out, as text never throws
    if (typeof received === 'string') return { ...o, receivedAt: undefined } as CoercedInput;
    throw new InputError(`"receivedAt" must be a date (ISO 8601, an e-mail Date header or a Date), got ${received instanceof Date ? 'an invalid Date' : typeof received}`);
  }
  // a copy, not the caller's object, when the time is rewritten
  return (iso === received ? o : { ...o, receivedAt: iso }) as CoercedInput;
}

/**
 * `receivedAt` as ISO 8601: as written when it is ISO 8601 already (its offset and calendar date are
 * the customer's); a Date in UTC; an e-mail Date header ("Fri, 20 Nov 2026 16:00:00 +0100") with its
 * own offset. Undefined for anything else: `Date`'s lenient parsing would take "1" or "Order 12" for a
 * date, and "05/11/2026" for 11 May in the server's time zone.
 */
function isoReceivedAt(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const v = value.trim();
  if (ISO_DATE_TIME.test(v)) return Number.isNaN(new Date(v).getTime()) ? undefined : value;
  const m = RFC_2822.exec(v);
  if (!m) return undefined;
  const month = MONTHS_2822.indexOf(m[2]!.toLowerCase()) + 1;
  const [day, year] = [Number(m[1]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month === 0 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  const zone = m[7] === undefined || /^(?:gmt|utc?|z)$/i.test(m[7]) ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  const pad = (n: number | string) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(m[4]!)}:${m[5]}:${m[6] ?? '00'}${zone}`;
}

/** ISO 8601: a date, and maybe a time with an offset. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** An e-mail Date header (RFC 2822): "Fri, 20 Nov 2026 16:00:00 +0100", "20 Nov 2026 16:00 GMT". */
const RFC_2822 = /^(?:[A-Za-z]{3},[ \t]*)?(\d{1,2})[ \t]+([A-Za-z]{3})[ \t]+(\d{4})[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+([+-]\d{4}|GMT|UTC?|Z))?(?:[ \t]+\([^()]{0,40}\))?$/i;
const MONTHS_2822 = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseDate(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const EXCLAMATIONS = /[!¡]{3,}|!\?!|\?!\?/;

function candidateLanguages(code: LanguageCode, ranked: ReadonlyArray<{ code: string; score: number }>, confidence: number): Language[] {
  if (isLanguage(code) && confidence >= 0.6) return [code];
  const out: Language[] = [];
  for (const r of ranked) if (isLanguage(r.code) && r.score > 0.1 && out.length < 2) out.push(r.code);
  for (const l of LANGUAGES) if (!out.includes(l)) out.push(l);
  return out;
}

/** The tokens of the field being analysed: filled again for each field, read only by `matchLexicon`. */
const fieldTokens = new Tokens(256);

interface AnalysedField {
  text: FieldText;
  hits: PlacedHit[];
}

/** The part of a field that is analysed: its first `maxLength` characters, as a flat string (see `flat`). */
function analysedPart(text: string, maxLength: number): string {
  return flat(text.length > maxLength ? text.slice(0, maxLength) : text);
}

/** Analyses `analysed`, the analysed part of the field's text `original`. */
function analyseField(field: Field, original: string, analysed: string, rules: CompiledRules, langs: readonly Language[], own: readonly Segment[] | null): AnalysedField {
  const norm = normalize(analysed);
  const lexHits = matchLexicon(rules.lexicon, tokenizeInto(fieldTokens, norm.text), langs);
  fieldTokens.clear(); // the buffer keeps none of the customer's words after this
  const hits: PlacedHit[] = [];
  for (let k = 0; k < lexHits.length; k++) {
    const hit = lexHits[k]!;
    const start = originalStart(norm, hit.start);
    hits.push({ hit, field, start, end: originalEnd(norm, hit.start, hit.end), quoted: own !== null && !inSegments(own, start) });
  }
  // Patterns and phrases see the customer's own words only: other parts are blanked (same length).
  let ownNorm = norm.text;
  if (own !== null && !(own.length === 1 && own[0]!.start === 0 && own[0]!.end >= analysed.length)) {
    ownNorm = blankOutside(norm.text, norm.offsets, own);
  }
  return { text: { field, original, norm: ownNorm, toOriginal: (s, e) => toOriginal(norm, s, e) }, hits };
}

/** Whether `pos` lies in one of `segments`. */
function inSegments(segments: readonly Segment[], pos: number): boolean {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (pos >= seg.start && pos < seg.end) return true;
  }
  return false;
}

/**
 * `text` (normalised, with `offsets` into the original) with every character outside the `own`
 * segments (original coordinates) blanked to a space, line breaks kept, so that lengths and offsets
 * stay as they were.
 */
function blankOutside(text: string, offsets: Int32Array | null, own: readonly Segment[]): string {
  const segs = [...own].sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  let seg = 0;
  let previous = -1;
  // offsets never decrease along the normalised text, so one pointer walks the sorted segments
  const isOwn = (i: number): boolean => {
    const o = offsets ? offsets[i]! : i;
    if (o < previous) seg = 0;
    previous = o;
    while (seg < segs.length && segs[seg]!.end <= o) seg++;
    for (let k = seg; k < segs.length && segs[k]!.start <= o; k++) if (o < segs[k]!.end) return true;
    return false;
  };
  let inside = text.length > 0 && isOwn(0);
  for (let i = 1; i <= text.length; i++) {
    const now = i < text.length ? isOwn(i) : !inside;
    if (now !== inside) {
      const run = text.slice(from, i);
      out += inside ? run : run.replace(/[^\n]/g, ' ');
      from = i;
      inside = now;
    }
  }
  return out;
}

/** Whether an entity is in the subject or in the customer's own words of the body. */
function isOwnEntity(e: { start: number; field?: string }, own: readonly Segment[]): boolean {
  return e.field === 'subject' || inSegments(own, e.start);
}

function allOwn(entities: Entities, own: readonly Segment[]): boolean {
  for (const key in entities) {
    const list = entities[key as keyof Entities] as ReadonlyArray<Entity<unknown>>;
    for (let i = 0; i < list.length; i++) if (!isOwnEntity(list[i]!, own)) return false;
  }
  return true;
}

function ownEntities(entities: Entities, own: readonly Segment[]): Entities {
  const out = {} as Record<string, Array<Entity<unknown>>>;
  for (const key in entities) out[key] = (entities[key as keyof Entities] as Array<Entity<unknown>>).filter((e) => isOwnEntity(e, own));
  return out as unknown as Entities;
}

function dedupe<T>(list: readonly Entity<T>[]): Entity<T>[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = typeof e.normalized === 'string' ? e.normalized : JSON.stringify(e.normalized);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mergeEntities(subject: Entities | undefined, body: Entities): Entities {
  if (!subject) return body;
  const out = {} as Record<string, Entity<unknown>[]>;
  for (const key of Object.keys(body) as Array<keyof Entities>) {
    const fromSubject = (subject[key] as Entity<unknown>[]).map((e) => ({ ...e, field: 'subject' as const }));
    out[key] = dedupe([...fromSubject, ...(body[key] as Entity<unknown>[])]);
  }
  return out as unknown as Entities;
}

/** Classifies one inquiry with compiled rules. Throws only `InputError`, for input that is not an inquiry. */
export function classifyWith(rules: CompiledRules, inquiry: Inquiry, options_?: ClassifyOptions | null): Classification {
  const input = coerce(inquiry);
  const options = checkOptions(options_);
  // The texts that the stages scan are flat strings (see `flat`): the analysed parts of the subject and
  // the body (the whole text when it is no longer), and the texts made from them.
  let subject = input.subject ?? '';
  const analysedSubject = analysedPart(subject, rules.maxLength);
  if (analysedSubject.length === subject.length) subject = analysedSubject;
  let body = input.body ?? '';
  let quoteRanges: Array<{ start: number; end: number }> = [];
  if (!input.body && input.html) {
    const converted = htmlToText(input.html.length > rules.maxLength * 50 ? input.html.slice(0, rules.maxLength * 50) : input.html);
    body = converted.text;
    quoteRanges = converted.quoteRanges;
  }
  const analysedBody = analysedPart(body, rules.maxLength);
  if (analysedBody.length === body.length) body = analysedBody;

  // The customer's own words: quoted history, signatures and disclaimers set apart.
  // option objects are written out, not spread together: a spread copies objects on every inquiry
  const split = splitEmail(analysedBody, quoteRanges.length ? { subject, quoteRanges } : { subject });
  const segments: Segment[] = split.segments.map((s) => ({ kind: s.kind, start: s.start, end: s.end }));
  const ownKinds = split.forwarded ? new Set([...OWN_KINDS, 'forwarded']) : OWN_KINDS;
  const own = segments.filter((s) => ownKinds.has(s.kind));
  const trimmed = split.ownText.trim();
  const ownText = trimmed === analysedBody ? analysedBody : flat(trimmed);

  // Language, from the subject and the customer's own words.
  // (without a subject, the words alone: a line break before them changes nothing, and joining would
  // copy them; the own words are flat already, a body longer than maxLength is not)
  const words = ownText || body;
  const langText = subject ? flat(`${subject}\n${words}`.slice(0, 2000)) : words === ownText && words.length <= 1999 ? words : flat(words.slice(0, 1999));
  const only = options.languages?.filter(isLanguage);
  const hint = typeof input.customer?.locale === 'string' ? input.customer.locale : undefined;
  const detectOptions = only && only.length ? (hint ? { only, hint } : { only }) : hint ? { hint } : undefined;
  const { language, ranked, neighbours } = detectLanguageRanked(langText, detectOptions, 0.6);
  const langs = candidateLanguages(language.code, ranked, language.confidence);

  // The subject of a reply ("Re:", "Sv:") is the thread's, not the customer's words: it is reported, not used.
  const replySubject = subjectKind(subject) === 'reply';
  const fields: AnalysedField[] = [];
  if (subject) fields.push(analyseField('subject', subject, analysedSubject, rules, langs, replySubject ? [] : null));
  if (body) fields.push(analyseField('body', body, analysedBody, rules, langs, own));

  const receivedAt = parseDate(input.receivedAt);
  const context = input.receivedAt && receivedAt ? { language: language.code, receivedAt: input.receivedAt } : { language: language.code };
  const bodyEntities = rules.entities.extract(analysedBody, context);
  const entities = mergeEntities(subject ? rules.entities.extract(analysedSubject, context) : undefined, bodyEntities);

  const hits = new Map<number, PlacedHit[]>();
  const negatedHits = new Map<number, PlacedHit[]>();
  const keywords: KeywordHit[] = [];
  for (const f of fields) {
    for (const h of f.hits) {
      keywords.push({
        concept: rules.lexicon.concepts[h.hit.concept]!,
        term: h.hit.term,
        text: f.text.original.slice(h.start, h.end),
        field: h.field,
        start: h.start,
        end: h.end,
        negated: h.hit.negated,
        quoted: h.quoted,
        match: h.hit.kind,
        language: h.hit.language,
      });
      if (h.quoted) continue;
      const table = h.hit.negated ? negatedHits : hits;
      const list = table.get(h.hit.concept);
      if (list) list.push(h);
      else table.set(h.hit.concept, [h]);
    }
  }

  const auto = input.autoReply === true || detectAutoReply(input.headers ? { subject, body, headers: input.headers as Record<string, string | string[] | undefined> } : { subject, body }).autoReply;
  const signals = new Set<SignalName>();
  // the customer's words: the subject (unless it is the thread's) and the own text, a line apart
  const shoutParts = replySubject ? [ownText] : [subject, '\n', ownText];
  if (isShouting(shoutParts)) signals.add('shouting');
  // within the first 20,000 characters; a line break ends any run, so the parts are tested one by one
  let exclamationBudget = 20_000;
  for (const part of shoutParts) {
    if (exclamationBudget <= 0) break;
    if (EXCLAMATIONS.test(part.length > exclamationBudget ? part.slice(0, exclamationBudget) : part)) {
      signals.add('exclamations');
      break;
    }
    exclamationBudget -= part.length;
  }
  if (auto) signals.add('autoReply');
  if (split.forwarded) signals.add('forwarded');
  if (Array.isArray(input.attachments) && input.attachments.length > 0) signals.add('hasAttachment');
  if (body.trim() !== '' && ownText === '') signals.add('quotedOnly');

  // Rules see the entities of the subject and of the customer's own words; all are reported.
  const ruleEntities = (own.length === 1 && own[0]!.start === 0 && own[0]!.end >= analysedBody.length) || allOwn(entities, own) ? entities : ownEntities(entities, own);
  const ctx: EvalContext = {
    hits,
    negatedHits,
    fields: fields.map((f) => f.text),
    language: language.code,
    otherLanguage: language.code === 'und' ? neighbours : 0,
    entities: ruleEntities,
    input,
    signals,
    receivedAt,
  };
  const decision = decide(rules, ctx);

  let sla: Classification['sla'];
  if (receivedAt && input.receivedAt) {
    const target = rules.priorities.find((p) => p.id === decision.priority)?.firstResponseHours;
    if (target !== undefined) {
      try {
        sla = { firstResponseDue: addBusinessHours(input.receivedAt, target, rules.calendar), targetHours: target };
      } catch {
        sla = undefined;
      }
    }
  }

  // optional keys are added in place (not spread in), in the order the result documents
  const result: Partial<Mutable<Classification>> = {
    category: decision.category,
    priority: decision.priority,
    team: decision.team,
    language: { code: language.code, confidence: language.confidence },
    entities,
    keywords,
    tags: decision.tags,
    matchedRules: decision.matchedRules,
    autoReply: auto,
  };
  if (sla) result.sla = sla;
  // from HTML: the text the offsets of the body, its segments and its entities point into
  result.body = input.body || !input.html ? { ownText, segments, forwarded: split.forwarded } : { ownText, segments, forwarded: split.forwarded, text: body };
  result.decision = decision.trace;
  if (options.redact) {
    result.redactedText = rules.entities.redact(body, context);
    if (subject) result.redactedSubject = rules.entities.redact(subject, context);
  }
  return result as Classification;
}
