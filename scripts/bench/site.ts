// Site figures for the notes: build time, page count, what an article page loads before any
// interaction (HTML, CSS, JS; raw and gzip), the Pagefind index size per language, and the
// search figures of search-page.ts (first query, keystroke to results, search index sizes).
//   npm run bench:site                    builds first, then measures
//   npm run bench:site -- --no-build      measures the existing dist/
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchSearch } from './search-page.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

if (!process.argv.includes('--no-build')) {
  // Each help centre separately, so the cost of the agents' one shows on its own.
  for (const audience of ['public', 'internal'] as const) {
    const started = performance.now();
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts'), audience], {
      cwd: root,
      stdio: 'ignore',
    });
    if (build.status !== 0)
      throw new Error(`the ${audience} build failed: run npm run build to see why`);
    console.log(
      `build time, ${audience} help centre: ${((performance.now() - started) / 1000).toFixed(1)} s (Astro, Pagefind and search indexes)`,
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
console.log(
  `pages: ${html.length} HTML files, ${all.length} files in dist/, ${kb(all.reduce((s, f) => s + statSync(f).size, 0))}`,
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
// The search page, the quick search and the search index: in a real browser.
await benchSearch(dist);
