import { describe, expect, it } from 'vitest';
import { suggesterFor, type DocRow } from './suggest-helpers.ts';

const articles: DocRow[] = [
  [
    'invoices-and-vat',
    'Счёт и НДС',
    'Где найти счёт за покупку и как в нём указан НДС.',
    'Счета хранятся 7 лет, потому что этого требует налоговое законодательство.',
  ],
  [
    'shipping-costs',
    'Стоимость доставки',
    'Сколько стоит доставка лота и кто её оплачивает.',
    'Отслеживаемая отправка обязательна для лотов дороже 50 €.',
  ],
  [
    'payment-methods',
    'Способы оплаты',
    'Оплата картой, через iDEAL, Bancontact, PayPal или банковским переводом SEPA.',
    'Принимаются карты Visa, Mastercard и American Express. Перевод идёт 1–2 рабочих дня.',
  ],
];

describe('Russian suggestions', () => {
  it('matches счёт and счет both ways', async () => {
    const withYo = await suggesterFor('ru', articles);
    expect(withYo('счет')[0]).toBe('invoices-and-vat');
    expect(withYo('Счёт')[0]).toBe('invoices-and-vat');
    const withoutYo = await suggesterFor('ru', [
      ['invoices', 'Где мой счет', 'Счет можно скачать в личном кабинете.', ''],
    ]);
    expect(withoutYo('счёт')).toEqual(['invoices']);
  });

  it.each(['доставка', 'доставки', 'доставку', 'доставкой', 'Доставке'])(
    'finds the shipping article for the inflection %s',
    async (query) => {
      const suggest = await suggesterFor('ru', articles);
      expect(suggest(query)[0]).toBe('shipping-costs');
    },
  );

  it.each(['PayPal', 'paypal', 'Visa', 'iDEAL', 'оплата через PayPal'])(
    'keeps the Latin name in %s searchable inside Russian text',
    async (query) => {
      const suggest = await suggesterFor('ru', articles);
      expect(suggest(query)[0]).toBe('payment-methods');
    },
  );

  it('stems English words inside Russian text, so one form finds another', async () => {
    const suggest = await suggesterFor('ru', [
      ['express', 'Срочная доставка Express Shipping', 'Когда лот отправят быстрее.', ''],
      ...articles,
    ]);
    expect(suggest('shipped.')).toEqual(['express']);
  });

  it('ignores Russian stop words', async () => {
    const suggest = await suggesterFor('ru', articles);
    expect(suggest('как где и что')).toEqual([]);
  });
});
