import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleSchema, snippetSchema } from './lib/content-schema.ts';
import { categorySchema, sectionSchema, structureTitlesSchema } from './lib/structure-schema.ts';

/**
 * Content lives in the top-level content/ folder, edited by writers and leads; never code.
 * Entry ids keep the locale folder: `en/bidding-on-a-lot`, so one collection holds every language.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/articles' }),
  schema: articleSchema,
});

const snippets = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/snippets' }),
  schema: snippetSchema,
});

const categories = defineCollection({
  loader: file('./content/structure/categories.yaml'),
  schema: categorySchema,
});

const sections = defineCollection({
  loader: file('./content/structure/sections.yaml'),
  schema: sectionSchema,
});

/** Titles and descriptions of categories and sections, one file per locale. */
const structureTitles = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/structure/titles' }),
  schema: structureTitlesSchema,
});

export const collections = { articles, snippets, categories, sections, structureTitles };
