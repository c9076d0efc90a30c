import { describe, expect, it } from 'vitest';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';
import {
  buildSearchIndex,
  buildSearchIndexes,
  descriptionFile,
  descriptionFiles,
  descriptionShardSize,
  type IndexSource,
} from '../../../src/search/search-index.ts';
import { editDistance, loadSearchIndex, planQuery } from '../../../src/search/search.ts';
import { loadIndexFile, minQueryLength, suggestArticles } from '../../../src/search/suggest.ts';
import { synonymRules } from '../../../src/search/synonyms.ts';
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
  [
    'payouts',
    'How payouts work',
    'We transfer the money to your bank account.',
    'The money for a sold lot reaches your IBAN 2 working days after the buyer confirms receipt.',
  ],
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

  it('returns nothing for empty, blank, too short, emoji-only or stop-word-only queries', async () => {
    const suggest = await suggesterFor('en', articles);
    for (const query of ['', '   ', 'bi', '😀😀😀', 'how do I', 'the, and... of?!'])
      expect(suggest(query), query).toEqual([]);
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

  it('returns nothing from an index without articles', async () => {
    const suggest = await suggesterFor('nl', []);
    expect(suggest('verzendkosten')).toEqual([]);
  });
});

describe('ranked retrieval', () => {
  it('answers a full question although no article has every word of it', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('When will I get the money for my sold lot?')[0]).toBe('payouts');
  });

  it('ranks the article matching more of the words first', async () => {
    const suggest = await suggesterFor('en', articles);
    // Both mention "bid"; only one is about bids that are placed automatically.
    expect(suggest('can the site bid automatically for me')[0]).toBe('automatic-bids');
  });

  it('ranks a title match above the same word in the text', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('increments')[0]).toBe('bid-increments');
  });

  it('finds an article by a keyword its text does not use', async () => {
    const rows = docsOf('en', articles);
    rows.find((a) => a.id === 'payouts')!.keywords = ['withdraw', 'cash out'];
    const suggest = await suggesterFor('en', rows);
    expect(suggest('how do I cash out')[0]).toBe('payouts');
  });

  it('applies equivalent synonyms both ways and one-way expansions one way', async () => {
    const rules = synonymRules({
      equivalent: [['payout', 'cash out']],
      expand: { refund: ['money back'] },
    });
    const rows: DocRow[] = [
      ['payouts', 'Payouts', 'When the payout reaches your bank.', ''],
      ['cashing', 'Cash out your winnings', 'Cash out of the wallet.', ''],
      ['money-back', 'Money back guarantee', 'Get your money back.', ''],
    ];
    const suggest = await suggesterFor('en', rows, rules);
    expect(suggest('cash out')).toEqual(expect.arrayContaining(['payouts', 'cashing']));
    expect(suggest('payout')).toEqual(expect.arrayContaining(['payouts', 'cashing']));
    expect(suggest('refund')).toEqual(['money-back']);
    expect(suggest('money back')).not.toContain('refund');
  });

  it('corrects a typo from the words of titles and keywords', async () => {
    const suggest = await suggesterFor('en', articles);
    expect(suggest('automatc bids')[0]).toBe('automatic-bids');
    expect(suggest('incremnets')[0]).toBe('bid-increments');
  });

  it('splits a German compound the articles write apart', async () => {
    const rows: DocRow[] = [
      ['buyers-premium', 'Aufgeld des Käufers', 'Das Aufgeld kommt zum Zuschlag hinzu.', ''],
      ['shipping', 'Versand', 'Was der Versand kostet.', ''],
    ];
    const suggest = await suggesterFor('de', rows);
    expect(suggest('käuferaufgeld')[0]).toBe('buyers-premium');
  });

  it('joins two German words the articles write as one', async () => {
    const rows: DocRow[] = [
      ['shipping-costs', 'Versandkosten', 'Was kostet der Versand ins Ausland.', ''],
      ['payouts', 'Auszahlungen', 'Wann das Geld kommt.', ''],
    ];
    const suggest = await suggesterFor('de', rows);
    expect(suggest('versand kosten')[0]).toBe('shipping-costs');
  });

  it('marks what each planned word stands for', async () => {
    const analyser = await loadAnalyser('en');
    const built = buildSearchIndex({
      locale: 'en',
      analyser,
      articles: docsOf('en', articles),
      sections: {},
      categories: {},
      synonyms: synonymRules({ equivalent: [], expand: { refund: ['money back'] } }),
      withBody: false,
    });
    const plan = planQuery(loadSearchIndex(built, analyser), 'refund automatc');
    expect(plan.planned.map((p) => [p.kind, p.text, p.covers])).toEqual([
      ['typed', 'refund', [0]],
      ['typed', 'automatc', [1]],
      ['typo', 'automatic', [1]],
      ['synonym', 'money back', [0]],
    ]);
  });
});

describe('the serialized search index', () => {
  const build = async (locale: 'en' | 'ru' | 'ko', rows: IndexSource[], withBody = false) =>
    buildSearchIndex({
      locale,
      analyser: await loadAnalyser(locale),
      articles: rows,
      sections: {},
      categories: {},
      synonyms: [],
      withBody,
    });

  it('gives the same results after build → JSON.stringify → JSON.parse → load', async () => {
    for (const locale of ['en', 'ru', 'ko'] as const) {
      const built = await build(locale, docsOf(locale, articles), true);
      const direct = await loadIndexFile(built);
      const reloaded = await loadIndexFile(JSON.parse(JSON.stringify(built)));
      for (const query of [
        'bid',
        'automatic',
        'how bidding',
        'auct',
        'payment',
        'maximun',
        'close',
      ])
        expect(suggestArticles(reloaded, query)).toEqual(suggestArticles(direct, query));
    }
  });

  it('stores gaps between documents and addresses once, and loads them back whole', async () => {
    const rows = docsOf('en', articles);
    const built = await build('en', rows, true);
    expect(built.articlePath).toBe('/en/articles/');
    expect(JSON.stringify(built)).not.toContain('/en/articles/how-bidding-works/');
    // "bid" is in the title or text of several articles; the file holds the gaps between them.
    const stored = built.terms['bid']!;
    const loaded = (await loadIndexFile(built)).data;
    const docs = loaded.terms['bid']!.filter((_, i) => i % 3 === 0);
    expect(docs).toEqual([...docs].sort((a, b) => a - b));
    expect(stored.filter((_, i) => i % 3 === 0)).toEqual(
      docs.map((doc, i) => (i === 0 ? doc : doc - docs[i - 1]!)),
    );
    expect(loaded.docs.map((doc) => doc.url)).toEqual(rows.map((row) => row.url));
    const words = loaded.words['bid']!;
    expect(words.map((doc) => loaded.docs[doc]!.id)).toEqual(
      ['how-bidding-works', 'automatic-bids', 'bid-increments'].filter((id) =>
        words.some((d) => loaded.docs[d]!.id === id),
      ),
    );
  });

  it('ranks the article whose text has the words side by side first, in the service variant too', async () => {
    const filler =
      'Lots close on Sunday evening and the auction house sends every invoice by email. '.repeat(6);
    const rows = docsOf('en', [
      [
        'far-apart',
        'Payments',
        'About paying.',
        `Your card works. ${filler} A transfer can be declined.`,
      ],
      [
        'side-by-side',
        'Payment problems',
        'When paying fails.',
        `${filler} If your card is declined, try again.`,
      ],
    ]);
    const built = await build('en', rows, true);
    // Where each word stands in the text travels in the service's file, gaps and all.
    expect(Object.keys(built.positions ?? {})).toContain('declin');
    const index = await loadIndexFile(JSON.parse(JSON.stringify(built)));
    expect(suggestArticles(index, 'card declined').map((r) => r.doc.id)).toEqual([
      'side-by-side',
      'far-apart',
    ]);
    // The browser's variant has no positions: Pagefind gives them there.
    expect((await build('en', rows)).positions).toBeUndefined();
  });

  it('leaves the descriptions to files of their own in the browser’s variant, named by their content', async () => {
    // More articles than one file holds, so positions past the first file are looked up too.
    const rows = Array.from(
      { length: descriptionShardSize * 2 + 3 },
      (_, n) => docsOf('en', articles)[n % articles.length]!,
    ).map((row, n) => ({
      ...row,
      id: `${row.id}-${n}`,
      url: `/en/articles/${row.id}-${n}/`,
      description: `${row.description} (${n})`,
    }));
    const browser = await build('en', rows);
    const full = await build('en', rows, true);
    expect(browser.docs.description).toBeUndefined();
    expect(full.docs.description).toEqual(rows.map((row) => row.description));
    expect(full.descriptions).toBeUndefined();
    // Their words still count: a description's word finds its article in both.
    const loaded = await loadIndexFile(JSON.parse(JSON.stringify(browser)));
    expect(suggestArticles(loaded, 'bid').length).toBeGreaterThan(0);
    expect(loaded.data.docs[0]!.description).toBeUndefined();

    const { shards, files } = descriptionFiles(
      'en',
      rows.map((row) => row.description),
    );
    expect(browser.descriptions).toEqual(shards);
    expect(files.size).toBe(3);
    rows.forEach((row, position) => {
      const { file, offset } = descriptionFile('en', shards, position);
      expect(file).toMatch(/^en\.descriptions\.[0-9a-f]{10}\.\d+\.json$/);
      expect(files.get(file)![offset]).toBe(row.description);
    });
    // Another description, other names: a page never reads one build's file for another's index.
    const changed = rows.map((row, n) => (n === 5 ? { ...row, description: 'Changed.' } : row));
    expect((await build('en', changed)).descriptions!.version).not.toBe(shards.version);
  });

  it('makes both variants from one analysis, the same as building each', async () => {
    const rows = docsOf('ru', articles);
    const input = {
      locale: 'ru' as const,
      analyser: await loadAnalyser('ru'),
      articles: rows,
      sections: {},
      categories: {},
      synonyms: [],
    };
    const both = buildSearchIndexes(input);
    expect(both.browser).toEqual(buildSearchIndex({ ...input, withBody: false }));
    expect(both.full).toEqual(buildSearchIndex({ ...input, withBody: true }));
  });

  it('refuses articles whose addresses do not share one pattern, naming the article', async () => {
    const rows = docsOf('en', articles).map((row, i) =>
      i === 2 ? { ...row, url: '/en/elsewhere/bid-increments/' } : row,
    );
    await expect(build('en', rows)).rejects.toThrow(
      /"bid-increments" is at \/en\/elsewhere\/bid-increments\/, not at \/en\/articles\/bid-increments\//,
    );
  });

  it('keeps the text out of the browser variant and in the service variant', async () => {
    const browser = await build('en', docsOf('en', articles));
    const service = await build('en', docsOf('en', articles), true);
    expect(Object.keys(browser.terms)).not.toContain('smallest');
    expect(Object.keys(service.terms)).toContain('smallest');
    expect(JSON.stringify(browser)).not.toContain('smallest increment');
  });

  it('refuses a file of another format version, saying how to fix it', async () => {
    const built = await build('en', docsOf('en', articles));
    await expect(loadIndexFile({ ...built, version: 1 })).rejects.toThrow(
      /version 3.*npm run build/,
    );
  });

  it('refuses two articles with the same id', async () => {
    const twice = docsOf('en', [articles[0]!, articles[0]!]);
    await expect(build('en', twice)).rejects.toThrow(/"how-bidding-works" is listed twice/);
  });
});

describe('editDistance', () => {
  it.each([
    ['recieved', 'received', 1],
    ['shiping', 'shipping', 1],
    ['paymnet', 'payment', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('auction', 'zzzzzzz', 1)).toBe(2);
  });
});
