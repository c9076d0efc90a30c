import { describe, expect, it } from 'vitest';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';
import {
  buildSuggestIndex,
  loadSuggestIndex,
  minQueryLength,
  suggestArticles,
  type SerializedSuggestIndex,
} from '../../../src/search/suggest.ts';
import { docsOf, suggesterFor, type DocRow } from './suggest-helpers.ts';

const articles: DocRow[] = [
  [
    'how-bidding-works',
    'How bidding works',
    'Place a bid on a lot and follow the auction.',
    'Your bid is binding. A bid in the last 2 minutes extends the lot by 2 minutes.',
  ],
  [
    'automatic-bids',
    'Automatic bids',
    'Set a maximum and Hammerbid bids for you.',
    'Hammerbid bids in the smallest increment up to your maximum.',
  ],
  ['bid-increments', 'Bid increments', 'How much each next bid must add.', '€1 up to €50.'],
  ['auction-closing', 'When an auction closes', 'Soft close: a late bid extends the lot.', ''],
  ['winning-a-lot', 'Winning a lot', 'What happens after your bid wins.', 'Pay within 3 days.'],
  ['payment-methods', 'Payment methods', 'Card, iDEAL, PayPal or bank transfer.', 'No bid here.'],
];

describe('suggestArticles', () => {
  it.each([
    ':',
    '~',
    '^',
    '+',
    '-',
    '*',
    '"',
    "'",
    'bid:',
    'title:bid',
    'bid~2',
    'bid^10',
    '+bid -auction',
    'bi*',
    '"automatic bids"',
    "bidder's",
    '😀',
    'bid 😀',
    '👍🏽 payment',
    '***',
    '~~~ ^^^ :::',
  ])('does not throw on the query %j', async (query) => {
    const suggest = await suggesterFor('en', articles);
    expect(() => suggest(query)).not.toThrow();
  });

  it('does not throw on a 500-letter word or a 2,000-word text', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(() => suggest('a'.repeat(500))).not.toThrow();
    expect(suggest('automatic bids '.repeat(1000))[0]).toBe('automatic-bids');
  });

  it('treats lunr query syntax as punctuation around ordinary words', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('title:automatic')[0]).toBe('automatic-bids');
    expect(suggest('+payment -methods')[0]).toBe('payment-methods');
    expect(suggest('bid~2')).toContain('how-bidding-works');
  });

  it('returns nothing for empty, blank, too short and emoji-only queries', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('')).toEqual([]);
    expect(suggest('   ')).toEqual([]);
    expect(suggest('bi')).toEqual([]);
    expect(suggest('😀😀😀')).toEqual([]);
  });

  it('returns nothing for a query made only of stop words and punctuation', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('how do I')).toEqual([]);
    expect(suggest('the, and... of?!')).toEqual([]);
  });

  it('requires 3 characters, and 2 in Korean', () => {
    expect(minQueryLength).toEqual({ en: 3, nl: 3, de: 3, fr: 3, it: 3, es: 3, ru: 3, ko: 2 });
  });

  it('suggests 5 articles by default and honours a smaller limit', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('bid')).toHaveLength(5);
    expect(suggest('bid', 2)).toHaveLength(2);
    expect(suggest('bid', 0)).toEqual([]);
  });

  it('returns what the suggestion shows, with a score, best first', async () => {
    const index = await loadSuggestIndex(await buildSuggestIndex('en', docsOf('en', articles)));
    const [first, second] = suggestArticles(index, 'automatic bids');
    expect(first).toMatchObject({
      id: 'automatic-bids',
      title: 'Automatic bids',
      description: 'Set a maximum and Hammerbid bids for you.',
      url: '/en/articles/automatic-bids/',
    });
    expect(first?.score).toBeGreaterThan(second?.score ?? Infinity);
  });

  it('returns nothing from an index without articles', async () => {
    const suggest = await suggesterFor('nl', []);
    expect(suggest('verzendkosten')).toEqual([]);
  });
});

describe('the serialized suggestion index', () => {
  const queries = ['bid', 'automatic', 'how bidding', 'auct', 'payment', 'maximun', 'close'];

  it('gives the same results after build → JSON.stringify → JSON.parse → load', async () => {
    for (const locale of ['en', 'ru', 'ko'] as const) {
      const built = await buildSuggestIndex(locale, docsOf(locale, articles));
      const direct = await loadSuggestIndex(built);
      const reloaded = await loadSuggestIndex(JSON.parse(JSON.stringify(built)));
      for (const query of queries) {
        expect(suggestArticles(reloaded, query)).toEqual(suggestArticles(direct, query));
      }
    }
  });

  it('stores what a suggestion shows but no body text', async () => {
    const built = await buildSuggestIndex('en', docsOf('en', articles));
    expect(Object.keys(built.docs[0] ?? {}).sort()).toEqual(['description', 'id', 'title', 'url']);
    expect(JSON.stringify(built)).not.toContain('Hammerbid bids in the smallest increment');
  });

  it('keeps vector weights to two decimals', async () => {
    const built = await buildSuggestIndex('en', docsOf('en', articles));
    expect(JSON.stringify(built.index)).not.toMatch(/\d\.\d{3,}/);
  });

  it('refuses a file of another format version, saying how to fix it', async () => {
    const built = await buildSuggestIndex('en', docsOf('en', articles));
    const stale = { ...built, version: 2 } as unknown as SerializedSuggestIndex;
    await expect(loadSuggestIndex(stale)).rejects.toThrow(/version 1.*rebuild/);
  });

  it('refuses an unknown locale, naming the locales it knows', async () => {
    const built = await buildSuggestIndex('en', docsOf('en', articles));
    const foreign = { ...built, locale: 'pt' } as unknown as SerializedSuggestIndex;
    await expect(loadSuggestIndex(foreign)).rejects.toThrow(/"pt".*en, nl, de, fr, it, es, ru, ko/);
  });

  it('refuses two articles with the same id', async () => {
    const twice = docsOf('en', [articles[0]!, articles[0]!]);
    await expect(buildSuggestIndex('en', twice)).rejects.toThrow(
      /documents 0 and 1 both have the id "how-bidding-works"/,
    );
  });
});

describe('loadAnalyser', () => {
  it('loads each locale once and shares it', async () => {
    const [first, second] = await Promise.all([loadAnalyser('de'), loadAnalyser('de')]);
    expect(first).toBe(second);
    expect(first.locale).toBe('de');
  });

  it('analyses a query the way it analyses the article text', async () => {
    const analyser = await loadAnalyser('en');
    expect(analyser.indexTerms('Bidding on lots')).toEqual(['bid', 'lot']);
    expect(analyser.queryWords('bidding').map((word) => word.terms)).toEqual([['bid']]);
  });
});
