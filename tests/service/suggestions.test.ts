import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadAnalyser } from '../../src/search/analysers/index.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { draft } from './stores/ticket-store.contract.ts';
import {
  fakeBuild,
  postJson,
  readDatabase,
  removeDir,
  startServer,
  tempDir,
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
      article(
        'payment-methods',
        'Payment methods',
        'Visa, Mastercard, PayPal, SEPA bank transfer.',
      ),
      article(
        'payment-deadline',
        'Payment deadline',
        'Pay within 3 days; reminder after 48 hours.',
      ),
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

/** The stored suggestions of a ticket, once the service has found them after the commit. */
async function storedSuggestions(reference: string): Promise<string[]> {
  const read = () =>
    readDatabase(server.dataDir, (db) =>
      db
        .prepare('SELECT suggested_articles, suggestions_pending FROM tickets WHERE reference = ?')
        .get(reference),
    ) as { suggested_articles: string; suggestions_pending: number };
  await expect.poll(() => read().suggestions_pending, { timeout: 5000 }).toBe(0);
  return JSON.parse(read().suggested_articles) as string[];
}

describe('suggested articles attached to a new ticket', () => {
  test('the top 5 matches for subject and message are found after the commit and stored with it', async () => {
    const response = await postJson(
      server,
      ticket({ subject: 'Card payment failed', message: 'My card payment failed twice today.' }),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    // The answer does not wait for them, and does not show them (a replay answers the same).
    expect(body).not.toHaveProperty('suggestedArticles');
    const suggested = await storedSuggestions(body.reference);
    expect(suggested[0]).toBe('card-payment-failed');
    expect(suggested.length).toBeLessThanOrEqual(5);
  });

  test('a locale without an index stores the ticket without suggestions, logged once at start', async () => {
    const response = await postJson(
      server,
      ticket({ locale: 'ko', subject: '결제 실패', message: '카드 결제가 두 번 실패했습니다.' }),
    );
    expect(response.status).toBe(201);
    expect(await storedSuggestions((await response.json()).reference)).toEqual([]);
    // The indexes load in the background after start; the warning follows the last one.
    await expect
      .poll(() => server.output())
      .toMatch(/no search index for nl, de, fr, it, es, ru, ko/);
    expect(server.output().match(/no search index for/g)).toHaveLength(1);
  });

  test('a long message full of greetings still gets the article its telling words name', async () => {
    const message =
      'Hello, good morning, I hope you are well. Please help me as soon as possible, thank you. ' +
      'I wanted to say that yesterday I tried again and again, and my authenticator app shows codes ' +
      'but the SMS never comes. '.repeat(4) +
      'Thank you very much for your help, kind regards.';
    const body = await (await postJson(server, ticket({ subject: 'Help please', message }))).json();
    expect((await storedSuggestions(body.reference))[0]).toBe('two-step-sign-in');
  });
});

test('tickets acknowledged before a crash get their suggestions when the service starts again', async () => {
  const dataDir = tempDir('pending');
  // A ticket stored, acknowledged and left pending, as a killed instance leaves it.
  const stores = openSqliteStores({ dataDir });
  const created = await stores.tickets.createTicket({
    ...draft({
      locale: 'en',
      subject: 'Card payment failed',
      message: 'My card payment failed twice.',
    }),
    team: 'email-en',
    suggestedArticles: [],
    suggestionsPending: true,
  });
  await stores.close();
  if (created.outcome !== 'created') throw new Error('not created');
  const again = await startServer({ distDir, dataDir });
  try {
    await expect
      .poll(() =>
        readDatabase(dataDir, (db) =>
          db
            .prepare(
              'SELECT suggested_articles FROM tickets WHERE suggestions_pending = 0 AND id = ?',
            )
            .get(created.ticket.id),
        ),
      )
      .toEqual({ suggested_articles: expect.stringContaining('card-payment-failed') });
    expect(again.output()).toMatch(/suggested articles for 1 tickets left pending by the last run/);
  } finally {
    await again.stop();
  }
});

describe('GET /api/suggestions (the contact page, as the reader types)', () => {
  const get = (query: string) => fetch(`${server.url}/api/suggestions?${query}`);

  test('answers the best articles with what a suggestion shows, cacheable for a minute', async () => {
    const response = await get('locale=en&q=card%20payment%20failed');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = await response.json();
    expect(body.context).toBeNull();
    expect(body.articles[0]).toEqual({
      id: 'card-payment-failed',
      title: 'My card payment failed',
      description: 'My card payment failed',
      url: '/en/articles/card-payment-failed/',
    });
    expect(body.articles.length).toBeLessThanOrEqual(5);
  });

  test('names the article the reader came from, and suggests for its title when nothing is typed', async () => {
    const body = await (await get('locale=en&article=shipping-costs')).json();
    expect(body.context).toEqual({
      id: 'shipping-costs',
      title: 'Shipping costs',
      url: '/en/articles/shipping-costs/',
    });
    expect(body.articles[0].id).toBe('shipping-costs');
    const unknown = await (await get('locale=en&article=no-such-article&q=payment')).json();
    expect(unknown.context).toBeNull();
    expect(unknown.articles.length).toBeGreaterThan(0);
  });

  test('refuses wrong parameters, naming each', async () => {
    const response = await get(
      `locale=xx&q=${'a'.repeat(201)}&article=${encodeURIComponent('<script>')}`,
    );
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'article',
      'locale',
      'q',
    ]);
    expect(JSON.stringify(problem)).not.toContain('<script>');
  });

  test('says suggestions are unavailable for a locale without an index, so the page can say so', async () => {
    const response = await get('locale=ko&q=%EA%B2%B0%EC%A0%9C');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await response.json()).detail).toMatch(/no search index for ko/);
  });
});
