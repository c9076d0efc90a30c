/**
 * Ranked search over one locale's index, shared by the search page, the quick search, the
 * contact-page suggestions (with Pagefind for the article text) and the service (with the text in
 * the index). A query never has to match every word: each meaningful word counts for what it
 * says, a match in the title or keywords counts more than one in the text, and articles that
 * match more of the words rank first. Pure: no DOM, no Pagefind, no Node.
 */
import type { Analyser, QueryWord } from './analysers/index.ts';
import { endsInsideWord } from './analysers/text.ts';
import {
  decodeSearchIndex,
  fieldWeights,
  searchFields,
  type SearchDoc,
  type SearchIndexData,
  type SerializedSearchIndex,
} from './search-index.ts';

/** A loaded index with what queries need precomputed. */
export interface LoadedSearchIndex {
  readonly data: SearchIndexData;
  readonly analyser: Analyser;
  /** Index terms, sorted, for prefixes, compounds and typos. */
  readonly vocabulary: readonly string[];
  /** Unstemmed title, keyword and label words, sorted. */
  readonly wordList: readonly string[];
  readonly averageLengths: readonly number[];
  readonly synonyms: readonly AnalysedSynonym[];
  /** Pagefind page id → document position. */
  readonly byPage: ReadonlyMap<string, number>;
  /** Documents per term, counted the first time a query needs one. */
  readonly frequencies: Map<string, number>;
}

interface AnalysedSynonym {
  from: QueryWord[];
  to: Array<{ text: string; words: QueryWord[] }>;
}

export function loadSearchIndex(
  stored: SerializedSearchIndex,
  analyser: Analyser,
): LoadedSearchIndex {
  return withData({ analyser }, decodeSearchIndex(stored));
}

/** A loaded index over `data`, with what queries need precomputed. */
function withData(
  base: Pick<LoadedSearchIndex, 'analyser'>,
  data: SearchIndexData,
): LoadedSearchIndex {
  const { analyser } = base;
  const docCount = Math.max(1, data.docs.length);
  return {
    data,
    analyser,
    vocabulary: Object.keys(data.terms).sort(),
    wordList: Object.keys(data.words).sort(),
    averageLengths: data.lengths.map(
      (lengths) => lengths.reduce((sum, n) => sum + n, 0) / docCount || 1,
    ),
    synonyms: data.synonyms
      .map((rule) => ({
        from: analyser.queryWords(rule.from),
        to: rule.to
          .map((text) => ({ text, words: analyser.queryWords(text) }))
          .filter((phrase) => phrase.words.length > 0),
      }))
      .filter((rule) => rule.from.length > 0 && rule.to.length > 0),
    byPage: new Map(
      data.docs.flatMap((doc, position) => (doc.page ? [[doc.page, position] as const] : [])),
    ),
    frequencies: new Map(),
  };
}

/** Why a searched word is in the plan. */
export type PlannedKind = 'typed' | 'variant' | 'joined' | 'compound-part' | 'typo' | 'synonym';

/** One thing to look for: a word as typed, or a word or phrase that stands in for typed words. */
export interface PlannedWord {
  /** The text to search for in the article text (Pagefind); a phrase for multi-word synonyms. */
  text: string;
  words: QueryWord[];
  /** Positions of the typed words it stands for. */
  covers: number[];
  /** How much a match counts next to a match of the typed word itself (1). */
  weight: number;
  kind: PlannedKind;
  /** The visitor is still typing it: prefixes count. */
  unfinished: boolean;
}

export interface QueryPlan {
  /** The meaningful typed words. */
  typed: QueryWord[];
  planned: PlannedWord[];
  /** Per typed word: in how many articles' index fields it occurs (0: in none). */
  fieldFrequency: number[];
}

const maxTypedWords = 32;
const weights: Record<PlannedKind, number> = {
  typed: 1,
  variant: 0.9,
  joined: 1,
  'compound-part': 0.8,
  typo: 0.6,
  synonym: 0.7,
};
const prefixWeight = 0.5;
const insideCompoundWeight = 0.5;
const maxExpansions = 24;
const typoMinLength = 5;

/** What to look for, for what the visitor typed. */
export function planQuery(index: LoadedSearchIndex, query: string): QueryPlan {
  const { analyser } = index;
  const typed = analyser.queryWords(query).slice(0, maxTypedWords);
  const unfinishedLast = endsInsideWord(query);
  const planned: PlannedWord[] = [];
  const add = (word: Omit<PlannedWord, 'weight'>) => {
    if (planned.some((p) => p.text === word.text && p.covers.join() === word.covers.join())) return;
    planned.push({ ...word, weight: weights[word.kind] });
  };
  typed.forEach((word, position) => {
    const unfinished = unfinishedLast && position === typed.length - 1;
    add({ text: word.surface, words: [word], covers: [position], kind: 'typed', unfinished });
    for (const alternate of word.alternates)
      add({
        text: alternate,
        words: [word],
        covers: [position],
        kind: 'variant',
        unfinished: false,
      });
    if (isKnown(index, word) || (unfinished && hasPrefixMatch(index, word))) return;
    if (analyser.compounds) {
      for (const part of splitCompound(index, word.surface))
        add({
          text: part.surface,
          words: [part],
          covers: [position],
          kind: 'compound-part',
          unfinished: false,
        });
    }
    if (analyser.locale !== 'ko' && word.surface.length >= typoMinLength) {
      for (const corrected of closeWords(index, word.surface))
        add({
          text: corrected.surface,
          words: [corrected],
          covers: [position],
          kind: 'typo',
          unfinished: false,
        });
    }
  });
  // Two typed words that the articles write as one (Versand Kosten → versandkosten).
  if (analyser.compounds) {
    for (let position = 0; position + 1 < typed.length; position++) {
      const [joined] = analyser.queryWords(typed[position]!.surface + typed[position + 1]!.surface);
      if (joined && isKnown(index, joined))
        add({
          text: joined.surface,
          words: [joined],
          covers: [position, position + 1],
          kind: 'joined',
          unfinished: false,
        });
    }
  }
  for (const rule of index.synonyms) {
    for (const start of matchesOf(rule.from, typed)) {
      const covers = rule.from.map((_, offset) => start + offset);
      for (const phrase of rule.to)
        add({ text: phrase.text, words: phrase.words, covers, kind: 'synonym', unfinished: false });
    }
  }
  const fieldFrequency = typed.map((word) =>
    Math.max(0, ...word.terms.map((term) => documentFrequency(index, term))),
  );
  return { typed, planned, fieldFrequency };
}

/**
 * How much each typed word says about what is wanted: its inverse document frequency, counted in
 * the index fields or in the article text, whichever finds it in more articles (a word in one
 * title but in every text says little). A word found nowhere counts like a rare one.
 */
export function importanceOf(
  index: LoadedSearchIndex,
  plan: QueryPlan,
  textFrequency: ReadonlyMap<number, number> = new Map(),
): number[] {
  const docCount = index.data.docs.length;
  return plan.typed.map((_, position) => {
    const inFields = plan.fieldFrequency[position] ?? 0;
    const inText = textFrequency.get(position) ?? 0;
    const importance = Math.max(0.3, idf(docCount, Math.max(1, inFields, inText))) ** rarityDamping;
    return inFields === 0 && inText > 0 ? importance * textOnlyImportance : importance;
  });
}

/**
 * How much rarity counts. In a help centre of dozens of articles a generic word can be rare by
 * chance ("semanas" in one article, "dos" in seven) and, at full idf, outweigh the topic of a
 * question ("pago", in twenty). The fourth root keeps the order of rarity but narrows its range
 * (idf 0.3–3.3 becomes 0.74–1.35). eval:search, search page MRR@10 at 1 / 0.75 / 0.5 / 0.25:
 * development sets 0.87 / 0.89 / 0.90 / 0.90, held-out sets 0.84 / 0.83 / 0.83 / 0.83.
 */
const rarityDamping = 0.25;

/**
 * A word no title, keyword, label or description uses, only running text ("last", "week",
 * "time"), is more likely incidental to the question than its topic, however rare it is.
 */
const textOnlyImportance = 0.5;

/** Per document: how well the index fields match each typed position. */
export interface HeadMatch {
  /** Per typed position: the best weighted score of a planned word standing for it. */
  byPosition: Map<number, number>;
}

/**
 * Which fields a score reads: all of them, the index fields without the article text (head), or
 * the text alone.
 */
export type FieldPart = 'all' | 'head' | 'text';

/** Scores the index fields (and the text, in the service's variant) for a plan. */
export function scoreIndex(
  index: LoadedSearchIndex,
  plan: QueryPlan,
  part: FieldPart = 'all',
): Map<number, HeadMatch> {
  const matches = new Map<number, HeadMatch>();
  for (const word of plan.planned) {
    for (const [doc, score] of scorePlannedWord(index, word, part)) {
      let match = matches.get(doc);
      if (!match) matches.set(doc, (match = { byPosition: new Map() }));
      const weighted = word.weight * score;
      for (const position of word.covers) {
        if (weighted > (match.byPosition.get(position) ?? 0))
          match.byPosition.set(position, weighted);
      }
    }
  }
  return matches;
}

/** Per planned word (by its position in plan.planned): document → score in the article text. */
export type TextMatches = ReadonlyMap<number, ReadonlyMap<number, number>>;

export interface RankedDoc {
  position: number;
  doc: SearchDoc;
  score: number;
  /** Share of what was typed (weighted by importance) that the article matches in some way. */
  coverage: number;
}

/**
 * How much a match in the article text counts next to one in the title, keywords, labels or
 * description, and how much matching a word in both adds.
 */
const textWeight = 0.7;
const bothBonus = 0.3;

/**
 * Ranks by what the article matches of each typed word, weighted by how much the word says:
 * per word, its index-field score and its text score are each divided by the best of any article
 * for that word (so the scales of the two indexes never meet), the better of the two counts, and
 * the words' shares add up. An article that answers every meaningful word of a question beats
 * one that repeats a single word often; an article whose text is not in this locale's text index
 * (a summary translation, an English-only article) competes with its fields alone.
 */
export function rank(
  index: LoadedSearchIndex,
  plan: QueryPlan,
  head: ReadonlyMap<number, HeadMatch>,
  text: TextMatches = new Map(),
  /** Per planned word: document → word positions in its text, for the proximity of matches. */
  positions: ReadonlyMap<number, ReadonlyMap<number, readonly number[]>> = new Map(),
): RankedDoc[] {
  // Per typed position: document → best weighted text score of a planned word standing for it.
  const textByPosition = new Map<number, Map<number, number>>();
  for (const [plannedIndex, docs] of text) {
    const word = plan.planned[plannedIndex];
    if (!word) continue;
    for (const position of word.covers) {
      let byDoc = textByPosition.get(position);
      if (!byDoc) textByPosition.set(position, (byDoc = new Map()));
      for (const [doc, score] of docs)
        byDoc.set(doc, Math.max(byDoc.get(doc) ?? 0, word.weight * score));
    }
  }
  const headByPosition = new Map<number, Map<number, number>>();
  for (const [doc, match] of head) {
    for (const [position, score] of match.byPosition) {
      let byDoc = headByPosition.get(position);
      if (!byDoc) headByPosition.set(position, (byDoc = new Map()));
      byDoc.set(doc, score);
    }
  }
  const best = (scores: Map<number, number> | undefined) =>
    Math.max(0, ...(scores?.values() ?? [])) || 1;
  // Documents the typed word itself (not what stands in for it) finds in the text.
  const textFrequency = new Map<number, number>();
  for (const [plannedIndex, docs] of text) {
    const word = plan.planned[plannedIndex];
    if (word?.kind === 'typed') textFrequency.set(word.covers[0]!, docs.size);
  }
  const importances = importanceOf(index, plan, textFrequency);
  const totalImportance = importances.reduce((s, n) => s + n, 0) || 1;
  const scores = new Map<number, { score: number; coverage: number }>();
  plan.typed.forEach((_, position) => {
    const heads = headByPosition.get(position);
    const texts = textByPosition.get(position);
    const bestHead = best(heads);
    const bestText = best(texts);
    const importance = (importances[position] ?? 0) / totalImportance;
    for (const doc of new Set([...(heads?.keys() ?? []), ...(texts?.keys() ?? [])])) {
      const inFields = (heads?.get(doc) ?? 0) / bestHead;
      const inText = (textWeight * (texts?.get(doc) ?? 0)) / bestText;
      const match = Math.max(inFields, inText) + bothBonus * Math.min(inFields, inText);
      const entry = scores.get(doc) ?? { score: 0, coverage: 0 };
      entry.score += importance * match;
      entry.coverage += importance;
      scores.set(doc, entry);
    }
  });
  addProximity(plan, positions, importances, totalImportance, scores);
  const ranked: RankedDoc[] = [];
  for (const [position, { score, coverage }] of scores) {
    const doc = index.data.docs[position];
    if (doc && score > 0) ranked.push({ position, doc, score, coverage });
  }
  return ranked.sort((a, b) => b.score - a.score || a.position - b.position);
}

/** How much two typed words found next to each other in an article's text add. */
const proximityWeight = 0.3;
/** Words within this many words of each other count as close; the closer, the more. */
const proximityWindow = 8;

/**
 * Two words of the query close together in an article's text ("оплата картой", "pago ... vendí")
 * say more than the same words far apart: each pair of typed words adds in proportion to the
 * lesser importance of the two and to how close their nearest occurrences are.
 */
function addProximity(
  plan: QueryPlan,
  positions: ReadonlyMap<number, ReadonlyMap<number, readonly number[]>>,
  importances: readonly number[],
  totalImportance: number,
  scores: Map<number, { score: number; coverage: number }>,
) {
  if (plan.typed.length < 2 || positions.size === 0) return;
  // Per document: typed position → word positions in the text.
  const byDoc = new Map<number, Map<number, number[]>>();
  for (const [plannedIndex, docs] of positions) {
    const word = plan.planned[plannedIndex];
    if (!word || word.covers.length !== 1) continue;
    const typedPosition = word.covers[0]!;
    for (const [doc, found] of docs) {
      let perWord = byDoc.get(doc);
      if (!perWord) byDoc.set(doc, (perWord = new Map()));
      const list = perWord.get(typedPosition) ?? [];
      list.push(...found);
      perWord.set(typedPosition, list);
    }
  }
  for (const [doc, perWord] of byDoc) {
    const entry = scores.get(doc);
    if (!entry || perWord.size < 2) continue;
    const words = [...perWord];
    let bonus = 0;
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const gap = nearestGap(words[i]![1], words[j]![1]);
        if (gap > proximityWindow) continue;
        const weight = Math.min(importances[words[i]![0]] ?? 0, importances[words[j]![0]] ?? 0);
        bonus += (weight / totalImportance) * (1 - (gap - 1) / proximityWindow);
      }
    }
    entry.score += proximityWeight * bonus;
  }
}

function nearestGap(a: readonly number[], b: readonly number[]): number {
  let best = Infinity;
  for (const x of a) for (const y of b) if (x !== y) best = Math.min(best, Math.abs(x - y));
  return best;
}

/**
 * Without Pagefind, from the search index alone: how the service suggests articles for a ticket
 * (its `.full.json` variant of the index also holds the article text).
 */
export function searchIndexOnly(
  index: LoadedSearchIndex,
  query: string,
  /** false: fields and text scored as one, no proximity (several times cheaper on a big site). */
  options: { fused?: boolean } = {},
): RankedDoc[] {
  if (!index.data.positions || options.fused === false) {
    const plan = planQuery(index, query);
    return plan.typed.length ? rank(index, plan, scoreIndex(index, plan)) : [];
  }
  // With the text and its word positions: the browser's search, with this text index standing
  // in for Pagefind's. The query is planned and the fields scored on the index without the text,
  // as in the browser (a word only the text uses still gets its typo corrections), the text is
  // scored apart, and near words count.
  const fields = fieldsOnly(index);
  const plan = planQuery(fields, query);
  return plan.typed.length ? fuse(index, fields, plan) : [];
}

function fuse(index: LoadedSearchIndex, fields: LoadedSearchIndex, plan: QueryPlan): RankedDoc[] {
  const head = scoreIndex(fields, plan);
  const text = new Map<number, Map<number, number>>();
  const positions = new Map<number, Map<number, number[]>>();
  plan.planned
    .map((word, plannedIndex) => ({ word, plannedIndex }))
    .sort((a, b) => b.word.weight - a.word.weight)
    .slice(0, maxTextSearches)
    .forEach(({ word, plannedIndex }) => {
      const scores = scorePlannedWord(index, { ...word, unfinished: true }, 'text');
      text.set(plannedIndex, scores);
      positions.set(plannedIndex, textPositions(index, word, scores));
    });
  return rank(fields, plan, head, text, positions);
}

const fieldViews = new WeakMap<LoadedSearchIndex, LoadedSearchIndex>();

/** The index as the browser has it: the same articles, the text left out. */
function fieldsOnly(index: LoadedSearchIndex): LoadedSearchIndex {
  let view = fieldViews.get(index);
  if (!view) {
    const terms: Record<string, number[]> = {};
    for (const [term, postings] of Object.entries(index.data.terms)) {
      const kept: number[] = [];
      for (let i = 0; i + 2 < postings.length; i += 3)
        if (postings[i + 1] !== bodyField)
          kept.push(postings[i]!, postings[i + 1]!, postings[i + 2]!);
      if (kept.length) terms[term] = kept;
    }
    const { positions: _positions, ...rest } = index.data;
    const lengths = index.data.lengths.map((list, field) =>
      field === bodyField ? list.map(() => 0) : list,
    );
    view = withData(index, { ...rest, withBody: false, terms, lengths });
    fieldViews.set(index, view);
  }
  return view;
}

/** Text searches per query: the typed words first, then what stands in for them. */
export const maxTextSearches = 12;

/** Per document the word's text matches are in: where its terms stand in the text. */
function textPositions(
  index: LoadedSearchIndex,
  word: PlannedWord,
  docs: ReadonlyMap<number, number>,
): Map<number, number[]> {
  const terms = new Set(word.words.flatMap((w) => w.terms));
  if (word.unfinished)
    for (const prefix of word.words.flatMap((w) => w.prefixes))
      if (prefix.length >= 2)
        for (const term of withPrefix(index.vocabulary, prefix)) terms.add(term);
  const found = new Map<number, number[]>();
  for (const term of terms) {
    for (const [doc, at] of termPositions(index, term)) {
      if (!docs.has(doc)) continue;
      const list = found.get(doc);
      if (list) list.push(...at);
      else found.set(doc, [...at]);
    }
  }
  for (const list of found.values()) list.sort((a, b) => a - b);
  return found;
}

const positionCache = new WeakMap<LoadedSearchIndex, Map<string, Map<number, number[]>>>();

/** A term's positions per document, decoded from the file's runs the first time it is needed. */
function termPositions(index: LoadedSearchIndex, term: string): Map<number, number[]> {
  let cache = positionCache.get(index);
  if (!cache) positionCache.set(index, (cache = new Map()));
  let decoded = cache.get(term);
  if (decoded) return decoded;
  decoded = new Map();
  const runs = index.data.positions?.[term] ?? [];
  let doc = 0;
  for (let i = 0; i < runs.length;) {
    doc += runs[i]!;
    const count = runs[i + 1]!;
    const at: number[] = [];
    let position = 0;
    for (let k = 0; k < count; k++) at.push((position += runs[i + 2 + k]!));
    decoded.set(doc, at);
    i += 2 + count;
  }
  cache.set(term, decoded);
  return decoded;
}

/** How many words of a ticket its suggestions search for. */
const maxTextWords = 12;

/**
 * Articles for a written text, such as a ticket's subject and message: ranked as a typed query,
 * for the text's most telling words only, the ones the articles use, rarest first. A message of a
 * thousand characters costs about what a short query does, however big the help centre, and
 * greetings and "please help" no longer pull in every article.
 */
export function searchText(index: LoadedSearchIndex, text: string): RankedDoc[] {
  const seen = new Set<string>();
  // Each word analysed once, however often the message repeats it.
  const distinct = [...new Set(text.split(/\s+/))].join(' ');
  const telling = index.analyser
    .queryWords(distinct)
    .filter((word) => {
      if (seen.has(word.surface) || !isKnown(index, word)) return false;
      seen.add(word.surface);
      return true;
    })
    .map((word) => ({
      word,
      frequency: Math.max(
        ...word.terms.map((term) => documentFrequency(index, term)),
        index.data.words[word.surface]?.length ?? 0,
      ),
    }))
    .sort((a, b) => a.frequency - b.frequency)
    .slice(0, maxTextWords);
  // Ends in a space: every word is complete, none is a prefix still being typed.
  // Scored in one pass (no proximity): a ticket's words are many and complete, and the agent
  // reads a list, where a reader typing needs the best first.
  return telling.length
    ? searchIndexOnly(index, `${telling.map((t) => t.word.surface).join(' ')} `, { fused: false })
    : [];
}

// ---------------------------------------------------------------------------------------------

const k1 = 1.2;
/** Length normalisation per field: short fields hardly need it; the text does. */
const lengthNormalisation: Record<string, number> = { body: 0.75 };

function scorePlannedWord(
  index: LoadedSearchIndex,
  word: PlannedWord,
  part: FieldPart = 'all',
): Map<number, number> {
  if (word.words.length === 1) return scoreWord(index, word.words[0]!, word.unfinished, part);
  // A phrase counts for the share of its words an article has, squared: "two-step sign-in"
  // should not match every article that says "sign".
  const perWord = word.words.map((w) => scoreWord(index, w, false, part));
  const docs = new Set(perWord.flatMap((scores) => [...scores.keys()]));
  const result = new Map<number, number>();
  for (const doc of docs) {
    const scores = perWord.map((scores) => scores.get(doc) ?? 0);
    const matched = scores.filter((s) => s > 0).length / scores.length;
    result.set(doc, (scores.reduce((s, n) => s + n, 0) / scores.length) * matched * matched);
  }
  return result;
}

/** Best score per document over the ways an index term can match one word. */
function scoreWord(
  index: LoadedSearchIndex,
  word: QueryWord,
  unfinished: boolean,
  part: FieldPart,
): Map<number, number> {
  const best = new Map<number, number>();
  const consider = (term: string, weight: number) => {
    for (const [doc, score] of scoreTerm(index, term, part)) {
      const weighted = weight * score;
      if (weighted > (best.get(doc) ?? 0)) best.set(doc, weighted);
    }
  };
  for (const term of word.terms) if (Object.hasOwn(index.data.terms, term)) consider(term, 1);
  if (unfinished) {
    const minimum = index.analyser.locale === 'ko' ? 1 : 2;
    for (const prefix of word.prefixes) {
      if (prefix.length < minimum) continue;
      for (const term of withPrefix(index.vocabulary, prefix))
        if (!word.terms.includes(term)) consider(term, prefixWeight);
      // Unstemmed title words: "bidd" reaches "bidding", whose stem "bid" it does not start.
      if (part === 'text') continue;
      for (const surface of withPrefix(index.wordList, prefix)) {
        const idfOfWord = idf(index.data.docs.length, index.data.words[surface]!.length);
        for (const doc of index.data.words[surface]!) {
          const score = prefixWeight * idfOfWord * fieldWeights.title;
          if (score > (best.get(doc) ?? 0)) best.set(doc, score);
        }
      }
    }
  }
  if (index.analyser.compounds) {
    for (const term of word.terms) {
      if (term.length < 4) continue;
      let found = 0;
      for (const candidate of index.vocabulary) {
        if (candidate !== term && candidate.length > term.length && candidate.includes(term)) {
          consider(candidate, insideCompoundWeight);
          if (++found >= maxExpansions) break;
        }
      }
    }
  }
  return best;
}

const termScoreCache = new WeakMap<LoadedSearchIndex, Map<string, Map<number, number>>>();
const bodyField = searchFields.indexOf('body');

/** BM25F: the term's frequency in each field, weighted and length-normalised, then saturated. */
function scoreTerm(index: LoadedSearchIndex, term: string, part: FieldPart): Map<number, number> {
  let cache = termScoreCache.get(index);
  if (!cache) termScoreCache.set(index, (cache = new Map()));
  const key = part === 'all' ? term : `${part}:${term}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const postings = index.data.terms[term] ?? [];
  const weighted = new Map<number, number>();
  for (let i = 0; i + 2 < postings.length; i += 3) {
    const doc = postings[i]!;
    const fieldNumber = postings[i + 1]!;
    if (part !== 'all' && (fieldNumber === bodyField) !== (part === 'text')) continue;
    const frequency = postings[i + 2]!;
    const field = searchFields[fieldNumber]!;
    const b = lengthNormalisation[field] ?? 0.3;
    const length = index.data.lengths[fieldNumber]?.[doc] ?? 0;
    const norm = 1 - b + (b * length) / index.averageLengths[fieldNumber]!;
    weighted.set(doc, (weighted.get(doc) ?? 0) + (fieldWeights[field] * frequency) / norm);
  }
  const termIdf = idf(index.data.docs.length, weighted.size);
  const scores = new Map<number, number>();
  for (const [doc, tf] of weighted) scores.set(doc, (termIdf * tf * (k1 + 1)) / (tf + k1));
  cache.set(key, scores);
  return scores;
}

function idf(docCount: number, containing: number): number {
  return Math.log(1 + (docCount - containing + 0.5) / (containing + 0.5));
}

function documentFrequency(index: LoadedSearchIndex, term: string): number {
  const known = index.frequencies.get(term);
  if (known !== undefined) return known;
  const postings = index.data.terms[term];
  let count = 0;
  // Postings are in document order: a document's fields follow one another.
  for (let i = 0; postings && i < postings.length; i += 3)
    if (i === 0 || postings[i] !== postings[i - 3]) count++;
  index.frequencies.set(term, count);
  return count;
}

function isKnown(index: LoadedSearchIndex, word: QueryWord): boolean {
  return (
    word.terms.some((term) => Object.hasOwn(index.data.terms, term)) ||
    Object.hasOwn(index.data.words, word.surface)
  );
}

function hasPrefixMatch(index: LoadedSearchIndex, word: QueryWord): boolean {
  return word.prefixes.some(
    (prefix) => prefix.length >= 2 && withPrefix(index.wordList, prefix, 1).length > 0,
  );
}

/** Sorted values starting with a prefix, by binary search. */
function withPrefix(sorted: readonly string[], prefix: string, limit = maxExpansions): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let i = low; i < sorted.length && found.length < limit && sorted[i]!.startsWith(prefix); i++)
    found.push(sorted[i]!);
  return found;
}

/**
 * Two known words a compound is made of (käuferaufgeld → käufer + aufgeld), allowing the linking
 * s or e of German and Dutch (verzekeringskosten).
 */
function splitCompound(index: LoadedSearchIndex, surface: string): QueryWord[] {
  if (surface.length < 7) return [];
  for (let cut = 3; cut <= surface.length - 4; cut++) {
    const right = surface.slice(cut);
    for (const left of [surface.slice(0, cut), surface.slice(0, cut).replace(/[se]$/, '')]) {
      if (left.length < 3) continue;
      const [leftWord] = index.analyser.queryWords(left);
      const [rightWord] = index.analyser.queryWords(right);
      if (leftWord && rightWord && isKnown(index, leftWord) && isKnown(index, rightWord))
        return [leftWord, rightWord];
    }
  }
  return [];
}

/** Title, keyword and label words one or two edits away from a word the index does not know. */
function closeWords(index: LoadedSearchIndex, surface: string): QueryWord[] {
  const allowed = surface.length >= 9 ? 2 : 1;
  const found: Array<{ word: string; distance: number }> = [];
  for (const candidate of index.wordList) {
    if (Math.abs(candidate.length - surface.length) > allowed) continue;
    const distance = editDistance(surface, candidate, allowed);
    if (distance <= allowed) found.push({ word: candidate, distance });
  }
  return found
    .sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word))
    .slice(0, 2)
    .flatMap(({ word }) => index.analyser.queryWords(word).slice(0, 1));
}

/** Optimal string alignment distance (a swap of two letters is one edit), stopping past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[cols - 1]!;
}

/** Where a sequence of analysed words occurs in the typed words (each word by any shared term). */
function matchesOf(sequence: readonly QueryWord[], typed: readonly QueryWord[]): number[] {
  const same = (a: QueryWord, b: QueryWord) =>
    a.surface === b.surface || a.terms.some((term) => b.terms.includes(term));
  const starts: number[] = [];
  for (let start = 0; start + sequence.length <= typed.length; start++) {
    if (sequence.every((word, offset) => same(word, typed[start + offset]!))) starts.push(start);
  }
  return starts;
}
