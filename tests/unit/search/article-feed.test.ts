import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFeed } from '../../../src/search/site-index.ts';

const page = (lang: string, prose: string, fallback = false) =>
  `<html><body><article class="article" lang="${lang}" data-pagefind-body${fallback ? ' data-hc-fallback="true"' : ''}>` +
  `<h1>Title &amp; more</h1><p>meta</p><div class="prose"><p>${prose}</p></div></article></body></html>`;

describe('the article feed of a build', () => {
  afterAll(() => close());

  it('keeps the text of own-language article pages, sends them to Pagefind and skips the rest', async () => {
    const feed = articleFeed();
    feed.add('/en/articles/paying/', page('en', 'Pay within <strong>5</strong> days.'));
    feed.add('/en/articles/paying/', page('en', 'a second render is not a second page'));
    feed.add('/nl/articles/paying/', page('en', 'English under /nl/', true));
    feed.add('/ru/articles/paying/', page('ru', 'Оплатите ещё сегодня.'));
    feed.add('/en/search/', page('en', 'not an article'));
    feed.add('/xx/articles/paying/', page('en', 'not a locale'));
    feed.add('/agents/de/articles/intern/', '<html><body>no article body</body></html>');

    expect(feed.seen('/nl/articles/paying/')).toBe(true);
    expect(feed.seen('/agents/de/articles/intern/')).toBe(true);
    expect(feed.seen('/en/search/')).toBe(false);
    expect(feed.pages()).toEqual([
      {
        id: 'paying',
        url: '/en/articles/paying/',
        locale: 'en',
        text: 'Title & more\nPay within 5 days.',
      },
      {
        id: 'paying',
        url: '/ru/articles/paying/',
        locale: 'ru',
        text: 'Title & more\nОплатите ещё сегодня.',
        written: 'Title & more meta Оплатите ещё сегодня.',
      },
    ]);

    await feed.settled();
    const out = mkdtempSync(join(tmpdir(), 'feed-'));
    const written = await (await feed.index()).writeFiles({ outputPath: out });
    expect(written.errors).toEqual([]);
    // One Pagefind index per language of the two pages.
    expect(readdirSync(join(out, 'index')).length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'fragment'))).toHaveLength(2);
  });
});
