/**
 * What a lead sees of a proposal: the text it proposes against the article as it is now (merged
 * three ways when the article changed since the proposal's base), the source diff, and which
 * blocks changed for the rendered diff.
 */
import { sourceLocale } from '../../i18n/locales.ts';
import { changedBlocks, type ChangedBlock } from '../../proposals/changed-blocks.ts';
import { foldUnchanged, sourceDiff } from '../../proposals/diff.ts';
import { mergeProposal, type MergeOutcome } from '../../proposals/merge.ts';
import type { ContentRepository } from '../content/repository.ts';
import type { Proposal } from '../store/types.ts';

export interface ProposalReview {
  /** The article as it is in content/ now; null when it does not exist (new article, translation). */
  current: { text: string; revision: string } | null;
  /** The text the diff compares with: the current text, or for a new translation the English one. */
  comparedWith: string;
  merge: MergeOutcome;
  /** The text that would be committed (undefined while conflicts are open). */
  result: string | undefined;
  diff: ReturnType<typeof foldUnchanged>;
  changed: ChangedBlock[];
  /** The proposal was based on an older revision than the article has now. */
  behind: boolean;
}

export function reviewProposal(proposal: Proposal, content: ContentRepository): ProposalReview {
  const current = content.article(proposal.locale, proposal.articleId);
  const english = content.article(sourceLocale, proposal.articleId);
  let merge: MergeOutcome;
  if (proposal.kind === 'edit' && current && proposal.baseText !== null)
    merge = mergeProposal(proposal.baseText, proposal.text, current.text);
  else
    merge = {
      status: 'clean',
      blocks: [{ kind: 'ok', lines: proposal.text.split('\n') }],
      text: proposal.text,
    };
  const comparedWith =
    current?.text ?? (proposal.kind === 'translation' ? (english?.text ?? '') : '');
  const shown = merge.text ?? proposal.text;
  return {
    current: current ? { text: current.text, revision: current.revision } : null,
    comparedWith,
    merge,
    result: merge.text,
    diff: foldUnchanged(sourceDiff(comparedWith, shown, proposal.locale)),
    changed: changedBlocks(comparedWith, shown),
    behind: Boolean(current && proposal.baseRevision && current.revision !== proposal.baseRevision),
  };
}
