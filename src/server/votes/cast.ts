/**
 * Deciding and storing one "Was this helpful?" answer: the article must exist for the audience,
 * the revision must be one the article had, and the voter is a daily-salted hash, never an
 * address. Public readers are told apart by address and browser; agents by their person id.
 */
import { sourceLocale } from '../../i18n/locales.ts';
import type { VoteAnswer } from '../../lib/votes.ts';
import { readFrontmatter } from '../../lib/translation-status.ts';
import type { Viewer } from '../auth/sessions.ts';
import { hasRole } from '../auth/roles.ts';
import type { ContentRepository } from '../content/repository.ts';
import { fromOwnPages, signInRequired } from '../middleware/require-role.ts';
import { readerHash, utcDay } from '../privacy/daily-salt.ts';
import { ProblemError, problemTypes, validationProblem } from '../problem.ts';
import type { SaltStore, VoteStore } from '../store/types.ts';
import type { VoteRequest } from './validate.ts';

export interface CastDeps {
  votes: VoteStore;
  salts: SaltStore;
  content: ContentRepository;
  now: () => Date;
}

/** Who is asking, as the request tells it. */
export interface Reader {
  clientAddress: string;
  userAgent: string;
  viewer: Viewer | undefined;
  headers: Headers;
}

export async function castVote(
  deps: CastDeps,
  vote: VoteRequest,
  reader: Reader,
): Promise<VoteAnswer> {
  if (vote.audience === 'internal') checkAgent(reader);
  await checkArticle(deps, vote);

  const at = deps.now();
  const day = utcDay(at);
  const salt = await deps.salts.forDay(day);
  const scope = [vote.audience, vote.articleId, vote.locale, vote.revision].join('\n');
  // An agent is one voter whatever device or network they use; their id never leaves the hash.
  const voter =
    vote.audience === 'internal'
      ? readerHash(salt, `person:${reader.viewer!.person.id}`, '', scope)
      : readerHash(salt, reader.clientAddress, reader.userAgent, scope);
  const { outcome, vote: stored } = await deps.votes.cast({
    ...vote,
    voter,
    day,
    at: at.toISOString(),
  });
  return {
    next: !stored.helpful && vote.reason === null ? 'why' : 'thanks',
    helpful: stored.helpful,
    reason: stored.reason,
    updated: outcome === 'updated',
  };
}

function checkAgent(reader: Reader): void {
  const viewer = reader.viewer;
  if (!viewer) throw signInRequired();
  if (!hasRole(viewer.person.role, 'agent') || !fromOwnPages(reader.headers))
    throw new ProblemError({
      type: problemTypes.forbidden,
      title: 'Your role does not allow this',
      status: 403,
      detail: 'Votes on the agents’ help centre come from signed-in agents on its own pages.',
    });
}

async function checkArticle(deps: CastDeps, vote: VoteRequest): Promise<void> {
  const visibility = deps.content.visibility(vote.articleId);
  if (visibility === undefined || (vote.audience === 'public' && visibility !== 'public'))
    throw new ProblemError(
      validationProblem(
        [
          {
            field: 'articleId',
            message: `there is no ${vote.audience === 'public' ? 'public ' : ''}article "${vote.articleId}"`,
          },
        ],
        'The article voted on does not exist in this help centre.',
      ),
    );
  if (currentRevisions(deps.content, vote).includes(vote.revision)) return;
  // Votes are kept per revision: a page built from an earlier text may still be out there.
  if (await deps.votes.knowsRevision(vote.articleId, vote.locale, vote.revision)) return;
  throw new ProblemError({
    type: problemTypes.conflict,
    title: 'The article has changed',
    status: 409,
    detail: `Revision ${vote.revision} is not a revision of "${vote.articleId}" in ${vote.locale}; reload the article and answer again.`,
    errors: [{ field: 'revision', message: 'not a revision this article had' }],
  });
}

/**
 * The revisions a page of this article in this locale shows now: the translation's, or the
 * English text's where the page falls back to it (no translation, or a summary translation).
 */
function currentRevisions(content: ContentRepository, vote: VoteRequest): string[] {
  const english = content.article(sourceLocale, vote.articleId);
  const own =
    vote.locale === sourceLocale ? undefined : content.article(vote.locale, vote.articleId);
  const shown = own && readFrontmatter(own.text)['summary'] !== true ? [own.revision] : [];
  return english ? [...shown, english.revision] : shown;
}
