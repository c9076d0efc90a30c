import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/locales.ts';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';

/** The words of a question that search looks for. */
async function searchedWords(locale: Locale, question: string): Promise<string[]> {
  return (await loadAnalyser(locale)).queryWords(question).map((word) => word.surface);
}

describe('modal verbs, courtesies and fillers are not searched for; question words are', () => {
  it.each([
    ['en', 'why is my payout still not here, I need it please', ['payout']],
    ['nl', 'kan ik graag mijn bod intrekken', ['bod', 'intrekken']],
    ['de', 'darf ich bitte schon bezahlen', ['bezahlen']],
    ['fr', 'combien je dois payer ? svp', ['combien', 'payer']],
    ['it', 'posso ancora ritirare il lotto?', ['ritirare', 'lotto']],
    ['es', '¿cuánto tarda todavía el dinero?', ['cuanto', 'tarda', 'dinero']],
    ['es', 'puedo pagar con tarjeta', ['pagar', 'tarjeta']],
  ] as const)('%s: "%s"', async (locale, question, words) => {
    expect(await searchedWords(locale, question)).toEqual(words);
  });
});

describe('stop words typed without their accent are stop words too', () => {
  it.each([
    ['es', 'me cobran mas de lo que puje', ['cobran', 'puje']],
    ['es', 'que pasa si no pago', ['pasa', 'pago']],
    ['fr', 'ou est mon colis', ['colis']],
    ['de', 'wie lange dauert der versand fur ein paket', ['lange', 'dauert', 'versand', 'paket']],
  ] as const)('%s: "%s"', async (locale, question, words) => {
    expect(await searchedWords(locale, question)).toEqual(words);
  });
});

describe('elided articles and short tokens', () => {
  it.each([
    ['fr', "où est l'argent de ma vente", ['argent', 'vente']],
    ['it', "chiusura dell'asta", ['chiusura', 'asta']],
    ['it', "ritirare l'offerta", ['ritirare', 'offerta']],
    ['en', '2fa code not arriving', ['2fa', 'code', 'arriving']],
    ['de', '3ds fehler', ['3ds', 'fehler']],
  ] as const)('%s: "%s"', async (locale, question, words) => {
    expect(await searchedWords(locale, question)).toEqual(words);
  });
});
