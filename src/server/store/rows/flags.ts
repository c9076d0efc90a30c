/** Flag rows, and the history steps a flag records, the same on either database. */
import type { Locale } from '../../../i18n/locales.ts';
import { openFlagStates, type FlagState } from '../../../proposals/vocabulary.ts';
import type { Flag, FlagChange, NewFlag } from '../types.ts';
import { optionalText, type Row } from './columns.ts';
import type { HistoryStep } from './history.ts';

/** The open states as an SQL list: `'open', 'triaged', …`. */
export const openFlagStatesSql = openFlagStates.map((state) => `'${state}'`).join(', ');

/** A flag row with its supporters' rows (flag_supporters), oldest first. */
export function flagFromRow(row: Row, supporters: readonly Row[]): Flag {
  const optional = (key: string) => optionalText(row, key);
  return {
    id: row['id'] as string,
    articleId: row['article_id'] as string,
    locale: row['locale'] as Locale,
    revision: row['revision'] as string,
    blockKey: row['block_key'] as string,
    blockKind: row['block_kind'] as Flag['blockKind'],
    quote: row['quote'] as string,
    reason: row['reason'] as Flag['reason'],
    comment: optional('comment'),
    state: row['state'] as FlagState,
    createdBy: row['created_by'] as string,
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
    proposalId: optional('proposal_id'),
    declineReason: optional('decline_reason'),
    supporters: supporters.map((s) => ({
      personId: s['person_id'] as string,
      ticketRef: optionalText(s, 'ticket_ref'),
      comment: optionalText(s, 'comment'),
      at: s['at'] as string,
    })),
  };
}

/** The step of an agent opening a flag ('opened') or joining the open one ('joined'). */
export function raisedStep(action: 'opened' | 'joined', input: NewFlag): HistoryStep {
  return {
    action,
    ...(action === 'opened' ? { to: 'open' } : {}),
    revision: input.revision,
    detail: { reason: input.reason, ticketRef: input.ticketRef },
  };
}

/** The step of a flag moving from one state to another. */
export function flagTransitionStep(
  from: FlagState,
  to: FlagState,
  change: FlagChange,
): HistoryStep {
  return {
    action: to,
    from,
    to,
    revision: change.revision ?? null,
    detail: {
      ...(change.reason ? { comment: change.reason } : {}),
      ...(change.proposalId ? { proposalId: change.proposalId } : {}),
    },
  };
}
