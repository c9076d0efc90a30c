import { describe, expect, test } from 'vitest';
import { maskQuery, maxQueryLength, normaliseQuery } from '../../../src/search/mask-query.ts';

describe('normalising a query before it is counted', () => {
  test('makes full-width letters and digits ordinary (NFKC), lower-cases, collapses spaces and trims', () => {
    expect(normaliseQuery('  ＰａｙＰａｌ\t\n  Refund   ')).toBe('paypal refund');
    expect(normaliseQuery('Versandkosten')).toBe('versandkosten');
    expect(normaliseQuery('СЧЁТ')).toBe('счёт');
  });

  test('the same question typed differently is the same query', () => {
    expect(maskQuery('Shipping  COSTS ')).toBe(maskQuery('shipping costs'));
  });
});

describe('masking what people paste into a search box', () => {
  test.each([
    ['my account anna.b+test@example.co.uk is locked', 'my account [email] is locked'],
    ['ANNA@EXAMPLE.COM', '[email]'],
    ['mail jan@localhost please', 'mail [email] please'],
  ])('replaces the email address in %j', (query, masked) => {
    expect(maskQuery(query)).toBe(masked);
  });

  test.each([
    ['card 4111 1111 1111 1111 declined', 'card [number] declined'],
    ['call me on +31 6-1234 5678', 'call me on [number]'],
    ['order 20261130 missing', 'order [number] missing'],
    ['iban NL91ABNA0417164300', 'iban nl91abna[number]'],
  ])('replaces a run of six or more digits in %j', (query, masked) => {
    expect(maskQuery(query)).toBe(masked);
  });

  test('keeps short numbers that identify nobody: amounts, days, years', () => {
    expect(maskQuery('refund 50 € after 14 days in 2026')).toBe(
      'refund 50 € after 14 days in 2026',
    );
    expect(maskQuery('bid 12345')).toBe('bid 12345');
  });

  test.each([
    ['Where is lot 12345?', 'where is [lot]?'],
    ['lot number 4711-22 damaged', '[lot] damaged'],
    ['lot #4711-22', '[lot]'],
    ['#4711-22 not arrived', '[lot] not arrived'],
    ['kavel 1234 niet ontvangen', '[lot] niet ontvangen'],
    ['Los Nr. 98765 fehlt', '[lot] fehlt'],
    ['numéro de lot : lot 55555', 'numéro de lot : [lot]'],
    ['lotto n. 55555 rotto', '[lot] rotto'],
    ['lote número 12345', '[lot]'],
    ['лот 12345 не пришёл', '[lot] не пришёл'],
    ['Лот № 98765', '[lot]'],
    ['оплата лота 123456', 'оплата [lot]'],
    ['경매품 번호 12345 배송', '[lot] 배송'],
  ])('replaces the lot number in %j, in any of the languages', (query, masked) => {
    expect(maskQuery(query)).toBe(masked);
  });

  test('leaves the word lot alone when no lot number follows ("los 5 días", "lot 3")', () => {
    expect(maskQuery('los 5 días')).toBe('los 5 días');
    expect(maskQuery('winning a lot')).toBe('winning a lot');
    expect(maskQuery('lot 3')).toBe('lot 3');
  });

  test('masks everything in one query, and a masked query masked again stays the same', () => {
    const once = maskQuery('Lot 12345: anna@example.com, card 4111111111111111');
    expect(once).toBe('[lot]: [email], card [number]');
    expect(maskQuery(once)).toBe(once);
  });
});

describe('the length of a stored query', () => {
  test('is at most 200 characters', () => {
    expect(maskQuery('a'.repeat(5000))).toHaveLength(maxQueryLength);
    expect(maskQuery('한'.repeat(300))).toHaveLength(200);
  });

  test('an address or number cut by the limit is still masked: masking runs before the cap', () => {
    const query = `${'x '.repeat(98)}anna@example.com 41111111111111111111`;
    const masked = maskQuery(query);
    expect(masked.length).toBeLessThanOrEqual(200);
    expect(masked).not.toMatch(/@|\d{6}|\[[a-z]*$/);
    expect(maskQuery(`${'y'.repeat(190)} anna@example.com`)).toBe(`${'y'.repeat(190)} [email]`);
  });

  test('a query of only spaces is empty', () => {
    expect(maskQuery(' \u3000 \t')).toBe('');
  });
});
