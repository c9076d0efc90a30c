// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { helpCentreSearch } from './src/search/integration.ts';
import { isFallbackPage } from './src/lib/page-languages.ts';
import { ownTextFromFiles } from './src/lib/own-text-files.ts';
import { internalServerAdapter } from './src/site/internal/adapter.ts';

/**
 * Public origin of the help centre, used for canonical and hreflang links and the sitemap.
 * Required in production; in development it follows PORT, as the service does (src/server/env.ts).
 */
const site = process.env.SITE_URL?.trim() || `http://localhost:${process.env.PORT?.trim() || 4321}`;

/**
 * Two help centres from one source (scripts/build.ts runs both): the public one into dist/, and
 * with HC_AUDIENCE=internal the agents' one, served under /agents/ behind sign-in. The internal
 * build also renders a few pages at request time (editor, preview, "My feedback"), through a small
 * adapter whose handler the service calls; the public build stays purely static.
 */
const internal = process.env.HC_AUDIENCE === 'internal';
/** @param {string} path */
const local = (path) => fileURLToPath(new URL(path, import.meta.url));
/** The content to build: ./content, or a release's checkout (CONTENT_DIR). */
const contentDir = resolve(process.env.CONTENT_DIR ?? local('./content'));
/** @type {import('./src/lib/page-languages.ts').HasOwnText | undefined} */
let ownTextLookup;
/** Read once, when the sitemap asks: which locales have their own text for each page. */
const ownText = () => (ownTextLookup ??= ownTextFromFiles(contentDir));

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  base: internal ? '/agents' : '/',
  outDir: internal
    ? (process.env.AGENTS_DIST_DIR ?? './dist-agents')
    : (process.env.DIST_DIR ?? './dist'),
  build: {
    format: 'directory',
    // Pages rendered at a time. One at a time, the render waited on each page's folder and file
    // (7 of 45 s idle at 10,000 pages); at 8 the rendering took 34 s instead of 39–45 s. The
    // output is the same byte for byte (compared on the sample at 1 and 8, and two 10k builds).
    concurrency: 8,
  },
  ...(internal ? { adapter: internalServerAdapter() } : {}),
  integrations: [
    // Reads the frontmatter of content/**/*.mdx. Bodies are not compiled: the pages render them
    // from their tree (src/components/mdx/mdx-body.ts, src/site/mdx-source-loader.ts).
    mdx(),
    ...(internal
      ? []
      : [
          sitemap({
            // Only pages worth finding: not the language chooser, 404s, search results or
            // confirmations, nor English text under another locale (its English original is listed).
            filter: (page) => {
              const path = new URL(page).pathname;
              return (
                path !== '/' &&
                !/\/(404|search|contact\/sent|sign-in(\/.*)?)\/$/.test(path) &&
                !isFallbackPage(path, ownText())
              );
            },
          }),
        ]),
    helpCentreSearch(),
  ],
  vite: {
    define: { __HC_AUDIENCE__: JSON.stringify(internal ? 'internal' : 'public') },
    resolve: {
      // Agent markup, styles and scripts exist only in the internal build.
      alias: {
        'hc-content': contentDir,
        'agent-chrome': local(
          internal ? './src/components/agents/chrome.ts' : './src/components/agents/no-chrome.ts',
        ),
        'internal-images': local(
          internal
            ? './src/components/mdx/internal-images.ts'
            : './src/components/mdx/no-internal-images.ts',
        ),
      },
    },
  },
  devToolbar: { enabled: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
});
