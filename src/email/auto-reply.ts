/**
 * Recognises automatic replies (out of office, "automatic reply") and
 * delivery failure notices, so they are not routed as customer inquiries.
 *
 * Headers and subject prefixes are strong evidence. Body phrases count only
 * at the start of a sentence near the top of the body, and first-person
 * absence phrases ("I am on vacation") only in a short body without a
 * question that also names a return or a contact — so that a customer who
 * writes "I got an automatic reply from you but no answer" is not taken for
 * a robot.
 */
import { fold } from './fold';
import { skipTags } from './subject';
import { getEmailTables, matchPrefix, type PrefixIndex } from './tables';

export interface AutoReplyInput {
  subject?: string;
  body?: string;
  headers?: Record<string, string | string[] | undefined>;
}

export interface AutoReplyResult {
  autoReply: boolean;
  /** What gave it away, e.g. `header:auto-submitted`, `subject:out of office`, `body:jag ar pa semester`. */
  reason?: string;
}

/** Sentence starts further into the body than this are not examined. */
const SENTENCE_WINDOW = 400;
/** Bodies longer than this are not out-of-office notes (those are short). */
const ABSENCE_MAX_BODY = 1500;

const NO_VALUES = new Set(['no', 'false', '0', 'off']);
const PRECEDENCE_AUTO = new Set(['auto_reply', 'auto-reply', 'autoreply', 'bulk', 'junk']);

function yes(reason: string): AutoReplyResult {
  return { autoReply: true, reason };
}

/** Lower-cased header names → values (repeated headers joined with a line break). */
function normalizeHeaders(headers: AutoReplyInput['headers']): Map<string, string> {
  const map = new Map<string, string>();
  if (!headers || typeof headers !== 'object') return map;
  for (const name of Object.keys(headers)) {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw.filter((v) => typeof v === 'string').join('\n') : typeof raw === 'string' ? raw : undefined;
    if (value === undefined) continue;
    const key = name.toLowerCase().trim();
    const prev = map.get(key);
    map.set(key, prev === undefined ? value : `${prev}\n${value}`);
  }
  return map;
}

/** The first token of a header value ("auto-replied; owner-email=…" → "auto-replied"). */
function headerToken(value: string): string {
  return value.trim().split(/[\s;(]/, 1)[0]!.toLowerCase();
}

/** A phrase at the start of the (folded) subject, followed by the end, a colon, a bracket or a dash. */
function subjectMatch(index: PrefixIndex, folded: string): string | undefined {
  const phrase = matchPrefix(index, folded);
  if (phrase === undefined) return undefined;
  if (phrase.endsWith(':')) return phrase;
  let k = phrase.length;
  while (k < folded.length && folded.charCodeAt(k) === 32) k++;
  if (k >= folded.length) return phrase;
  const c = folded.charAt(k);
  return ':([-–—!|/'.includes(c) ? phrase : undefined;
}

/** Offsets where a sentence starts in the head of a body: its start, after a line break, after ". " / "! ", and after an opening greeting's comma. */
function sentenceStarts(body: string): number[] {
  const starts: number[] = [];
  const n = Math.min(body.length, SENTENCE_WINDOW);
  let expect = true;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c === 10 || c === 13) {
      expect = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xa0 || c === 62 /* > */) continue;
    if (expect) {
      starts.push(i);
      expect = false;
    }
    if (c === 46 || c === 33 || (c === 44 && i < 40)) {
      const next = body.charCodeAt(i + 1);
      if (next === 32 || next === 10 || next === 13) expect = true;
    }
  }
  return starts;
}

/** The folded first word of `raw` at `at` (up to 24 characters). */
function tokenAt(raw: string, at: number): string {
  const stop = Math.min(raw.length, at + 24);
  let end = at;
  while (end < stop) {
    const c = raw.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 58 || c === 44 || c === 59 || c === 33 || c === 63 || c === 47) break;
    end++;
  }
  return fold(raw.slice(at, end));
}

/** The phrase of `index` that the raw text starts with at `at`, folding only a short window and only when the first word fits. */
function phraseAt(index: PrefixIndex, raw: string, at: number, token: string): string | undefined {
  const bucket = index.get(token);
  if (!bucket) return undefined;
  const window = fold(raw.slice(at, at + 100));
  for (const phrase of bucket) if (window.startsWith(phrase)) return phrase;
  return undefined;
}

/**
 * Tells automatic replies and bounces from customer mail. Never throws.
 *
 * @example
 * detectAutoReply({ subject: 'Automatiskt svar: Min beställning' }) // { autoReply: true, reason: 'subject:automatiskt svar' }
 * detectAutoReply({ body: 'I got an automatic reply from you but no answer' }) // { autoReply: false }
 */
export function detectAutoReply(input: AutoReplyInput): AutoReplyResult {
  if (!input || typeof input !== 'object') return { autoReply: false };
  const headers = normalizeHeaders(input.headers);

  const submitted = headers.get('auto-submitted');
  if (submitted !== undefined) {
    const token = headerToken(submitted);
    if (token && token !== 'no') return yes('header:auto-submitted');
  }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-autogenerated']) {
    const value = headers.get(name);
    if (value !== undefined && !NO_VALUES.has(headerToken(value))) return yes(`header:${name}`);
  }
  const precedence = headers.get('precedence') ?? headers.get('x-precedence');
  if (precedence !== undefined && PRECEDENCE_AUTO.has(headerToken(precedence))) return yes('header:precedence');
  if (headers.has('x-failed-recipients')) return yes('header:x-failed-recipients');
  const contentType = headers.get('content-type');
  if (contentType !== undefined && contentType.toLowerCase().includes('multipart/report')) return yes('header:content-type');
  const from = headers.get('from');
  if (from !== undefined) {
    const f = from.toLowerCase();
    if (f.includes('mailer-daemon') || f.includes('postmaster@') || f.includes('mail delivery subsystem') || f.includes('mail delivery system')) {
      return yes('header:from');
    }
  }

  const tables = getEmailTables();
  const subject = typeof input.subject === 'string' ? input.subject : headers.get('subject');
  if (subject) {
    const folded = fold(skipTags(subject.slice(0, 200)).slice(0, 160).trim());
    const strong = subjectMatch(tables.autoSubjects, folded);
    if (strong !== undefined) return yes(`subject:${strong}`);
    if (headers.has('x-auto-response-suppress')) {
      const weak = subjectMatch(tables.autoWeakSubjects, folded);
      if (weak !== undefined) return yes(`header:x-auto-response-suppress+subject:${weak}`);
    }
  }

  const body = typeof input.body === 'string' ? input.body : '';
  if (body.length === 0) return { autoReply: false };
  const starts = sentenceStarts(body);
  const first = starts[0];
  if (first !== undefined) {
    const token = tokenAt(body, first);
    const label = phraseAt(tables.autoBodyLabels, body, first, token);
    if (label !== undefined) {
      const lineEnd = body.indexOf('\n', first);
      const line = fold(body.slice(first, lineEnd < 0 ? Math.min(body.length, first + 200) : Math.min(lineEnd, first + 200))).trim();
      const after = line.slice(label.length).trimStart();
      if (after === '' || after.startsWith(':') || after.startsWith('(')) return yes(`body:${label}`);
    }
  }
  const tokens = starts.map((at) => tokenAt(body, at));
  for (let k = 0; k < starts.length; k++) {
    const phrase = phraseAt(tables.autoBodyStarts, body, starts[k]!, tokens[k]!);
    if (phrase !== undefined) return yes(`body:${phrase}`);
  }
  if (body.length <= ABSENCE_MAX_BODY && !body.includes('?')) {
    for (let k = 0; k < starts.length && starts[k]! <= 200; k++) {
      const phrase = phraseAt(tables.absence, body, starts[k]!, tokens[k]!);
      if (phrase === undefined) continue;
      const whole = fold(body);
      if (tables.absenceBlockers.some((word) => whole.includes(word))) break;
      if (tables.absenceCues.some((cue) => whole.includes(cue))) return yes(`body:${phrase}`);
      break;
    }
  }
  return { autoReply: false };
}
