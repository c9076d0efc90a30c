/**
 * A lead's decisions on a proposal. Accepting writes the text into content/ as a git commit
 * (author: the agent, committer: the lead, the proposal's id in the message) after the same check
 * every save runs, whatever the page sent; resolves the flags it answers; and when an English
 * source changed, opens translation tasks for the translations it makes outdated.
 */
import { sourceLocale } from '../../i18n/locales.ts';
import { revisionOf, sourceRevisionOf } from '../../lib/revision.ts';
import { statedSourceRevision } from '../../lib/translation-status.ts';
import { changedBlocks } from '../../proposals/changed-blocks.ts';
import { checkProposal } from '../../proposals/check-proposal.ts';
import { mergeProposal, resolveMerge, type Resolution } from '../../proposals/merge.ts';
import { locales } from '../../i18n/locales.ts';
import type { ContentRepository } from '../content/repository.ts';
import type { ContentGit } from '../content/git.ts';
import { unsafeProblem } from '../proposals/prepare.ts';
import { ProblemError, problemTypes } from '../problem.ts';
import type { Person, Proposal, Stores, TranslationTask } from '../store/types.ts';

export interface DecisionDeps {
  stores: Stores;
  content: ContentRepository;
  git: () => Promise<ContentGit>;
  now: () => Date;
  /** Whether a lead may accept their own proposal. Default false. */
  allowSelfApproval: boolean;
}

export interface AcceptRequest {
  /** The revision of the article the lead merged against (what the review page showed). */
  currentRevision: string | null;
  /** Conflict resolutions, by conflict id. */
  resolutions: Record<number, Resolution>;
}

export interface Accepted {
  proposal: Proposal;
  commit: string;
  mergeStatus: string;
  /** Translation tasks opened because the English text changed. */
  tasks: TranslationTask[];
}

export async function acceptProposal(
  deps: DecisionDeps,
  proposal: Proposal,
  lead: Person,
  request: AcceptRequest,
): Promise<Accepted> {
  checkReviewer(deps, proposal, lead);
  if (proposal.state !== 'submitted') throw wrongState(proposal);
  const current = deps.content.article(proposal.locale, proposal.articleId);
  if ((current?.revision ?? null) !== request.currentRevision)
    throw conflict(
      'The article changed while you reviewed',
      `content/ has revision ${current?.revision ?? 'none'} of ${proposal.locale}/${proposal.articleId}; the review showed ${request.currentRevision ?? 'none'}. Reload the review to merge with the new text.`,
    );
  if (proposal.kind !== 'edit' && current)
    throw conflict(
      'The article exists now',
      `${proposal.locale}/${proposal.articleId} was created after this proposal; review it as an edit of that text.`,
    );

  let text = proposal.text;
  let mergeStatus = 'clean';
  if (proposal.kind === 'edit' && current && proposal.baseText !== null) {
    const merge = mergeProposal(proposal.baseText, proposal.text, current.text);
    mergeStatus = merge.status === 'conflict' ? 'resolved' : merge.status;
    const resolved =
      merge.status === 'conflict'
        ? resolveMerge(merge, request.resolutions)
        : { ok: true as const, text: merge.text! };
    if (!resolved.ok)
      throw conflict(
        'Conflicts are not resolved yet',
        `Choose how to resolve conflict(s) ${resolved.open.map((id) => id + 1).join(', ')}: keep the proposal, keep the current text, or edit.`,
      );
    text = resolved.text;
  }
  // Whatever the page sent, nothing unchecked is ever committed.
  const check = checkProposal(
    text,
    { kind: proposal.kind, locale: proposal.locale, articleId: proposal.articleId },
    deps.content.facts(),
  );
  if (!check.ok) throw new ProblemError(unsafeProblem(check.issues));

  const author = await deps.stores.people.findById(proposal.authorId);
  const contentPath = `articles/${proposal.locale}/${proposal.articleId}.mdx`;
  const englishBefore = proposal.locale === sourceLocale ? current?.text : undefined;
  const git = await deps.git();
  const commit = await git.commitFile(contentPath, text, {
    author: identity(author, proposal.authorId),
    committer: identity(lead, lead.id),
    message: `${commitVerb(proposal)} ${proposal.locale}/${proposal.articleId}: ${proposal.title}\n\n${
      proposal.note ? `${proposal.note}\n\n` : ''
    }Proposal: ${proposal.id}\nReviewed-by: ${lead.name ?? lead.email} <${lead.email}>\nMerge: ${mergeStatus}`,
  });
  const at = deps.now().toISOString();
  const change = { actor: lead.id, at };
  const saved = await deps.stores.proposals.accept(
    proposal.id,
    { commitSha: commit, mergeStatus, text, revision: revisionOf(text) },
    change,
  );
  if (saved.outcome !== 'saved') throw wrongState(proposal);
  const linked = (await deps.stores.flags.list({ states: ['open', 'triaged', 'in-proposal'] }))
    .filter((flag) => flag.proposalId === proposal.id)
    .map((flag) => flag.id);
  for (const flagId of new Set([...proposal.flagIds, ...linked]))
    await deps.stores.flags.transition(flagId, ['open', 'triaged', 'in-proposal'], 'resolved', {
      ...change,
      proposalId: proposal.id,
      revision: revisionOf(text),
    });

  const tasks: TranslationTask[] = [];
  if (proposal.locale === sourceLocale) {
    // Translations track the English text without its keywords: a keywords-only edit opens no task.
    const newRevision = sourceRevisionOf(text);
    const changed = changedBlocks(englishBefore ?? '', text);
    const outdated = locales.filter((locale) => {
      if (locale === sourceLocale) return false;
      const translation = deps.content.article(locale, proposal.articleId);
      return translation && statedSourceRevision(translation.text) !== newRevision;
    });
    if (englishBefore !== undefined && outdated.length > 0)
      tasks.push(
        ...(await deps.stores.translationTasks.open(
          outdated.map((locale) => ({
            articleId: proposal.articleId,
            locale,
            sourceRevision: newRevision,
            previousSourceRevision: current ? sourceRevisionOf(current.text) : null,
            changedBlocks: changed,
            proposalId: proposal.id,
          })),
          change,
        )),
      );
  } else if (
    proposal.sourceRevision &&
    proposal.sourceRevision === englishSourceRevision(deps, proposal.articleId)
  ) {
    // The translation caught up with the English text: its task is done.
    await deps.stores.translationTasks.complete(proposal.articleId, proposal.locale, change);
  }
  return { proposal: saved.proposal, commit, mergeStatus, tasks };
}

export async function requestChanges(
  deps: DecisionDeps,
  proposal: Proposal,
  lead: Person,
  comment: string,
) {
  checkReviewer(deps, proposal, lead);
  return deps.stores.proposals.transition(proposal.id, ['submitted'], 'changes-requested', {
    actor: lead.id,
    at: deps.now().toISOString(),
    comment,
  });
}

export async function declineProposal(
  deps: DecisionDeps,
  proposal: Proposal,
  lead: Person,
  reason: string,
) {
  checkReviewer(deps, proposal, lead);
  const at = deps.now().toISOString();
  const result = await deps.stores.proposals.transition(
    proposal.id,
    ['submitted', 'changes-requested'],
    'declined',
    {
      actor: lead.id,
      at,
      comment: reason,
    },
  );
  // Flags it answered go back to the queue: the problem they point at is still there.
  if (result.outcome === 'saved')
    for (const flagId of proposal.flagIds)
      await deps.stores.flags.transition(flagId, ['in-proposal'], 'triaged', {
        actor: lead.id,
        at,
        reason: `${proposal.id} declined`,
      });
  return result;
}

function checkReviewer(deps: DecisionDeps, proposal: Proposal, lead: Person): void {
  if (!deps.allowSelfApproval && proposal.authorId === lead.id)
    throw new ProblemError({
      type: problemTypes.forbidden,
      title: 'You cannot review your own proposal',
      status: 403,
      detail:
        'Another lead reviews it. (An admin can allow self-approval with REVIEW_ALLOW_SELF_APPROVAL=true.)',
    });
}

function identity(person: Person | undefined, fallbackId: string) {
  return person
    ? { name: person.name ?? person.email, email: person.email }
    : { name: fallbackId, email: `${fallbackId}@invalid` };
}

function commitVerb(proposal: Proposal): string {
  return proposal.kind === 'new-article'
    ? 'Add'
    : proposal.kind === 'translation'
      ? 'Translate'
      : 'Update';
}

function wrongState(proposal: Proposal): ProblemError {
  return new ProblemError({
    type: problemTypes.conflict,
    title: 'Not possible in this state',
    status: 409,
    detail: `${proposal.id} is ${proposal.state}; only a submitted proposal can be accepted.`,
    state: proposal.state,
  });
}

function conflict(title: string, detail: string): ProblemError {
  return new ProblemError({ type: problemTypes.conflict, title, status: 409, detail });
}

function englishSourceRevision(deps: DecisionDeps, articleId: string): string | undefined {
  const english = deps.content.article(sourceLocale, articleId);
  return english ? sourceRevisionOf(english.text) : undefined;
}
