// "Was this helpful?" through the in-process app: a real SQLite file, a copy of content/ the test
// may change, a pinned clock and a client address the test chooses per request.
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { Role } from '../../src/server/auth/roles.ts';
import { startSession } from '../../src/server/auth/sessions.ts';
import { contentRepository } from '../../src/server/content/repository.ts';
import { silentLogger } from '../../src/server/log.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import type { Stores, VoteDraft } from '../../src/server/store/types.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { revisionOf } from '../../src/lib/revision.ts';
import { readDatabase, repoRoot, tempDir } from './helpers.ts';

const origin = 'http://localhost';
const support = loadSupportConfig();
const open: Stores[] = [];
afterAll(async () => {
  for (const stores of open.splice(0)) await stores.close();
});

const browser = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36';

function voteService(options: { rateLimit?: number } = {}) {
  const contentDir = join(tempDir('vote-content'), 'content');
  cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
  const dataDir = tempDir('vote-data');
  const stores = openSqliteStores({ dataDir });
  open.push(stores);
  let clock = Date.parse('2026-11-30T09:00:00Z');
  const app = createApp({
    stores,
    support,
    content: contentRepository(contentDir),
    now: () => Temporal.Instant.fromEpochMilliseconds(clock),
    log: silentLogger,
    clientAddress: (c) => c.req.header('x-test-client'),
    ...(options.rateLimit ? { voteRateLimit: { max: options.rateLimit, windowSeconds: 600 } } : {}),
  });
  const articleFile = (locale: string, id: string) =>
    join(contentDir, 'articles', locale, `${id}.mdx`);
  return {
    app,
    stores,
    dataDir,
    advance: (ms: number) => {
      clock += ms;
    },
    revision: (id = 'paying-for-lots', locale = 'en') =>
      revisionOf(readFileSync(articleFile(locale, id), 'utf8')),
    /** A writer changes the article: its revision changes. */
    edit: (id = 'paying-for-lots', locale = 'en') =>
      appendFileSync(articleFile(locale, id), '\nOne more sentence for readers.\n'),
    async signIn(role: Role) {
      const added = await stores.people.add(
        { email: `${role}@hammerbid.test`, role, name: role },
        { actor: 'cli', at: new Date(clock).toISOString() },
      );
      const cookie = await startSession(
        stores,
        added.person,
        'email-link',
        new Date(clock),
        new URL(origin),
      );
      return cookie.split(';')[0]!;
    },
    /** A vote as the island sends it (JSON answer), or as the plain form posts it. */
    vote(
      fields: Record<string, string>,
      reader: {
        client?: string;
        agent?: string;
        cookie?: string;
        form?: boolean;
        headers?: Record<string, string>;
      } = {},
    ) {
      return app.request(`${origin}/api/votes`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: origin,
          'Sec-Fetch-Site': 'same-origin',
          'User-Agent': reader.agent ?? browser,
          'X-Test-Client': reader.client ?? '203.0.113.7',
          Accept: reader.form ? 'text/html,application/xhtml+xml,*/*;q=0.8' : 'application/json',
          ...(reader.cookie ? { Cookie: reader.cookie } : {}),
          ...reader.headers,
        },
        body: new URLSearchParams(fields).toString(),
      });
    },
    request(path: string, cookie?: string) {
      return app.request(`${origin}${path}`, {
        headers: { Accept: 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      });
    },
    rows(): Record<string, unknown>[] {
      return readDatabase(dataDir, (db) =>
        db.prepare('SELECT * FROM votes ORDER BY id').all(),
      ) as Record<string, unknown>[];
    },
  };
}

type Service = ReturnType<typeof voteService>;

function onArticle(service: Service, extra: Record<string, string> = {}) {
  return {
    articleId: 'paying-for-lots',
    locale: 'en',
    revision: service.revision(),
    audience: 'public',
    ...extra,
  };
}

describe('one vote per reader per article revision', () => {
  test('a second answer from the same reader the same day changes the vote, it does not count twice', async () => {
    const service = voteService();
    const first = await service.vote(onArticle(service, { helpful: 'yes' }));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      next: 'thanks',
      helpful: true,
      reason: null,
      updated: false,
    });
    const second = await service.vote(onArticle(service, { helpful: 'no' }));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({
      next: 'why',
      helpful: false,
      reason: null,
      updated: true,
    });
    const [tally] = await service.stores.votes.tallies({ articleId: 'paying-for-lots' });
    expect(tally).toMatchObject({ yes: 0, no: 1, locale: 'en', audience: 'public' });
    expect(service.rows()).toHaveLength(1);
  });

  test('another reader, told apart by address or browser, counts as another vote', async () => {
    const service = voteService();
    await service.vote(onArticle(service, { helpful: 'yes' }), { client: '203.0.113.7' });
    await service.vote(onArticle(service, { helpful: 'yes' }), { client: '198.51.100.20' });
    await service.vote(onArticle(service, { helpful: 'no' }), {
      agent: 'Mozilla/5.0 Firefox/150.0',
    });
    const [tally] = await service.stores.votes.tallies({ articleId: 'paying-for-lots' });
    expect(tally).toMatchObject({ yes: 2, no: 1 });
  });

  test('the next day the same reader gets another hash, and yesterday’s salt is gone', async () => {
    const service = voteService();
    await service.vote(onArticle(service, { helpful: 'yes' }));
    service.advance(24 * 3600_000);
    await service.vote(onArticle(service, { helpful: 'yes' }));
    const [monday, tuesday] = service.rows();
    expect(monday!.day).toBe('2026-11-30');
    expect(tuesday!.day).toBe('2026-12-01');
    expect(tuesday!.voter).not.toBe(monday!.voter);
    const salts = readDatabase(service.dataDir, (db) =>
      db.prepare('SELECT day FROM daily_salts').all(),
    );
    expect(salts).toEqual([{ day: '2026-12-01' }]);
  });

  test('a new revision restarts the counts and keeps the earlier revision as history', async () => {
    const service = voteService();
    const before = service.revision();
    await service.vote(onArticle(service, { helpful: 'no' }));
    service.edit();
    const after = service.revision();
    expect(after).not.toBe(before);
    const again = await service.vote(onArticle(service, { helpful: 'yes' }));
    expect(again.status).toBe(201);
    const current = await service.stores.votes.tallies({
      articleId: 'paying-for-lots',
      locale: 'en',
      revision: after,
    });
    expect(current).toEqual([expect.objectContaining({ yes: 1, no: 0 })]);
    const history = await service.stores.votes.tallies({
      articleId: 'paying-for-lots',
      locale: 'en',
    });
    expect(history.map((t) => [t.revision, t.yes, t.no]).sort()).toEqual(
      [
        [before, 0, 1],
        [after, 1, 0],
      ].sort(),
    );
    // A page still showing the earlier text may be answered; a revision never seen may not.
    const late = await service.vote(onArticle(service, { helpful: 'yes', revision: before }), {
      client: '198.51.100.20',
    });
    expect(late.status).toBe(201);
    const made_up = await service.vote(
      onArticle(service, { helpful: 'yes', revision: '0123456789ab' }),
    );
    expect(made_up.status).toBe(409);
    expect(await made_up.json()).toMatchObject({
      type: '/problems/conflict',
      errors: [{ field: 'revision' }],
    });
  });
});

describe('reasons and comments', () => {
  test('after "no" the reason and comment are added to the same vote', async () => {
    const service = voteService();
    await service.vote(onArticle(service, { helpful: 'no' }));
    const why = await service.vote(
      onArticle(service, {
        helpful: 'no',
        reason: 'missing-information',
        comment: '  Which cards?\r\nVisa? ',
      }),
    );
    expect(await why.json()).toMatchObject({
      next: 'thanks',
      reason: 'missing-information',
      updated: true,
    });
    expect(service.rows()).toEqual([
      expect.objectContaining({
        helpful: 0,
        reason: 'missing-information',
        comment: 'Which cards?\nVisa?',
      }),
    ]);
    const [tally] = await service.stores.votes.tallies();
    expect(tally!.reasons).toMatchObject({ 'missing-information': 1, incorrect: 0, other: 0 });
    expect(tally!.comments).toBe(1);
    const comments = await service.stores.votes.recentComments({ articleId: 'paying-for-lots' });
    expect(comments).toEqual([
      expect.objectContaining({ comment: 'Which cards?\nVisa?', reason: 'missing-information' }),
    ]);
  });

  test('changing the answer to "yes" drops the reason and the comment', async () => {
    const service = voteService();
    await service.vote(
      onArticle(service, { helpful: 'no', reason: 'unclear', comment: 'Too long' }),
    );
    await service.vote(onArticle(service, { helpful: 'yes' }));
    expect(service.rows()).toEqual([
      expect.objectContaining({ helpful: 1, reason: null, comment: null }),
    ]);
    expect(await service.stores.votes.recentComments()).toEqual([]);
  });

  test.each([
    ['a reason with "yes"', { helpful: 'yes', reason: 'unclear' }, 'reason'],
    ['a comment with "yes"', { helpful: 'yes', comment: 'Great' }, 'comment'],
    ['an unknown reason', { helpful: 'no', reason: 'boring' }, 'reason'],
    ['a comment over 1000 characters', { helpful: 'no', comment: 'é'.repeat(1001) }, 'comment'],
    ['no answer at all', {}, 'helpful'],
    ['an unknown locale', { helpful: 'yes', locale: 'pt' }, 'locale'],
  ])('refuses %s with a problem naming the field', async (_name, fields, field) => {
    const service = voteService();
    const response = await service.vote(onArticle(service, fields));
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(service.rows()).toEqual([]);
  });

  test('accepts a comment of exactly 1000 characters', async () => {
    const service = voteService();
    const response = await service.vote(
      onArticle(service, { helpful: 'no', reason: 'other', comment: '가'.repeat(1000) }),
    );
    expect(response.status).toBe(201);
  });
});

describe('which articles can be voted on', () => {
  test('refuses an article that does not exist', async () => {
    const service = voteService();
    const response = await service.vote(
      onArticle(service, { helpful: 'yes', articleId: 'no-such-article' }),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'articleId' }] });
  });

  test('says what a field of the wrong type must be, and "required" only when it is missing', async () => {
    const service = voteService();
    const wrong = await service.app.request('/api/votes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Test-Client': '203.0.113.70' },
      body: JSON.stringify({ articleId: 7, locale: 7, revision: 7, helpful: 7 }),
    });
    expect(wrong.status).toBe(422);
    const { errors } = (await wrong.json()) as {
      errors: Array<{ field: string; message: string }>;
    };
    expect(errors.map((error) => error.field).sort()).toEqual([
      'articleId',
      'helpful',
      'locale',
      'revision',
    ]);
    for (const error of errors) expect(error.message).toMatch(new RegExp(`^${error.field} must `));
    const missing = await service.vote({});
    const missed = (await missing.json()) as { errors: Array<{ field: string; message: string }> };
    for (const error of missed.errors) expect(error.message).toBe(`${error.field} is required`);
  });

  test('refuses a public vote on an internal article', async () => {
    const service = voteService();
    const response = await service.vote({
      ...onArticle(service, { helpful: 'yes', articleId: 'fraud-signals' }),
      revision: service.revision('fraud-signals'),
    });
    expect(response.status).toBe(422);
  });

  test('accepts a vote on a translated page at the translation’s revision', async () => {
    const service = voteService();
    const response = await service.vote(
      onArticle(service, {
        helpful: 'yes',
        locale: 'nl',
        revision: service.revision('paying-for-lots', 'nl'),
      }),
    );
    expect(response.status).toBe(201);
  });
});

describe('votes on the agents’ help centre', () => {
  const internal = (service: Service) =>
    onArticle(service, {
      helpful: 'no',
      audience: 'internal',
      articleId: 'fraud-signals',
      revision: service.revision('fraud-signals'),
    });

  test('are refused without a session', async () => {
    const service = voteService();
    const response = await service.vote(internal(service));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: '/problems/sign-in-required' });
    expect(service.rows()).toEqual([]);
  });

  test('count one vote per agent, whatever address they come from, without their id', async () => {
    const service = voteService();
    const cookie = await service.signIn('agent');
    expect((await service.vote(internal(service), { cookie, client: '10.0.0.1' })).status).toBe(
      201,
    );
    const moved = await service.vote(
      { ...internal(service), helpful: 'yes' },
      { cookie, client: '10.0.0.2' },
    );
    expect(await moved.json()).toMatchObject({ updated: true });
    const rows = service.rows();
    expect(rows).toEqual([expect.objectContaining({ audience: 'internal', helpful: 1 })]);
    const person = await service.stores.people.findByEmail('agent@hammerbid.test');
    expect(JSON.stringify(rows)).not.toContain(person!.id);
  });

  test('are refused when the signed-in post does not come from the site’s own pages', async () => {
    const service = voteService();
    const cookie = await service.signIn('agent');
    const response = await service.vote(internal(service), {
      cookie,
      headers: { 'Sec-Fetch-Site': 'same-site', Origin: 'http://other.localhost' },
    });
    expect(response.status).toBe(403);
  });
});

describe('the form without scripts', () => {
  test('is sent back to the article: #helpful-thanks after yes, #helpful-why after no, thanks after the reason', async () => {
    const service = voteService();
    const yes = await service.vote(onArticle(service, { helpful: 'yes' }), { form: true });
    expect(yes.status).toBe(303);
    expect(yes.headers.get('location')).toBe('/en/articles/paying-for-lots/#helpful-thanks');
    const no = await service.vote(onArticle(service, { helpful: 'no' }), { form: true });
    expect(no.headers.get('location')).toBe('/en/articles/paying-for-lots/#helpful-why');
    const why = await service.vote(
      onArticle(service, { helpful: 'no', reason: 'unclear', comment: '' }),
      { form: true },
    );
    expect(why.status).toBe(303);
    expect(why.headers.get('location')).toBe('/en/articles/paying-for-lots/#helpful-thanks');
    expect(service.rows()).toEqual([expect.objectContaining({ reason: 'unclear', comment: null })]);
  });

  test('an agent is sent back to the article under /agents/', async () => {
    const service = voteService();
    const cookie = await service.signIn('lead');
    const response = await service.vote(
      onArticle(service, {
        helpful: 'no',
        audience: 'internal',
        locale: 'ko',
        revision: service.revision(),
      }),
      { cookie, form: true },
    );
    expect(response.headers.get('location')).toBe(
      '/agents/ko/articles/paying-for-lots/#helpful-why',
    );
  });

  test('a refusal is a small page in the reader’s language with a link back, everything escaped', async () => {
    const service = voteService();
    const response = await service.vote(
      onArticle(service, { helpful: 'no', locale: 'ru', comment: '<script>'.repeat(200) }),
      { form: true },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const ru = JSON.parse(readFileSync(join(repoRoot, 'src/i18n/locales/ru.json'), 'utf8'));
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain(ru['helpful.error.commentTooLong']);
    expect(html).toContain(
      `<a href="/ru/articles/paying-for-lots/">${ru['helpful.error.back']}</a>`,
    );
    expect(html).not.toContain('<script>');
  });

  test('a plain form post from the site’s own page passes the same-origin check; another site’s does not', async () => {
    const service = voteService();
    const own = await service.vote(onArticle(service, { helpful: 'yes' }), {
      form: true,
      headers: { 'Sec-Fetch-Site': 'same-origin', Origin: origin },
    });
    expect(own.status).toBe(303);
    const cross = await service.vote(onArticle(service, { helpful: 'yes' }), {
      form: true,
      client: '198.51.100.20',
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    expect(service.rows()).toHaveLength(1);
  });
});

describe('abuse limits', () => {
  test('answers 429 with Retry-After once a client sent too many answers', async () => {
    const service = voteService({ rateLimit: 3 });
    for (let i = 0; i < 3; i++)
      expect((await service.vote(onArticle(service, { helpful: 'yes' }))).status).toBeLessThan(300);
    const refused = await service.vote(onArticle(service, { helpful: 'yes' }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ type: '/problems/rate-limited' });
    const page = await service.vote(onArticle(service, { helpful: 'yes' }), { form: true });
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('<a href="/en/articles/paying-for-lots/">');
    // Another client is not held back, and the window moves on.
    expect(
      (await service.vote(onArticle(service, { helpful: 'yes' }), { client: '198.51.100.20' }))
        .status,
    ).toBe(201);
    service.advance(601_000);
    expect((await service.vote(onArticle(service, { helpful: 'yes' }))).status).toBe(200);
  });

  test('refuses a body over the limit with 413', async () => {
    const service = voteService();
    const response = await service.vote(
      onArticle(service, { helpful: 'no', comment: 'x'.repeat(20_000) }),
    );
    expect(response.status).toBe(413);
  });
});

describe('privacy', () => {
  test('no address, browser string or person id is stored anywhere in the votes table', async () => {
    const service = voteService();
    await service.vote(onArticle(service, { helpful: 'no', reason: 'other', comment: 'Hmm' }), {
      client: '203.0.113.7',
    });
    const [row] = service.rows();
    expect(Object.keys(row!).sort()).toEqual(
      [
        'article_id',
        'audience',
        'comment',
        'created_at',
        'day',
        'helpful',
        'id',
        'locale',
        'reason',
        'revision',
        'updated_at',
        'voter',
      ].sort(),
    );
    const raw = JSON.stringify(row);
    expect(raw).not.toContain('203.0.113.7');
    expect(raw).not.toContain('Chrome');
    expect(row!.voter).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('the leads’ summary of an article', () => {
  const summaryOf = (service: Service, cookie?: string) =>
    service.request(
      `/api/votes/summary?articleId=paying-for-lots&locale=en&revision=${service.revision()}`,
      cookie,
    );

  test('gives a lead the current revision’s tally, its history and the latest comments', async () => {
    const service = voteService();
    const before = service.revision();
    await service.vote(
      onArticle(service, {
        helpful: 'no',
        reason: 'incorrect',
        comment: '<img src=x onerror=alert(1)>',
      }),
    );
    service.edit();
    await service.vote(onArticle(service, { helpful: 'yes' }), { client: '198.51.100.20' });
    const response = await summaryOf(service, await service.signIn('lead'));
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary.current).toEqual([
      expect.objectContaining({ revision: service.revision(), yes: 1, no: 0 }),
    ]);
    expect(summary.history.map((t: { revision: string }) => t.revision).sort()).toEqual(
      [before, service.revision()].sort(),
    );
    expect(summary.comments).toEqual([
      expect.objectContaining({
        revision: before,
        reason: 'incorrect',
        comment: '<img src=x onerror=alert(1)>',
      }),
    ]);
  });

  test('is refused to agents and to readers', async () => {
    const service = voteService();
    expect((await summaryOf(service)).status).toBe(401);
    expect((await summaryOf(service, await service.signIn('agent'))).status).toBe(403);
  });
});

describe('the vote store for the reports', () => {
  const draft = (voter: string, at: string, extra: Partial<VoteDraft> = {}): VoteDraft => ({
    articleId: 'paying-for-lots',
    locale: 'en',
    audience: 'public',
    revision: 'aaaaaaaaaaaa',
    helpful: false,
    reason: 'other',
    comment: `comment of ${voter}`,
    voter,
    day: at.slice(0, 10),
    at,
    ...extra,
  });

  test('lists comments newest first, within a time window and a limit', async () => {
    const { stores } = voteService();
    await stores.votes.cast(draft('a', '2026-11-01T10:00:00.000Z'));
    await stores.votes.cast(draft('b', '2026-11-02T10:00:00.000Z'));
    await stores.votes.cast(draft('c', '2026-11-03T10:00:00.000Z', { locale: 'nl' }));
    await stores.votes.cast(
      draft('d', '2026-11-04T10:00:00.000Z', { helpful: true, reason: null, comment: null }),
    );
    const all = await stores.votes.recentComments();
    expect(all.map((c) => c.comment)).toEqual(['comment of c', 'comment of b', 'comment of a']);
    const window = await stores.votes.recentComments({
      since: '2026-11-02',
      until: '2026-11-03',
      limit: 1,
    });
    expect(window.map((c) => c.comment)).toEqual(['comment of b']);
    expect((await stores.votes.recentComments({ locale: 'nl' })).map((c) => c.comment)).toEqual([
      'comment of c',
    ]);
  });

  test('tallies by audience and revision, and knows which revisions had votes', async () => {
    const { stores } = voteService();
    await stores.votes.cast(draft('a', '2026-11-01T10:00:00.000Z'));
    await stores.votes.cast(
      draft('b', '2026-11-01T11:00:00.000Z', {
        audience: 'internal',
        helpful: true,
        reason: null,
        comment: null,
      }),
    );
    await stores.votes.cast(
      draft('c', '2026-11-02T10:00:00.000Z', {
        revision: 'bbbbbbbbbbbb',
        reason: 'unclear',
        comment: null,
      }),
    );
    const tallies = await stores.votes.tallies({ articleId: 'paying-for-lots' });
    expect(tallies.map((t) => [t.revision, t.audience, t.yes, t.no, t.comments])).toEqual([
      ['bbbbbbbbbbbb', 'public', 0, 1, 0],
      ['aaaaaaaaaaaa', 'internal', 1, 0, 0],
      ['aaaaaaaaaaaa', 'public', 0, 1, 1],
    ]);
    expect(tallies[0]!.reasons).toEqual({
      incorrect: 0,
      unclear: 1,
      'missing-information': 0,
      'not-my-situation': 0,
      'disagree-with-policy': 0,
      other: 0,
    });
    expect(await stores.votes.knowsRevision('paying-for-lots', 'en', 'bbbbbbbbbbbb')).toBe(true);
    expect(await stores.votes.knowsRevision('paying-for-lots', 'nl', 'bbbbbbbbbbbb')).toBe(false);
  });
});
