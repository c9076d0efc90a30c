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
      // Only pages worth finding: not the language chooser, 404s, search results or confirmations.
      filter: (page) => {
        const path = new URL(page).pathname;
        return path !== '/' && !/\/(404|search|contact\/sent)\/$/.test(path);
      },
    }),
    helpCentreSearch(),
  ],
  devToolbar: { enabled: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
});
