/** Proposal rows, and the history steps a proposal records, the same on either database. */
import type { Locale } from '../../../i18n/locales.ts';
import { revisionOf } from '../../../lib/revision.ts';
import type { ProposalState } from '../../../proposals/vocabulary.ts';
import type { Change, NewProposal, Proposal } from '../types.ts';
import { jsonColumn, optionalText, type Row } from './columns.ts';
import type { HistoryStep } from './history.ts';

export function proposalFromRow(row: Row): Proposal {
  const optional = (key: string) => optionalText(row, key);
  return {
    id: row['id'] as string,
    kind: row['kind'] as Proposal['kind'],
    articleId: row['article_id'] as string,
    locale: row['locale'] as Locale,
    baseRevision: optional('base_revision'),
    baseText: optional('base_text'),
    sourceRevision: optional('source_revision'),
    text: row['text'] as string,
    title: row['title'] as string,
    note: optional('note'),
    flagIds: jsonColumn<string[]>(row['flag_ids'], []),
    state: row['state'] as ProposalState,
    version: Number(row['version']),
    authorId: row['author_id'] as string,
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
    reviewerId: optional('reviewer_id'),
    commitSha: optional('commit_sha'),
    mergeStatus: optional('merge_status'),
    releaseId: optional('release_id'),
  };
}

/** A new proposal's steps: created as a draft, and submitted when it was sent straight away. */
export function createdSteps(input: NewProposal): HistoryStep[] {
  const created: HistoryStep = {
    action: 'created',
    to: 'draft',
    revision: input.baseRevision,
    detail: { kind: input.kind, textRevision: revisionOf(input.text) },
  };
  if (input.state !== 'submitted') return [created];
  return [
    created,
    { action: 'submitted', from: 'draft', to: 'submitted', revision: input.baseRevision },
  ];
}

/** An edit that made `version` of the text. */
export function editedStep(
  baseRevision: string | null,
  version: number,
  text: string,
): HistoryStep {
  return {
    action: 'edited',
    revision: baseRevision,
    detail: { version, textRevision: revisionOf(text) },
  };
}

/** The reviewer is whoever sent it back or declined it; other steps keep the one recorded. */
export function reviewerOf(to: ProposalState, change: Change): string | null {
  return to === 'declined' || to === 'changes-requested' ? change.actor : null;
}

export function proposalTransitionStep(
  current: Proposal,
  to: ProposalState,
  change: Change & { comment?: string | null },
): HistoryStep {
  return {
    action: to,
    from: current.state,
    to,
    revision: current.baseRevision,
    detail: change.comment ? { comment: change.comment } : {},
  };
}

export function acceptedStep(details: {
  commitSha: string;
  mergeStatus: string;
  revision: string;
}): HistoryStep {
  return {
    action: 'accepted',
    from: 'submitted',
    to: 'accepted',
    revision: details.revision,
    detail: { commit: details.commitSha, merge: details.mergeStatus },
  };
}

export function publishedStep(releaseId: string): HistoryStep {
  return { action: 'published', from: 'accepted', to: 'published', detail: { release: releaseId } };
}
