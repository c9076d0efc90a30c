/**
 * Synonyms as content: `content/search/synonyms/<locale>.yaml`, written by content leads in the
 * words customers of that language use. Read once by the build (with the one friendly-error
 * path for configuration files) and compiled into the locale's search index, so the browser and
 * the service apply the same expansions to what a visitor types.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  ConfigFileError,
  displayName,
  parseConfigFile,
  type ConfigProblem,
} from '../lib/config-file.ts';
import type { Locale } from '../i18n/locales.ts';
import { isSearchableLength, searchableLengthMessage } from '../lib/content-schema.ts';

const phrase = z
  .string({ error: 'each entry must be text: a word or a few words, for example "watch list"' })
  .trim()
  .refine(isSearchableLength, { error: searchableLengthMessage('an entry') })
  .max(60, { error: 'an entry is over 60 characters: keep it to the words a customer types' });

export const synonymsSchema = z.strictObject(
  {
    /**
     * Groups of words and phrases that mean the same to customers: typing any of them also finds
     * articles that use another ("watchlist", "watch list", "saved lots").
     */
    equivalent: z
      .array(
        z
          .array(phrase, {
            error: 'each group must be a list, for example - [watchlist, watch list, saved lots]',
          })
          .min(2, { error: 'a group needs at least 2 entries: the word and what it means' }),
        { error: 'equivalent must be a list of groups, for example - [2fa, two-step sign-in]' },
      )
      .default([]),
    /**
     * One-way expansions: a customer who types the word on the left also gets articles with the
     * words on the right, not the other way round ("refund" → "money back", but not every article
     * about money back is about refunds).
     */
    expand: z
      .record(
        phrase,
        z
          .array(phrase, {
            error: 'write what it expands to as a list, for example 2fa: [two-step sign-in]',
          })
          .min(1, { error: 'name at least one word or phrase it expands to' }),
        { error: 'expand must map a word to a list, for example 2fa: [two-step sign-in]' },
      )
      .default({}),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}: a synonyms file has only "equivalent" and "expand"`
        : undefined,
  },
);

export type Synonyms = z.output<typeof synonymsSchema>;

/** One expansion: when the words of `from` are typed, the phrases of `to` are searched too. */
export interface SynonymRule {
  from: string;
  to: string[];
}

export function synonymsFile(contentDir: string, locale: Locale): string {
  return join(contentDir, 'search', 'synonyms', `${locale}.yaml`);
}

/**
 * The locale's synonyms as one-way rules (each group becomes one rule per member). A missing file
 * means no synonyms; a broken one stops the build with every problem listed.
 */
export function loadSynonyms(contentDir: string, locale: Locale): SynonymRule[] {
  const file = synonymsFile(contentDir, locale);
  if (!existsSync(file)) return [];
  const problems: ConfigProblem[] = [];
  const synonyms = parseConfigFile(file, synonymsSchema, problems);
  if (synonyms) problems.push(...duplicateProblems(displayName(file), synonyms));
  if (!synonyms || problems.length > 0) throw new ConfigFileError(problems);
  return synonymRules(synonyms);
}

export function synonymRules(synonyms: Synonyms): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const group of synonyms.equivalent) {
    for (const member of group) rules.push({ from: member, to: group.filter((m) => m !== member) });
  }
  for (const [from, to] of Object.entries(synonyms.expand)) rules.push({ from, to });
  return rules;
}

/** An entry in two groups would silently join them; say so instead, with both places. */
function duplicateProblems(file: string, synonyms: Synonyms): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  synonyms.equivalent.forEach((group, index) => {
    for (const member of group) {
      const key = member.toLowerCase();
      const earlier = seen.get(key);
      if (earlier === index)
        problems.push({
          file,
          path: `equivalent[${index}]`,
          message: `"${member}" is in this group twice; remove one`,
        });
      else if (earlier !== undefined)
        problems.push({
          file,
          path: `equivalent[${index}]`,
          message: `"${member}" is also in equivalent[${earlier}]; merge the two groups into one`,
        });
      else seen.set(key, index);
    }
  });
  return problems;
}
