/**
 * Hostile and odd input: huge texts, binary junk, lone surrogates, deeply nested
 * HTML. Nothing may throw; results keep their invariants. (Speed is measured by
 * the benchmark, not asserted here.)
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectAutoReply, htmlToText, splitEmail, type SplitEmail } from '../../src/email';

function expectPartition(r: SplitEmail): void {
  if (r.text.length === 0) {
    expect(r.segments).toEqual([]);
    return;
  }
  expect(r.segments[0]!.start).toBe(0);
  expect(r.segments[r.segments.length - 1]!.end).toBe(r.text.length);
  for (let i = 1; i < r.segments.length; i++) {
    expect(r.segments[i]!.start).toBe(r.segments[i - 1]!.end);
    expect(r.segments[i]!.kind).not.toBe(r.segments[i - 1]!.kind);
  }
}

function junk(length: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(x % 0x10000);
  }
  return s;
}

describe('splitEmail on hostile input', () => {
  test('a 5 MB body of e-mail-like text', () => {
    const block = 'Hej!\nVar är paketet?\nMvh\nAnna\n\nDen 12 nov. 2026 kl. 14:02 skrev Shop <s@shop.example>:\n> Gammalt\n';
    const text = block.repeat(Math.ceil(5_000_000 / block.length));
    const r = splitEmail(text);
    expectPartition(r);
    expect(r.ownText.startsWith('Hej!\nVar är paketet?')).toBe(true);
  });

  test('10 MB on one line, 10 MB of line breaks, 10 MB of quote markers', () => {
    for (const text of ['a'.repeat(10_000_000), '\n'.repeat(10_000_000), '>'.repeat(10_000_000), '-- \n'.repeat(2_500_000)]) {
      const r = splitEmail(text);
      expectPartition(r);
    }
  });

  test('binary junk and lone surrogates', () => {
    for (const text of [junk(200_000, 1), '\uD800\uDC00\uDFFF abc\n\uD800 Mvh\n\uDBFF'.repeat(50_000), '\u0000\u0001\r\r\n\n\u2028']) {
      const r = splitEmail(text, { subject: '\uD800Fwd:', quoteRanges: [{ start: -5, end: 1e12 }, { start: NaN, end: 3 }] });
      expectPartition(r);
      expect(typeof r.ownText).toBe('string');
    }
  });

  test('non-string input', () => {
    expect(splitEmail(undefined as unknown as string)).toEqual({ text: '', segments: [], ownText: '', forwarded: false });
    expect(splitEmail(42 as unknown as string).segments).toEqual([]);
  });

  test('any string: no exception, segments partition the text, own text comes from the text', () => {
    const lineish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('> quoted', 'Mvh', 'Anna', '-- ', 'From: x', 'Sent: y', 'Subject: z', 'On 1 Jan 2026 at 10:00, A <a@b.c> wrote:', '---------- Forwarded message ---------', '', 'Sent from my iPhone'),
    );
    fc.assert(
      fc.property(fc.array(lineish, { maxLength: 30 }), fc.option(fc.constantFrom('Fwd: x', 'Re: x', 'VB: x')), (parts, subject) => {
        const text = parts.join('\n');
        const r = splitEmail(text, subject === null ? undefined : { subject });
        expectPartition(r);
        for (const line of r.ownText.split('\n')) if (line) expect(text).toContain(line);
      }),
      { numRuns: 200 },
    );
  });
});

describe('htmlToText on hostile input', () => {
  test('100 000 nested divs keep their text', () => {
    const r = htmlToText(`${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}`);
    expect(r.text).toBe('deep text');
  });

  test('100 000 nested blockquotes: one quote range, text kept', () => {
    const r = htmlToText(`<p>top</p>${'<blockquote>'.repeat(100_000)}deep quote${'</blockquote>'.repeat(100_000)}`);
    expect(r.text).toContain('deep quote');
    expect(r.quoteRanges).toHaveLength(1);
    expect(r.text.slice(r.quoteRanges[0]!.start, r.quoteRanges[0]!.end)).toContain('deep quote');
  });

  test('unclosed tags, a 5 MB body, binary junk, lone surrogates', () => {
    expect(htmlToText('<div><p>a'.repeat(50_000)).text).toContain('a');
    // 5 MB of HTML: converted up to the length cap, without an exception.
    const big = htmlToText(`<p>${'Hello world, this is a long text. '.repeat(150_000)}</p>`);
    expect(big.text.startsWith('Hello world, this is a long text.')).toBe(true);
    expect(big.text.length).toBeGreaterThan(3_000_000);
    for (const html of [junk(100_000, 7), '<\uD800 a="\uDC00">\uDFFF</', '<!-- never closed', '<script>never closed', '<a href="x']) {
      const r = htmlToText(html);
      expect(typeof r.text).toBe('string');
    }
  });
});

describe('detectAutoReply on hostile input', () => {
  test('10 MB fields, junk headers', () => {
    const big = 'x'.repeat(10_000_000);
    expect(detectAutoReply({ subject: big, body: big, headers: { from: big, 'auto-submitted': '' } }).autoReply).toBe(false);
    expect(detectAutoReply({ subject: junk(10_000, 3), body: junk(100_000, 5), headers: { [junk(10, 9)]: [junk(10, 11)] } })).toHaveProperty('autoReply');
  });
});
