/**
 * Leads' review: the queue, one proposal with its merge and diff, and the decisions (accept,
 * request changes, decline); flags triaged, linked to a proposal or declined; articles marked
 * verified. Translation tasks are read by agents. Form posts from the review pages are answered
 * with a redirect back to the page; scripts get JSON.
 */
import { Hono, type Context } from 'hono';
import { isLocale, sourceLocale, type Locale } from '../../i18n/locales.ts';
import type { Resolution } from '../../proposals/merge.ts';
import { feedbackLimits } from '../../proposals/vocabulary.ts';
import type { AppEnv } from '../context.ts';
import type { ContentRepository } from '../content/repository.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { requireRole } from '../middleware/require-role.ts';
import { ProblemError, notFoundProblem, problemTypes, validationProblem } from '../problem.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';
import {
  acceptProposal,
  declineProposal,
  requestChanges,
  type DecisionDeps,
} from '../reviews/decide.ts';
import { reviewQueue, parseQueueFilter } from '../reviews/queue.ts';
import { reviewProposal } from '../reviews/review.ts';
import type { ProposalWriteResult, Stores } from '../store/types.ts';

export interface ReviewRouteDeps extends DecisionDeps {
  stores: Stores;
  content: ContentRepository;
}

export function reviewRoutes(deps: ReviewRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const readBody = readBodyWithin(2 * feedbackLimits.proposalBytes);
  const lead = requireRole('lead');
  const fieldsOf = (c: Context<AppEnv>) =>
    parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')));
  const isForm = (c: Context<AppEnv>) =>
    (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  const back = (fields: Record<string, unknown>, path: string, status: string) => {
    const locale: Locale = isLocale(fields['uiLocale']) ? fields['uiLocale'] : sourceLocale;
    return `/agents/${locale}/${path}${path.includes('?') ? '&' : '?'}done=${status}`;
  };

  routes.get('/queue', lead, async (c) =>
    c.json(await reviewQueue(deps, parseQueueFilter(new URL(c.req.url).searchParams, deps.now()))),
  );

  routes.get('/proposals/:id', lead, async (c) => {
    const proposal = await deps.stores.proposals.get(c.req.param('id'));
    if (!proposal)
      throw new ProblemError(notFoundProblem(`There is no proposal ${c.req.param('id')}.`));
    const review = reviewProposal(proposal, deps.content);
    return c.json({ proposal, review, history: await deps.stores.proposals.history(proposal.id) });
  });

  routes.post('/proposals/:id/accept', lead, readBody, async (c) => {
    const fields = fieldsOf(c);
    const proposal = await proposalOr404(c);
    const accepted = await acceptProposal(deps, proposal, c.get('viewer')!.person, {
      currentRevision:
        typeof fields['currentRevision'] === 'string' && fields['currentRevision']
          ? fields['currentRevision']
          : null,
      resolutions: resolutionsOf(fields),
    });
    if (isForm(c)) return c.redirect(back(fields, `review/${proposal.id}/`, 'accepted'), 303);
    return c.json({
      proposal: accepted.proposal,
      commit: accepted.commit,
      mergeStatus: accepted.mergeStatus,
      translationTasks: accepted.tasks,
    });
  });

  routes.post('/proposals/:id/request-changes', lead, readBody, async (c) => {
    const fields = fieldsOf(c);
    const comment = requiredText(fields, 'comment', 'say what the agent should change');
    const result = await requestChanges(
      deps,
      await proposalOr404(c),
      c.get('viewer')!.person,
      comment,
    );
    if (isForm(c) && result.outcome === 'saved')
      return c.redirect(back(fields, 'review/', 'changes-requested'), 303);
    return answer(c, result);
  });

  routes.post('/proposals/:id/decline', lead, readBody, async (c) => {
    const fields = fieldsOf(c);
    const reason = requiredText(fields, 'reason', 'say why, so the agent learns from it');
    const result = await declineProposal(
      deps,
      await proposalOr404(c),
      c.get('viewer')!.person,
      reason,
    );
    if (isForm(c) && result.outcome === 'saved')
      return c.redirect(back(fields, 'review/', 'declined'), 303);
    return answer(c, result);
  });

  routes.post('/flags/:id/:action{triage|decline|link}', lead, readBody, async (c) => {
    const fields = fieldsOf(c);
    const action = c.req.param('action');
    const change = { actor: c.get('viewer')!.person.id, at: deps.now().toISOString() };
    let result;
    if (action === 'triage')
      result = await deps.stores.flags.transition(c.req.param('id'), ['open'], 'triaged', change);
    else if (action === 'decline') {
      const reason = requiredText(fields, 'reason', 'say why the flag does not need a change');
      result = await deps.stores.flags.transition(
        c.req.param('id'),
        ['open', 'triaged', 'in-proposal'],
        'declined',
        { ...change, reason },
      );
    } else {
      const proposalId =
        typeof fields['proposalId'] === 'string' ? fields['proposalId'].trim().toUpperCase() : '';
      const proposal = await deps.stores.proposals.get(proposalId);
      if (!proposal || !['draft', 'submitted', 'changes-requested'].includes(proposal.state))
        throw new ProblemError(
          validationProblem([
            { field: 'proposalId', message: 'name an open proposal, such as PR-7K2M9Q0Z' },
          ]),
        );
      result = await deps.stores.flags.transition(
        c.req.param('id'),
        ['open', 'triaged'],
        'in-proposal',
        { ...change, proposalId },
      );
      if (
        result.outcome === 'saved' &&
        !proposal.flagIds.includes(result.flag.id) &&
        proposal.state !== 'submitted'
      )
        await deps.stores.proposals.update(
          proposal.id,
          proposal.version,
          {
            text: proposal.text,
            title: proposal.title,
            note: proposal.note,
            sourceRevision: proposal.sourceRevision,
            flagIds: [...proposal.flagIds, result.flag.id],
          },
          change,
        );
    }
    if (result.outcome === 'not-found')
      throw new ProblemError(notFoundProblem(`There is no flag ${c.req.param('id')}.`));
    if (result.outcome === 'wrong-state')
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'Not possible in this state',
        status: 409,
        detail: `The flag is ${result.flag.state}.`,
      });
    if (isForm(c)) return c.redirect(back(fields, 'review/', `flag-${action}`), 303);
    return c.json({ flag: result.flag });
  });

  routes.post('/verify/:locale/:articleId', lead, readBody, async (c) => {
    const fields = fieldsOf(c);
    const locale = c.req.param('locale');
    const article = isLocale(locale)
      ? deps.content.article(locale, c.req.param('articleId'))
      : undefined;
    if (!article) throw new ProblemError(notFoundProblem('There is no such article.'));
    if (fields['revision'] !== article.revision)
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'The article changed',
        status: 409,
        detail: `You read revision ${String(fields['revision'])}; content/ has ${article.revision} now. Read the new text before verifying it.`,
      });
    const verification = {
      articleId: article.articleId,
      locale: article.locale,
      revision: article.revision,
      verifiedBy: c.get('viewer')!.person.id,
      at: deps.now().toISOString(),
    };
    await deps.stores.verifications.record(verification);
    if (isForm(c))
      return c.redirect(
        `/agents/${article.locale}/articles/${article.articleId}/?done=verified`,
        303,
      );
    return c.json({ verification });
  });

  routes.get('/translation-tasks', requireRole('agent'), async (c) => {
    const locale = c.req.query('locale');
    return c.json({
      tasks: await deps.stores.translationTasks.listOpen(isLocale(locale) ? locale : undefined),
    });
  });

  async function proposalOr404(c: Context<AppEnv>) {
    const proposal = await deps.stores.proposals.get(c.req.param('id') ?? '');
    if (!proposal)
      throw new ProblemError(notFoundProblem(`There is no proposal ${c.req.param('id')}.`));
    return proposal;
  }

  return routes;
}

function requiredText(fields: Record<string, unknown>, name: string, hint: string): string {
  const value = typeof fields[name] === 'string' ? fields[name].trim() : '';
  if (!value || value.length > feedbackLimits.commentChars)
    throw new ProblemError(
      validationProblem([
        {
          field: name,
          message: value ? `keep it under ${feedbackLimits.commentChars} characters` : hint,
        },
      ]),
    );
  return value;
}

/** Resolutions from JSON ({0: {choice}}) or a form (resolution-0=current, edit-0=…). */
function resolutionsOf(fields: Record<string, unknown>): Record<number, Resolution> {
  if (fields['resolutions'] && typeof fields['resolutions'] === 'object')
    return fields['resolutions'] as Record<number, Resolution>;
  const resolutions: Record<number, Resolution> = {};
  for (const [name, value] of Object.entries(fields)) {
    const match = /^resolution-(\d+)$/.exec(name);
    if (!match) continue;
    const id = Number(match[1]);
    if (value === 'proposal' || value === 'current') resolutions[id] = { choice: value };
    else if (value === 'edit')
      resolutions[id] = { choice: 'edit', text: String(fields[`edit-${id}`] ?? '') };
  }
  return resolutions;
}

function answer(c: Context<AppEnv>, result: ProposalWriteResult): Response {
  if (result.outcome === 'saved') return c.json({ proposal: result.proposal });
  if (result.outcome === 'not-found')
    throw new ProblemError(notFoundProblem('That proposal does not exist.'));
  throw new ProblemError({
    type: problemTypes.conflict,
    title: 'Not possible in this state',
    status: 409,
    detail: `The proposal is ${result.proposal.state}; that step is not possible now.`,
    state: result.proposal.state,
  });
}
