/**
 * How long a browser may keep each kind of file of a build. Files whose names carry a hash of
 * their content never change under the same URL; every other file is revalidated with its ETag.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidate before every use: a cheap 304 with the ETag when nothing changed. */
export const REVALIDATE = 'no-cache';
/** Pages filled per request (confirmation, sign-in, agents' pages): never stored. */
export const NO_STORE = 'no-store';

/**
 * Content-hashed names: Astro's `_astro/`, Pagefind's fragments, index chunks and per-language
 * metadata (`pagefind.en_78605b3d77.pf_meta`), and the search index's description files
 * (`search/en.descriptions.0f3a9c21b4.3.json`). Not hashed, so not here: `pagefind.js`,
 * `pagefind-entry.json` (it names the current hashes), `pagefind-worker.js`, the UI files and
 * `wasm.<lang>.pagefind`.
 */
const HASHED = [
  /^\/_astro\//,
  /^\/pagefind\/(?:fragment|index)\//,
  /^\/pagefind\/pagefind\.[a-z-]+_[0-9a-f]{6,}\.pf_meta$/,
  /^\/search\/[a-z-]+\.descriptions\.[0-9a-f]{10}\.\d+\.json$/,
];

/** Whether a URL path (relative to the build's root) names a content-hashed file. */
export function isFingerprinted(path: string): boolean {
  return HASHED.some((pattern) => pattern.test(path));
}

/** Cache-Control for a file of a build, by its URL path; `scope` is private for agents' files. */
export function cacheControlFor(path: string, scope: 'public' | 'private' = 'public'): string {
  if (!isFingerprinted(path)) return REVALIDATE;
  return scope === 'public' ? IMMUTABLE : IMMUTABLE.replace('public', 'private');
}
