import type { Audience } from '../lib/content-graph.ts';

/**
 * Which help centre this build makes. `npm run build` runs Astro twice: once for readers (the
 * default) and once with HC_AUDIENCE=internal for agents, under /agents/ and into its own folder,
 * so the public output never contains a byte of the internal one.
 */
declare const __HC_AUDIENCE__: string | undefined;

// Replaced at build time (astro.config.mjs, vite.define), so the pages the internal build renders
// at request time know it too; outside a build the environment says.
const configured =
  typeof __HC_AUDIENCE__ === 'string' ? __HC_AUDIENCE__ : process.env['HC_AUDIENCE'];

export const buildAudience: Audience = configured === 'internal' ? 'internal' : 'public';

export const isInternalBuild = buildAudience === 'internal';
