import { z } from 'zod';
import { idPattern } from './ids.ts';

/**
 * Frontmatter of an article: `content/articles/<locale>/<id>.mdx`.
 * Every message below is shown to a writer next to the file name and the field, so it says what
 * to write instead, not what the validator wanted.
 */

const isoDate = (field: string) =>
  z.coerce.date({
    error: `${field} must be a date written as YYYY-MM-DD, for example ${field}: 2026-11-01`,
  });

const slug = (what: string) =>
  z
    .string({ error: `${what} must be text: the id of the ${what}, for example "bidding"` })
    .regex(idPattern, {
      error: `${what} must be an id in lower case with dashes, for example "paying-for-lots"`,
    });

/** Names the unknown keys, so a typo such as `promotd` is found at once. */
function unknownFields(expected: string) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}: check the spelling against ${expected}`
      : undefined;
}

/**
 * Search ignores single letters, but one Korean syllable is a word (돈 "money", 집 "house"): a
 * keyword or synonym needs two characters, or one Hangul syllable.
 */
export function isSearchableLength(text: string): boolean {
  return [...text].length >= 2 || /^[\uAC00-\uD7A3]$/.test(text);
}

export function searchableLengthMessage(what: string): string {
  return `${what} needs at least 2 characters (one Korean syllable, such as 돈, is enough)`;
}

export const audiences = ['buyers', 'sellers', 'both'] as const;
export const visibilities = ['public', 'internal'] as const;

export const articleSchema = z.strictObject(
  {
    /** Shown as the page heading and in search results; under 90 characters reads well. */
    title: z
      .string({ error: 'title is missing: add a line such as title: "How bidding works"' })
      .trim()
      .min(3, { error: 'title is too short: write the question or task the article answers' })
      .max(120, {
        error: 'title is over 120 characters: shorten it, the description can say more',
      }),
    /** One or two sentences for search results, category lists and the meta description. */
    description: z
      .string({
        error: 'description is missing: add one sentence that says what the reader learns',
      })
      .trim()
      .min(10, { error: 'description is too short: one full sentence, please' })
      .max(300, { error: 'description is over 300 characters: keep it to one or two sentences' }),
    /** Id of the section in content/structure/sections.yaml that lists this article. */
    section: slug('section'),
    /** Who the article is for; "both" shows it to buyers and sellers alike. */
    audience: z.enum(audiences, {
      error: `audience must be one of ${audiences.join(', ')}`,
    }),
    /**
     * public: published in the help centre. internal: for agents only; never part of the public
     * build (no page, search index, sitemap or asset). Defaults to public.
     */
    visibility: z
      .enum(visibilities, { error: `visibility must be "public" or "internal"` })
      .default('public'),
    /** Free labels used by search filters and reports, lower case ("payment", "fees"). */
    labels: z
      .array(z.string().trim().min(1), {
        error: 'labels must be a list, for example labels: [payment, fees]',
      })
      .default([]),
    /**
     * Words customers type for what this article answers, in the language of the file, when the
     * text does not use them ("2fa", "refund", "Käuferaufgeld"). Searched like the title; never
     * shown. Not part of the revision translations track, so editing them outdates nothing.
     */
    keywords: z
      .array(
        z
          .string({ error: 'each keyword must be text, for example keywords: [2fa, login code]' })
          .trim()
          .refine(isSearchableLength, { error: searchableLengthMessage('a keyword') })
          .max(60, {
            error: 'a keyword is over 60 characters: keep each to the words a customer types',
          }),
        { error: 'keywords must be a list, for example keywords: [2fa, login code]' },
      )
      .max(30, { error: 'keywords has over 30 entries: keep the words customers really type' })
      .default([]),
    /**
     * Translations only: true for a summary translation, which translates the title, description
     * and keywords and has no text of its own; readers see the English text with a notice, and
     * search finds the article in their language. Defaults to false.
     */
    summary: z.boolean({ error: 'summary must be true or false' }).default(false),
    /** When the content last changed in substance; shown to readers as "Updated …". */
    updated: isoDate('updated'),
    /** The team or person who keeps this article true ("payments-team"). */
    owner: z
      .string({ error: 'owner is missing: name the team that keeps this article up to date' })
      .trim()
      .min(2, { error: 'owner is missing: name the team that keeps this article up to date' }),
    /** The date by which the owner reviews the article again. */
    reviewBy: isoDate('reviewBy'),
    /** Promoted articles are listed on the home page of their locale. Defaults to false. */
    promoted: z.boolean({ error: 'promoted must be true or false' }).default(false),
    /** Ids of other articles to list under "Related articles", in this order. */
    related: z
      .array(slug('related article'), {
        error: 'related must be a list of article ids, for example related: [paying-for-lots]',
      })
      .default([]),
    /**
     * Translations only: the revision (content hash) of the English source file this text was
     * translated from. `npm run translations` prints the current revision of every source article.
     */
    sourceRevision: z
      .union(
        [
          z.string().regex(/^[0-9a-f]{12}$/, {
            error:
              'sourceRevision must be the 12-character revision printed by `npm run translations` for the English article',
          }),
          // Written unquoted by older tools, YAML reads 123456789012 as a number: the content
          // graph reads the digits from the line itself (statedSourceRevision) and checks them.
          z.number(),
        ],
        {
          error:
            'sourceRevision must be the 12-character revision printed by `npm run translations`, in quotes (sourceRevision: "1a2b3c4d5e6f")',
        },
      )
      .optional(),
  },
  { error: unknownFields('the fields listed in content/README.md') },
);

export type ArticleFrontmatter = z.infer<typeof articleSchema>;

/** Frontmatter of a reusable snippet: `content/snippets/<locale>/<id>.mdx`. */
export const snippetSchema = z.strictObject(
  {
    /** What the snippet is for; writers see it, readers never do. */
    description: z.string().optional(),
  },
  { error: unknownFields('description (the only field a snippet takes)') },
);
