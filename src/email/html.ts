/**
 * HTML e-mail bodies to plain text with `html-to-text`, keeping track of
 * where quoted history ended up: `<blockquote>` (also Apple Mail's and
 * Thunderbird's `type="cite"`), Gmail's `div.gmail_quote`, Yahoo's
 * `yahoo_quoted`, and Outlook's reply header (`#divRplyFwdMsg`,
 * `#appendonsend`, `div.OutlookMessageHeader`), after which the rest of the
 * message is the quoted one.
 *
 * Quote containers wrap their text in marker characters while converting;
 * the markers are then removed and their positions become `quoteRanges`.
 */
import { compile, type FormatCallback } from 'html-to-text';

export interface TextRange {
  start: number;
  end: number;
}

export interface HtmlText {
  text: string;
  /** Whole-line ranges of `text` that came from quote containers; sorted, not overlapping. */
  quoteRanges: TextRange[];
}

/** HTML longer than this is cut before conversion (real bodies are far shorter; big ones carry inline images). */
const MAX_HTML_LENGTH = 4_000_000;
/** Elements nested deeper than this are unwrapped before parsing (the parser slows down quadratically with depth). */
const MAX_NESTING = 160;
/** Blockquotes deeper than this keep their range but get no more "> " prefixes (each level re-copies its text). */
const MAX_PREFIXED_QUOTES = 6;

const QUOTE_START = '\uFDD0';
const QUOTE_END = '\uFDD1';
const QUOTE_TO_END = '\uFDD2';
const MARKERS = /[\uFDD0-\uFDD2]/g;

/** Blockquote depth of the conversion in progress (conversion is synchronous). */
let quoteDepth = 0;

function trimNewlines(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 10) a++;
  while (b > a && s.charCodeAt(b - 1) === 10) b--;
  return a > 0 || b < s.length ? s.slice(a, b) : s;
}

function prefixLines(s: string): string {
  return '> ' + s.replace(/\n/g, '\n> ');
}

const formatQuote: FormatCallback = (elem, walk, builder) => {
  quoteDepth++;
  const prefix = quoteDepth <= MAX_PREFIXED_QUOTES;
  builder.openBlock({ leadingLineBreaks: 2, reservedLineLength: prefix ? 2 : 0 });
  walk(elem.children ?? [], builder);
  quoteDepth--;
  builder.closeBlock({
    trailingLineBreaks: 2,
    blockTransform: (s) => {
      const body = trimNewlines(s);
      return QUOTE_START + (prefix ? prefixLines(body) : body) + QUOTE_END;
    },
  });
};

const formatQuoteContainer: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 1 });
  walk(elem.children ?? [], builder);
  builder.closeBlock({ trailingLineBreaks: 1, blockTransform: (s) => QUOTE_START + s + QUOTE_END });
};

const formatQuoteToEnd: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 1 });
  walk(elem.children ?? [], builder);
  builder.closeBlock({ trailingLineBreaks: 1, blockTransform: (s) => QUOTE_TO_END + s });
};

const formatAltText: FormatCallback = () => {
  // Images (logos, tracking pixels, inline photos) say nothing about the inquiry.
};

let converter: ((html: string) => string) | undefined;

function getConverter(): (html: string) => string {
  converter ??= compile({
    wordwrap: false,
    preserveNewlines: false,
    limits: { maxDepth: MAX_NESTING + 40, ellipsis: '', maxInputLength: MAX_HTML_LENGTH + 1 },
    formatters: { emailQuote: formatQuote, emailQuoteContainer: formatQuoteContainer, emailQuoteToEnd: formatQuoteToEnd, emailSkip: formatAltText },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'emailSkip' },
      { selector: 'hr', format: 'emailSkip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'head', format: 'skip' },
      { selector: 'title', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'table', options: { uppercaseHeaderCells: false } },
      // Outlook writes one <p class=MsoNormal> per line: keep them single-spaced.
      { selector: 'p.MsoNormal', format: 'paragraph', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'blockquote', format: 'emailQuote' },
      { selector: 'div[class*=gmail_quote]', format: 'emailQuoteContainer' },
      { selector: 'div[class*=yahoo_quoted]', format: 'emailQuoteContainer' },
      { selector: 'div[id*=yahoo_quoted]', format: 'emailQuoteContainer' },
      { selector: 'div[class*=protonmail_quote]', format: 'emailQuoteContainer' },
      { selector: 'div[id=mail-editor-reference-message-container]', format: 'emailQuoteContainer' },
      { selector: '[id$=appendonsend]', format: 'emailQuoteToEnd' },
      { selector: '[id$=divRplyFwdMsg]', format: 'emailQuoteToEnd' },
      { selector: '[class*=OutlookMessageHeader]', format: 'emailQuoteToEnd' },
    ],
  }) as (html: string) => string;
  return converter;
}

/**
 * Converts an HTML body to plain text (line breaks, lists, entities, link
 * text) and returns where the quote containers' text is. Never throws; time
 * is linear in the input (elements nested deeper than a limit are unwrapped,
 * their text kept).
 */
export function htmlToText(html: string): HtmlText {
  if (typeof html !== 'string' || html.length === 0) return { text: '', quoteRanges: [] };
  let source = html.length > MAX_HTML_LENGTH ? html.slice(0, MAX_HTML_LENGTH) : html;
  source = source.replace(MARKERS, '');
  source = limitNesting(source, MAX_NESTING);
  let raw: string;
  quoteDepth = 0;
  try {
    raw = getConverter()(source);
  } catch {
    raw = source.replace(/<[^>]*>/g, ' ');
  } finally {
    quoteDepth = 0;
  }
  return extractRanges(raw);
}

/** Removes the markers from the converted text and turns them into whole-line ranges. */
function extractRanges(raw: string): HtmlText {
  const parts: string[] = [];
  const ranges: TextRange[] = [];
  let out = 0;
  let depth = 0;
  let toEnd = false;
  let openAt = 0;
  let last = 0;
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(raw); m; m = MARKERS.exec(raw)) {
    const chunk = raw.slice(last, m.index);
    parts.push(chunk);
    out += chunk.length;
    last = m.index + 1;
    if (toEnd) continue;
    const marker = m[0];
    if (marker === QUOTE_START) {
      if (depth++ === 0) openAt = out;
    } else if (marker === QUOTE_END) {
      if (depth > 0 && --depth === 0) ranges.push({ start: openAt, end: out });
    } else {
      if (depth === 0) openAt = out;
      toEnd = true;
    }
  }
  parts.push(raw.slice(last));
  const text = parts.join('').replace(/\u00a0/g, ' ');
  if (toEnd || depth > 0) ranges.push({ start: openAt, end: text.length });
  return { text, quoteRanges: snapToLines(text, ranges) };
}

/** Widens each range to whole lines, drops empty ones and merges overlaps. */
function snapToLines(text: string, ranges: readonly TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const r of ranges) {
    const start = r.start > 0 ? text.lastIndexOf('\n', r.start - 1) + 1 : 0;
    let end = r.end;
    if (end > start && text.charCodeAt(end - 1) !== 10) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl;
    }
    if (text.slice(start, end).trim().length === 0) continue;
    const prev = out[out.length - 1];
    if (prev && start <= prev.end) prev.end = Math.max(prev.end, end);
    else out.push({ start, end });
  }
  return out;
}

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
]);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
/** Elements that an open sibling of the same name closes implicitly (`<p>a<p>b`). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

/**
 * Unwraps elements nested deeper than `max` (drops their tags, keeps their
 * text) in one linear scan, so that parsing stays fast on hostile input.
 * Returns the input itself when it is not that deep.
 */
function limitNesting(html: string, max: number): string {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: number[] = []; // pairs [start, end) of tags to remove
  const n = html.length;
  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (close < 0) break;
      i = html.indexOf('<', close + 1);
      continue;
    }
    const closing = c === 47; /* / */
    const nameStart = closing ? i + 2 : i + 1;
    let j = nameStart;
    while (j < n) {
      const ch = html.charCodeAt(j);
      const isName = (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 45 || ch === 58;
      if (!isName) break;
      j++;
    }
    if (j === nameStart) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    const gt = html.indexOf('>', j);
    if (gt < 0) break;
    if (closing) {
      const top = stack[stack.length - 1];
      if (top === name) stack.pop();
      else if ((dropped.get(name) ?? 0) > 0) {
        dropped.set(name, (dropped.get(name) ?? 0) - 1);
        cuts.push(i, gt + 1);
      } else {
        // A close tag for an element a few levels up closes those in between.
        for (let k = stack.length - 2; k >= Math.max(0, stack.length - 8); k--) {
          if (stack[k] === name) {
            stack.length = k;
            break;
          }
        }
      }
      i = html.indexOf('<', gt + 1);
      continue;
    }
    const selfClosing = html.charCodeAt(gt - 1) === 47;
    if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) {
      const endTag = findClosingTag(html, name, gt + 1);
      if (endTag < 0) break;
      i = html.indexOf('<', endTag + 2);
      continue;
    }
    if (!VOID_ELEMENTS.has(name) && !selfClosing) {
      if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop();
      if (stack.length >= max) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        cuts.push(i, gt + 1);
      } else {
        stack.push(name);
      }
    }
    i = html.indexOf('<', gt + 1);
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let last = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    parts.push(html.slice(last, cuts[k]));
    last = cuts[k + 1]!;
  }
  parts.push(html.slice(last));
  return parts.join(' ');
}

/** Index of the next `</name` (any case) from `from`, or -1. */
function findClosingTag(html: string, name: string, from: number): number {
  let at = html.indexOf('</', from);
  while (at >= 0) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
    at = html.indexOf('</', at + 2);
  }
  return -1;
}
