import { z } from 'zod';
import type { Locale } from '../../src/i18n/locales.ts';

/** A label a translator writes: one line of plain text, never empty. */
export const text = () => z.string().trim().min(1, 'write the label; it is shown in the picture');

/** How each locale writes amounts and clock times inside the pictures. */
export const formatsSchema = z.object({
  /** An amount in euros, with {amount} for the number: "€{amount}", "{amount} €". */
  money: text().regex(/\{amount\}/, 'keep {amount} where the number goes'),
  /** A clock time with {hours} and {minutes}: "{hours}:{minutes}", "{hours} h {minutes}". */
  time: text().regex(/\{hours\}.*\{minutes\}/, 'keep {hours} and {minutes}'),
  /** The same with {seconds}: "{hours}:{minutes}:{seconds}", "{hours} h {minutes} min {seconds} s". */
  timeWithSeconds: text().regex(
    /\{hours\}.*\{minutes\}.*\{seconds\}/,
    'keep {hours}, {minutes} and {seconds}',
  ),
});
export type Formats = z.infer<typeof formatsSchema>;

export interface DrawContext {
  locale: Locale;
  formats: Formats;
}

/** One diagram: its file name in content/images/, its labels and the function that draws it. */
export interface Diagram<Schema extends z.ZodObject = z.ZodObject> {
  /** File name authors write in <Figure src="…">, and the key of its labels in labels/<locale>.yaml. */
  file: string;
  labels: Schema;
  /**
   * Locales it is drawn in. Internal pictures are drawn in English only: the agents' handbook
   * is written in English, and content/images/internal/ stays one flat folder.
   */
  locales: 'all' | 'source';
  /** The SVG for one locale's labels. Throws LabelTooLong when a label cannot fit. */
  draw(labels: z.infer<Schema>, context: DrawContext): string;
}

export function defineDiagram<Schema extends z.ZodObject>(
  diagram: Diagram<Schema>,
): Diagram<Schema> {
  return diagram;
}
