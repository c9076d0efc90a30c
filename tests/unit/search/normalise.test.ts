import { describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/locales.ts';
import { normaliseForSearch } from '../../../src/search/normalise.ts';

describe('normaliseForSearch', () => {
  it('folds Russian ё to е, capitals included, and changes nothing else', () => {
    expect(normaliseForSearch('ru', 'Счёт за ЁЛКУ: PayPal, ещё 3 дня.')).toBe(
      'Счет за ЕЛКУ: PayPal, еще 3 дня.',
    );
  });

  it('strips the particle from each Korean word and keeps spacing and punctuation', () => {
    expect(normaliseForSearch('ko', '결제를 하려면? 배송비는 얼마인가요. PayPal로 결제')).toBe(
      '결제 하려면? 배송비 얼마. PayPal 결제',
    );
  });

  it('leaves Korean words without a particle as they are', () => {
    expect(normaliseForSearch('ko', '배송비 번호 한도 아이')).toBe('배송비 번호 한도 아이');
  });

  it.each(locales.filter((locale) => locale !== 'ru' && locale !== 'ko'))(
    'returns %s text unchanged',
    (locale) => {
      const text = 'Versandkosten für Überweisung: l’enchère, envío, ёлка, 결제를 😀';
      expect(normaliseForSearch(locale, text)).toBe(text);
    },
  );
});
