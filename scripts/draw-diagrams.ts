// Draws the diagrams in content/images/ from SVG with sharp: one drawing per diagram
// (scripts/diagrams/), with its labels per locale (scripts/diagrams/labels/<locale>.yaml), into
// content/images/<locale>/<file>. <Figure src="bid-panel.png"> picks the drawing in the language
// of the article text. Run it after changing a drawing or a label: `npm run diagrams`. The PNGs are
// committed; the build only resizes them, so fonts matter here, not at build time: Liberation Sans
// for the Latin and Cyrillic locales and Noto Sans CJK KR (Debian: fonts-noto-cjk) for Korean.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { locales } from '../src/i18n/locales.ts';
import { diagramLocales, diagrams, drawDiagram, loadLabels, outputPath } from './diagrams/index.ts';

const out = join(import.meta.dirname, '..', 'content', 'images');
const only = process.argv.slice(2);

for (const locale of locales) {
  if (only.length && !only.includes(locale)) continue;
  const labels = loadLabels(locale);
  for (const diagram of diagrams) {
    if (!diagramLocales(diagram).includes(locale)) continue;
    const file = join(out, outputPath(diagram, locale));
    mkdirSync(dirname(file), { recursive: true });
    // A 64-colour palette keeps the flat drawings small and their text crisp.
    const info = await sharp(Buffer.from(drawDiagram(diagram, locale, labels)))
      .png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 })
      .toFile(file);
    console.log(`${outputPath(diagram, locale)}: ${info.width}×${info.height}, ${info.size} bytes`);
  }
}
