import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { isLocale, locales, type Locale } from '../i18n/locales.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadAnalyser } from './analysers/index.ts';
import { normaliseForSearch } from './normalise.ts';
import { restoreWrittenWords } from './restore-text.ts';
import {
  descriptionFiles,
  prepareSearchIndexes,
  type IndexSource,
  type SerializedSearchIndex,
} from './search-index.ts';
import { loadSynonyms } from './synonyms.ts';
import { decodeEntities } from '../lib/html-entities.ts';

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** An article page of the build really written in its locale, kept as text, not as HTML. */
interface BuiltPage {
  /** Article id (the folder name). */
  id: string;
  url: string;
  locale: Locale;
  /** The title and the prose, as the search indexes take them. */
  text: string;
  /** Russian only: the article's text as written, before ё was folded for Pagefind. */
  written?: string;
}

/** What the build's search-source.json endpoint writes per locale (see its page module). */
export interface SearchSource {
  locale: Locale;
  articles: Array<Omit<IndexSource, 'page' | 'body'>>;
  sections: SerializedSearchIndex['sections'];
  categories: SerializedSearchIndex['categories'];
}

/**
 * Indexes the built site. Pagefind gets one index per language from the text of the articles
 * really written in it (data-pagefind-body; English shown under another locale stays out), with
 * Russian ё folded and Korean particles and verb endings stripped, as queries are. Then each
 * locale gets its search index (/search/<locale>.json: titles, keywords, labels and descriptions
 * from the content graph, and which Pagefind page holds each article's text) and the service's
 * variant with the text inside (/search/<locale>.full.json).
 */
export async function indexSite(
  distDir: string,
  logger: Logger,
  options: { basePath?: string; contentDir?: string; feed?: ArticleFeed } = {},
): Promise<void> {
  const started = performance.now();
  const contentDir =
    options.contentDir ?? process.env['CONTENT_DIR'] ?? join(process.cwd(), 'content');
  // Pagefind works in its own process, most of it while the pages were rendered (the feed): the
  // search indexes are analysed on this one meanwhile, and get Pagefind's page ids once its
  // bundle is written.
  const feed = options.feed ?? articleFeed();
  const whileRendering = feed.pages().length;
  await readUnseenArticlePages(distDir, options.basePath ?? '', feed);
  const pages = feed.pages();
  const pagefindDone = writePagefindBundle(distDir, feed).then(async () => {
    logger.info(
      `pagefind: ${pages.length} pages (${whileRendering} while rendering) → ${join(distDir, 'pagefind')}`,
    );
    await restoreRussianText(join(distDir, 'pagefind'), pages);
    return readPagefindPageIds(join(distDir, 'pagefind'));
  });
  pagefindDone.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const prepared = await prepareLocaleIndexes(distDir, pages, contentDir);
  const pageIds = await pagefindDone;
  await writeSearchIndexes(distDir, prepared, pageIds, logger);
  await moveLocale404s(distDir);
  logger.info(
    `indexed ${pages.length} article pages in ${Math.round(performance.now() - started)} ms`,
  );
}

/**
 * Article pages the feed did not see while rendering (none in a build with the middleware), read
 * from the build. basePath: where the build is served ('' or '/agents'), so URLs point into it.
 */
async function readUnseenArticlePages(distDir: string, basePath: string, feed: ArticleFeed) {
  for (const locale of locales) {
    const dir = join(distDir, locale, 'articles');
    for (const id of await readdir(dir).catch(() => [] as string[])) {
      const url = `${basePath}/${relative(distDir, join(dir, id)).split(sep).join('/')}/`;
      if (!feed.seen(url)) feed.add(url, await readFile(join(dir, id, 'index.html'), 'utf8'));
    }
  }
}

/**
 * Pagefind splits its word index into chunks and a query downloads the chunk of each word it
 * searches. Its default chunks (14–28 KiB here) made one two-word query download most of a
 * locale's index; chunks of this setting are about 3 KiB, and the first query on the search page
 * fell from 146 to 112 KiB (bench:site). Pagefind marks the setting unstable: if a later version
 * drops it, the default chunks come back and nothing else changes.
 */
const pagefindChunkSize = '2000';

/**
 * The article pages of a build, taken as Astro renders them (src/middleware.ts): each goes to
 * Pagefind at once, so Pagefind indexes in its own process on the other core while this one
 * renders, and only its text is kept for the search indexes, not its HTML. Only the pages really
 * written in their locale count (data-pagefind-body; English shown under another locale stays
 * out).
 */
export interface ArticleFeed {
  /** A rendered page at its URL path; anything but an article page is ignored. */
  add(url: string, html: string): void;
  /** Whether the page at this URL path came, whatever it showed. */
  seen(url: string): boolean;
  /** The article pages written in their locale, so far. */
  pages(): BuiltPage[];
  /** Every page sent to Pagefind and answered; throws for the first page Pagefind refused. */
  settled(): Promise<void>;
  index(): Promise<pagefind.PagefindIndex>;
}

/** A feed for one build; Pagefind's process starts with the first page. */
export function articleFeed(): ArticleFeed {
  let created: Promise<pagefind.PagefindIndex> | undefined;
  const index = () =>
    (created ??= (async () => {
      process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= pagefindChunkSize;
      const { index: made, errors } = await pagefind.createIndex({});
      if (!made) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      return made;
    })());
  const seen = new Set<string>();
  const pages: BuiltPage[] = [];
  const pending = new Set<Promise<void>>();
  let failure: Error | undefined;
  return {
    add(url, html) {
      const match = /\/([a-z]{2})\/articles\/([^/]+)\/$/.exec(url);
      const locale = match?.[1];
      if (!match || !isLocale(locale) || seen.has(url)) return;
      seen.add(url);
      if (!html.includes('data-pagefind-body') || showsFallback(html)) return;
      const article = articleElement(html);
      const body = article?.[1] ?? '';
      pages.push({
        id: match[2]!,
        url,
        locale,
        text: articleText(body),
        ...(locale === 'ru' ? { written: textOf(body) } : {}),
      });
      const content = normaliseText(locale, pagefindInput(html, article?.[0]));
      const sent = index()
        .then((made) => made.addHTMLFile({ url, content }))
        .then((added) => {
          if (added.errors.length) throw new Error(added.errors.join('; '));
        })
        .catch((error: unknown) => {
          failure ??= new Error(`Pagefind could not index ${url}: ${(error as Error).message}`);
        })
        .finally(() => pending.delete(sent));
      pending.add(sent);
    },
    seen: (url) => seen.has(url),
    pages: () => pages,
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
      if (failure) throw failure;
    },
    index,
  };
}

/** The page shows the English source under another locale. */
function showsFallback(html: string): boolean {
  return /data-hc-fallback="true"/.test(html);
}

async function writePagefindBundle(distDir: string, feed: ArticleFeed) {
  // Bundles of earlier builds that merged English text into other locales' searches.
  await rm(join(distDir, 'pagefind-fallback'), { recursive: true, force: true });
  try {
    await feed.settled();
    const outputPath = join(distDir, 'pagefind');
    const written = await (await feed.index()).writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/**
 * What Pagefind needs of an article page: the html element (its language) and the article it
 * indexes (data-pagefind-body), not the header, styles, scripts and footer around it. Pagefind's
 * messages are JSON in base64 on this thread, and the article is a quarter of the page (4.4 of
 * 18.2 KiB). Its index is the same byte for byte.
 */
function pagefindInput(html: string, article: string | undefined): string {
  const root = /<html\b[^>]*>/.exec(html)?.[0];
  if (!root || !article) return html;
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  return `<!doctype html>${root}<head>${title}</head><body>${article}</body></html>`;
}

/** Text nodes only, so attributes and markup stay as built. */
function normaliseText(locale: Locale, html: string): string {
  if (locale !== 'ru' && locale !== 'ko') return html;
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${normaliseForSearch(locale, text)}<`);
}

/**
 * Russian text is indexed with ё folded (see normaliseText); the text Pagefind stores for
 * excerpts gets the written words back, so readers see ещё, not еще. Word positions do not move.
 * Korean keeps its stripped particles in excerpts for now: the particle check of split words
 * (sub-word-match.ts) reads those stored words.
 */
async function restoreRussianText(bundle: string, pages: BuiltPage[]) {
  const russian = new Map(pages.flatMap((p) => (p.written ? [[p.url, p.written]] : [])));
  if (russian.size === 0) return;
  const dir = join(bundle, 'fragment');
  const fold = (word: string) => normaliseForSearch('ru', word);
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const file = join(dir, name);
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const start = text.indexOf('{');
    const fragment = JSON.parse(text.slice(start)) as PagefindFragment;
    const written = russian.get(fragment.url ?? '');
    if (written === undefined) continue;
    const restore = (indexed: string) => restoreWrittenWords(indexed, written, fold);
    fragment.content = restore(fragment.content ?? '');
    if (fragment.meta?.['title']) fragment.meta['title'] = restore(fragment.meta['title']);
    for (const anchor of fragment.anchors ?? [])
      if (anchor.text) anchor.text = restore(anchor.text);
    await writeFile(file, gzipSync(text.slice(0, start) + JSON.stringify(fragment)));
  }
}

interface PagefindFragment {
  url?: string;
  content?: string;
  meta?: Record<string, string>;
  anchors?: Array<{ text?: string }>;
}

/**
 * Pagefind names each page by the hash of its fragment file; the fragment (gzipped JSON after a
 * "pagefind_dcd" signature) holds the URL. Reading them here lets the browser map a Pagefind
 * result to an article without downloading its fragment.
 */
async function readPagefindPageIds(bundle: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const dir = join(bundle, 'fragment');
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
    const json = text.slice(text.indexOf('{'));
    const { url } = JSON.parse(json) as { url?: string };
    if (!url)
      throw new Error(
        `${join(dir, name)}: a Pagefind fragment without a URL; is Pagefind 1.x installed?`,
      );
    ids.set(url, name.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}

interface PreparedLocale {
  locale: Locale;
  articles: IndexSource[];
  prepared: ReturnType<typeof prepareSearchIndexes>;
}

async function prepareLocaleIndexes(
  distDir: string,
  pages: BuiltPage[],
  contentDir: string,
): Promise<PreparedLocale[]> {
  const prepared: PreparedLocale[] = [];
  for (const locale of locales) {
    const sourceFile = join(distDir, locale, 'search-source.json');
    const source = JSON.parse(await readFile(sourceFile, 'utf8')) as SearchSource;
    await rm(sourceFile);
    const bodies = new Map(pages.filter((p) => p.locale === locale).map((p) => [p.id, p.text]));
    const articles: IndexSource[] = source.articles.map((article) => {
      const body = article.english ? undefined : bodies.get(article.id);
      return { ...article, ...(body ? { body } : {}) };
    });
    prepared.push({
      locale,
      articles,
      prepared: prepareSearchIndexes({
        locale,
        analyser: await loadAnalyser(locale),
        articles,
        sections: source.sections,
        categories: source.categories,
        synonyms: loadSynonyms(contentDir, locale),
      }),
    });
    // Lets Pagefind's replies in between the locales.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return prepared;
}

async function writeSearchIndexes(
  distDir: string,
  prepared: PreparedLocale[],
  pageIds: Map<string, string>,
  logger: Logger,
) {
  const outDir = join(distDir, 'search');
  await rm(join(distDir, 'suggest'), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  // Description files of an earlier build into the same folder.
  for (const name of await readdir(outDir))
    if (/\.descriptions\./.test(name)) await rm(join(outDir, name), { force: true });
  for (const { locale, articles, prepared: indexes } of prepared) {
    const { browser, full } = indexes.assemble(
      articles.map((article) => {
        const page = article.english ? undefined : pageIds.get(article.url);
        return page ? { ...article, page } : article;
      }),
    );
    const browserJson = JSON.stringify(browser);
    const fullJson = JSON.stringify(full);
    await writeFile(join(outDir, `${locale}.json`), browserJson);
    await writeFile(join(outDir, `${locale}.full.json`), fullJson);
    const descriptions = descriptionFiles(
      locale,
      articles.map((article) => article.description),
    );
    for (const [file, shard] of descriptions.files)
      await writeFile(join(outDir, file), JSON.stringify(shard));
    logger.info(
      `search: ${locale} ${articles.length} articles, ${browserJson.length} bytes (${fullJson.length} with the text)`,
    );
  }
}

/** The article element Pagefind indexes: [0] the element, [1] the markup inside it. */
function articleElement(html: string): RegExpExecArray | null {
  return /<article\b[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(html);
}

/** The article's text without its markup (article: inside the article element): title, prose. */
function articleText(article: string): string {
  // The heading too, as Pagefind reads it, so the service's text ranking agrees with the
  // browser's (eval:search, contact-page suggestions).
  const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1] ?? '';
  const prose = /<div class="prose">([\s\S]*)<\/div>/.exec(article)?.[1] ?? article;
  return `${textOf(title)}\n${textOf(prose)}`;
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** `/<locale>/404/index.html` → `/<locale>/404.html`, where static hosts look for it. */
async function moveLocale404s(distDir: string) {
  for (const locale of locales) {
    const from = join(distDir, locale, '404', 'index.html');
    if (!(await stat(from).catch(() => null))) continue;
    await rename(from, join(distDir, locale, '404.html'));
    await rm(join(distDir, locale, '404'), { recursive: true, force: true });
  }
}
