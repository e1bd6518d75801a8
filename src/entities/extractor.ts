import { isLanguage } from '../languages';
import { scanAmounts } from './amounts';
import { Scan, type Candidate } from './candidates';
import { sortInPlace } from '../arrays';
import { resolveEntityConfig, type EntityConfig } from './config';
import { parseReceivedAt, scanDates } from './dates';
import { scanEmails, scanObfuscatedEmails } from './emails';
import { scanCards, scanIbans } from './finance';
import { compileLexicon } from './lexicon';
import { scanNames } from './names';
import { scanPersonalIds } from './personal';
import { scanPhones } from './phones';
import { compileReferences, scanReferences } from './references';
import { scanStructuredTracking } from './tracking';
import type { Amount, Entities, Entity, EntityExtractor, ExtractContext, PhoneRegion } from './types';

const PLACEHOLDER: Record<string, string> = {
  emails: '[EMAIL]',
  phones: '[PHONE]',
  personalIds: '[PERSONAL_ID]',
  ibans: '[IBAN]',
  cards: '[CARD]',
  name: '[NAME]',
};

function emptyEntities(): Entities {
  return {
    orderNumbers: [],
    trackingNumbers: [],
    emails: [],
    phones: [],
    amounts: [],
    dates: [],
    personalIds: [],
    ibans: [],
    cards: [],
    caseNumbers: [],
  };
}

function byPrecedence(a: Candidate, b: Candidate): number {
  return a.tier - b.tier || a.start - b.start || b.end - b.start - (a.end - a.start);
}

/**
 * Keeps, in precedence order, every candidate that does not overlap one already kept.
 * Returns the kept candidates sorted by position.
 */
export function resolveOverlaps(candidates: Candidate[], textLength: number): Candidate[] {
  sortInPlace(candidates, byPrecedence);
  const kept: Candidate[] = [];
  if (candidates.length <= 48) {
    for (const c of candidates) {
      let free = c.end > c.start;
      for (const k of kept) {
        if (c.start < k.end && k.start < c.end) {
          free = false;
          break;
        }
      }
      if (free) kept.push(c);
    }
  } else {
    const taken = new Uint8Array(textLength);
    for (const c of candidates) {
      let free = c.end > c.start;
      for (let i = c.start; i < c.end && free; i++) if (taken[i] === 1) free = false;
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      kept.push(c);
    }
  }
  return sortInPlace(kept, (a, b) => a.start - b.start);
}

const LANGUAGE_REGION: Record<string, PhoneRegion> = { sv: 'SE', it: 'IT', ro: 'RO' };
const REGIONS = new Set<string>(['SE', 'IT', 'RO', 'GB']);

export function createEntityExtractor(config?: EntityConfig, options?: { readonly validated?: boolean }): EntityExtractor {
  const resolved = resolveEntityConfig(config, options?.validated === true);
  const lex = compileLexicon(resolved);
  const refs = compileReferences(resolved.orderNumbers, resolved.caseNumbers);

  function collect(text: string, context: ExtractContext | undefined, loose: boolean): Candidate[] {
    const language = isLanguage(context?.language) ? context.language : undefined;
    const explicit = context?.defaultRegion;
    const region: PhoneRegion =
      typeof explicit === 'string' && REGIONS.has(explicit)
        ? explicit
        : ((language && LANGUAGE_REGION[language]) ?? resolved.defaultRegion);
    const ref = parseReceivedAt(context?.receivedAt);
    const scan = new Scan(text, lex, loose);

    scan.indexDigits();
    const total = scan.totalDigits;
    const maxCluster = scan.maxCluster;

    if (text.includes('@')) scanEmails(scan);
    scanObfuscatedEmails(scan);
    if (total > 0) {
      if (total >= 10) scanIbans(scan);
      if (maxCluster >= 13) scanCards(scan);
      if (total >= 5) scanPersonalIds(scan, maxCluster);
      scanStructuredTracking(scan, maxCluster);
      scanAmounts(scan, language);
      if (maxCluster >= 6) scanPhones(scan, region);
    }
    scanDates(scan, ref, language, total > 0);
    // context-based references last: they skip digits already taken by the scanners above
    if (total > 0) scanReferences(scan, refs);
    if (loose) scanNames(scan);
    return resolveOverlaps(scan.out, text.length);
  }

  function extract(text: string, context?: ExtractContext): Entities {
    const out = emptyEntities();
    if (typeof text !== 'string' || text.length === 0) return out;
    let kept: Candidate[];
    try {
      kept = collect(text, context, false);
    } catch {
      return out;
    }
    for (const c of kept) {
      if (c.loose || c.type === 'name') continue;
      const value = text.slice(c.start, c.end);
      if (c.type === 'amounts') {
        out.amounts.push({ value, normalized: c.normalized as Amount, start: c.start, end: c.end });
      } else {
        (out[c.type] as Entity[]).push({ value, normalized: c.normalized as string, start: c.start, end: c.end });
      }
    }
    return out;
  }

  function redact(text: string, context?: ExtractContext): string {
    if (typeof text !== 'string' || text.length === 0) return typeof text === 'string' ? text : '';
    let kept: Candidate[];
    try {
      kept = collect(text, context, true);
    } catch {
      return fallbackRedact(text);
    }
    const parts: string[] = [];
    let pos = 0;
    for (const c of kept) {
      const placeholder = PLACEHOLDER[c.type];
      if (!placeholder) continue;
      parts.push(text.slice(pos, c.start), placeholder);
      pos = c.end;
    }
    parts.push(text.slice(pos));
    return parts.join('');
  }

  return Object.freeze({ extract, redact });
}

/** Last resort if scanning ever failed: remove every e-mail-like token and every long digit run. */
function fallbackRedact(text: string): string {
  return text.replace(/[^\s@]{0,64}@[^\s@]{1,253}/g, '[EMAIL]').replace(/\+?\d[\d \-.]{5,}\d/g, '[PHONE]');
}
