import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, extractEntities, type Entities } from '../../src/entities';
import { TIER, type Candidate } from '../../src/entities/candidates';
import { resolveOverlaps } from '../../src/entities/extractor';

function cand(type: Candidate['type'], start: number, end: number, tier: number): Candidate {
  return { type, start, end, normalized: '', tier, loose: false };
}

function spans(e: Entities): [string, string][] {
  const out: [string, string, number][] = [];
  for (const t of ENTITY_TYPES) for (const x of e[t]) out.push([t, x.value, x.start]);
  return out.sort((a, b) => a[2] - b[2]).map(([t, v]) => [t, v]);
}

describe('overlap resolution', () => {
  it('keeps the candidate of highest precedence, then the earliest and longest', () => {
    const kept = resolveOverlaps(
      [
        cand('orderNumbers', 0, 10, TIER.orderNumber),
        cand('phones', 0, 10, TIER.phone),
        cand('ibans', 5, 20, TIER.iban),
        cand('dates', 20, 25, TIER.date),
        cand('amounts', 22, 30, TIER.amount),
        cand('caseNumbers', 30, 34, TIER.caseNumber),
        cand('caseNumbers', 30, 36, TIER.caseNumber),
      ],
      40,
    );
    expect(kept.map((c) => [c.type, c.start, c.end])).toEqual([
      ['ibans', 5, 20],
      ['amounts', 22, 30],
      ['caseNumbers', 30, 36],
    ]);
  });

  it('gives the same result with the occupancy map used for many candidates', () => {
    const many: Candidate[] = [];
    for (let i = 0; i < 100; i++) {
      many.push(cand('phones', i * 10, i * 10 + 8, TIER.phone));
      many.push(cand('orderNumbers', i * 10 + 4, i * 10 + 10, TIER.orderNumber));
    }
    const kept = resolveOverlaps(many, 1000);
    expect(kept).toHaveLength(100);
    expect(kept.every((c) => c.type === 'phones')).toBe(true);
  });

  it('never reports one span as two entities', () => {
    const texts = [
      'IBAN SE45 5000 0000 0583 9825 7466 (inte ett telefonnummer)',
      'Datum 03.11.2026, kort 4111 1111 1111 1111, pnr 811228-9874',
      'ordernummer 12345 kr',
      'anna070@telia.se 0701234567',
      'RR123456785SE ordernummer',
      'ärende #12345 order #12346',
    ];
    for (const text of texts) {
      const e = extractEntities(text, { language: 'sv' });
      const all = ENTITY_TYPES.flatMap((t) => e[t] as { start: number; end: number }[]).sort((a, b) => a.start - b.start);
      for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
    }
  });

  it('resolves typical conflicts by the documented precedence', () => {
    expect(spans(extractEntities('SE45 5000 0000 0583 9825 7466', { language: 'sv' }))).toEqual([
      ['ibans', 'SE45 5000 0000 0583 9825 7466'],
    ]);
    expect(spans(extractEntities('den 03.11.2026', { language: 'sv' }))).toEqual([['dates', '03.11.2026']]);
    expect(spans(extractEntities('ordernummer 12345 kr', { language: 'sv' }))).toEqual([['amounts', '12345 kr']]);
    expect(spans(extractEntities('mejla anna0701234567@telia.se', { language: 'sv' }))).toEqual([
      ['emails', 'anna0701234567@telia.se'],
    ]);
    expect(spans(extractEntities('personnummer 8112289874', { language: 'sv' }))).toEqual([
      ['personalIds', '8112289874'],
    ]);
  });
});
