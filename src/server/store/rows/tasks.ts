/** Translation task and verification rows, mapped the same from either database. */
import type { Locale } from '../../../i18n/locales.ts';
import type { TranslationTask, Verification } from '../types.ts';
import { jsonColumn, optionalText, type Row } from './columns.ts';

export function translationTaskFromRow(row: Row): TranslationTask {
  return {
    id: row['id'] as string,
    articleId: row['article_id'] as string,
    locale: row['locale'] as Locale,
    sourceRevision: row['source_revision'] as string,
    previousSourceRevision: optionalText(row, 'previous_source_revision'),
    changedBlocks: jsonColumn<TranslationTask['changedBlocks']>(row['changed_blocks'], []),
    proposalId: optionalText(row, 'proposal_id'),
    state: row['state'] as TranslationTask['state'],
    createdAt: row['created_at'] as string,
    closedAt: optionalText(row, 'closed_at'),
    closedBy: optionalText(row, 'closed_by'),
  };
}

export function verificationFromRow(row: Row): Verification {
  return {
    articleId: row['article_id'] as string,
    locale: row['locale'] as Locale,
    revision: row['revision'] as string,
    verifiedBy: row['verified_by'] as string,
    at: row['at'] as string,
  };
}
