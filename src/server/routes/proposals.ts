/**
 * Agents' proposals: the source an editor opens, a check without saving, and the proposal's
 * life as its author sees it (create as draft or submitted, update, submit, withdraw, read).
 * Every save runs the full check (schema, structure, MDX safety); nothing here writes content/.
 */
import { Hono, type Context } from 'hono';
import { isLocale, sourceLocale } from '../../i18n/locales.ts';
import { checkProposal } from '../../proposals/check-proposal.ts';
import { editableProposalStates, feedbackLimits } from '../../proposals/vocabulary.ts';
import { hasRole } from '../auth/roles.ts';
import type { AppEnv } from '../context.ts';
import type { ContentRepository } from '../content/repository.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { requireRole } from '../middleware/require-role.ts';
import { ProblemError, notFoundProblem, problemTypes, validationProblem } from '../problem.ts';
import { prepareProposal } from '../proposals/prepare.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';
import type { Proposal, ProposalWriteResult, Stores } from '../store/types.ts';

export function proposalRoutes(deps: {
  stores: Stores;
  content: ContentRepository;
  now: () => Date;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('agent'));
  // A whole article plus the text it was based on, as JSON.
  const readBody = readBodyWithin(2 * feedbackLimits.proposalBytes + 16 * 1024);
  const fields = (c: Context<AppEnv>) =>
    parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')), new Set(['flagIds']));
  const change = (c: Context<AppEnv>, comment?: string | null) => ({
    actor: c.get('viewer')!.person.id,
    at: deps.now().toISOString(),
    ...(comment !== undefined ? { comment } : {}),
  });

  routes.get('/source/:locale/:articleId', (c) => {
    const locale = c.req.param('locale');
    const articleId = c.req.param('articleId');
    if (!isLocale(locale)) throw new ProblemError(notFoundProblem(`"${locale}" is not a locale`));
    const english = deps.content.article(sourceLocale, articleId);
    if (!english) throw new ProblemError(notFoundProblem(`There is no article "${articleId}".`));
    const own = deps.content.article(locale, articleId);
    return c.json({
      articleId,
      locale,
      kind: own ? 'edit' : 'translation',
      text: own?.text ?? english.text,
      revision: own?.revision ?? null,
      sourceRevision: english.revision,
    });
  });

  routes.post('/check', readBody, (c) => {
    const input = fields(c);
    const locale = input['locale'];
    const articleId = typeof input['articleId'] === 'string' ? input['articleId'] : '';
    const text = typeof input['text'] === 'string' ? input['text'] : '';
    if (!isLocale(locale))
      throw new ProblemError(
        validationProblem([{ field: 'locale', message: 'must be one of the eight locales' }]),
      );
    const kind =
      input['kind'] === 'new-article'
        ? 'new-article'
        : deps.content.article(locale, articleId)
          ? 'edit'
          : 'translation';
    const check = checkProposal(text, { kind, locale, articleId }, deps.content.facts());
    return c.json(check.ok ? { ok: true, issues: [] } : { ok: false, issues: check.issues });
  });

  routes.post('/', readBody, async (c) => {
    const input = fields(c);
    const prepared = prepareProposal(input, deps.content);
    if (!prepared.ok) throw new ProblemError(prepared.problem);
    const proposal = await deps.stores.proposals.create(
      {
        ...prepared.proposal,
        state: isTrue(input['submit']) ? 'submitted' : 'draft',
        authorId: c.get('viewer')!.person.id,
      },
      change(c),
    );
    if (isForm(c)) return c.redirect(feedbackPage(input['uiLocale'], proposal.id), 303);
    return c.json({ proposal: view(proposal) }, 201);
  });

  routes.get('/mine', async (c) => {
    const proposals = await deps.stores.proposals.listByAuthor(c.get('viewer')!.person.id);
    return c.json({ proposals: proposals.map(view) });
  });

  routes.get('/:id', async (c) => {
    const proposal = await readable(c);
    return c.json({
      proposal: { ...view(proposal), text: proposal.text, baseText: proposal.baseText },
      history: await deps.stores.proposals.history(proposal.id),
    });
  });

  routes.put('/:id', readBody, async (c) => {
    const proposal = await ownedBy(c);
    const input = fields(c);
    const version = Number(input['version']);
    if (!Number.isInteger(version))
      throw new ProblemError(
        validationProblem([{ field: 'version', message: 'send the version you edited' }]),
      );
    const prepared = prepareProposal(input, deps.content, proposal);
    if (!prepared.ok) throw new ProblemError(prepared.problem);
    const { text, title, note, sourceRevision, flagIds } = prepared.proposal;
    let result = await deps.stores.proposals.update(
      proposal.id,
      version,
      { text, title, note, sourceRevision, flagIds },
      change(c),
    );
    if (result.outcome === 'saved' && isTrue(input['submit']))
      result = await deps.stores.proposals.transition(
        proposal.id,
        editableProposalStates,
        'submitted',
        change(c),
      );
    if (result.outcome === 'saved' && isForm(c))
      return c.redirect(feedbackPage(input['uiLocale'], proposal.id), 303);
    return answer(c, result);
  });

  routes.post('/:id/submit', async (c) => {
    const proposal = await ownedBy(c);
    return answer(
      c,
      await deps.stores.proposals.transition(
        proposal.id,
        editableProposalStates,
        'submitted',
        change(c),
      ),
    );
  });

  routes.post('/:id/withdraw', readBodyWithin(4 * 1024), async (c) => {
    const proposal = await ownedBy(c);
    const result = await deps.stores.proposals.transition(
      proposal.id,
      ['draft', 'submitted', 'changes-requested'],
      'withdrawn',
      change(c),
    );
    if (result.outcome === 'saved' && isForm(c))
      return c.redirect(feedbackPage(fields(c)['locale'], undefined), 303);
    return answer(c, result);
  });

  /** The author, or a lead, may read a proposal. */
  async function readable(c: Context<AppEnv>): Promise<Proposal> {
    const proposal = await deps.stores.proposals.get(c.req.param('id') ?? '');
    const viewer = c.get('viewer')!;
    if (
      !proposal ||
      (proposal.authorId !== viewer.person.id && !hasRole(viewer.person.role, 'lead'))
    )
      throw new ProblemError(
        notFoundProblem(`There is no proposal ${c.req.param('id')} of yours.`),
      );
    return proposal;
  }

  /** Only the author changes their proposal (leads review it in the review queue). */
  async function ownedBy(c: Context<AppEnv>): Promise<Proposal> {
    const proposal = await deps.stores.proposals.get(c.req.param('id') ?? '');
    if (!proposal || proposal.authorId !== c.get('viewer')!.person.id)
      throw new ProblemError(
        notFoundProblem(`There is no proposal ${c.req.param('id')} of yours.`),
      );
    return proposal;
  }

  return routes;
}

function answer(c: Context<AppEnv>, result: ProposalWriteResult): Response {
  switch (result.outcome) {
    case 'saved':
      return c.json({ proposal: view(result.proposal) });
    case 'not-found':
      throw new ProblemError(notFoundProblem('That proposal does not exist.'));
    case 'stale':
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'The proposal changed since you opened it',
        status: 409,
        detail: `You edited version ${result.proposal.version - 1} or older; it is at version ${result.proposal.version} now. Copy your text, reload, and apply it again.`,
        currentVersion: result.proposal.version,
      });
    case 'wrong-state':
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'Not possible in this state',
        status: 409,
        detail: `The proposal is ${result.proposal.state}; that step is not possible now.`,
        state: result.proposal.state,
      });
  }
}

/** A proposal without its (long) texts, for lists and answers. */
export function view(proposal: Proposal) {
  const { text: _text, baseText: _base, ...rest } = proposal;
  return rest;
}

/** A plain form post from a page without scripts: answered with a redirect to a page. */
function isForm(c: Context<AppEnv>): boolean {
  return (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
}

function feedbackPage(locale: unknown, saved: string | undefined): string {
  const l = isLocale(locale) ? locale : sourceLocale;
  return `/agents/${l}/feedback/${saved ? `?saved=${saved}` : ''}`;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on' || value === '1';
}
