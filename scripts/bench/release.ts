/**
 * Release figures for the notes: a release of the sample content, then of a generated site of
 * about 10,000 pages (the sample's public articles copied until there are enough, with their
 * translations, 8 locales), each with its stage timings; the switch and a rollback. Content is
 * generated into a temporary git repository, never into the project. Not a test.
 *   npm run bench:release -- [--pages 10000] [--skip-sample]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { locales } from '../../src/i18n/locales.ts';
import { sourceRevisionOf } from '../../src/lib/revision.ts';
import { readFrontmatter, stampRevision } from '../../src/lib/translation-status.ts';
import { releaseRegistry } from '../../src/server/releases/registry.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '10000' },
    'skip-sample': { type: 'boolean', default: false },
  },
});
const root = join(import.meta.dirname, '..', '..');
const pages = Number(values.pages);

function contentRepo(extraPerArticle: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hb-bench-release-')), 'content');
  cpSync(join(root, 'content'), dir, { recursive: true });
  if (extraPerArticle > 0) {
    const english = readdirSync(join(dir, 'articles', 'en')).filter((name) => {
      const data = readFrontmatter(readFileSync(join(dir, 'articles', 'en', name), 'utf8'));
      return data['visibility'] !== 'internal';
    });
    for (const name of english) {
      const id = name.slice(0, -4);
      const source = readFileSync(join(dir, 'articles', 'en', name), 'utf8');
      for (let copy = 1; copy <= extraPerArticle; copy++) {
        const copyId = `${id}-c${copy}`;
        const text = source.replace(
          /^title: (.*)$/m,
          (_, title: string) =>
            `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')} (${copy})`)}`,
        );
        writeFileSync(join(dir, 'articles', 'en', `${copyId}.mdx`), text);
        for (const locale of locales.slice(1)) {
          let translation: string;
          try {
            translation = readFileSync(join(dir, 'articles', locale, name), 'utf8');
          } catch {
            continue;
          }
          writeFileSync(
            join(dir, 'articles', locale, `${copyId}.mdx`),
            stampRevision(translation, sourceRevisionOf(text)),
          );
        }
      }
    }
  }
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Bench', '-c', 'user.email=bench@hammerbid.test', ...args],
      { cwd: dir, stdio: 'ignore' },
    );
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'bench content');
  return dir;
}

function release(contentDir: string, releasesDir: string, label: string): void {
  const articles = readdirSync(join(contentDir, 'articles', 'en')).length;
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'release.ts'), '--as', 'bench'], {
    cwd: root,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      RELEASES_DIR: releasesDir,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hb-bench-data-')),
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(
      `${label}: release failed after ${seconds.toFixed(1)} s\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`,
    );
    process.exit(1);
  }
  const registry = releaseRegistry(releasesDir);
  const manifest = registry.manifest(registry.current()!)!;
  const switchMs = /switched in ([0-9.]+) ms/.exec(run.stdout)?.[1];
  const htmlPages = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (n, entry) =>
        n +
        (entry.isDirectory()
          ? htmlPages(join(dir, entry.name))
          : entry.name.endsWith('.html')
            ? 1
            : 0),
      0,
    );
  console.log(
    `${label}: ${articles} English articles, ${htmlPages(join(registry.path(manifest.id), 'public'))} public HTML pages; release in ${seconds.toFixed(1)} s ` +
      `(${Object.entries(manifest.timings)
        .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
        .join(', ')}); ` +
      `switch ${switchMs} ms; ${(manifest.sizes.publicBytes / 1048576).toFixed(0)} MiB public, ${(manifest.sizes.agentsBytes / 1048576).toFixed(0)} MiB agents`,
  );
  for (const check of manifest.checks)
    console.log(`    ${check.name}: ${check.status}: ${check.summary.slice(0, 160)}`);
}

const releasesDir = join(root, '.test-releases', `bench-${process.pid}`);
try {
  if (!values['skip-sample']) release(contentRepo(0), releasesDir, 'sample');
  // The sample has 39 public English articles shown in 8 locales: copies until ~`pages` article pages.
  const copies = Math.max(0, Math.ceil(pages / 8 / 39) - 1);
  const big = contentRepo(copies);
  release(big, releasesDir, `generated (${copies} copies of each public article)`);
  const rollback = spawnSync(process.execPath, [join(root, 'scripts', 'release.ts'), 'rollback'], {
    cwd: root,
    env: { ...process.env, RELEASES_DIR: releasesDir },
    encoding: 'utf8',
  });
  console.log(`rollback: ${rollback.stdout.trim() || rollback.stderr.trim()}`);
} finally {
  rmSync(releasesDir, { recursive: true, force: true });
}
