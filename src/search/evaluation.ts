/**
 * How search quality is measured (`npm run eval:search`): a query set per locale written as
 * customers type, each query with the articles that answer it, and the standard measures of a
 * ranked list. Pure: the script runs the queries in a browser and passes the ranked ids here.
 */
import { z } from 'zod';
import { idPattern } from '../lib/ids.ts';

export const queryKinds = [
  'keyword',
  'question',
  'inflected',
  'own-words',
  'english-only',
] as const;

export const evaluationQuerySchema = z.strictObject({
  /** What the customer types, as they type it. */
  query: z.string({ error: 'query must be text in double quotes' }).trim().min(1),
  /** What kind of query it is, to read the results by kind. */
  kind: z.enum(queryKinds, { error: `kind must be one of ${queryKinds.join(', ')}` }),
  /** Article ids that answer it, best first; any of them counts as a right answer. */
  relevant: z
    .array(z.string().regex(idPattern, { error: 'relevant lists article ids' }))
    .min(1, { error: 'relevant must name at least one article id' }),
});

export const evaluationSetSchema = z.array(evaluationQuerySchema, {
  error: 'the file must be a list of queries, each with query, kind and relevant',
});

export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;

/** Reciprocal rank of the first right answer within the first `cutoff` results; 0 if none. */
export function reciprocalRank(
  ranked: readonly string[],
  relevant: readonly string[],
  cutoff: number,
): number {
  const position = ranked.slice(0, cutoff).findIndex((id) => relevant.includes(id));
  return position === -1 ? 0 : 1 / (position + 1);
}

/** Whether a right answer is among the first `cutoff` results. */
export function foundWithin(
  ranked: readonly string[],
  relevant: readonly string[],
  cutoff: number,
): boolean {
  return ranked.slice(0, cutoff).some((id) => relevant.includes(id));
}

export interface QueryOutcome {
  query: EvaluationQuery;
  /** Article ids in the order shown. */
  ranked: string[];
}

export interface Scores {
  queries: number;
  /** Mean reciprocal rank over the first 10 results. */
  mrr10: number;
  /** Share of queries with a right answer in the first 5. */
  recall5: number;
  /** Queries that showed no result at all. */
  empty: number;
}

export function score(outcomes: readonly QueryOutcome[]): Scores {
  const n = outcomes.length;
  const sum = (f: (o: QueryOutcome) => number) => outcomes.reduce((s, o) => s + f(o), 0);
  return {
    queries: n,
    mrr10: n ? sum((o) => reciprocalRank(o.ranked, o.query.relevant, 10)) / n : 0,
    recall5: n ? sum((o) => (foundWithin(o.ranked, o.query.relevant, 5) ? 1 : 0)) / n : 0,
    empty: outcomes.filter((o) => o.ranked.length === 0).length,
  };
}
