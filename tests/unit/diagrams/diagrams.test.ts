import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { locales } from '../../../src/i18n/locales.ts';
import { pictureCandidates } from '../../../src/components/mdx/picture-candidates.ts';
import {
  diagramLocales,
  diagrams,
  drawDiagram,
  labelKey,
  loadLabels,
  outputPath,
} from '../../../scripts/diagrams/index.ts';

const contentDir = join(import.meta.dirname, '..', '..', '..', 'content');

/** Every string in a label tree, with its path ("payout-timeline.sold.name"). */
function leaves(value: unknown, path: string): Array<[string, unknown]> {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${path}.${key}`));
  return [[path, value]];
}

describe('diagram labels', () => {
  test.each(locales)('%s has every label of every diagram drawn in it, none empty', (locale) => {
    const labels = loadLabels(locale);
    for (const diagram of diagrams) {
      if (!diagramLocales(diagram).includes(locale)) continue;
      const ours = labels[labelKey(diagram)];
      const english = loadLabels('en')[labelKey(diagram)];
      // Same keys as the English labels, and every one a non-empty text.
      expect(leaves(ours, labelKey(diagram)).map(([path]) => path)).toEqual(
        leaves(english, labelKey(diagram)).map(([path]) => path),
      );
      for (const [path, text] of leaves(ours, labelKey(diagram)))
        expect(typeof text === 'string' && text.trim().length > 0, path).toBe(true);
    }
  });

  test('public diagrams are drawn in all eight locales', () => {
    const publicDiagrams = diagrams.filter((d) => !d.file.startsWith('internal/'));
    for (const diagram of publicDiagrams) expect(diagramLocales(diagram)).toEqual(locales);
  });

  test('a missing label names the file and the label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagram-labels-'));
    const english = loadLabels('en') as Record<string, Record<string, unknown>>;
    const broken = structuredClone(english);
    delete broken['bid-panel']?.['placeBid'];
    writeFileSync(join(dir, 'en.yaml'), stringify(broken));
    expect(() => loadLabels('en', dir)).toThrow(/en\.yaml: bid-panel\.placeBid/);
  });
});

describe('diagram drawings', () => {
  const cases = locales.flatMap((locale) =>
    diagrams
      .filter((diagram) => diagramLocales(diagram).includes(locale))
      .map((diagram) => [outputPath(diagram, locale), diagram, locale] as const),
  );

  test.each(cases)(
    '%s fits its labels and is an SVG sharp can render',
    async (_, diagram, locale) => {
      const svg = drawDiagram(diagram, locale, loadLabels(locale));
      // A small render is enough to prove the SVG is well-formed.
      const { info } = await sharp(Buffer.from(svg), { density: 9 }).png().toBuffer({
        resolveWithObject: true,
      });
      expect(info.width).toBeGreaterThan(100);
      expect(
        existsSync(join(contentDir, 'images', outputPath(diagram, locale))),
        'run npm run diagrams',
      ).toBe(true);
    },
  );
});

describe('pictures for <Figure>', () => {
  test('prefers the drawing in the language of the text, then English, then one for all', () => {
    expect(pictureCandidates('bid-panel.png', 'ko')).toEqual([
      'ko/bid-panel.png',
      'en/bid-panel.png',
      'bid-panel.png',
    ]);
    expect(pictureCandidates('bid-panel.png', 'en')).toEqual(['en/bid-panel.png', 'bid-panel.png']);
    expect(pictureCandidates('internal/escalation-paths.png', 'de')).toEqual([
      'internal/escalation-paths.png',
    ]);
  });

  test('every picture an article places exists in English or for all languages', () => {
    const articles = join(contentDir, 'articles');
    for (const locale of readdirSync(articles))
      for (const file of readdirSync(join(articles, locale))) {
        const text = readFileSync(join(articles, locale, file), 'utf8');
        for (const [, src] of text.matchAll(/<Figure[^>]*?\ssrc="([^"]+)"/g)) {
          const found = pictureCandidates(src!, 'en').some((name) =>
            existsSync(join(contentDir, 'images', name)),
          );
          expect(found, `${locale}/${file}: ${src}`).toBe(true);
        }
      }
  });
});
