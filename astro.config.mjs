// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { helpCentreSearch } from './src/search/integration.ts';

/** Public origin of the help centre, used for canonical and hreflang links and the sitemap. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Markdown headings get ids, so sub-results in search and the table of contents can link to them.
  integrations: [
    mdx(),
    sitemap({
      // The locale-choice page is not content; locale 404 pages are not pages.
      filter: (page) => new URL(page).pathname !== '/' && !/\/404\/$/.test(new URL(page).pathname),
    }),
    helpCentreSearch(),
  ],
  devToolbar: { enabled: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
});
