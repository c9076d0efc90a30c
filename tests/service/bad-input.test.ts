import { describe, expect, test } from 'vitest';
import { postForm, postJson, readDatabase, serverForThisFile, ticket } from './helpers.ts';

const server = serverForThisFile();

const ticketCount = () =>
  readDatabase(
    server().dataDir,
    (db) => (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
  );

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({ type, status });
  expect(typeof problem.title).toBe('string');
  expect(Array.isArray(problem.errors)).toBe(true);
  return problem as { detail?: string; errors: Array<{ field: string; message: string }> };
}

const fieldsOf = (problem: { errors: Array<{ field: string }> }) =>
  problem.errors.map((error) => error.field).sort();

describe('refusing invalid fields with 422 and a message per field', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a malformed email', { email: 'anna@' }, 'email', /address like/],
    ['a subject under 3 characters', { subject: ' ab ' }, 'subject', /at least 3/],
    ['a subject over 150 characters', { subject: 'x'.repeat(151) }, 'subject', /at most 150/],
    ['a message under 10 characters', { message: 'too short' }, 'message', /at least 10/],
    ['a message over 5,000 characters', { message: 'y'.repeat(5001) }, 'message', /at most 5000/],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name', /at most 100/],
    ['an unknown locale', { locale: 'pt' }, 'locale', /one of: en, nl/],
    ['an unknown role', { role: 'admin' }, 'role', /buyer, seller/],
    ['an unknown topic', { topic: 'refunds-please' }, 'topic', /bidding/],
    ['a subject that is not text', { subject: 42 }, 'subject', /must be text/],
    ['an article id with spaces', { articleId: 'paying for lots' }, 'articleId', /lower case/],
    [
      'suggested articles that are not ids',
      { suggestedArticles: ['ok-id', 'Not OK'] },
      'suggestedArticles.1',
      /lower case/,
    ],
    ['opened articles that are not a list', { openedArticles: { a: 1 } }, 'openedArticles', /list/],
    ['a topic that is a number', { topic: 7 }, 'topic', /^topic must be one of: .*bidding/],
    ['a locale that is a number', { locale: 7 }, 'locale', /^locale must be one of: en, nl/],
    ['a role that is a number', { role: 7 }, 'role', /^role must be one of: buyer, seller$/],
    ['an email that is a number', { email: 7 }, 'email', /^email must be text$/],
    ['a message that is a list', { message: ['too', 'long'] }, 'message', /^message must be text$/],
    ['a name that is a number', { name: 7 }, 'name', /^name must be text$/],
    ['a search query that is an object', { searchQuery: {} }, 'searchQuery', /must be text$/],
    ['an article id that is a number', { articleId: 7 }, 'articleId', /lower case/],
    [
      'suggested articles that are numbers',
      { suggestedArticles: [7] },
      'suggestedArticles.0',
      /^suggestedArticles entries must be an article id/,
    ],
  ];
  test.each(cases)('%s', async (_name, override, field, message) => {
    const problem = await expectProblem(
      await postJson(server(), ticket(override)),
      422,
      '/problems/validation',
    );
    expect(fieldsOf(problem)).toEqual([field]);
    expect(problem.errors[0]?.message).toMatch(message);
  });

  test('names every missing required field at once', async () => {
    const problem = await expectProblem(await postJson(server(), {}), 422, '/problems/validation');
    expect(fieldsOf(problem)).toEqual(['email', 'locale', 'message', 'role', 'subject', 'topic']);
    for (const error of problem.errors) expect(error.message).toBe(`${error.field} is required`);
  });

  test('calls a field "required" only when it is missing, never when it has the wrong type', async () => {
    const numbers = { locale: 1, email: 2, role: 3, topic: 4, subject: 5, message: 6 };
    const problem = await expectProblem(
      await postJson(server(), numbers),
      422,
      '/problems/validation',
    );
    expect(fieldsOf(problem)).toEqual(Object.keys(numbers).sort());
    for (const error of problem.errors) expect(error.message).not.toMatch(/required/);
  });

  test('counts length in characters after cleaning, so control characters do not fill a subject', async () => {
    const problem = await expectProblem(
      await postJson(server(), ticket({ subject: 'a\u0000\u0001\u0002b' })),
      422,
      '/problems/validation',
    );
    expect(fieldsOf(problem)).toEqual(['subject']);
  });

  test('refuses an idempotency key that is not visible ASCII', async () => {
    const problem = await expectProblem(
      await postJson(server(), ticket(), { 'Idempotency-Key': 'x'.repeat(300) }),
      422,
      '/problems/validation',
    );
    expect(fieldsOf(problem)).toEqual(['Idempotency-Key']);
  });
});

describe('refusing bodies the service cannot read', () => {
  test('malformed JSON is a 400 that says where', async () => {
    const problem = await expectProblem(
      await postJson(server(), '{\n  "locale": "en",\n  "email": oops\n}'),
      400,
      '/problems/malformed-body',
    );
    expect(problem.detail).toMatch(/line 3, column 12/);
    expect(problem).toMatchObject({ line: 3, column: 12 });
  });

  test.each([
    ['an empty body', ''],
    ['a JSON array', '[1, 2]'],
    ['a JSON string', '"hello"'],
    ['JSON null', 'null'],
  ])('%s is a 400', async (_name, body) => {
    await expectProblem(await postJson(server(), body), 400, '/problems/malformed-body');
  });

  test('a body that is not UTF-8 is a 400', async () => {
    const response = await fetch(`${server().url}/api/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    await expectProblem(response, 400, '/problems/malformed-body');
  });

  test.each([
    ['text/plain'],
    ['multipart/form-data; boundary=x'],
    ['application/xml'],
    ['application/json; charset=latin1'],
  ])('Content-Type %s is a 415', async (contentType) => {
    const response = await postJson(server(), ticket(), { 'Content-Type': contentType });
    await expectProblem(response, 415, '/problems/unsupported-media-type');
  });

  test('a request without Content-Type is a 415', async () => {
    const response = await fetch(`${server().url}/api/tickets`, {
      method: 'POST',
      body: new Blob([JSON.stringify(ticket())]),
    });
    await expectProblem(response, 415, '/problems/unsupported-media-type');
  });

  test('a body over 64 KiB is a 413, announced or streamed', async () => {
    const huge = JSON.stringify(ticket({ message: 'z'.repeat(65 * 1024) }));
    await expectProblem(await postJson(server(), huge), 413, '/problems/payload-too-large');
    const streamed = await fetch(`${server().url}/api/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit);
    await expectProblem(streamed, 413, '/problems/payload-too-large');
  });
});

describe('refusing spam', () => {
  test('a filled honeypot is a 422 spam-suspected and nothing is stored', async () => {
    const before = ticketCount();
    await expectProblem(
      await postJson(server(), ticket({ website: 'https://cheap-watches.example' })),
      422,
      '/problems/spam-suspected',
    );
    const form = await postForm(server(), [
      ...Object.entries(ticket()).map(([k, v]) => [k, String(v)] as [string, string]),
      ['website', 'spam'],
    ]);
    await expectProblem(form, 422, '/problems/spam-suspected');
    expect(ticketCount()).toBe(before);
  });
});

describe('never answering bad input with a 5xx', () => {
  const bodies: unknown[] = [
    ticket({ email: null, subject: null, message: null }),
    ticket({ locale: ['en'], role: { buyer: true } }),
    ticket({ suggestedArticles: 'a,,b, ,c' }),
    ticket({ suggestedArticles: [1, 2, 3] }),
    ticket({ suggestedArticles: Array.from({ length: 60 }, (_, i) => `article-${i}`) }),
    ticket({ name: '\ud800 lone surrogate', subject: 'emoji 😀😀 subject' }),
    ticket({ message: '\u202e reversed text and more words here' }),
    ticket({ searchQuery: 'q'.repeat(5000) }),
    JSON.stringify(ticket()).replace('{', '{"__proto__":{"locale":"xx"},"constructor":"x",'),
    '{"locale":"en","locale":"nl"}',
    '{"a":' + '['.repeat(2000) + ']'.repeat(2000) + '}',
    '\uFEFF{"locale":"en"}',
    '0',
    'true',
  ];
  test.each(bodies.map((body, index) => [index, body]))('JSON body #%i', async (_index, body) => {
    const response = await postJson(server(), body);
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(500);
  });

  test.each([
    'locale=en&locale=nl&email=%ZZ&role=buyer',
    'suggestedArticles=%00%01&openedArticles=,,,',
    '&&&===',
    'message=' + '%E2%82'.repeat(100),
  ])('form body %s', async (body) => {
    const response = await fetch(`${server().url}/api/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(500);
  });

  test('unknown API paths answer 404 problems, wrong methods 405 with Allow', async () => {
    await expectProblem(
      await fetch(`${server().url}/api/nothing-here`),
      404,
      '/problems/not-found',
    );
    const wrongMethod = await fetch(`${server().url}/api/tickets`, { method: 'DELETE' });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    await expectProblem(wrongMethod, 405, '/problems/method-not-allowed');
  });

  test('the server logged no internal error', () => {
    expect(server().output()).not.toMatch(/failed:|Error:/);
  });
});
