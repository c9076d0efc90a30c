import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { indexSite } from './site-index.ts';

/**
 * Thin Astro hook: when the static build is done, index it (Pagefind per language, and the search
 * index of titles, keywords and descriptions per locale) and give each locale its own 404.html
 * for static hosts.
 */
export function helpCentreSearch(): AstroIntegration {
  let basePath = '';
  return {
    name: 'help-centre-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        basePath = config.base.replace(/\/+$/, '');
      },
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(fileURLToPath(dir), logger, { basePath });
      },
    },
  };
}
