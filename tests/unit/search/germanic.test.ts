import { describe, expect, it } from 'vitest';
import { suggesterFor, type DocRow } from './suggest-helpers.ts';

const german: DocRow[] = [
  [
    'shipping-costs',
    'Versandkosten',
    'Wer die Versandkosten zahlt und wo sie stehen.',
    'Ab 50 € ist ein Versand mit Sendungsverfolgung Pflicht.',
  ],
  [
    'payment-methods',
    'Zahlungsmethoden',
    'Karte, iDEAL, Bancontact, PayPal oder SEPA-Überweisung.',
    'Zahlungen per Überweisung brauchen 1–2 Werktage.',
  ],
];

const dutch: DocRow[] = [
  [
    'shipping-costs',
    'Verzendkosten',
    'Wie de verzendkosten betaalt en waar ze staan.',
    'Vanaf € 50 is verzending met track & trace verplicht.',
  ],
  [
    'payment-methods',
    'Betaalmethoden',
    'Kaart, iDEAL, Bancontact, PayPal of SEPA-overboeking.',
    'Betalingen per overboeking duren 1–2 werkdagen.',
  ],
];

describe('German suggestions', () => {
  it.each(['Versandkosten', 'versandkosten', 'Versandkosten?'])(
    'finds the shipping costs article for %s',
    async (query) => {
      const suggest = await suggesterFor('de', german);
      expect(suggest(query)[0]).toBe('shipping-costs');
    },
  );

  it('finds a compound from its first part while typing and from its last part', async () => {
    const suggest = await suggesterFor('de', german);
    expect(suggest('Versandk')[0]).toBe('shipping-costs');
    expect(suggest('Kosten')[0]).toBe('shipping-costs');
  });

  it('matches inflections and spellings without umlaut', async () => {
    const suggest = await suggesterFor('de', german);
    expect(suggest('Zahlung')[0]).toBe('payment-methods');
    expect(suggest('uberweisung')[0]).toBe('payment-methods');
  });
});

describe('Dutch suggestions', () => {
  it('finds verzendkosten by the whole word and by the prefix verzend', async () => {
    const suggest = await suggesterFor('nl', dutch);
    expect(suggest('verzendkosten')[0]).toBe('shipping-costs');
    expect(suggest('verzend')[0]).toBe('shipping-costs');
    expect(suggest('kosten')[0]).toBe('shipping-costs');
  });

  it('matches betaling with betalingen', async () => {
    const suggest = await suggesterFor('nl', dutch);
    expect(suggest('betaling')[0]).toBe('payment-methods');
    expect(suggest('betalingen')[0]).toBe('payment-methods');
  });
});
