import { describe, expect, test } from 'vitest';
import { htmlToText, splitEmail, splitMessage } from '../../src/email';

/** The text inside the returned quote ranges, joined. */
function quoted(html: string): { text: string; quote: string } {
  const r = htmlToText(html);
  return { text: r.text, quote: r.quoteRanges.map((q) => r.text.slice(q.start, q.end)).join('\n') };
}

describe('htmlToText: plain conversion', () => {
  test('block elements and <br> become line breaks; entities are decoded', () => {
    const { text } = quoted('<div>Hej!</div><div>Paketet &auml;r <b>skadat</b> &amp; trasigt.<br>Order&nbsp;#55123</div><p>Mvh</p>');
    expect(text).toContain('Hej!\nPaketet är skadat & trasigt.\nOrder #55123');
    expect(text).toContain('\n\nMvh');
    expect(text).not.toContain('\u00a0');
  });

  test('lists keep their items on separate lines', () => {
    const { text } = quoted('<p>Wrong items:</p><ul><li>black kettle</li><li>toaster</li></ul><ol><li>first</li><li>second</li></ol>');
    expect(text).toMatch(/\* black kettle\n \* toaster/);
    expect(text).toMatch(/1\. first\n 2\. second/);
  });

  test('links keep their text only; images, styles and scripts are dropped', () => {
    const { text } = quoted('<style>p{color:red}</style><script>alert(1)</script><p>See <a href="https://track.example/?id=4481923">my order page</a> <img src="x.png" alt="logo"></p>');
    expect(text).toBe('See my order page');
  });

  test('headings and table headers are not upper-cased (that would look like shouting)', () => {
    const { text } = quoted('<h1>Veckans erbjudanden</h1><table><tr><th>Vara</th></tr><tr><td>Lampa</td></tr></table>');
    expect(text).toContain('Veckans erbjudanden');
    expect(text).toContain('Vara');
    expect(text).not.toContain('VECKANS');
  });

  test('Outlook MsoNormal paragraphs stay single-spaced', () => {
    const { text } = quoted('<p class="MsoNormal">Hello,</p><p class="MsoNormal">line two</p>');
    expect(text).toBe('Hello,\nline two');
  });

  test('empty and non-string input give empty text', () => {
    expect(htmlToText('')).toEqual({ text: '', quoteRanges: [] });
    expect(htmlToText(undefined as unknown as string)).toEqual({ text: '', quoteRanges: [] });
  });
});

describe('htmlToText: quote containers', () => {
  test('<blockquote> text is prefixed with "> " and returned as a range', () => {
    const { text, quote } = quoted('<p>New</p><blockquote><p>Old one</p><p>Old two</p></blockquote>');
    expect(text).toBe('New\n\n> Old one\n> \n> Old two');
    expect(quote).toBe('> Old one\n> \n> Old two');
  });

  test('Apple Mail / Thunderbird blockquote type="cite"', () => {
    const { quote } = quoted('<div>New</div><blockquote type="cite"><div>On 20 Nov 2026, at 16:40, Shop wrote:</div><div>Old</div></blockquote>');
    expect(quote).toContain('On 20 Nov 2026, at 16:40, Shop wrote:');
    expect(quote).toContain('Old');
    expect(quote).not.toContain('New');
  });

  test('Gmail div.gmail_quote, including its attribution line', () => {
    const { text, quote } = quoted(
      '<div dir="ltr">Ny text</div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Den mån 23 nov. 2026 kl 09:15 skrev Shop &lt;s@shop.example&gt;:<br></div><blockquote class="gmail_quote"><div>Gammal text</div></blockquote></div>',
    );
    expect(text.startsWith('Ny text\n')).toBe(true);
    expect(quote).toContain('skrev Shop <s@shop.example>:');
    expect(quote).toContain('> Gammal text');
    expect(quote).not.toContain('Ny text');
  });

  test('Outlook #appendonsend: it and everything after it', () => {
    const { quote } = quoted(
      '<div>Please cancel.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Shop<br><b>Sent:</b> Monday<br><b>To:</b> Anna<br><b>Subject:</b> Order</div><div>Your order shipped</div><div>Tracking follows</div>',
    );
    expect(quote).toContain('From: Shop');
    expect(quote).toContain('Your order shipped');
    expect(quote).toContain('Tracking follows');
    expect(quote).not.toContain('Please cancel.');
  });

  test('Outlook #divRplyFwdMsg without #appendonsend, and the older div.OutlookMessageHeader', () => {
    for (const header of ['<div id="divRplyFwdMsg">', '<div class="OutlookMessageHeader" lang="en-us" dir="ltr" align="left">']) {
      const { quote } = quoted(`<div>Ny fråga.</div>${header}<b>Från:</b> Shop<br><b>Skickat:</b> måndag<br><b>Ämne:</b> Order</div><div>Gammalt svar</div>`);
      expect(quote).toContain('Från: Shop');
      expect(quote).toContain('Gammalt svar');
      expect(quote).not.toContain('Ny fråga.');
    }
  });

  test('Yahoo yahoo_quoted container (prefixed class and id)', () => {
    const { quote } = quoted(
      '<div class="ydpa1b2yahoo-style-wrap">New</div><div id="ydp9f8yahoo_quoted_1234" class="ydp9f8yahoo_quoted"><div>On Sunday, 22 November 2026, Shop wrote:</div><div>Old promo</div></div>',
    );
    expect(quote).toContain('Old promo');
    expect(quote).not.toContain('New');
  });

  test('ranges are whole lines, sorted and not overlapping (nested quotes merge)', () => {
    const r = htmlToText('<p>a</p><blockquote>b<blockquote>c</blockquote>d</blockquote><p>e</p><blockquote>f</blockquote>');
    expect(r.quoteRanges.length).toBe(2);
    let last = -1;
    for (const q of r.quoteRanges) {
      expect(q.start).toBeGreaterThan(last);
      expect(q.start === 0 || r.text[q.start - 1] === '\n').toBe(true);
      expect(q.end === r.text.length || r.text[q.end] === '\n').toBe(true);
      last = q.end;
    }
  });

  test('marker characters in the input cannot fake a quote', () => {
    const r = htmlToText('<p>\uFDD0fake\uFDD1 text \uFDD2 more</p>');
    expect(r.text).toBe('fake text more');
    expect(r.quoteRanges).toEqual([]);
  });
});

describe('HTML into splitEmail', () => {
  test('the own text excludes a Gmail quote', () => {
    const r = splitMessage({
      subject: 'Re: Veckans erbjudanden',
      html: '<div>Radera mitt konto.</div><div><br></div><div>Sara</div><div class="gmail_quote"><div class="gmail_attr">Den sön 22 nov. 2026 kl 07:00 skrev Shop &lt;n@shop.example&gt;:</div><blockquote class="gmail_quote"><p>30 % på alla lampor</p></blockquote></div>',
    });
    expect(r.ownText).toBe('Radera mitt konto.');
    expect(r.segments.map((s) => s.kind)).toContain('reply-header');
  });

  test('a Gmail forward container counts as forwarded content, not as quote', () => {
    const r = splitMessage({
      subject: 'Fwd: Broken',
      html: '<div>FYI</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: <strong>Tom</strong> &lt;t@example.com&gt;<br>Date: Thu, 19 Nov 2026 at 21:03<br>Subject: Broken<br>To: &lt;s@shop.example&gt;<br></div><br><br><div dir="ltr">The kettle arrived broken.<br>Order #10234</div></div>',
    });
    expect(r.forwarded).toBe(true);
    expect(r.ownText).toContain('The kettle arrived broken.');
    expect(r.ownText).not.toContain('From: Tom');
  });

  test('an Outlook forward (#divRplyFwdMsg) with a "VB:" subject counts as forwarded content', () => {
    const r = splitMessage({
      subject: 'VB: Trasig lampa',
      html: '<div></div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>Från:</b> Anna &lt;a@example.com&gt;<br><b>Skickat:</b> den 16 november 2026<br><b>Till:</b> kundtjanst@shop.example<br><b>Ämne:</b> Trasig lampa</div><div>Lampan kom trasig, order 55123.</div>',
    });
    expect(r.forwarded).toBe(true);
    expect(r.ownText).toBe('Lampan kom trasig, order 55123.');
  });

  test('Outlook desktop HTML (no ids): the From/Sent/To/Subject block in the text starts the quote', () => {
    const r = splitMessage({
      subject: 'RE: Your order has shipped',
      html: '<div class="WordSection1"><p class="MsoNormal">Could I get the 500 SEK back?</p><p class="MsoNormal">&nbsp;</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:</b> Nordhem &lt;orders@shop.example&gt;<br><b>Sent:</b> Tuesday, November 17, 2026 9:02 AM<br><b>To:</b> Martin<br><b>Subject:</b> Your order has shipped</p></div><p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Your order has shipped with DHL.</p></div>',
    });
    expect(r.ownText).toBe('Could I get the 500 SEK back?');
    expect(r.segments.map((s) => s.kind)).toEqual(['own', 'reply-header', 'quote']);
  });

  test('Thunderbird (moz-cite-prefix + blockquote type=cite) and Proton Mail quotes', () => {
    const thunderbird = splitMessage({
      html: '<p>Exchange, please.</p><div class="moz-cite-prefix">On 23.11.2026 10:02, Shop wrote:<br></div><blockquote type="cite" cite="mid:abc@shop.example"><p>Exchange or refund?</p></blockquote>',
    });
    expect(thunderbird.ownText).toBe('Exchange, please.');
    const proton = splitMessage({ html: '<div>Tack!</div><div class="protonmail_quote">------- Original Message -------<br>Gammalt svar</div>' });
    expect(proton.ownText).toBe('Tack!');
  });

  test('splitMessage prefers the text body over the HTML body', () => {
    const r = splitMessage({ body: 'Text body.', html: '<p>HTML body.</p>' });
    expect(r.ownText).toBe('Text body.');
    expect(splitMessage({ body: '  ', html: '<p>HTML body.</p>' }).ownText).toBe('HTML body.');
    expect(splitMessage({}).ownText).toBe('');
  });

  test('quote ranges from htmlToText line up with splitEmail', () => {
    const { text, quoteRanges } = htmlToText('<p>New</p><div class="gmail_quote"><p>Unprefixed old text</p></div>');
    const r = splitEmail(text, { quoteRanges });
    expect(r.ownText).toBe('New');
    expect(r.segments.filter((s) => s.kind === 'quote').map((s) => text.slice(s.start, s.end).trim())).toEqual(['Unprefixed old text']);
  });
});
