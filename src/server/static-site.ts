/**
 * The built help centre (dist/) served on Node: directory URLs serve their index.html, a
 * directory URL without its slash is redirected (308) to the canonical one, `/` goes to the
 * reader's language, and unknown pages answer with the localised 404 page. Files go out through
 * edge/static-file.ts (validators, precompressed copies, cache lifetimes, the page's CSP).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { bestLocale, isLocale, locales, type Locale } from '../i18n/locales.ts';
import { fillConfirmationPage, type ConfirmationDetails } from './confirmation-page.ts';
import type { SignInPageFiller } from './sign-in-pages.ts';
import { cacheControlFor, REVALIDATE } from './edge/cache-policy.ts';
import { pagePolicy, type PagePolicy } from './edge/page-policy.ts';
import { collapseSeparators } from './edge/same-site-path.ts';
import { fileResponse, SUFFIX } from './edge/static-file.ts';

const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/;
const NO_BUILD = 'no build in dist/: run npm run build';

export interface StaticSiteOptions {
  /** Looks up a ticket for the no-script confirmation page; without it the page is sent as built. */
  confirmation?: (reference: string) => Promise<ConfirmationDetails | undefined>;
  /** Fills the sign-in pages (ways to sign in, status, next, token); without it they go as built. */
  signIn?: SignInPageFiller;
  /**
   * Builds that were live until a recent release: their fingerprinted files (scripts, styles,
   * search index) stay reachable, so a page opened before the switch keeps working.
   */
  graceRoots?: () => string[];
  /**
   * Called for every public page answered 200 with HTML (not the sign-in pages), with the page's
   * locale, after it is answered: counts visitors (src/server/reader-events/visitors.ts).
   */
  onPage?: (c: Context, locale: Locale) => void;
  /** The Content-Security-Policy of a page (edge/page-policy.ts). Default: no provider origins. */
  policy?: PagePolicy;
}

/** Files whose names change with their content: safe to serve from a previous release. */
export const FINGERPRINTED = /^\/(_astro|pagefind|pagefind-fallback)\//;

/**
 * distDir: the build, or a function naming it per request (the live release can change
 * between two requests without a restart).
 */
export type StaticSiteEnv = { Variables: { root: string } };

export function staticSite(
  distDir: string | (() => string),
  options: StaticSiteOptions = {},
): Hono<StaticSiteEnv> {
  const rootOf = typeof distDir === 'string' ? () => distDir : distDir;
  const site = new Hono<StaticSiteEnv>();
  const policy = options.policy ?? pagePolicy();

  site.use('*', async (c, next) => {
    const root = resolve(rootOf());
    c.set('root', root);
    if (!hasBuild(root)) {
      return c.text(NO_BUILD, 503, { 'Cache-Control': 'no-store', 'Retry-After': '30' });
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('Method not allowed', 405, { Allow: 'GET, HEAD' });
    }
    return next();
  });

  site.use('*', async (c, next) => {
    await next();
    const locale = c.req.path.split('/')[1];
    if (!options.onPage || c.res.status !== 200 || !isLocale(locale)) return;
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    if (/^\/[a-z]{2}\/sign-in\//.test(c.req.path)) return;
    options.onPage(c, locale);
  });

  site.get('/', (c) => {
    const locale = bestLocale(parseAcceptLanguage(c.req.header('accept-language')));
    c.header('Vary', 'Accept-Language');
    return c.redirect(`/${locale}/`, 302);
  });

  site.use('*', async (c, next) => {
    const root = c.get('root');
    const url = new URL(c.req.url);
    const file = fileFor(root, url.pathname);
    if (!url.pathname.endsWith('/') && file && isFile(join(file, 'index.html'))) {
      // Collapsed: a path starting `//` must not come back as a Location to another host.
      return c.redirect(`${collapseSeparators(url.pathname)}/${url.search}`, 308);
    }
    return next();
  });

  // Each contact page gets its own idempotency key, so a form posted without scripts and sent
  // twice (double click, back and resend) still makes one ticket. Scripts replace it per attempt.
  site.get('/:locale/contact/', (c, next) => {
    const locale = c.req.param('locale');
    const page = join(c.get('root'), locale, 'contact', 'index.html');
    if (!isLocale(locale) || !isFile(page)) return next();
    const html = readFileSync(page, 'utf8').replace(
      'name="idempotencyKey" value=""',
      `name="idempotencyKey" value="${randomUUID()}"`,
    );
    // no-cache, not no-store: the back button shows this same page (and key) again.
    return c.html(html, 200, { 'Cache-Control': 'private, no-cache' });
  });

  site.get('/:locale/contact/sent/', async (c, next) => {
    const locale = c.req.param('locale');
    const reference = c.req.query('ref');
    const page = join(c.get('root'), locale, 'contact', 'sent', 'index.html');
    if (!options.confirmation || !isLocale(locale) || !reference || !isFile(page)) return next();
    const details = await options.confirmation(reference);
    if (!details) return next();
    const html = fillConfirmationPage(readFileSync(page, 'utf8'), locale, details);
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });

  for (const page of ['sign-in', 'sign-in/confirm'] as const) {
    site.get(`/:locale/${page}/`, (c, next) => {
      const locale = c.req.param('locale');
      const file = join(c.get('root'), locale, ...page.split('/'), 'index.html');
      if (!options.signIn || !isLocale(locale) || !isFile(file)) return next();
      const html = options.signIn(readFileSync(file, 'utf8'), new URL(c.req.url));
      // The confirmation page carries a one-time token: never cached, and only the origin goes on as
      // Referer (no-referrer would make the browser send Origin: null with the form post).
      return c.html(html, 200, { 'Cache-Control': 'no-store', 'Referrer-Policy': 'strict-origin' });
    });
  }

  const serveFrom = (root: string) => (c: Context<StaticSiteEnv>) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined;
    const file = fileFor(root, c.req.path);
    if (!file) return undefined;
    // The build's .br/.gz copies are how a file is sent, never files of their own.
    if (
      Object.values(SUFFIX).some(
        (suffix) => file.endsWith(suffix) && isFile(file.slice(0, -suffix.length)),
      )
    )
      return undefined;
    const target = c.req.path.endsWith('/') ? join(file, 'index.html') : file;
    return fileResponse(c.req.raw, target, {
      cacheControl: cacheControlFor(c.req.path),
      policy: (hashes) => policy(c.req.path, hashes),
    });
  };
  site.use('*', async (c, next) => serveFrom(c.get('root'))(c) ?? next());

  // A page opened before a release switch asks for the old fingerprinted files: still there.
  site.use('*', async (c, next) => {
    if (!FINGERPRINTED.test(c.req.path)) return next();
    const previous = (options.graceRoots?.() ?? []).find((dir) =>
      isFile(fileFor(resolve(dir), c.req.path) ?? ''),
    );
    const answer = previous ? serveFrom(resolve(previous))(c) : undefined;
    return answer ?? next();
  });

  // Inside a locale, that locale's 404 page; outside any, the page in the reader's language.
  site.notFound((c) => {
    const root = c.get('root');
    const first = c.req.path.split('/')[1];
    const inLocale = isLocale(first);
    const locale = inLocale
      ? first
      : bestLocale(parseAcceptLanguage(c.req.header('accept-language')));
    const page = [join(root, locale, '404.html'), join(root, '404.html')].find(isFile);
    const answer =
      page &&
      fileResponse(c.req.raw, page, {
        status: 404,
        cacheControl: REVALIDATE,
        policy: (hashes) => policy(c.req.path, hashes),
      });
    if (!answer) return c.text('Not found', 404);
    if (!inLocale) answer.headers.append('Vary', 'Accept-Language');
    return answer;
  });

  return site;
}

/** A build has at least one locale's home page or a 404 page. */
function hasBuild(root: string): boolean {
  return (
    isFile(join(root, '404.html')) ||
    locales.some((locale) => isFile(join(root, locale, 'index.html')))
  );
}

/** The file system path of a URL path inside root, or undefined for anything that escapes it. */
export function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return undefined;
  const file = resolve(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Language tags of an Accept-Language header, most preferred first ("de-AT;q=0.9" → de-AT). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((entry) => LANGUAGE_TAG.test(entry.tag) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order)
    .map((entry) => entry.tag);
}
