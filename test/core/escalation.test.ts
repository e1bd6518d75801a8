// Priority, escalation, team moves and SLA due times through classify with the default rules.
import { describe, expect, test } from 'vitest';
import { classify } from '../../src';

describe('escalation', () => {
  test.each([
    ['sv', 'Det är akut! Paketet har inte kommit och jag reser bort i morgon.', 'urgent'],
    ['en', 'This is urgent, my parcel has not arrived and I need it ASAP', 'urgent'],
    ['it', 'È urgente, il pacco non è ancora arrivato', 'urgent'],
    ['ro', 'Este de urgență, coletul nu a ajuns', 'urgent'],
  ])('explicit urgency (%s) makes it urgent', (_lang, text, priority) => {
    const r = classify(text);
    expect(r.priority).toBe(priority);
    expect(r.tags).toContain('urgent');
    expect(r.decision.priority.map((p) => p.rule)).toContain('escalate-urgency');
  });

  test.each([
    ['Det är inte akut, men när kommer mitt paket?'],
    ['No rush at all, just wondering when my parcel will arrive'],
    ['Non è urgente, ma quando arriva il pacco?'],
  ])('negated urgency does not escalate: %s', (text) => {
    const r = classify(text);
    expect(r.priority).toBe('normal');
    expect(r.tags).not.toContain('urgent');
  });

  test('a legal threat goes to the escalations team; in Italian it also needs translation', () => {
    const sv = classify('Får jag inte pengarna tillbaka anmäler jag er till ARN.');
    expect(sv).toMatchObject({ priority: 'urgent', team: 'escalations' });
    expect(sv.tags).toContain('legal-threat');
    const it = classify('Se non ricevo il rimborso entro venerdì mi rivolgo al mio avvocato.');
    expect(it).toMatchObject({ priority: 'urgent', team: 'escalations' });
    expect(it.tags).toEqual(expect.arrayContaining(['legal-threat', 'needs-translation']));
    expect(it.decision.team.reason).toMatch(/escalate-legal-threat/);
  });

  test('an inquiry surely in another language (und) needs translation; one with no language evidence does not', () => {
    const fr = classify('Nous allons vous poursuivre en justice, mon avocat vous contactera.');
    expect(fr.language.code).toBe('und');
    expect(fr.team).toBe('escalations');
    expect(fr.tags).toEqual(expect.arrayContaining(['legal-threat', 'needs-translation']));
    const de = classify('Ich möchte mein Geld zurück, das Paket ist beschädigt und kam viel zu spät.');
    expect(de.language.code).toBe('und');
    expect(de.tags).toContain('needs-translation');
    for (const text of ['', '?', 'RR123456785SE', 'Hej']) {
      const r = classify(text);
      expect(r.language.code).toBe('und');
      expect(r.tags).not.toContain('needs-translation');
    }
  });

  test('a short Swedish text of names and numbers, Norwegian, or languages left out by `languages` do not need translation', () => {
    // und with high confidence: the unknown words (names) and Danish–Norwegian ("Hej", "Mvh") carry it
    for (const text of ['Hej, order 4481923. Mvh Erik Johansson', 'Hej!\nOrdernummer: 4481923\nMvh Anna', 'Hei, pakken min har ikke kommet ennå.']) {
      const r = classify(text);
      expect(r.language.code).toBe('und');
      expect(r.tags).not.toContain('needs-translation');
    }
    const onlySv = classify('Where is my parcel? It has not arrived yet.', { languages: ['sv'] });
    expect(onlySv.tags).not.toContain('needs-translation');
    expect(classify('Hola, mi pedido no ha llegado todavía.').tags).toContain('needs-translation');
  });

  test('repeated contact is urgent', () => {
    const r = classify('Det här är tredje gången jag skriver om min order 4481923 och jag har fortfarande inte fått något svar.');
    expect(r.priority).toBe('urgent');
    expect(r.tags).toContain('repeat-contact');
  });

  test('anger and a high order value raise one step each', () => {
    const angry = classify('VAR ÄR MITT PAKET?? JAG HAR VÄNTAT I EVIGHETER!!!');
    expect(angry.tags).toContain('angry');
    const rich = classify('Min tv för 12 999 kr kom skadad.');
    expect(rich.tags).toContain('high-value');
    expect(rich.priority).toBe('high');
  });

  test('SHOUTING alone counts as anger, with capitals outside ASCII too', () => {
    expect(classify('VAR ÄR MITT PAKET? JAG HAR VÄNTAT I TRE VECKOR.').tags).toContain('angry');
    expect(classify('UNDE ESTE COMANDA MEA? AȘTEPT DE TREI SĂPTĂMÂNI ÎNTREGI.').tags).toContain('angry');
    expect(classify('Var är mitt paket? Jag har väntat i tre veckor.').tags).not.toContain('angry');
    expect(classify('Unde este comanda mea? Aștept de trei săptămâni întregi.').tags).not.toContain('angry');
  });

  test('shouting and exclamations are read over the subject and the body, but not over a reply subject', () => {
    const signals = (input: { subject: string; body: string }) =>
      classify(input).matchedRules.flatMap((m) => m.conditions.map((c) => c.condition)).filter((c) => c.startsWith('signal:'));
    const body = 'ARRIVED TODAY, can you please check what happened with it and tell me when it comes';
    // four capitalised words in a row, two in the subject and two in the body
    expect(signals({ subject: 'ORDER NEVER', body })).toContain('signal: shouting');
    expect(signals({ subject: 'Re: ORDER NEVER', body })).not.toContain('signal: shouting');
    expect(signals({ subject: 'Where is my order!!!', body: 'It has not arrived.' })).toContain('signal: exclamations');
    // a line break ends a run of marks
    expect(signals({ subject: 'Where is my order!', body: '!! It has not arrived.' })).not.toContain('signal: exclamations');
  });

  test('a customer tier from the input raises the priority', () => {
    const r = classify({ body: 'Paketet kom skadat', customer: { tier: 'vip' } });
    expect(r.priority).toBe('high');
    expect(r.tags).toContain('vip');
  });

  test('an urgent word in quoted history does not count', () => {
    const r = classify({
      subject: 'Sv: AKUT - var är mitt paket?',
      body: 'Nu kom paketet, tack för hjälpen!\n\nDen 12 nov. 2026 kl. 14:02 skrev Kundtjänst <kundtjanst@example.se>:\n> AKUT: Var är mitt paket? Tredje gången jag skriver!\n',
    });
    expect(r.priority).not.toBe('urgent');
    expect(r.keywords.filter((k) => k.concept === 'urgency').every((k) => k.quoted || k.field === 'subject')).toBe(true);
  });

  test('auto-replies are low priority and tagged', () => {
    const r = classify({ subject: 'Automatiskt svar: Din beställning', body: 'Jag är på semester och läser inte e-post förrän 2 december. Vid brådskande ärenden ring växeln.' });
    expect(r).toMatchObject({ category: 'general', priority: 'low', autoReply: true });
    expect(r.tags).toContain('auto-reply');
  });
});

describe('SLA due time', () => {
  test('classify with receivedAt gives the first-response due time in business hours', () => {
    // Friday 2026-11-27 16:00 Stockholm, normal priority: 1 h on Friday + 8 h on Monday → Monday 16:00
    const r = classify({ body: 'Var är mitt paket?', receivedAt: '2026-11-27T16:00:00+01:00' });
    expect(r.priority).toBe('normal');
    expect(r.sla).toEqual({ firstResponseDue: '2026-11-30T16:00:00+01:00', targetHours: 9 });
  });

  test('urgent: two business hours, from any offset', () => {
    const r = classify({ body: 'Akut! Paketet har inte kommit.', receivedAt: '2026-11-23T08:30:00Z' });
    // 09:30 Stockholm + 2 h
    expect(r.sla?.firstResponseDue).toBe('2026-11-23T11:30:00+01:00');
  });

  test('no receivedAt, no due time', () => {
    expect(classify('Var är mitt paket?').sla).toBeUndefined();
  });
});

describe('attachments', () => {
  test('a photo attached to a damage claim is tagged', () => {
    const r = classify({ body: 'Lampan kom trasig, se bild.', attachments: [{ filename: 'lampa.jpg', contentType: 'image/jpeg', size: 120_000 }] });
    expect(r.category).toBe('returns');
    expect(r.tags).toContain('photo-attached');
  });
});

describe('redaction through classify', () => {
  test('redact: true adds the body with personal data replaced; order numbers stay', () => {
    const r = classify('Hej, jag heter Anna Berg, ring 070-123 45 67 eller mejla anna.berg@example.se om order 4481923.', { redact: true });
    expect(r.redactedText).toBeDefined();
    expect(r.redactedText).toContain('[PHONE]');
    expect(r.redactedText).toContain('[EMAIL]');
    expect(r.redactedText).toContain('4481923');
    expect(r.redactedText).not.toContain('anna.berg@example.se');
    expect(classify('order 4481923').redactedText).toBeUndefined();
  });
});

describe('the shape of a classification', () => {
  const always = ['category', 'priority', 'team', 'language', 'entities', 'keywords', 'tags', 'matchedRules', 'autoReply'];
  test('its keys come in the documented order, optional ones in their place and only when set', () => {
    expect(Object.keys(classify('Paketet kom skadat.'))).toEqual([...always, 'body', 'decision']);
    const full = classify({ body: 'Paketet kom skadat.', receivedAt: '2026-11-23T09:00:00+01:00' }, { redact: true });
    expect(Object.keys(full)).toEqual([...always, 'sla', 'body', 'decision', 'redactedText']);
    expect(full.sla?.firstResponseDue).toMatch(/^2026-11-2\dT/);
  });
});
