import { z } from 'zod';
import { idPattern } from './ids.ts';

/**
 * The structure readers know from hosted help centres: categories hold sections, sections hold
 * articles. Ids and order live in content/structure/{categories,sections}.yaml; the words shown
 * to readers live in content/structure/titles/<locale>.yaml so each translator edits one file.
 */

const id = z.string().regex(idPattern, {
  error: 'id must be lower case with dashes, for example "account-security"',
});

export const categorySchema = z
  .object({
    id,
    /** Position on the home page, lowest first. */
    order: z.number({ error: 'order must be a number such as 1' }).int(),
    /** Name of an icon in src/components/Icon.astro. */
    icon: z.string({ error: 'icon must name an icon such as "gavel"' }),
    /** internal categories hold only internal sections and never appear in the public build. */
    visibility: z
      .enum(['public', 'internal'], { error: 'visibility must be "public" or "internal"' })
      .default('public'),
  })
  .strict();

export const sectionSchema = z
  .object({
    id,
    /** Id of the category this section belongs to. */
    category: id,
    /** Position inside the category, lowest first. */
    order: z.number({ error: 'order must be a number such as 1' }).int(),
    /** internal sections hold agents' articles and never appear in the public build. */
    visibility: z
      .enum(['public', 'internal'], { error: 'visibility must be "public" or "internal"' })
      .default('public'),
  })
  .strict();

const titled = z
  .object({
    title: z.string({ error: 'title is missing' }).trim().min(2),
    description: z.string({ error: 'description is missing' }).trim().min(5),
  })
  .strict();

export const structureTitlesSchema = z
  .object({
    categories: z.record(z.string(), titled).default({}),
    sections: z.record(z.string(), titled).default({}),
  })
  .strict();

export type StructureTitles = z.infer<typeof structureTitlesSchema>;
