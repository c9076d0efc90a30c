// `npm run build`: the public help centre into dist/, then the agents' help centre (every public
// article plus the internal ones, served under /agents/ behind sign-in) into dist-agents/.
// Two separate Astro runs, so nothing of the internal build can end up in the public output.
// Each is followed by precompression: .br and .gz copies beside the text files, for the server.
//   DIST_DIR, AGENTS_DIST_DIR override the folders; `-- public` or `-- internal` builds one.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { precompressDir } from '../src/server/edge/precompress.ts';
import { removeAside } from './lib/remove-aside.ts';

const root = join(import.meta.dirname, '..');
// Astro runs on this same Node (the pinned 24), not whatever `node` is first on PATH.
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const wanted = process.argv[2];
if (wanted !== undefined && wanted !== 'public' && wanted !== 'internal') {
  console.error(
    `build: unknown audience "${wanted}"; use "public", "internal" or nothing for both`,
  );
  process.exit(1);
}

// Astro's content caches (.astro/ and node_modules/.astro/) belong to one content folder: a
// release built from another checkout (CONTENT_DIR) must not reuse them, or pages come out of the
// wrong content. A build that does not know which folder the caches are for clears them too.
const contentDir = resolve(process.env['CONTENT_DIR'] ?? join(root, 'content'));
const cacheStamp = join(root, '.astro', 'hc-content-dir');
if (!existsSync(cacheStamp) || readFileSync(cacheStamp, 'utf8') !== contentDir) {
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
}

for (const audience of ['public', 'internal'] as const) {
  if (wanted && wanted !== audience) continue;
  const started = performance.now();
  console.log(`\n▶ Building the ${audience} help centre`);
  // Written before each build: a build killed half way leaves caches of this same folder.
  remember();
  const astroOutDir =
    audience === 'public'
      ? resolve(root, process.env['DIST_DIR'] ?? 'dist')
      : resolve(root, process.env['AGENTS_DIST_DIR'] ?? 'dist-agents');
  const removing = removeAside(astroOutDir);
  const result = spawnSync(process.execPath, [astro, 'build'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, HC_AUDIENCE: audience },
  });
  if (result.status !== 0) {
    console.error(`✖ the ${audience} build failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  // The agents' pages are filled in per request: only their scripts, styles and indexes.
  const outDir = audience === 'public' ? astroOutDir : join(astroOutDir, 'client');
  // Before the copies are written beside the new build: the old one is gone by then.
  if (removing && removing.exitCode === null && removing.signalCode === null)
    await once(removing, 'exit');
  const packed = await precompressDir(outDir, { html: audience === 'public' });
  console.log(
    `✔ ${audience} help centre built in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${packed.files} text files precompressed: ${kib(packed.bytes)} → ${kib(packed.brotliBytes)} br, ${kib(packed.gzipBytes)} gzip; ` +
      `${packed.pagefindFiles} Pagefind files recoded: ${kib(packed.pagefindBytes)} gzip → ${kib(packed.pagefindBrotliBytes)} br)`,
  );
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

function remember(): void {
  mkdirSync(join(root, '.astro'), { recursive: true });
  writeFileSync(cacheStamp, contentDir);
}
