// Site figures for the notes: build time and peak memory, page count, what an article page loads
// before any interaction (HTML, CSS, JS; raw and gzip), the Pagefind index size per language, the
// search figures of search-page.ts (first query, follow-ups, keystroke to results, index sizes) and
// the contact page's of contact-page.ts (bytes and time to the first suggestion).
//   npm run bench:site                          builds the sample content first, then measures
//   npm run bench:site -- --no-build            measures the existing dist/
//   npm run bench:site -- --fixture <dir>       builds and measures a generated site (npm run fixtures)
//   npm run bench:site -- --runs 3              builds each help centre 3 times: median wall and peak
//   npm run bench:site -- --audience public     builds only the public help centre
//   npm run bench:site -- --cold                clears Astro's caches before each build (a first build)
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { measuredRun } from '../lib/measured-run.ts';
import { benchContact } from './contact-page.ts';
import { benchSearch, kb, median } from './search-page.ts';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    fixture: { type: 'string' },
    runs: { type: 'string', default: '1' },
    audience: { type: 'string', default: 'both' },
    cold: { type: 'boolean', default: false },
  },
});
const fixture = values.fixture === undefined ? undefined : resolve(values.fixture);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
if (!['public', 'internal', 'both'].includes(values.audience))
  throw new Error(`--audience must be public, internal or both, got "${values.audience}"`);
const dist = fixture ? join(fixture, 'dist') : join(root, 'dist');
const buildEnv = {
  ...process.env,
  ...(fixture
    ? {
        CONTENT_DIR: join(fixture, 'content'),
        DIST_DIR: dist,
        AGENTS_DIST_DIR: join(fixture, 'dist-agents'),
      }
    : {}),
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

if (!values['no-build']) {
  // Each help centre separately, so the cost of the agents' one shows on its own.
  for (const audience of ['public', 'internal'] as const) {
    if (values.audience !== 'both' && values.audience !== audience) continue;
    const walls: number[] = [];
    const peaks: number[] = [];
    for (let run = 1; run <= runs; run++) {
      if (values.cold)
        for (const cache of ['.astro', join('node_modules', '.astro')])
          rmSync(join(root, cache), { recursive: true, force: true });
      const build = await measuredRun(
        process.execPath,
        [join(root, 'scripts', 'build.ts'), audience],
        {
          cwd: root,
          env: buildEnv,
        },
      );
      if (build.status !== 0)
        throw new Error(`the ${audience} build failed: run npm run build to see why`);
      walls.push(build.wallMs / 1000);
      peaks.push(build.peakBytes);
      console.log(
        `build, ${audience} help centre, run ${run}: ${(build.wallMs / 1000).toFixed(1)} s wall, peak ${mib(build.peakBytes)} (every process of the build, summed)`,
      );
    }
    if (runs > 1)
      console.log(
        `build, ${audience} help centre: median of ${runs} runs ${median(walls).toFixed(1)} s wall, peak ${mib(median(peaks))} (Astro, indexes, precompression)`,
      );
  }
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
const all = [...walk(dist)];
const html = all.filter((f) => f.endsWith('.html'));
const served = all.filter((f) => !/\.(br|gz)$/.test(f));
const bytes = (files: string[]) => files.reduce((s, f) => s + statSync(f).size, 0);
console.log(
  `pages: ${html.length} HTML files; ${served.length} files, ${mib(bytes(served))} in ${dist} ` +
    `(${mib(bytes(all) - bytes(served))} more of precompressed .br/.gz copies)`,
);

// What the browser fetches for an article before any interaction: the HTML, its stylesheets and
// its module scripts (and their static imports). Images are lazy and not counted.
for (const path of [
  '/en/articles/how-bidding-works/',
  '/ko/articles/payment-methods/',
  '/ru/articles/paying-for-lots/',
]) {
  const page = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const assets = new Set<string>();
  for (const m of page.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g))
    assets.add(m[1]!);
  const scripts = [...page.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const queue = [...scripts];
  while (queue.length) {
    const src = queue.shift()!;
    if (assets.has(src)) continue;
    assets.add(src);
    const code = readFileSync(join(dist, src), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"]*from\s*)?["']([^"']+)["']/g)) {
      queue.push(new URL(m[1]!, `http://x${src}`).pathname);
    }
  }
  const inlineStyles = [...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce(
    (s, m) => s + m[1]!.length,
    0,
  );
  const sizes = {
    html: { raw: page.length, gzip: gzipSync(page).length },
    css: { raw: 0, gzip: 0 },
    js: { raw: 0, gzip: 0 },
  };
  for (const asset of assets) {
    const body = readFileSync(join(dist, asset));
    const kind = asset.endsWith('.css') ? 'css' : 'js';
    sizes[kind].raw += body.length;
    sizes[kind].gzip += gzipSync(body).length;
  }
  console.log(
    `${path}: HTML ${kb(sizes.html.raw)} (gzip ${kb(sizes.html.gzip)}, of which inline CSS ${kb(inlineStyles)}), ` +
      `CSS ${kb(sizes.css.raw)} (gzip ${kb(sizes.css.gzip)}), JS ${kb(sizes.js.raw)} (gzip ${kb(sizes.js.gzip)}) in ${assets.size} files`,
  );
}

// Pagefind: files are named <lang>_<hash>; what one reader downloads is their language's share.
const perLanguage = new Map<string, { files: number; bytes: number }>();
for (const file of walk(join(dist, 'pagefind'))) {
  const lang = /^(?:pagefind\.)?([a-z]{2})_/.exec(
    relative(join(dist, 'pagefind'), file).split('/').pop()!,
  )?.[1];
  if (!lang) continue;
  const entry = perLanguage.get(lang) ?? { files: 0, bytes: 0 };
  entry.files++;
  entry.bytes += statSync(file).size;
  perLanguage.set(lang, entry);
}
const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { page_count: number }>;
};
for (const [lang, { files, bytes }] of [...perLanguage].sort()) {
  console.log(
    `pagefind ${lang}: ${entry.languages[lang]?.page_count ?? 0} pages, ${files} files, ${kb(bytes)} (already compressed)`,
  );
}
// The search page, the quick search and the search index, then the contact page: in a real browser.
await benchSearch(dist);
await benchContact(dist);
