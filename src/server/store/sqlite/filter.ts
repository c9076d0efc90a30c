/** The review queue's filter as SQL conditions, shared by the flag and proposal stores. */
import type { ReviewFilter } from '../types.ts';

export function filterClause(
  filter: ReviewFilter,
  columns: { created: string } = { created: 'created_at' },
): { where: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.locale) {
    conditions.push('locale = ?');
    params.push(filter.locale);
  }
  if (filter.states?.length) {
    conditions.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
    params.push(...filter.states);
  }
  if (filter.articleIds) {
    if (filter.articleIds.length === 0) conditions.push('0');
    else {
      conditions.push(`article_id IN (${filter.articleIds.map(() => '?').join(', ')})`);
      params.push(...filter.articleIds);
    }
  }
  if (filter.createdBefore) {
    conditions.push(`${columns.created} < ?`);
    params.push(filter.createdBefore);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
