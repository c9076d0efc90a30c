import type { AstroIntegration } from 'astro';

/**
 * The agents' help centre renders a few pages at request time: the proposal editor, its preview,
 * the new-article form and "My feedback". This adapter adds those routes to the internal build
 * only (the public build never sees them) and makes Astro emit a server entry whose `render`
 * the service calls with the signed-in person in `locals` (src/server/internal-site.ts).
 */
export const requestTimePages = [
  { pattern: '/[locale]/propose/[id]', entrypoint: 'propose.astro' },
  { pattern: '/[locale]/new-article', entrypoint: 'new-article.astro' },
  { pattern: '/[locale]/preview', entrypoint: 'preview.astro' },
  { pattern: '/[locale]/feedback', entrypoint: 'feedback.astro' },
  { pattern: '/[locale]/review', entrypoint: 'review-queue.astro' },
  { pattern: '/[locale]/review/[id]', entrypoint: 'review.astro' },
  { pattern: '/[locale]/tasks', entrypoint: 'tasks.astro' },
  { pattern: '/[locale]/releases', entrypoint: 'releases.astro' },
  { pattern: '/[locale]/freshness', entrypoint: 'freshness.astro' },
  { pattern: '/[locale]/sla', entrypoint: 'sla.astro' },
  { pattern: '/[locale]/reports', entrypoint: 'reports.astro' },
];

/** Paths of the request-time pages under the agents' base, for checks that look for files. */
export const requestTimePaths = requestTimePages.map(
  (page) =>
    new RegExp(
      `^/agents${page.pattern.replace(/\[locale\]/, '[a-z]{2}').replace(/\[id\]/, '[A-Za-z0-9-]+')}/$`,
    ),
);

export function internalServerAdapter(): AstroIntegration {
  return {
    name: 'help-centre-internal-server',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        for (const page of requestTimePages)
          injectRoute({
            pattern: page.pattern,
            entrypoint: new URL(`./pages/${page.entrypoint}`, import.meta.url),
            prerender: false,
          });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'help-centre-internal-server',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server-entry.ts', import.meta.url),
          supportedAstroFeatures: { staticOutput: 'stable', serverOutput: 'stable' },
        });
      },
    },
  };
}
