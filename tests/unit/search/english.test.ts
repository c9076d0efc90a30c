import { describe, expect, it } from 'vitest';
import { suggesterFor, type DocRow } from './suggest-helpers.ts';

const articles: DocRow[] = [
  [
    'how-bidding-works',
    'How bidding works',
    'Place a bid on a lot, follow the auction and see what happens when you are outbid.',
    'Every lot on Hammerbid is sold in an online auction. Your bid is binding.',
  ],
  [
    'shipping-costs',
    'Shipping costs',
    'Who pays for shipping and where the costs are shown.',
    'Tracked shipping is required above €50; insured shipping above €500.',
  ],
  [
    'payment-methods',
    'Payment methods',
    'Pay by card, iDEAL, Bancontact, PayPal or SEPA bank transfer.',
    'A bank transfer takes 1–2 business days to arrive.',
  ],
];

describe('English suggestions', () => {
  it.each(['bidding', 'bid', 'bids', 'Bidding?'])(
    'finds the bidding article for %s',
    async (query) => {
      const suggest = await suggesterFor('en', articles);
      expect(suggest(query)[0]).toBe('how-bidding-works');
    },
  );

  it('suggests from a half-typed word, although its stem is shorter than what was typed', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('bidd')[0]).toBe('how-bidding-works');
    expect(suggest('paym')[0]).toBe('payment-methods');
  });

  it('tolerates one typo in a long word', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('shiping costs')[0]).toBe('shipping-costs');
    expect(suggest('paymnet')[0]).toBe('payment-methods');
  });

  it('ranks an article with the word in its title above one with it in the body', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('bank transfer')[0]).toBe('payment-methods');
    expect(suggest('auction')).toEqual(['how-bidding-works']);
    expect(suggest('shipping')[0]).toBe('shipping-costs');
  });
});
