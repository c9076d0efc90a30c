// `npm run fixtures -- --articles 1250 [--out DIR]`: a help centre of realistic size for the
// benchmarks, generated from the sample content into a folder outside the project's content/
// (default: <tmp>/help-centre-fixture-<articles>). Build or bench it with
//   npm run bench:site -- --fixture DIR
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { locales } from '../src/i18n/locales.ts';
import { generateFixture } from './lib/fixture.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { articles: { type: 'string', default: '1250' }, out: { type: 'string' } },
});
const articlesPerLocale = Number(values.articles);
if (!Number.isInteger(articlesPerLocale) || articlesPerLocale < 1) {
  console.error(
    `fixtures: --articles must be a whole number of articles per locale, got "${values.articles}"`,
  );
  process.exit(1);
}
const outDir = resolve(values.out ?? join(tmpdir(), `help-centre-fixture-${articlesPerLocale}`));
if (outDir === root || resolve(outDir, 'content') === resolve(root, 'content')) {
  console.error(
    'fixtures: --out must be a folder of its own, never the project (it replaces <out>/content)',
  );
  process.exit(1);
}
const started = performance.now();
const summary = generateFixture({
  sourceContent: join(root, 'content'),
  outDir,
  articlesPerLocale,
});
console.log(
  `fixture: ${summary.articlesPerLocale} public articles per locale in ${locales.length} locales ` +
    `(${summary.generated} generated per locale, ${summary.files} files) in ${Math.round(performance.now() - started)} ms\n` +
    `content: ${summary.contentDir}\n` +
    `bench:   npm run bench:site -- --fixture ${outDir}`,
);
