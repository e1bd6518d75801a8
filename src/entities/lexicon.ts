import { LANGUAGES } from '../languages';
import type { ResolvedEntityConfig } from './config';
import { BackwardTokens, ForwardTokens, isDigitCode, isLetterCode, isUpperCode, reverseWordHash, tokenizePhrase, wordHash } from './text';

/**
 * What a nearby word says a number is. `other` covers everything that must not become an order,
 * phone or personal id: invoices, customer and article numbers, postal codes, bank references,
 * discount codes, versions.
 */
export type Label = 'order' | 'case' | 'tracking' | 'phone' | 'personalId' | 'other' | 'none';

/** Little words skipped between a context word and its number ("ordernummer är 123", "comanda nr. 1"). */
const FILLERS = [
  // sv
  'ar', 'var', 'nr', 'nummer', 'numret', 'mitt', 'min', 'mina', 'vart', 'ert', 'er', 'ditt', 'din', 'med',
  'pa', 'for', 'av', 'en', 'ett', 'den', 'det', 'har', 'hade', 'mig', 'mej', 'som', 'id', 'ref', 'nytt', 'nya',
  // en
  'is', 'was', 'my', 'our', 'your', 'the', 'a', 'an', 'number', 'no', 'num', 'of', 'with', 'me', 'at', 'on',
  'reference', 'here', 'new', 'us', 'code', 'it', 'its', 'has', 'had', 'have', 'be', 'should',
  // it
  'e', 'il', 'lo', 'la', 'l', 'mio', 'mia', 'nostro', 'nostra', 'vostro', 'vostra', 'suo', 'numero', 'n', 'nº',
  'di', 'del', 'della', 'dell', 'con', 'al', 'per', 'mi', 'rif', 'riferimento', 'codice', 'cod', 'ha', 'aveva',
  // ro
  'este', 'nr', 'numar', 'numarul', 'al', 'mea', 'meu', 'mele', 'nostru', 'noastra', 'cu', 'pe', 'de', 'la',
  'pentru', 'ma', 'dumneavoastra', 'era', 'avea', 'fost',
];

/** Words that mark a number as something other than an order, case, tracking or phone number. */
const OTHER_WORDS = [
  // invoices, payments, bank
  'faktura', 'fakturan', 'fakturanummer', 'fakturanumret', 'fakturanr', 'invoice', 'invoice number', 'inv',
  'fattura', 'fatture', 'numero fattura', 'factura', 'facturii', 'facturi', 'ocr', 'ocr-nummer', 'bankgiro',
  'plusgiro', 'bg', 'pg', 'konto', 'kontonummer', 'clearingnummer', 'clearing', 'account', 'conto', 'cont',
  'kvitto', 'receipt', 'ricevuta', 'scontrino', 'chitanta', 'bon',
  // customers, members, articles, products
  'kundnummer', 'kundnumret', 'kundnr', 'kund-id', 'customer', 'customer number', 'customer id', 'cliente',
  'codice cliente', 'client', 'cod client', 'medlemsnummer', 'member', 'membership', 'tessera',
  'artikelnummer', 'artikelnr', 'artnr', 'art', 'artikel', 'article', 'item', 'sku', 'ean', 'gtin',
  'articolo', 'cod articol', 'produs', 'cod produs', 'produkt', 'product', 'prodotto', 'modell',
  'model', 'modello', 'serienummer', 'serial', 'serial number', 'imei', 'seriale', 'numero di serie', 'serie',
  // postal codes, addresses
  'postnummer', 'postnr', 'postkod', 'postcode', 'post code', 'postal code', 'zip', 'zip code', 'cap',
  // not "via": the Italian street word is followed by the street name, not by a number, and "via" is
  // also the Swedish and English preposition ("nå mig via 070-123 45 67", "reach me via +46 …")
  'codice postale', 'cod postal', 'box', 'lgh', 'lagenhet', 'lagenhetsnummer', 'strada', 'str', 'gatan',
  'vagen', 'bloc', 'ap', 'apartament', 'scara',
  // codes, versions, misc
  'rabattkod', 'kod', 'pin', 'pinkod', 'discount', 'voucher', 'coupon', 'presentkort', 'gift card', 'buono',
  'sconto', 'cupon', 'reducere', 'version', 'versione', 'versiunea', 'versionen', 'ver', 'v', 'firmware',
  'build', 'iphone', 'galaxy', 'rtx', 'gtx', 'ryzen', 'core', 'pixel', 'storlek', 'size', 'taglia', 'marime',
  'vikt', 'weight', 'peso', 'greutate', 'pris', 'price', 'prezzo', 'pret', 'totalt', 'total', 'totale',
];

const PHONE_WORDS = [
  'tel', 'telefon', 'telefonnummer', 'telefonnumret', 'telefonnr', 'mobil', 'mobilnummer', 'mobilnumret',
  'mobilnr', 'mobilen', 'ring', 'ringa', 'sms', 'whatsapp', 'phone', 'phone number', 'mobile', 'cell',
  'cellphone', 'call', 'telephone', 'fax', 'telefono', 'numero di telefono', 'cellulare', 'cell.',
  'chiamare', 'chiamatemi', 'numar de telefon', 'telefonul', 'mobilul', 'sunati', 'suna',
  // a Swish number is the customer's mobile number ("tillbaka via Swish 070-123 45 67")
  'swish', 'swishnummer', 'swishnumret',
];

const PERSONAL_ID_WORDS = [
  'personnummer', 'personnumret', 'personnr', 'pnr', 'samordningsnummer', 'personal number', 'personal id',
  'national id', 'id number', 'ssn', 'social security number', 'codice fiscale', 'cf', 'c.f', 'cnp',
  'cod numeric personal',
];

/**
 * Units and counters that make a number a quantity ("3 st", "2 pezzi", "12 buc"). Compared in lower
 * case with diacritics kept ("år" is a unit, "är" is not).
 */
const UNIT_WORDS = [
  'st', 'stk', 'styck', 'pcs', 'pc', 'pieces', 'piece', 'pz', 'pezzi', 'pezzo', 'buc', 'bucăți', 'bucăţi',
  'bucati', 'bucată', 'bucata', 'x', 'kg', 'g', 'gr', 'mg', 'l', 'ml', 'cl', 'dl', 'cm', 'mm', 'm', 'km', 'mah',
  'w', 'kw', 'v', 'gb', 'tb', 'mb', 'hz', 'mhz', 'ghz', 'dagar', 'dar', 'days', 'giorni', 'zile', 'timmar',
  'hours', 'ore', 'minuter', 'minutes', 'minuti', 'minute', 'veckor', 'weeks', 'settimane', 'săptămâni',
  'saptamani', 'månader', 'manader', 'months', 'mesi', 'luni', 'år', 'years', 'anni', 'ani', 'procent',
  'percent', 'poäng', 'points', 'punti', 'puncte', 'kr', 'sek', 'eur', 'euro', 'lei', 'ron', 'usd', 'gbp',
];

export interface Lexicon {
  readonly fillers: ReadonlySet<string>;
  readonly units: ReadonlySet<string>;
  /** Phrase (folded tokens joined by a space, fillers removed) → label. */
  readonly phrases: ReadonlyMap<string, Label>;
  readonly maxPhraseWords: number;
  /** Words that end / start some phrase: a quick negative test before assembling phrases. */
  readonly lastWords: ReadonlySet<string>;
  readonly firstWords: ReadonlySet<string>;
  /** Every ending of a phrase ("numero", "di numero", …): reading further back cannot match otherwise. */
  readonly phraseEnds: ReadonlySet<string>;
  /**
   * The fillers and phrase words made of ASCII letters, by `reverseWordHash` / `wordHash`: a plain
   * word read from the text is looked up and compared in place, without building its string.
   */
  readonly wordsBefore: ReadonlyMap<number, readonly string[]>;
  readonly wordsAfter: ReadonlyMap<number, readonly string[]>;
}

function byHash(words: Iterable<string>, hash: (word: string) => number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    if (!/^[a-z]+$/.test(w)) continue;
    const h = hash(w);
    const list = out.get(h);
    if (list) list.push(w);
    else out.set(h, [w]);
  }
  return out;
}

/** The word of `table` that text[start, end) spells (ASCII letters, any case), if any. */
function knownWord(table: ReadonlyMap<number, readonly string[]>, text: string, start: number, end: number, hash: number): string | undefined {
  const words = table.get(hash);
  if (words === undefined) return undefined;
  next: for (const w of words) {
    if (w.length !== end - start) continue;
    for (let k = 0; k < w.length; k++) if ((text.charCodeAt(start + k) | 32) !== w.charCodeAt(k)) continue next;
    return w;
  }
  return undefined;
}

export function compileLexicon(config: ResolvedEntityConfig): Lexicon {
  const fillers = new Set(FILLERS);
  const phrases = new Map<string, Label>();
  let maxPhraseWords = 1;
  const lastWords = new Set<string>();
  const firstWords = new Set<string>();
  const add = (phrase: string, label: Label): void => {
    const tokens = tokenizePhrase(phrase).filter((t) => !fillers.has(t));
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (!phrases.has(key)) phrases.set(key, label);
    lastWords.add(tokens[tokens.length - 1] as string);
    firstWords.add(tokens[0] as string);
    maxPhraseWords = Math.max(maxPhraseWords, tokens.length);
  };
  // Configured words win over the built-in lists; case words before order words before tracking words.
  for (const lang of LANGUAGES) for (const w of config.caseNumbers.contextWords[lang]) add(w, 'case');
  for (const lang of LANGUAGES) for (const w of config.orderNumbers.contextWords[lang]) add(w, 'order');
  for (const lang of LANGUAGES) for (const w of config.trackingWords[lang]) add(w, 'tracking');
  for (const w of PERSONAL_ID_WORDS) add(w, 'personalId');
  for (const w of PHONE_WORDS) add(w, 'phone');
  for (const w of OTHER_WORDS) add(w, 'other');
  const phraseEnds = new Set<string>();
  const words = new Set<string>();
  for (const key of phrases.keys()) {
    const tokens = key.split(' ');
    for (let i = tokens.length - 1; i >= 0; i--) phraseEnds.add(tokens.slice(i).join(' '));
    for (const t of tokens) words.add(t);
  }
  return {
    fillers,
    units: new Set(UNIT_WORDS),
    phrases,
    maxPhraseWords: Math.min(maxPhraseWords, 4),
    lastWords,
    firstWords,
    phraseEnds,
    wordsBefore: byHash([...fillers, ...words], reverseWordHash),
    wordsAfter: byHash([...fillers, ...words], wordHash),
  };
}

const MAX_FILLERS = 4;

/**
 * Fillers that keep an order, case or tracking word attached to the number after it: numbering
 * words, "is" and articles ("ordernummer är 0701234567", "order no. …", "l'ordine è il …"). Any
 * other filler in between says the number is something else: "ring mig om min order på 070-123 45
 * 67", "call me about my order on 0701234567".
 */
const ATTACHING_FILLERS = new Set([
  'ar', 'var', 'nr', 'nummer', 'numret', 'id', 'ref', 'en', 'ett', 'den', 'det',
  'is', 'was', 'number', 'no', 'num', 'reference', 'code', 'the', 'a', 'an',
  'e', 'il', 'lo', 'la', 'l', 'numero', 'n', 'nº', 'rif', 'riferimento', 'codice', 'cod',
  'este', 'numar', 'numarul', 'era', 'fost',
]);

/**
 * Whether the label word before `pos` (an order, case or tracking word found by `labelBefore`)
 * is written right before the number, with at most attaching fillers between them.
 */
export function labelWordAdjacent(lex: Lexicon, text: string, pos: number): boolean {
  const it = new BackwardTokens(text, pos, 72);
  for (let k = 0; k <= MAX_FILLERS; k++) {
    if (!it.advance() || it.digits) return true;
    const word = it.word();
    if (!lex.fillers.has(word)) return true; // the label word itself
    if (!ATTACHING_FILLERS.has(word)) return false;
  }
  return true;
}

/**
 * Bare words for the customer: "Kund: 0701234567" names the customer by a phone number, while
 * "kundnummer", "kund-id" and "customer number" name a customer number (all label 'other').
 */
const CUSTOMER_WORDS = new Set(['kund', 'customer', 'client', 'cliente']);

/** Whether the word right before `pos` is a bare customer word ("Kund: …", "Customer …"). */
export function customerWordBefore(text: string, pos: number): boolean {
  const it = new BackwardTokens(text, pos, 24);
  return it.advance() && !it.digits && CUSTOMER_WORDS.has(it.word());
}

/** The label given by the words just before `pos` ("ordernummer är |4481923"). */
export function labelBefore(lex: Lexicon, text: string, pos: number): Label {
  const it = new BackwardTokens(text, pos, 72);
  // ends[n - 1]: the n content words nearest to `pos`, in text order, joined by spaces
  const ends: string[] = [];
  let fillers = 0;
  for (let k = 0; k < MAX_FILLERS + lex.maxPhraseWords + 2; k++) {
    if (!it.advance() || it.digits) break;
    const first = ends.length === 0;
    // a plain word is found in the table without building its string; one that is not there is
    // no filler and in no phrase (most numbers have no label)
    const word = it.plain ? knownWord(lex.wordsBefore, text, it.start, it.end, it.hash) : it.word();
    if (word === undefined) {
      if (first) return 'none';
      break;
    }
    if (lex.fillers.has(word)) {
      if (first && ++fillers > MAX_FILLERS) break;
      continue;
    }
    if (first) {
      if (!lex.lastWords.has(word)) return 'none';
      ends.push(word);
    } else {
      const end = `${word} ${ends[ends.length - 1] as string}`;
      // no phrase ends with these words, so none ends with more of them either
      if (!lex.phraseEnds.has(end)) break;
      ends.push(end);
    }
    if (ends.length >= lex.maxPhraseWords) break;
  }
  for (let n = ends.length; n >= 1; n--) {
    const label = lex.phrases.get(ends[n - 1] as string);
    if (label) return label;
  }
  return 'none';
}

/** The label given by the words just after `end` ("4481923 är mitt ordernummer"). */
export function labelAfter(lex: Lexicon, text: string, end: number): Label {
  const it = new ForwardTokens(text, end, 48);
  let first: string | undefined;
  for (let k = 0; k < MAX_FILLERS + 2; k++) {
    if (!it.advance() || it.digits) break;
    // as in labelBefore: a plain word that is not in the table is no filler and in no phrase
    const word = it.plain ? knownWord(lex.wordsAfter, text, it.start, it.end, it.hash) : it.word();
    if (word === undefined) {
      if (first === undefined) return 'none';
      break;
    }
    if (lex.fillers.has(word)) continue;
    if (first === undefined) {
      if (!lex.firstWords.has(word)) return 'none';
      first = word;
      continue;
    }
    const two = lex.phrases.get(`${first} ${word}`);
    if (two) return two;
    break;
  }
  return first !== undefined ? (lex.phrases.get(first) ?? 'none') : 'none';
}

/** The number at `end` is directly followed by a unit or counter ("3 st", "12 pezzi", "5 kg"). */
export function followedByUnit(lex: Lexicon, text: string, end: number): boolean {
  let i = end;
  if (i < text.length && text.charCodeAt(i) === 32) i++;
  if (i < text.length && text.charCodeAt(i) === 37) return true; // %
  let j = i;
  while (j < text.length && j - i < 12 && isLetterCode(text.charCodeAt(j))) j++;
  if (j === i || (j < text.length && isDigitCode(text.charCodeAt(j)))) return false;
  return lex.units.has(text.slice(i, j).toLowerCase());
}

/**
 * Postal-code shape in an address: a 5–6 digit number followed on the same line by a capitalised
 * place name that ends the line or the clause ("20121 Milano", "400123 Cluj-Napoca,").
 */
export function followedByPlaceName(text: string, end: number): boolean {
  let i = end;
  if (i >= text.length || text.charCodeAt(i) !== 32) return false;
  i++;
  if (i >= text.length || !isUpperCode(text.charCodeAt(i))) return false;
  for (let words = 0; words < 3; words++) {
    const wordStart = i;
    while (i < text.length && i - wordStart < 40 && (isLetterCode(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    if (i >= text.length) return true;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 44 || c === 46 || c === 59 || c === 41) return true;
    if (c !== 32 || i + 1 >= text.length || !isUpperCode(text.charCodeAt(i + 1))) return false;
    i++;
  }
  return false;
}
