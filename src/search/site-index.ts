import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { locales, type Locale } from '../i18n/locales.ts';
import { normaliseForSearch } from './normalise.ts';
import { buildSuggestIndex, type SuggestDoc } from './suggest.ts';

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

interface BuiltPage {
  file: string;
  url: string;
  locale: Locale;
  html: string;
  /** The page shows the English source under another locale. */
  fallback: boolean;
}

/**
 * Indexes the built site. Pagefind gets one index per language from the article text only
 * (data-pagefind-body); fallback pages (English text under /nl/…) are kept out of their locale's
 * index and go into a small per-locale bundle of their own, which the search UI merges and marks. Russian text is indexed with ё folded to е, the same folding the browser applies to queries.
 */
export async function indexSite(
  distDir: string,
  logger: Logger,
  options: { basePath?: string } = {},
): Promise<void> {
  const started = performance.now();
  const pages = await readArticlePages(distDir, options.basePath ?? '');
  await writePagefindBundles(distDir, pages, logger);
  await writeSuggestIndexes(distDir, pages, logger);
  await moveLocale404s(distDir);
  logger.info(
    `indexed ${pages.length} article pages in ${Math.round(performance.now() - started)} ms`,
  );
}

/** basePath: where the build is served ('' or '/agents'), so result URLs point into it. */
async function readArticlePages(distDir: string, basePath: string): Promise<BuiltPage[]> {
  const pages: BuiltPage[] = [];
  for (const locale of locales) {
    const dir = join(distDir, locale, 'articles');
    const ids = await readdir(dir).catch(() => [] as string[]);
    for (const id of ids) {
      const file = join(dir, id, 'index.html');
      const html = await readFile(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      pages.push({
        file,
        url: `${basePath}/${relative(distDir, join(dir, id)).split(sep).join('/')}/`,
        locale,
        html,
        fallback: /data-hc-fallback="true"/.test(html),
      });
    }
  }
  return pages;
}

async function writePagefindBundles(distDir: string, pages: BuiltPage[], logger: Logger) {
  try {
    await writeBundle(
      join(distDir, 'pagefind'),
      pages.filter((p) => !p.fallback),
      {},
      logger,
    );
    await rm(join(distDir, 'pagefind-fallback'), { recursive: true, force: true });
    for (const locale of locales) {
      const fallbackPages = pages.filter((p) => p.fallback && p.locale === locale);
      if (fallbackPages.length === 0) continue;
      // Pagefind searches merged bundles with the reader's language module, so the English text is
      // indexed with that same module: query and index then always split and stem words alike.
      const bundle = join(distDir, 'pagefind-fallback', locale);
      await writeBundle(bundle, fallbackPages, { forceLanguage: locale }, logger);
      await dropRuntimeCopy(bundle);
    }
  } finally {
    await pagefind.close();
  }
}

async function writeBundle(
  outputPath: string,
  pages: BuiltPage[],
  config: pagefind.PagefindServiceConfig,
  logger: Logger,
) {
  const { index, errors } = await pagefind.createIndex(config);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const page of pages) {
    const content = page.locale === 'ru' && !page.fallback ? foldRussianText(page.html) : page.html;
    const added = await index.addHTMLFile({ url: page.url, content });
    if (added.errors.length)
      throw new Error(`Pagefind could not index ${page.file}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length)
    throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  logger.info(`pagefind: ${pages.length} pages → ${outputPath}`);
}

/**
 * A merged bundle is searched by the primary bundle's runtime, so its own copy of the Pagefind
 * scripts and UIs (about 600 KiB per locale) is never loaded: only its index files are kept.
 */
async function dropRuntimeCopy(bundle: string) {
  for (const name of await readdir(bundle)) {
    if (/^pagefind(-[a-z-]+)?\.(js|css)$/.test(name)) await rm(join(bundle, name));
  }
}

/** Folds ё in text nodes only, so attributes and markup stay as built. */
function foldRussianText(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${normaliseForSearch('ru', text)}<`);
}

async function writeSuggestIndexes(distDir: string, pages: BuiltPage[], logger: Logger) {
  const outDir = join(distDir, 'suggest');
  await mkdir(outDir, { recursive: true });
  for (const locale of locales) {
    // Only text really in this language: lunr stems with the locale's analyser.
    const docs = pages.filter((p) => p.locale === locale && !p.fallback).map(toSuggestDoc);
    const index = await buildSuggestIndex(locale, docs);
    const json = JSON.stringify(index);
    await writeFile(join(outDir, `${locale}.json`), json);
    logger.info(`suggest: ${locale} ${docs.length} articles, ${json.length} bytes`);
  }
}

function toSuggestDoc(page: BuiltPage): SuggestDoc {
  const article =
    /<article\b[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(page.html)?.[1] ?? '';
  const title = textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1] ?? '');
  const description = decodeEntities(
    /<meta name="description" content="([^"]*)"/.exec(page.html)?.[1] ?? '',
  );
  const prose = /<div class="prose">([\s\S]*)<\/div>/.exec(article)?.[1] ?? article;
  return {
    id: page.url.split('/').at(-2) ?? page.url,
    title,
    description,
    body: textOf(prose),
    url: page.url,
  };
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
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
