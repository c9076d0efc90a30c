// Translation status for content leads and translators.
//   npm run translations                      table of every article: current (✓) / outdated (old) /
//                                             summary translation (sum) / missing (·)
//   npm run translations -- stamp nl/bidding  record that nl/bidding now matches the English text
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLocale, locales, sourceLocale } from '../src/i18n/locales.ts';
import { sourceRevisionOfFile } from '../src/lib/revision.ts';
import {
  articlePath,
  readTranslationStatus,
  stampRevision,
} from '../src/lib/translation-status.ts';

const contentDir = resolve(import.meta.dirname, '..', 'content');
const [command, ...targets] = process.argv.slice(2);

if (command === 'stamp') {
  if (targets.length === 0) fail('name the translations to stamp, for example: stamp nl/bidding');
  for (const target of targets) {
    const [locale, id] = target.split('/');
    if (!isLocale(locale) || locale === sourceLocale || !id)
      fail(
        `"${target}" is not <locale>/<article-id> with a locale from ${locales.slice(1).join(', ')}`,
      );
    const path = articlePath(contentDir, locale, id);
    const sourcePath = articlePath(contentDir, sourceLocale, id);
    if (!existsSync(sourcePath)) fail(`there is no English article ${sourcePath}`);
    if (!existsSync(path)) fail(`there is no translation ${path}: write it first`);
    const revision = sourceRevisionOfFile(sourcePath);
    writeFileSync(path, stampRevision(readFileSync(path, 'utf8'), revision));
    console.log(`${target}: sourceRevision ${revision}`);
  }
} else if (command === undefined || command === 'status') {
  const rows = readTranslationStatus(contentDir);
  const mark = { current: '✓', outdated: 'old', summary: 'sum', missing: '·' } as const;
  console.log(
    ['article'.padEnd(34), 'revision    ', ...locales.slice(1).map((l) => l.padEnd(4))].join(' '),
  );
  for (const row of rows) {
    const cells = locales.slice(1).map((l) => mark[row.states[l]].padEnd(4));
    const id = row.visibility === 'internal' ? `${row.id} (internal)` : row.id;
    console.log([id.padEnd(34), row.sourceRevision, ...cells].join(' '));
  }
} else {
  fail(`unknown command "${command}": use "status" or "stamp <locale>/<id>"`);
}

function fail(message: string): never {
  console.error(`translations: ${message}`);
  process.exit(1);
}
