import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities';

// A text with many numbers reads the words before more positions than the extractor keeps in its
// small per-text cache; the answer must be what each line gives on its own.
describe('a text full of numbers', () => {
  it('gives the entities of its lines, each at its place', () => {
    const lines = [
      'Ordernummer 5512398, ring mig på 070-123 45 67.',
      'Invoice 88123041 paid 1 249 kr on 14 Nov.',
      'Tracking RR123456785SE, case #A-2231.',
      'Comanda 400123 din 3 noiembrie, tel 0722 123 456.',
    ];
    const all = Array.from({ length: 40 }, (_, i) => lines[i % lines.length]!);
    const whole = extractEntities(all.join('\n')) as unknown as Record<string, Array<{ start: number; end: number }>>;
    const byLine: Record<string, Array<{ start: number; end: number }>> = {};
    let offset = 0;
    for (const line of all) {
      for (const [type, list] of Object.entries(extractEntities(line) as unknown as Record<string, Array<{ start: number; end: number }>>)) {
        (byLine[type] ??= []).push(...list.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })));
      }
      offset += line.length + 1;
    }
    expect(whole).toEqual(byLine);
    expect(whole.orderNumbers!.length).toBe(20);
    expect(whole.phones!.length).toBe(20);
  });
});
