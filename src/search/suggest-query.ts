import type { Analyser } from './analysers/index.ts';
import { endsInsideWord } from './analysers/text.ts';
import { lunr } from './lunr.ts';

/**
 * How what a visitor types becomes a lunr query, without lunr's query parser (which throws on
 * : ~ ^ + - *): each analysed term once, optional, weighted by how it may match.
 */

// A title match says most about what an article is for; the body only confirms. `words` holds the
// title and description unstemmed, for the word still being typed ("bidd" → bidding).
export const fieldBoosts = { title: 10, description: 4, body: 1, words: 2 } as const;
type Field = keyof typeof fieldBoosts;
const stemmedFields: Field[] = ['title', 'description', 'body'];
const allFields: Field[] = [...stemmedFields, 'words'];
// The whole word typed counts most; a prefix, a part of a compound or a typo count less.
const exactBoost = 10;
const prefixBoost = 3;
const knownWordPrefixBoost = 1;
const compoundBoost = 2;
const typoBoost = 1;
/**
 * Typo tolerance for words of 6 to 24 characters: one edit away from a shorter word is a different
 * word, and lunr's fuzzy matching grows with the word (a 500-letter "word" took 175 ms).
 */
const typoMinLength = 6;
const typoMaxLength = 24;
/** A ticket text can be long; its first words (the subject) say what it is about. */
const maxQueryWords = 32;
const compoundMinLength = 4;

export interface Clause {
  term: string;
  fields: Field[];
  boost: number;
  presence: lunr.Query.presence;
  wildcard: lunr.Query.wildcard;
  /** Absent for exact and wildcard terms: lunr ignores wildcards on a clause that has one. */
  editDistance?: number;
  usePipeline: false;
}

/**
 * Every term once, optional, with the boost of how it matches. The last word also matches as a
 * prefix while the visitor is still typing it (no space or punctuation after it yet).
 */
export function queryClauses(lunrIndex: lunr.Index, analyser: Analyser, query: string): Clause[] {
  const words = analyser.queryWords(query).slice(0, maxQueryWords);
  const lastWordUnfinished = endsInsideWord(query);
  const clauses = new Map<string, Clause>();
  const add = (term: string, fields: Field[], boost: number, options: Partial<Clause> = {}) => {
    const clause: Clause = {
      term,
      fields,
      boost,
      presence: lunr.Query.presence.OPTIONAL,
      wildcard: lunr.Query.wildcard.NONE,
      usePipeline: false,
      ...options,
    };
    const key = `${fields.join()}/${clause.wildcard}/${clause.editDistance ?? 0}/${term}`;
    if (!clauses.has(key)) clauses.set(key, clause);
  };
  // Korean typos are wrong jamo inside a syllable; one syllable off is usually another word.
  const tolerateTypos = analyser.locale !== 'ko';
  const minPrefixLength = analyser.locale === 'ko' ? 1 : 2;
  words.forEach((word, position) => {
    // A word the index knows was typed as meant: no typo guessing, and its prefix only fills in.
    const known = word.terms.some((term) => isIndexed(lunrIndex, term));
    for (const term of word.terms) {
      add(term, stemmedFields, exactBoost);
      if (analyser.compounds && term.length >= compoundMinLength) {
        const inside = lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING;
        add(term, stemmedFields, compoundBoost, { wildcard: inside });
      }
    }
    // The word exactly as typed in a title or description says more than a shared stem.
    add(word.surface, ['words'], exactBoost);
    const surfaceLength = word.surface.length;
    if (
      !known &&
      tolerateTypos &&
      surfaceLength >= typoMinLength &&
      surfaceLength <= typoMaxLength
    ) {
      for (const term of word.terms) add(term, stemmedFields, typoBoost, { editDistance: 1 });
      add(word.surface, ['words'], typoBoost, { editDistance: 1 });
    }
    if (lastWordUnfinished && position === words.length - 1) {
      // lunr scores each field against that field's query terms alone, so a low boost cannot
      // quieten prefix matches in `words`: they are only looked for when the word is unknown.
      const [fields, boost] = known
        ? [stemmedFields, knownWordPrefixBoost]
        : [allFields, prefixBoost];
      for (const prefix of word.prefixes) {
        if (prefix.length >= minPrefixLength) {
          add(prefix, fields, boost, { wildcard: lunr.Query.wildcard.TRAILING });
        }
      }
    }
  });
  return [...clauses.values()];
}

function isIndexed(lunrIndex: lunr.Index, term: string): boolean {
  // @types/lunr leaves out the inverted index, which lunr 2 keeps as a plain object of terms.
  const { invertedIndex } = lunrIndex as unknown as { invertedIndex: object };
  return Object.hasOwn(invertedIndex, term);
}
