import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadAnalyser } from '../../src/search/analysers/index.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import {
  fakeBuild,
  postJson,
  readDatabase,
  removeDir,
  startServer,
  ticket,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let distDir: string;

const article = (id: string, title: string, body: string) => ({
  id,
  title,
  description: title,
  body,
  keywords: [],
  labels: [],
  section: 'paying',
  audience: 'buyers' as const,
  english: false,
  url: `/en/articles/${id}/`,
});

beforeAll(async () => {
  const english = buildSearchIndex({
    locale: 'en',
    analyser: await loadAnalyser('en'),
    sections: {},
    categories: {},
    synonyms: [],
    withBody: true,
    articles: [
    article(
      'paying-for-lots',
      'Paying for lots',
      'Pay by card, iDEAL or bank transfer within 3 days.',
    ),
    article(
      'card-payment-failed',
      'My card payment failed',
      'When a card payment fails, check the card limit.',
    ),
    article('shipping-costs', 'Shipping costs', 'Sellers ship within 3 business days.'),
    article('two-step-sign-in', 'Two-step sign-in', 'Use an authenticator app or SMS.'),
    article(
      'auction-closing',
      'How auctions close',
      'Lots close one minute apart with soft close.',
    ),
    article('payment-methods', 'Payment methods', 'Visa, Mastercard, PayPal, SEPA bank transfer.'),
    article('payment-deadline', 'Payment deadline', 'Pay within 3 days; reminder after 48 hours.'),
    ],
  });
  distDir = fakeBuild({
    'en/index.html': '<h1>Help</h1>',
    'search/en.full.json': JSON.stringify(english),
  });
  server = await startServer({ distDir });
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
  removeDir(distDir);
});

describe('suggested articles attached to a new ticket', () => {
  test('the top 5 matches for subject and message are answered and stored with the ticket', async () => {
    const body = await (
      await postJson(
        server,
        ticket({ subject: 'Card payment failed', message: 'My card payment failed twice today.' }),
      )
    ).json();
    expect(body.suggestedArticles[0]).toBe('card-payment-failed');
    expect(body.suggestedArticles.length).toBeLessThanOrEqual(5);
    const stored = readDatabase(server.dataDir, (db) =>
      db.prepare('SELECT suggested_articles FROM tickets WHERE reference = ?').get(body.reference),
    ) as { suggested_articles: string };
    expect(JSON.parse(stored.suggested_articles)).toEqual(body.suggestedArticles);
  });

  test('a locale without an index stores the ticket without suggestions, logged once at start', async () => {
    const response = await postJson(
      server,
      ticket({ locale: 'ko', subject: '결제 실패', message: '카드 결제가 두 번 실패했습니다.' }),
    );
    expect(response.status).toBe(201);
    expect((await response.json()).suggestedArticles).toEqual([]);
    const warnings = server.output().match(/no search index for/g) ?? [];
    expect(warnings).toHaveLength(1);
    expect(server.output()).toMatch(/no search index for nl, de, fr, it, es, ru, ko/);
  });
});
