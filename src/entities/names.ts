/**
 * Person names for redaction, where the text makes them detectable:
 * - in the header lines of forwarded and quoted mail ("Från: Anna Svensson", "From: …", "Da: …"), and
 *   as the display name before an address ("skrev Anna Svensson <anna@…>", `"Smith, John" <…>`);
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
  'hälsningar', 'hälsning', 'hälsningar från', 'mvh', 'm.v.h.', 'm.v.h', 'vh', 'tack på förhand', 'tack och hälsningar',
  'hälsar', 'tack', 'tack för hjälpen', 'tack så mycket', 'tusen tack', 'ha det bra', 'ha en bra dag',
  'best regards', 'kind regards', 'warm regards', 'warmest regards', 'regards', 'best wishes', 'many thanks',
  'thanks in advance', 'thank you', 'thanks', 'cheers', 'sincerely', 'yours sincerely', 'yours faithfully',
  'yours truly', 'all the best', 'best', 'br', 'greetings from',
  'cordiali saluti', 'distinti saluti', 'saluti cordiali', 'cordialmente', 'saluti', 'un saluto', 'un cordiale saluto',
  'grazie mille', 'grazie', 'grazie in anticipo', 'buona giornata', 'buona serata', 'in attesa di una vostra risposta',
  'cu stimă', 'cu stima', 'cu respect', 'cu drag', 'toate cele bune', 'mulțumesc', 'mulţumesc', 'multumesc', 'mulțumiri',
  'mulţumiri', 'vă mulțumesc', 'vă mulţumesc', 'va multumesc', 'mulțumesc anticipat', 'multumesc anticipat', 'o zi bună',
  'o zi buna', 'numai bine',
];

/** Sign-offs after which a name in lower case on the same line is still taken as a name ("mvh anna"). */
const CLOSINGS = new Set([
  'med vanliga halsningar', 'med vanlig halsning', 'vanliga halsningar', 'vanlig halsning', 'basta halsningar',
  'halsningar', 'halsning', 'mvh', 'm.v.h.', 'm.v.h', 'vh', 'best regards', 'kind regards', 'warm regards',
  'warmest regards', 'regards', 'cheers', 'cordiali saluti', 'distinti saluti', 'saluti cordiali', 'saluti',
  'cu stima', 'cu respect', 'cu drag',
]);

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

/** Common words that are also first names ("Per", "Ed"): a name when capitalised where a name is expected. */
const ALSO_NAMES = new Set(['per', 'ed']);

/** Words that join two names on a sign-off line ("Anna och Erik", "Anna & Erik"). */
const JOINERS = new Set(['och', 'and', '&', 'e', 'și', 'si', 'ed']);

function alt(list: string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '[ \\t]+')
        .replace(/'/g, "['’]")
        // a letter with a diacritic, also written decomposed ("ă" as "a" + U+0306)
        .replace(/[^\x00-\x7f]/g, (c) => (c.normalize('NFD') === c ? c : `(?:${c}|${c.normalize('NFD')})`)),
    )
    .join('|');
}

/** Header lines of forwarded and quoted mail whose value is a person: "Från: Anna Svensson <…>". */
const HEADER_NAMES = ['från', 'fran', 'till', 'kopia', 'from', 'to', 'cc', 'da', 'de la', 'către', 'catre'];

interface NamePatterns {
  signOff: RegExp;
  /** "Från:", "From:", "Da:" at the start of a line. */
  header: RegExp;
  /** A name signed with a leading slash on a line of its own ("/Erik"). */
  slash: RegExp;
  greeting: RegExp;
  intro: RegExp;
  /** Single-word sign-offs and greetings are never names ("Mvh\nMvh", "Hej Hej"). */
  openers: ReadonlySet<string>;
}

let patterns: NamePatterns | undefined;

function namePatterns(): NamePatterns {
  patterns ??= {
    signOff: new RegExp(
      `(?:^|(?<=[.!?][ \\t]))[ \\t>]*(?:${alt(SIGN_OFFS)})(?![\\p{L}\\p{N}])[ \\t]*[,.!:;–/-]*[ \\t]*`,
      'gimu',
    ),
    slash: /^[ \t>]*\/[ \t]*/gm,
    header: new RegExp(`^[ \\t>]*(?:${alt(HEADER_NAMES)})[ \\t]*:[ \\t]*`, 'gimu'),
    greeting: new RegExp(`^[ \\t>]*(?:${alt(GREETINGS)})(?![\\p{L}\\p{N}])[ \\t]+`, 'gimu'),
    intro: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(INTRODUCTIONS)})[ \\t]+`, 'giu'),
    openers: new Set(
      [...SIGN_OFFS, ...GREETINGS, ...INTRODUCTIONS].filter((w) => !w.includes(' ')).map((w) => fold(w)),
    ),
  };
  return patterns;
}

/** Name words, each capitalised (particles in lower case allowed between them); marks of decomposed letters included. */
const WORD_RE = /\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Ll}[\p{Ll}\p{M}]*/uy;
/** A name in lower case: letters only. */
const LOWER_WORD_RE = /\p{Ll}[\p{Ll}\p{M}'’-]*/uy;

interface Span {
  start: number;
  end: number;
}

/** A space between the words of a name (a no-break space too). */
function isNameSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\u00a0';
}

/**
 * Reads a name starting at `pos`: up to four words separated by single spaces, at least one
 * capitalised, not a common word; a leading title ("Mr.", "Sig.ra", "Dott.ssa", "Domnul") is skipped.
 * With `wholeLine`, no word may follow the name on its line (a phone number, an emoji or punctuation
 * may), except a second name joined by "och", "and", "&" …
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
      // "Dott.ssa", "Sig.ra": the title goes on after its dot
      if (word.endsWith('.')) {
        LOWER_WORD_RE.lastIndex = i;
        const rest = LOWER_WORD_RE.exec(text);
        if (rest) i += rest[0].length + (text[i + rest[0].length] === '.' ? 1 : 0);
      }
      while (isNameSpace(text[i])) i++;
      continue;
    }
    if (!upper) {
      if (!(start >= 0 && PARTICLES.has(folded))) break;
    } else if (start >= 0 && PARTICLES.has(folded)) {
      // "Giulia De Luca": a particle written with a capital
    } else {
      if ((NOT_NAMES.has(folded) && !ALSO_NAMES.has(folded)) || openers.has(folded)) break;
      if (word.endsWith('.') && word.length > 2) {
        // "Anna." ends a sentence: keep the name without the dot
        if (start < 0) start = i;
        end = i + word.length - 1;
        words++;
        break;
      }
    }
    if (start < 0) start = i;
    if (upper && !(PARTICLES.has(folded) && end > start)) end = i + word.length;
    words++;
    i += word.length;
    if (!isNameSpace(text[i]) || !/[\p{L}]/u.test(text[i + 1] ?? '')) break;
    i++;
  }
  if (start < 0 || end <= start) return null;
  return wholeLine ? endsLine(text, start, end, openers) : { start, end };
}

/**
 * A name that must stand alone on its line: what follows it there may be a phone number, an emoji or
 * punctuation, not another word, unless that word joins a second name ("Anna och Erik").
 */
function endsLine(text: string, start: number, end: number, openers: ReadonlySet<string>): Span | null {
  let k = end;
  while (k < text.length && (isNameSpace(text[k]) || text[k] === '\t')) k++;
  if (k >= text.length) return { start, end };
  const rest = text.slice(k, k + 40);
  // punctuation, a remark in parentheses, an address, an emoji or a phone number may follow a name;
  // not a word, nor other numbers ("Thanks! Order #208811", "Tack, Stockholm 2026-11-03")
  if (/^(?:[\r\n,.!;:)(<[]|\p{Extended_Pictographic}|(?:\+|0)[\d \-–()]{7,}\d)/u.test(rest)) return { start, end };
  const joiner = /^(\p{L}+|&)[ \u00a0]+/u.exec(rest);
  if (joiner && JOINERS.has(joiner[1]!.toLowerCase())) {
    const second = readName(text, k + joiner[0].length, true, openers);
    if (second) return { start, end: second.end };
  }
  return null;
}

/**
 * A name in lower case alone on its line after a sign-off ("mvh anna svensson", "Cheers\nmike"): one to
 * three words of letters, none a common word, and nothing but punctuation after them on the line.
 */
function readLowerName(text: string, pos: number, openers: ReadonlySet<string>): Span | null {
  let i = pos;
  let words = 0;
  while (words < 3) {
    LOWER_WORD_RE.lastIndex = i;
    const m = LOWER_WORD_RE.exec(text);
    if (!m) break;
    const folded = fold(m[0]);
    if (m[0].length < 2 || NOT_NAMES.has(folded) || openers.has(folded) || PARTICLES.has(folded)) return null;
    words++;
    i += m[0].length;
    if (!isNameSpace(text[i]) || !/\p{Ll}/u.test(text[i + 1] ?? '')) break;
    i++;
  }
  if (words === 0) return null;
  let k = i;
  while (k < text.length && text[k] !== '\n') {
    if (/[\p{L}\p{N}]/u.test(text[k] as string)) return null;
    k++;
  }
  return { start: pos, end: i };
}

/** An address right after `at`: `<name@domain>` (the "[mailto:" form needs no check). */
const ADDRESS_RE = /<[^<>\s@]{1,64}@[^<>\s]{1,255}>/y;

/** The display name before the address that opens at `at`: quoted, or the capitalised words before it. */
function displayNameBefore(scan: Scan, text: string, at: number, openers: ReadonlySet<string>): void {
  if (text.charCodeAt(at) === 60 /* < */) {
    ADDRESS_RE.lastIndex = at;
    if (!ADDRESS_RE.test(text)) return;
  }
  let k = at;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  const quote = text[k - 1];
  if (quote === '"' || quote === "'") {
    // the opening quote on the same line, at most 80 characters back
    let open = k - 2;
    while (open >= 0 && k - 2 - open < 80 && text[open] !== quote && text[open] !== '\n') open--;
    if (open >= 0 && text[open] === quote && /\p{L}/u.test(text.slice(open + 1, k - 1))) scan.addLoose('name', open + 1, k - 1);
    return;
  }
  const name = nameBefore(text, at, openers);
  if (name) scan.addLoose('name', name.start, name.end);
}

/**
 * The name that ends at `end` (spaces before an address skipped): one to four capitalised words on the
 * same line, read backwards, none a common word.
 */
function nameBefore(text: string, end: number, openers: ReadonlySet<string>): Span | null {
  let k = end;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t' || text[k - 1] === '\u00a0')) k--;
  const stop = k;
  let start = -1;
  for (let words = 0; words < 4; words++) {
    let b = k;
    while (b > 0 && /[\p{L}\p{M}'’.-]/u.test(text[b - 1] as string)) b--;
    const word = text.slice(b, k);
    if (!word || !/^\p{Lu}/u.test(word)) break;
    const folded = fold(word.replace(/\.$/, ''));
    if ((NOT_NAMES.has(folded) && !ALSO_NAMES.has(folded) && !PARTICLES.has(folded)) || openers.has(folded) || TITLES.has(folded)) break;
    start = b;
    if (b === 0 || !isNameSpace(text[b - 1])) break;
    k = b - 1;
  }
  return start >= 0 ? { start, end: stop } : null;
}

/** Whether only spaces stand between `from` and the end of its line. */
function restOfLineEmpty(text: string, from: number): number {
  let k = from;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
  return k < text.length && text[k] !== '\n' ? -1 : k;
}

/** Names right after each match of `re` (a global regex), standing alone on their line when `wholeLine`. */
function namesAfter(scan: Scan, re: RegExp, wholeLine: boolean, openers: ReadonlySet<string>): void {
  const text = scan.text;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const name = readName(text, m.index + m[0].length, wholeLine, openers);
    if (name) scan.addLoose('name', name.start, name.end);
  }
}

export function scanNames(scan: Scan): void {
  const text = scan.text;
  const { signOff, slash, header, greeting, intro, openers } = namePatterns();
  let m: RegExpExecArray | null;
  signOff.lastIndex = 0;
  while ((m = signOff.exec(text))) {
    const after = m.index + m[0].length;
    if (m[0].length === 0) {
      signOff.lastIndex++;
      continue;
    }
    const closing = CLOSINGS.has(fold(m[0].replace(/^[\s>]+|[\s,.!:;–/-]+$/g, '').replace(/[ \t]+/g, ' ')));
    const sameLine = readName(text, after, true, openers) ?? (closing ? readLowerName(text, after, openers) : null);
    if (sameLine) {
      scan.addLoose('name', sameLine.start, sameLine.end);
      continue;
    }
    // nothing else on the sign-off line: the name is on the next non-empty line
    let k = restOfLineEmpty(text, after);
    if (k < 0) continue;
    let lines = 0;
    while (k < text.length && lines < 5 && /\s/.test(text[k] as string)) {
      if (text[k] === '\n') lines++;
      k++;
    }
    if (text[k] === '/') k++; // "Mvh\n/Anna"
    const next = readName(text, k, true, openers) ?? readLowerName(text, k, openers);
    if (next) scan.addLoose('name', next.start, next.end);
  }
  // A name signed with a slash ("/Erik") and the value of a mail header line ("Från: Anna Svensson").
  namesAfter(scan, slash, true, openers);
  namesAfter(scan, header, true, openers);
  // The name before an address ("… skrev Anna Svensson <anna@…>:", `"Smith, John" <john@…>`, "Mario
  // Rossi [mailto:…]"): found from each "<" or "[mailto:" that opens an address, read backwards.
  if (text.includes('@')) {
    for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) displayNameBefore(scan, text, at, openers);
    for (let at = text.indexOf('[mailto:'); at >= 0; at = text.indexOf('[mailto:', at + 1)) displayNameBefore(scan, text, at, openers);
  }
  namesAfter(scan, greeting, true, openers);
  namesAfter(scan, intro, false, openers);
}
