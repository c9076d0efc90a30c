/**
 * Checks a release runs on its builds before anything goes live. Each returns a CheckResult whose
 * problems name the file and what to fix.
 *  - links: every internal link and #anchor in every page of both builds resolves;
 *  - canary: nothing internal is in the public build: no page, index (decompressed), sitemap,
 *    JSON or picture carries an internal id, title, section, marker or picture name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CheckResult } from './manifest.ts';
import { decodeEntities } from '../lib/html-entities.ts';

export function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const MAX_PROBLEMS = 200;

/**
 * Internal links of every HTML page resolve to a page of the same build (or of the public build,
 * for the agents' links to public pages such as contact), and #anchors to an id on that page.
 * basePath: where the build is served ('' or '/agents').
 */
export function checkLinks(
  builds: Array<{ root: string; basePath: string }>,
  /** Paths of pages rendered per request (no file to find). */
  requestTimePaths: readonly RegExp[] = [],
): CheckResult {
  const problems: string[] = [];
  let links = 0;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      found = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)));
      ids.set(file, found);
    }
    return found;
  };
  const fileFor = (path: string): string | undefined => {
    const build =
      builds.find((b) => b.basePath && (path === b.basePath || path.startsWith(`${b.basePath}/`))) ??
      builds.find((b) => b.basePath === '');
    if (!build) return undefined;
    const rest = decodeURIComponent(path.slice(build.basePath.length)) || '/';
    const file = join(build.root, ...rest.split('/'), rest.endsWith('/') ? 'index.html' : '');
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  for (const build of builds) {
    for (const file of filesUnder(build.root)) {
      if (!file.endsWith('.html')) continue;
      const pagePath = `${build.basePath}/${relative(build.root, file).split(sep).join('/')}`.replace(/index\.html$/, '');
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
        const href = decodeEntities(match[1]!);
        if (/^(https?:|mailto:|tel:)/i.test(href) && !href.startsWith('http://localhost')) continue;
        if (href.startsWith('/api/')) continue;
        links++;
        const url = new URL(href, `http://site${pagePath}`);
        if (url.pathname.startsWith('/api/')) continue;
        if (requestTimePaths.some((pattern) => pattern.test(url.pathname))) continue;
        const target = url.pathname === pagePath ? file : fileFor(url.pathname);
        const where = `${build.basePath}/${relative(build.root, file).split(sep).join('/')}: link to ${href}`;
        if (!target) {
          if (problems.length < MAX_PROBLEMS) problems.push(`${where} goes nowhere; fix the link or the article id`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && !idsOf(target).has(anchor) && problems.length < MAX_PROBLEMS)
          problems.push(`${where}: there is no heading #${anchor} on that page; link to an existing heading`);
      }
    }
  }
  return {
    name: 'links',
    status: problems.length ? 'failed' : 'passed',
    summary: problems.length ? `${problems.length} broken link(s) of ${links}` : `${links} internal links and anchors resolve`,
    problems,
  };
}

/** Text as a browser would read it: Pagefind's fragments and indexes are gzipped. */
function readable(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

export interface Canaries {
  /** Strings that must never appear: the marker, internal ids, titles, section paths. */
  needles: string[];
  /** Base names of internal pictures (without extension). */
  pictures: string[];
}

export function checkCanary(publicRoot: string, canaries: Canaries): CheckResult {
  const problems: string[] = [];
  let scanned = 0;
  for (const path of filesUnder(publicRoot)) {
    scanned++;
    const name = relative(publicRoot, path);
    for (const picture of canaries.pictures)
      if (basename(path).startsWith(`${picture}.`)) problems.push(`${name} is the internal picture ${picture}`);
    if (/\.(png|jpe?g|webp|avif|gif|ico|woff2?)$/i.test(path)) continue;
    const text = readable(path);
    for (const needle of canaries.needles)
      if (text.includes(needle) && problems.length < MAX_PROBLEMS)
        problems.push(`${name} contains "${needle}": internal content reached the public build`);
  }
  return {
    name: 'canary',
    status: problems.length ? 'failed' : 'passed',
    summary: problems.length
      ? `internal content in ${problems.length} public file(s)`
      : `${scanned} public files scanned (indexes decompressed), nothing internal`,
    problems,
  };
}
