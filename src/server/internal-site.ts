/**
 * The agents' help centre under /agents/: the internal build's static files and the pages it
 * renders at request time (editor, preview, "My feedback"), for signed-in agents only. Without a
 * session, pages answer a redirect to sign-in and every other file (images, search indexes,
 * fragments, scripts) 401, so nothing internal leaves the server to a reader.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono, type Context } from 'hono';
import { bestLocale, isLocale, sourceLocale } from '../i18n/locales.ts';
import { escapeHtml, markers } from '../lib/page-markers.ts';
import { hasRole, roles, type Role } from './auth/roles.ts';
import type { Viewer } from './auth/sessions.ts';
import type { AppEnv } from './context.ts';
import type { ContentRepository } from './content/repository.ts';
import type { Logger } from './log.ts';
import { localeOfPath } from './auth/next-path.ts';
import { signInPage } from './routes/auth.ts';
import { cacheControlFor } from './edge/cache-policy.ts';
import { fileResponse } from './edge/static-file.ts';
import { fileFor, FINGERPRINTED, isFile, parseAcceptLanguage } from './static-site.ts';
import type { ContentGit } from './content/git.ts';
import type { ReleaseRegistry } from './releases/registry.ts';
import type { ReleaseJobs } from './releases/jobs.ts';
import type { Stores } from './store/types.ts';
import { internalLocals } from './internal-locals.ts';
import type { Report } from './reports/build.ts';
import type { FieldError } from './problem.ts';
import type { SlaList, SlaListFilter } from './tickets/sla-list.ts';

export const internalBase = '/agents';

type RenderPage = (request: Request, locals: object) => Promise<Response>;

export interface InternalSiteDeps {
  /**
   * The internal build: client/ (static files) and server/entry.mjs (pages rendered on request);
   * a function when a release switch can change it.
   */
  agentsDir: string | (() => string);
  /** client/ folders of builds live before the last switch (fingerprinted files stay reachable). */
  graceDirs?: () => string[];
  stores: Stores;
  content: ContentRepository;
  log: Logger;
  git?: () => Promise<ContentGit>;
  now?: () => Date;
  releases?: ReleaseRegistry | undefined;
  jobs?: ReleaseJobs | undefined;
  /** The zone scheduled release times are typed in. */
  releaseTimeZone?: string;
  /** Tickets at risk of missing their first-reply target, or past it (for leads). */
  slaTickets?: (filter: SlaListFilter) => Promise<SlaList>;
  /** Ids of the email teams, for the SLA page's filter. */
  slaTeams?: () => string[];
  /** The leads' reports for a page's query (src/server/reports/service.ts). */
  reports?: (
    query: Record<string, string | undefined>,
  ) => Promise<{ report: Report } | { errors: FieldError[] }>;
}

export function internalSite(deps: InternalSiteDeps): Hono<AppEnv> {
  const agentsDirOf =
    typeof deps.agentsDir === 'string' ? () => deps.agentsDir as string : deps.agentsDir;
  const site = new Hono<AppEnv>();
  // One renderer per build: after a release switch the new release's pages render.
  const renderers = new Map<string, Promise<RenderPage>>();
  const renderPage = (agentsDir: string) => {
    let renderer = renderers.get(agentsDir);
    if (!renderer) {
      renderer = import(pathToFileURL(join(agentsDir, 'server', 'entry.mjs')).href).then(
        (module: { render: RenderPage }) => module.render,
        (error: unknown) => {
          renderers.delete(agentsDir);
          throw error;
        },
      );
      renderers.set(agentsDir, renderer);
    }
    return renderer;
  };

  site.use('*', async (c, next) => {
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Cookie');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    const viewer = c.get('viewer');
    if (viewer && hasRole(viewer.person.role, 'agent')) return next();
    const path = c.req.path;
    const wantsPage = path.endsWith('/') || path.endsWith('.html') || c.req.method !== 'GET';
    if (wantsPage && (c.req.header('accept') ?? '').includes('text/html'))
      return c.redirect(signInPage(localeOfPath(path), undefined, path), 302);
    return c.text('Sign in as an agent to see this.', 401, { 'Cache-Control': 'no-store' });
  });

  site.use('*', async (c, next) => {
    const rest = c.req.path.slice(internalBase.length);
    return rest === '' || rest === '/' ? redirectHome(c) : next();
  });

  site.on(['GET', 'HEAD'], '*', async (c, next) => {
    const clientRoot = resolve(agentsDirOf(), 'client');
    if (!hasBuild(clientRoot))
      return c.text('The agents’ help centre is not built: run npm run build', 503);
    const rest = c.req.path.slice(internalBase.length) || '/';
    let file = fileFor(clientRoot, rest);
    // A page opened before a release switch asks for the old fingerprinted files: still there.
    if (file && !isFile(file) && FINGERPRINTED.test(rest))
      file =
        (deps.graceDirs?.() ?? [])
          .map((dir) => fileFor(resolve(dir), rest))
          .find((f) => f !== undefined && isFile(f)) ?? file;
    if (!file) return next();
    const url = new URL(c.req.url);
    if (!rest.endsWith('/') && isFile(join(file, 'index.html')))
      return c.redirect(`${c.req.path}/${url.search}`, 308);
    const target = rest.endsWith('/') ? join(file, 'index.html') : file;
    if (!isFile(target)) return next();
    if (target.endsWith('.html'))
      return c.html(personalise(readFileSync(target, 'utf8'), c.get('viewer')!));
    const answer = fileResponse(c.req.raw, target, {
      cacheControl: cacheControlFor(rest, 'private'),
      // Not HTML (pages are answered above): no policy to compute.
      policy: () => '',
    });
    if (!answer) return next();
    answer.headers.append('Vary', 'Cookie');
    answer.headers.set('X-Robots-Tag', 'noindex, nofollow');
    return answer;
  });

  // Everything else is one of the pages the internal build renders at request time.
  site.all('*', async (c) => {
    const agentsDir = agentsDirOf();
    let render: RenderPage;
    try {
      render = await renderPage(agentsDir);
    } catch (error) {
      deps.log.error('the agents’ help centre pages could not be loaded', error);
      return c.text('The agents’ help centre is not built: run npm run build', 503);
    }
    const viewer = c.get('viewer')!;
    const response = await render(c.req.raw, { hc: internalLocals(viewer, deps) });
    if (response.status === 404) return notFound(c, resolve(agentsDir, 'client'), viewer);
    const headers = new Headers(response.headers);
    headers.set('Cache-Control', 'private, no-store');
    headers.set('Vary', 'Cookie');
    if (!(headers.get('content-type') ?? '').includes('text/html'))
      return new Response(response.body, { status: response.status, headers });
    const html = personalise(await response.text(), viewer);
    return new Response(html, { status: response.status, headers });
  });

  return site;
}

function redirectHome(c: Context<AppEnv>): Response {
  const viewer = c.get('viewer');
  const preferred = viewer?.person.languages[0];
  const locale = preferred ?? bestLocale(parseAcceptLanguage(c.req.header('accept-language')));
  return c.redirect(`${internalBase}/${locale}/`, 302);
}

function notFound(c: Context<AppEnv>, clientRoot: string, viewer: Viewer): Response {
  const first = c.req.path.split('/')[2];
  const page = [
    ...(isLocale(first) ? [join(clientRoot, first, '404.html')] : []),
    join(clientRoot, sourceLocale, '404.html'),
  ].find(isFile);
  if (!page) return c.text('Not found', 404);
  return c.html(personalise(readFileSync(page, 'utf8'), viewer), 404);
}

/** Fills in who is signed in, and shows what their role may use. */
export function personalise(html: string, viewer: Viewer): string {
  const name = escapeHtml(viewer.person.name ?? viewer.person.email);
  return html
    .replace(
      new RegExp(`(${markers.agentName}>)(</[a-z]+>)`, 'g'),
      (_, open: string, close: string) => `${open}${name}${close}`,
    )
    .replace(
      new RegExp(`(${markers.needsRole}="(${roles.join('|')})"[^>]*?)\\s+hidden(="[^"]*")?`, 'g'),
      (whole, kept: string, role: Role) => (hasRole(viewer.person.role, role) ? kept : whole),
    );
}

function hasBuild(clientRoot: string): boolean {
  try {
    return statSync(join(clientRoot, sourceLocale, 'index.html')).isFile();
  } catch {
    return false;
  }
}
