import type { Audience } from '../lib/content-graph.ts';

/**
 * Which help centre this build makes. `npm run build` runs Astro twice: once for readers (the
 * default) and once with HC_AUDIENCE=internal for agents, under /agents/ and into its own folder,
 * so the public output never contains a byte of the internal one.
 */
export const buildAudience: Audience =
  process.env['HC_AUDIENCE'] === 'internal' ? 'internal' : 'public';

export const isInternalBuild = buildAudience === 'internal';
