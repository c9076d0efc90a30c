import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { mdxSourceLoader } from './site/mdx-source-loader.ts';
import { articleSchema, snippetSchema } from './lib/content-schema.ts';
import { categorySchema, sectionSchema, structureTitlesSchema } from './lib/structure-schema.ts';

/** content/ of this repository, or the checkout a release builds from (CONTENT_DIR). */
const contentDir = process.env['CONTENT_DIR'] ?? './content';

/**
 * Content lives in the top-level content/ folder, edited by writers and leads; never code.
 * Entry ids keep the locale folder: `en/bidding-on-a-lot`, so one collection holds every language.
 */
const articles = defineCollection({
  loader: mdxSourceLoader({ base: `${contentDir}/articles` }),
  schema: articleSchema,
});

const snippets = defineCollection({
  loader: mdxSourceLoader({ base: `${contentDir}/snippets` }),
  schema: snippetSchema,
});

const categories = defineCollection({
  loader: file(`${contentDir}/structure/categories.yaml`),
  schema: categorySchema,
});

const sections = defineCollection({
  loader: file(`${contentDir}/structure/sections.yaml`),
  schema: sectionSchema,
});

/** Titles and descriptions of categories and sections, one file per locale. */
const structureTitles = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/structure/titles` }),
  schema: structureTitlesSchema,
});

export const collections = { articles, snippets, categories, sections, structureTitles };
