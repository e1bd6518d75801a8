import { describe, expect, it } from 'vitest';
import { extractEntities, type ExtractContext } from '../../src/entities';

const dates = (text: string, context?: ExtractContext) => extractEntities(text, context).dates.map((d) => [d.value, d.normalized]);
const received = { receivedAt: '2026-11-05T10:15:00+01:00' };

describe('dates', () => {
  it('reads numeric dates day first', () => {
    expect(dates('2026-11-03')).toEqual([['2026-11-03', '2026-11-03']]);
    expect(dates('3.11.2026 och 03/11/26')).toEqual([
      ['3.11.2026', '2026-11-03'],
      ['03/11/26', '2026-11-03'],
    ]);
    expect(dates('3/11', received)).toEqual([['3/11', '2026-11-03']]);
    expect(dates('3/11')).toEqual([['3/11', '--11-03']]);
    // month first only when day first is impossible
    expect(dates('11/23/2026')).toEqual([['11/23/2026', '2026-11-23']]);
    expect(dates('31/02/2026, 13/13/2026')).toEqual([]);
  });

  it('reads month names in the four languages', () => {
    expect(dates('3 november, 3:e november, 1:a december', received)).toEqual([
      ['3 november', '2026-11-03'],
      ['3:e november', '2026-11-03'],
      ['1:a december', '2026-12-01'],
    ]);
    expect(dates('il 3 novembre 2025', { language: 'it' })).toEqual([['3 novembre 2025', '2025-11-03']]);
    expect(dates('pe 3 noiembrie', { language: 'ro', ...received })).toEqual([['3 noiembrie', '2026-11-03']]);
    expect(dates('Nov 3, November 4th, 2026 and the 5th of November', received)).toEqual([
      ['Nov 3', '2026-11-03'],
      ['November 4th, 2026', '2026-11-04'],
      ['5th of November', '2026-11-05'],
    ]);
  });

  it('infers the year from receivedAt: the latest date at most 60 days ahead', () => {
    expect(dates('28 december', { receivedAt: '2027-01-10T09:00:00Z' })).toEqual([['28 december', '2026-12-28']]);
    expect(dates('3 januari', { receivedAt: '2026-12-20T09:00:00Z' })).toEqual([['3 januari', '2027-01-03']]);
    expect(dates('3 mars', { receivedAt: '2026-12-20T09:00:00Z' })).toEqual([['3 mars', '2026-03-03']]);
    expect(dates('29/2', { receivedAt: '2026-03-10T09:00:00Z' })).toEqual([['29/2', '2024-02-29']]);
  });

  it('resolves relative words against receivedAt in its own offset', () => {
    const late = { receivedAt: '2026-11-05T23:30:00-05:00' };
    expect(dates('igår, i förrgår, idag, imorgon', late)).toEqual([
      ['igår', '2026-11-04'],
      ['i förrgår', '2026-11-03'],
      ['idag', '2026-11-05'],
      ['imorgon', '2026-11-06'],
    ]);
    expect(dates('ieri, oggi, domani', late).map((d) => d[1])).toEqual(['2026-11-04', '2026-11-05', '2026-11-06']);
    expect(dates('ieri, azi, mâine', late).map((d) => d[1])).toEqual(['2026-11-04', '2026-11-05', '2026-11-06']);
    expect(dates('yesterday, today, tomorrow', late).map((d) => d[1])).toEqual(['2026-11-04', '2026-11-05', '2026-11-06']);
    expect(dates('idag och igår')).toEqual([]);
    expect(dates('idag', { receivedAt: 'not a date' })).toEqual([]);
  });

  it('does not read times, versions, decimals, ranges or "24/7" as dates', () => {
    expect(dates('kl 14:02, v2.3.1, version 2.3.14, 3.11 kg, 3-5 dagar, öppet 24/7, 192.168.1.1')).toEqual([]);
    expect(dates('3 mai multe bucăți', { language: 'ro' })).toEqual([]);
    expect(dates('you may 2 have', { language: 'en' })).toEqual([]);
    expect(dates('2 set di piatti', { language: 'en' })).toEqual([]);
    expect(dates('2 set 2026', { language: 'en' })).toEqual([['2 set 2026', '2026-09-02']]);
  });
});
