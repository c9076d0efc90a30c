/**
 * Every diagram in content/images/, each drawn from one function and its labels per locale
 * (labels/<locale>.yaml). `npm run diagrams` renders them; tests/unit/diagrams checks them.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { locales, sourceLocale, type Locale } from '../../src/i18n/locales.ts';
import { ConfigFileError, parseConfigFile, type ConfigProblem } from '../../src/lib/config-file.ts';
import { auctionClosingTimeline } from './auction-closing-timeline.ts';
import { bidPanel } from './bid-panel.ts';
import { formatsSchema, type Diagram, type Formats } from './diagram.ts';
import { escalationPaths } from './escalation-paths.ts';
import { lotPhotoGuide } from './lot-photo-guide.ts';
import { packingLayers } from './packing-layers.ts';
import { payoutTimeline } from './payout-timeline.ts';
import { twoStepSignIn } from './two-step-sign-in.ts';

export const diagrams: readonly Diagram[] = [
  twoStepSignIn,
  bidPanel,
  auctionClosingTimeline,
  payoutTimeline,
  packingLayers,
  lotPhotoGuide,
  escalationPaths,
] as Diagram[];

export const labelsDir = join(import.meta.dirname, 'labels');

/** The key of a diagram's labels: its file name without folder and extension. */
export function labelKey(diagram: Diagram): string {
  return diagram.file.replace(/^.*\//, '').replace(/\.png$/, '');
}

export function diagramLocales(diagram: Diagram): readonly Locale[] {
  return diagram.locales === 'all' ? locales : [sourceLocale];
}

/** Where a diagram's PNG goes, relative to content/images/: "<locale>/<file>", or as is when English only. */
export function outputPath(diagram: Diagram, locale: Locale): string {
  return diagram.locales === 'all' ? `${locale}/${diagram.file}` : diagram.file;
}

/** The schema of labels/<locale>.yaml: formats, and one entry per diagram drawn in that locale. */
export function labelsSchema(locale: Locale) {
  const shape: Record<string, z.ZodType> = { formats: formatsSchema };
  for (const diagram of diagrams)
    if (diagramLocales(diagram).includes(locale)) shape[labelKey(diagram)] = diagram.labels;
  return z.strictObject(shape);
}

export interface LocaleLabels {
  formats: Formats;
  [diagram: string]: unknown;
}

/** Reads and checks one locale's labels; throws a ConfigFileError naming every problem. */
export function loadLabels(locale: Locale, dir = labelsDir): LocaleLabels {
  const problems: ConfigProblem[] = [];
  const data = parseConfigFile(join(dir, `${locale}.yaml`), labelsSchema(locale), problems);
  if (!data) throw new ConfigFileError(problems);
  return data as LocaleLabels;
}

/** The SVG of one diagram in one locale. */
export function drawDiagram(diagram: Diagram, locale: Locale, labels: LocaleLabels): string {
  return diagram.draw(labels[labelKey(diagram)] as never, { locale, formats: labels.formats });
}
