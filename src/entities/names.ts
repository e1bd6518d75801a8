/**
 * Person names for redaction, where the text makes them detectable:
 * - after a sign-off ("Mvh Anna Svensson", "Hälsningar,\nErik", "Best regards, John Smith",
 *   "Cordiali saluti, Marco Rossi", "Cu stimă,\nIon Popescu"), on the same or the next line;
 * - after a greeting at the start of a line ("Hej Anna,", "Dear Mr. Smith,", "Buongiorno Marco,");
 * - after a self-introduction ("Jag heter Anna Berg", "My name is …", "Mi chiamo …", "Mă numesc …").
 * A name is one to four capitalised words (with lower-case particles such as "van", "di", "de").
 */
import type { Scan } from './candidates';
import { fold } from './text';

const SIGN_OFFS = [
  'med vänliga hälsningar', 'med vänlig hälsning', 'vänliga hälsningar', 'vänlig hälsning', 'bästa hälsningar',
  'hälsningar', 'hälsning', 'mvh', 'm.v.h.', 'm.v.h', 'vh', 'tack på förhand', 'tack och hälsningar', 'hälsar',
  'best regards', 'kind regards', 'warm regards', 'warmest regards', 'regards', 'best wishes', 'many thanks',
  'thanks in advance', 'thank you', 'thanks', 'cheers', 'sincerely', 'yours sincerely', 'yours faithfully',
  'yours truly', 'all the best', 'best',
  'cordiali saluti', 'distinti saluti', 'cordialmente', 'saluti', 'un saluto', 'un cordiale saluto',
  'grazie mille', 'grazie', 'in attesa di una vostra risposta',
  'cu stimă', 'cu stima', 'cu respect', 'toate cele bune', 'mulțumesc', 'mulţumesc', 'multumesc', 'mulțumiri',
  'mulţumiri', 'o zi bună', 'o zi buna', 'numai bine',
];

const GREETINGS = [
  'hej', 'hejsan', 'hallå', 'tjena', 'god morgon', 'god dag', 'goddag', 'kära', 'bästa',
  'hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening',
  'ciao', 'salve', 'gentile', 'gentilissimo', 'gentilissima', 'egregio', 'caro', 'cara', 'buongiorno',
  'buonasera',
  'bună ziua', 'buna ziua', 'bună seara', 'buna seara', 'bună', 'buna', 'salut', 'stimate', 'stimată',
  'stimata', 'dragă', 'draga',
];

const INTRODUCTIONS = [
  'jag heter', 'mitt namn är', 'mitt namn ar', 'my name is', 'i am', "i'm", 'this is', 'mi chiamo',
  'il mio nome è', 'il mio nome e', 'sono', 'mă numesc', 'ma numesc', 'mă cheamă', 'ma cheama',
  'numele meu este', 'numele meu e', 'sunt',
];

/** Capitalised words after a greeting or sign-off that are not names. */
const NOT_NAMES = new Set([
  'support', 'team', 'teamet', 'kundtjanst', 'kundservice', 'customer', 'service', 'services', 'sir', 'sirs',
  'madam', 'madame', 'all', 'everyone', 'there', 'friends', 'tutti', 'voi', 'signori', 'staff', 'servizio',
  'clienti', 'assistenza', 'echipa', 'echipă', 'domnule', 'doamna', 'doamnă', 'domnilor', 'alla', 'er', 'ni',
  'igen', 'again', 'hello', 'hej', 'tack', 'thanks', 'grazie', 'ok', 'jag', 'vi', 'we', 'i', 'you', 'io',
  'noi', 'eu', 'det', 'it', 'this', 'the', 'den', 'har', 'not', 'very', 'so', 'sorry', 'interessato',
  'interessata', 'molto', 'un', 'una', 'foarte', 'nu', 'disperato', 'disperata', 'stanco', 'stanca',
  'shop', 'webshop', 'butik', 'butiken', 'negozio', 'magazin', 'inte', 'också', 'fortfarande', 'ancora',
  'anche', 'din', 'de', 'la', 'cu', 'in', 'pe', 'dar', 'e', 'och', 'and', 'ed', 'si', 'și', 'från', 'from',
  'da', 'di', 'per', 'på', 'on', 'for', 'för', 'med', 'with', 'con',
]);

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'herr', 'fru', 'sig', 'sigra', 'sig.ra', 'dott', 'dottssa', 'dott.ssa', 'ing',
  'avv', 'prof', 'domnul', 'domnule', 'doamna', 'doamnă', 'dl', 'dna',
]);

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'di', 'da', 'del', 'della', 'af', 'la', 'le', 'du', 'dos', 'do']);

function alt(list: string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+').replace(/'/g, "['’]"))
    .join('|');
}

interface NamePatterns {
  signOff: RegExp;
  greeting: RegExp;
  intro: RegExp;
  /** Single-word sign-offs and greetings are never names ("Mvh\nMvh", "Hej Hej"). */
  openers: ReadonlySet<string>;
}

let patterns: NamePatterns | undefined;

function namePatterns(): NamePatterns {
  patterns ??= {
    signOff: new RegExp(
      `(?:^|(?<=[.!?][ \\t]))[ \\t>]*(?:${alt(SIGN_OFFS)})(?![\\p{L}\\p{N}])[ \\t]*[,.!:;–-]*[ \\t]*`,
      'gimu',
    ),
    greeting: new RegExp(`^[ \\t>]*(?:${alt(GREETINGS)})(?![\\p{L}\\p{N}])[ \\t]+`, 'gimu'),
    intro: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(INTRODUCTIONS)})[ \\t]+`, 'giu'),
    openers: new Set(
      [...SIGN_OFFS, ...GREETINGS, ...INTRODUCTIONS].filter((w) => !w.includes(' ')).map((w) => fold(w)),
    ),
  };
  return patterns;
}

/** Name words, each capitalised (particles in lower case allowed between them). */
const WORD_RE = /\p{Lu}[\p{L}'’-]*\.?|[\p{Ll}]+/uy;

interface Span {
  start: number;
  end: number;
}

/**
 * Reads a name starting at `pos`: up to four words separated by single spaces, at least one
 * capitalised, not a common word; a leading title ("Mr.", "Sig.", "Domnul") is skipped.
 * With `wholeLine`, the name must end the line (or be followed by punctuation).
 */
function readName(text: string, pos: number, wholeLine: boolean, openers: ReadonlySet<string>): Span | null {
  let i = pos;
  let start = -1;
  let end = -1;
  let words = 0;
  while (words < 4 && i < text.length) {
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const word = m[0];
    const folded = fold(word.replace(/\.$/, ''));
    const upper = word[0] !== word[0]?.toLowerCase();
    if (start < 0 && TITLES.has(folded.replace(/\./g, ''))) {
      i += word.length;
      while (text[i] === ' ') i++;
      continue;
    }
    if (!upper) {
      if (!(start >= 0 && PARTICLES.has(folded))) break;
    } else {
      if (NOT_NAMES.has(folded) || openers.has(folded)) break;
      if (word.endsWith('.') && word.length > 2) {
        // "Anna." ends a sentence: keep the name without the dot
        if (start < 0) start = i;
        end = i + word.length - 1;
        words++;
        break;
      }
    }
    if (start < 0) start = i;
    if (upper) end = i + word.length;
    words++;
    i += word.length;
    if (text[i] !== ' ' || !/[\p{L}]/u.test(text[i + 1] ?? '')) break;
    i++;
  }
  if (start < 0 || end <= start) return null;
  if (wholeLine) {
    let k = end;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k < text.length && !/[\r\n,.!;:)]/.test(text[k] as string)) return null;
  }
  return { start, end };
}

export function scanNames(scan: Scan): void {
  const text = scan.text;
  const { signOff, greeting, intro, openers } = namePatterns();
  let m: RegExpExecArray | null;
  signOff.lastIndex = 0;
  while ((m = signOff.exec(text))) {
    const after = m.index + m[0].length;
    if (m[0].length === 0) {
      signOff.lastIndex++;
      continue;
    }
    const sameLine = readName(text, after, true, openers);
    if (sameLine) {
      scan.addLoose('name', sameLine.start, sameLine.end);
      continue;
    }
    // nothing else on the sign-off line: the name is on the next non-empty line
    let k = after;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
    if (k < text.length && text[k] !== '\n') continue;
    let lines = 0;
    while (k < text.length && lines < 3 && /\s/.test(text[k] as string)) {
      if (text[k] === '\n') lines++;
      k++;
    }
    const next = readName(text, k, true, openers);
    if (next) scan.addLoose('name', next.start, next.end);
  }
  greeting.lastIndex = 0;
  while ((m = greeting.exec(text))) {
    if (m[0].length === 0) {
      greeting.lastIndex++;
      continue;
    }
    const name = readName(text, m.index + m[0].length, true, openers);
    if (name) scan.addLoose('name', name.start, name.end);
  }
  intro.lastIndex = 0;
  while ((m = intro.exec(text))) {
    const name = readName(text, m.index + m[0].length, false, openers);
    if (name) scan.addLoose('name', name.start, name.end);
  }
}
