/**
 * The review queue's filter as PostgreSQL conditions, shared by the flag and proposal stores: the
 * same narrowing as ../sqlite/filter.ts, with numbered parameters and arrays bound whole.
 */
import type { ReviewFilter } from '../types.ts';

export function reviewFilterClause(filter: ReviewFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.locale) conditions.push(`locale = ${bind(filter.locale)}`);
  // An empty list of states does not narrow, as on SQLite; an empty list of articles matches none.
  if (filter.states?.length) conditions.push(`state = ANY(${bind([...filter.states])})`);
  if (filter.articleIds)
    conditions.push(
      filter.articleIds.length === 0
        ? 'false'
        : `article_id = ANY(${bind([...filter.articleIds])})`,
    );
  if (filter.createdBefore) conditions.push(`created_at < ${bind(filter.createdBefore)}`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
