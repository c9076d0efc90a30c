// A contact form posted without scripts and refused by the service comes back as the contact page
// of the reader's language, filled in with what they typed: the in-process app, a real SQLite
// file and a small fake build of the contact pages.
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, test } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { createApp } from '../../src/server/app.ts';
import { uiStrings } from '../../src/i18n/index.ts';
import { escapeHtml } from '../../src/lib/page-markers.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { silentLogger } from '../../src/server/log.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import type { Stores } from '../../src/server/store/types.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { contactPageFixture } from '../fixtures/contact-page.ts';
import { fakeBuild, tempDir } from './helpers.ts';

const origin = 'http://localhost';
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const support = loadSupportConfig();
const publicDir = fakeBuild({
  'en/contact/index.html': contactPageFixture('en', 'Contact support'),
  'ru/contact/index.html': contactPageFixture('ru', 'Связаться с поддержкой'),
  'ko/contact/index.html': contactPageFixture('ko', '고객지원팀에 문의하기'),
});
const open: Stores[] = [];
afterAll(async () => {
  for (const stores of open.splice(0)) await stores.close();
});

function ticketService(options: { publicDir?: string; rateLimit?: number } = {}) {
  const stores = openSqliteStores({ dataDir: tempDir('refill-data') });
  open.push(stores);
  const app = createApp({
    stores,
    support,
    now: () => Temporal.Instant.from('2026-11-30T09:00:00Z'),
    log: silentLogger,
    publicDir: 'publicDir' in options ? options.publicDir : publicDir,
    ...(options.rateLimit ? { rateLimit: { max: options.rateLimit, windowSeconds: 600 } } : {}),
  });
  return {
    /** The form as a browser without scripts posts it. */
    postForm(fields: Record<string, string>, headers: Record<string, string> = {}) {
      return app.request(`${origin}/api/tickets`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: browserAccept,
          Origin: origin,
          ...headers,
        },
        body: new URLSearchParams(fields).toString(),
      });
    },
    postJson(body: unknown) {
      return app.request(`${origin}/api/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
    },
  };
}

function formFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    locale: 'en',
    articleId: 'paying-for-lots',
    searchQuery: 'payment declined',
    suggestedArticles: 'paying-for-lots,payment-methods',
    openedArticles: '',
    idempotencyKey: '6f1c2e0a-3b7d-4c55-9a1e-2f4b8c9d0e11',
    email: 'minji@gmail',
    name: 'Minji Kim',
    role: 'seller',
    topic: 'payouts',
    subject: 'Payout missing',
    message: 'My payout for lot 4411 has not arrived after a week.',
    website: '',
    ...overrides,
  };
}

/** The returned page, parsed the way a browser reads it. */
async function readPage(response: Response) {
  const html = await response.text();
  const document = parseDocument(html);
  const one = (test: (el: Element) => boolean) => DomUtils.findOne(test, document.children);
  const byName = (name: string) =>
    DomUtils.findAll((el) => el.attribs['name'] === name, document.children);
  const byId = (id: string) => DomUtils.getElementById(id, document.children);
  const summary = one((el) => (el.attribs['class'] ?? '').split(' ').includes('error-summary'))!;
  return {
    html,
    title: DomUtils.textContent(one((el) => el.name === 'title')!),
    value: (name: string) => byName(name)[0]?.attribs['value'],
    text: (id: string) => DomUtils.textContent(byId(id)!),
    element: byId,
    byName,
    summary,
    summaryLinks: DomUtils.findAll((el) => el.name === 'a', summary.children).map((a) => ({
      href: a.attribs['href'],
      text: DomUtils.textContent(a),
    })),
    selectedTopic: DomUtils.findAll(
      (el) => el.name === 'option' && 'selected' in el.attribs,
      byId('contact-topic')!.children,
    ).map((el) => el.attribs['value']),
  };
}

describe('a form post without scripts that needs fixing', () => {
  test('comes back as the contact page with every field filled in, escaped, and the error shown', async () => {
    const hostile = `<script>alert("x")</script> 'quoted' & "double"`;
    const sent = formFields({
      name: `Minji ${hostile}`,
      subject: `Payout ${hostile}`,
      message: `\nFirst line ${hostile}\r\nsecond line </textarea><b>bold</b>`,
      searchQuery: `q ${hostile}`,
    });
    const response = await ticketService().postForm(sent);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');

    const page = await readPage(response);
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).not.toContain('<b>bold</b>');
    for (const name of [
      'email',
      'name',
      'subject',
      'searchQuery',
      'articleId',
      'suggestedArticles',
    ])
      expect(page.value(name), name).toBe(sent[name]);
    expect(page.value('idempotencyKey')).toBe(sent['idempotencyKey']);
    expect(page.value('locale')).toBe('en');
    // Escaped as text; a browser reads it back as typed (the browser test checks that), and the
    // extra newline keeps the leading one, which the HTML parser drops after <textarea>.
    expect(DomUtils.textContent(page.element('contact-message')!)).toBe(
      `\n${escapeHtml(sent['message']!)}`,
    );
    expect(page.selectedTopic).toEqual(['payouts']);
    const checked = page.byName('role').filter((el) => 'checked' in el.attribs);
    expect(checked.map((el) => el.attribs['value'])).toEqual(['seller']);

    const advice = uiStrings.en['contact.errors.emailDomain'];
    expect('hidden' in page.summary.attribs).toBe(false);
    expect(page.summaryLinks).toEqual([{ href: '#contact-email', text: advice }]);
    expect(page.text('contact-email-error')).toBe(advice);
    expect('hidden' in page.element('contact-email-error')!.attribs).toBe(false);
    expect(page.element('contact-email')!.attribs['aria-invalid']).toBe('true');
    expect(page.element('contact-subject')!.attribs['aria-invalid']).toBeUndefined();
    expect('hidden' in page.element('contact-subject-error')!.attribs).toBe(true);
    expect(page.title).toBe('Error: Contact support · Help');
    // The rest of the page is as it was built.
    expect(page.html).toContain('<script type="module">const a = "<ul>" && 1 < 2;</script>');
    expect(page.html).toContain(
      'data-strings="{&quot;contact.errors.email&quot;:&quot;&lt;b&gt;&quot;}"',
    );
  });

  test.each([
    ['ru', 'Ошибка: Связаться с поддержкой · Help'],
    ['ko', '오류: 고객지원팀에 문의하기 · Help'],
  ] as const)(
    'speaks the language of the post (%s), for every field that needs fixing',
    async (locale, title) => {
      const response = await ticketService().postForm(
        formFields({ locale, email: 'minji@@', topic: '', subject: 'ab', role: '' }),
      );
      expect(response.status).toBe(422);
      const page = await readPage(response);
      const strings = uiStrings[locale as Locale];
      expect(page.title).toBe(title);
      expect(page.summaryLinks).toEqual([
        { href: '#contact-email', text: strings['contact.errors.email'] },
        { href: '#contact-role-error', text: strings['contact.errors.role'] },
        { href: '#contact-topic', text: strings['contact.errors.topic'] },
        { href: '#contact-subject', text: strings['contact.errors.subject'] },
      ]);
      expect(page.text('contact-topic-error')).toBe(strings['contact.errors.topic']);
      expect(page.text('contact-role-error')).toBe(strings['contact.errors.role']);
      expect(page.byName('role').every((el) => el.attribs['aria-invalid'] === 'true')).toBe(true);
      expect(page.byName('role').some((el) => 'checked' in el.attribs)).toBe(false);
      expect(page.value('subject')).toBe('ab');
      expect(page.value('locale')).toBe(locale);
    },
  );

  test('leaves out context the page sent that the service refused, and says to send again', async () => {
    const response = await ticketService().postForm(
      formFields({ email: 'minji@example.com', articleId: 'Not An Id!' }),
    );
    expect(response.status).toBe(422);
    const page = await readPage(response);
    expect(page.value('articleId')).toBe('');
    expect(page.value('searchQuery')).toBe('payment declined');
    expect(DomUtils.textContent(page.summary)).toContain(uiStrings.en['contact.errors.generic']);
    expect(page.summaryLinks).toEqual([]);
  });

  test('once fixed, the same form sends the ticket and goes on to the confirmation page', async () => {
    const service = ticketService();
    const first = await service.postForm(formFields());
    const page = await readPage(first);
    const fixed = formFields({
      email: 'minji@gmail.com',
      idempotencyKey: page.value('idempotencyKey')!,
    });
    const response = await service.postForm(fixed);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/en\/contact\/sent\/\?ref=HB-[0-9A-Z]{8}$/);
  });
});

describe('other refusals a reader can act on', () => {
  test('too many requests: the page says when to try again and keeps the text', async () => {
    const service = ticketService({ rateLimit: 1 });
    expect((await service.postForm(formFields({ email: 'a@example.com' }))).status).toBe(303);
    const response = await service.postForm(
      formFields({ locale: 'ru', email: 'b@example.com', subject: 'Выплата не пришла' }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('600');
    const page = await readPage(response);
    expect(DomUtils.textContent(page.summary)).toContain('10 минут');
    expect(page.value('subject')).toBe('Выплата не пришла');
    expect(page.value('email')).toBe('b@example.com');
  });

  test('a form sent before with other text: the page keeps the changes and gives a new key', async () => {
    const service = ticketService();
    const fields = formFields({ email: 'minji@example.com' });
    expect((await service.postForm(fields)).status).toBe(303);
    const response = await service.postForm({ ...fields, subject: 'A different subject' });
    expect(response.status).toBe(422);
    const page = await readPage(response);
    expect(DomUtils.textContent(page.summary)).toContain(
      uiStrings.en['contact.errors.alreadySent'],
    );
    expect(page.value('subject')).toBe('A different subject');
    expect(page.value('idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.value('idempotencyKey')).not.toBe(fields['idempotencyKey']);
  });
  test('a request too large to read: the page says to go back to the text and shorten it', async () => {
    // 8,000 Korean characters form-encoded are 72 KB, over the 64 KiB body limit.
    const response = await ticketService().postForm(
      formFields({ locale: 'ko', message: '가'.repeat(8000) }),
      { Referer: `${origin}/ko/contact/?article=paying-for-lots` },
    );
    expect(response.status).toBe(413);
    const page = await readPage(response);
    expect(DomUtils.textContent(page.summary)).toContain(uiStrings.ko['contact.errors.tooLarge']);
    expect(page.title).toBe('오류: 고객지원팀에 문의하기 · Help');
    expect(page.value('idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('clients that are not a browser without scripts', () => {
  test('a JSON post still gets the problem as JSON', async () => {
    const response = await ticketService().postJson({ ...formFields(), suggestedArticles: [] });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ type: '/problems/validation', status: 422 });
    expect(problem.errors).toEqual([
      { field: 'email', message: 'email must be an address like name@example.com' },
    ]);
  });

  test.each([['*/*'], ['application/json'], ['application/problem+json, text/html;q=0.5']])(
    'a form post with Accept %j gets the problem as JSON',
    async (accept) => {
      const response = await ticketService().postForm(formFields(), { Accept: accept });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    },
  );

  test('a filled honeypot gets no page back', async () => {
    const response = await ticketService().postForm(formFields({ website: 'spam' }));
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  test('without a build to take the page from, the problem comes as JSON', async () => {
    const response = await ticketService({ publicDir: tempDir('no-build') }).postForm(formFields());
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  test('a valid form post still answers 303 to the confirmation page', async () => {
    const response = await ticketService().postForm(
      formFields({ locale: 'ko', email: 'minji@example.kr' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/ko\/contact\/sent\/\?ref=HB-/);
  });

  test('a full 5,000-character Korean message fits a form post (45 KB encoded)', async () => {
    const response = await ticketService().postForm(
      formFields({ locale: 'ko', email: 'minji@example.kr', message: '가'.repeat(5000) }),
    );
    expect(response.status).toBe(303);
  });
});
