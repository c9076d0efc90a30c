/**
 * The review queue: proposals waiting for a lead and flags not yet dealt with, filtered by
 * locale, category, section, state, age and owner (the article's owner), oldest first, with the
 * count of each state under the same filter.
 */
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { flagStates, proposalStates } from '../../proposals/vocabulary.ts';
import type { ContentRepository } from '../content/repository.ts';
import type { Flag, Proposal, ReviewFilter, Stores } from '../store/types.ts';

export interface QueueFilter {
  locale?: Locale;
  category?: string;
  section?: string;
  owner?: string;
  /** Proposal or flag states; default: those that wait for a lead. */
  states?: string[];
  /** Only items at least this many days old. */
  minAgeDays?: number;
  now: Date;
}

export const waitingProposalStates = ['submitted'];
export const waitingFlagStates = ['open', 'triaged'];

export function parseQueueFilter(params: URLSearchParams, now: Date): QueueFilter {
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value && /^[a-z0-9-]{1,60}$/.test(value) ? value : undefined;
  };
  const locale = params.get('locale');
  const states = params
    .getAll('state')
    .flatMap((value) => value.split(','))
    .filter(
      (state) =>
        (proposalStates as readonly string[]).includes(state) ||
        (flagStates as readonly string[]).includes(state),
    );
  const age = Number(params.get('age'));
  return {
    ...(isLocale(locale) ? { locale } : {}),
    ...(text('category') ? { category: text('category')! } : {}),
    ...(text('section') ? { section: text('section')! } : {}),
    ...(text('owner') ? { owner: text('owner')! } : {}),
    ...(states.length ? { states } : {}),
    ...(Number.isInteger(age) && age > 0 && age < 3650 ? { minAgeDays: age } : {}),
    now,
  };
}

export interface QueueItemArticle {
  id: string;
  title: string;
  section: string;
  category: string;
  owner: string;
}

export interface ReviewQueue {
  proposals: Array<Proposal & { article: QueueItemArticle | null }>;
  flags: Array<Flag & { article: QueueItemArticle | null }>;
  proposalCounts: Record<string, number>;
  flagCounts: Record<string, number>;
  /** Owners and sections there are, for the filter's choices. */
  owners: string[];
}

export async function reviewQueue(
  deps: { stores: Stores; content: ContentRepository },
  filter: QueueFilter,
): Promise<ReviewQueue> {
  const catalogue = deps.content.catalogue();
  const byId = new Map(catalogue.map((entry) => [entry.id, entry]));
  const matching = catalogue.filter(
    (entry) =>
      (!filter.category || entry.category === filter.category) &&
      (!filter.section || entry.section === filter.section) &&
      (!filter.owner || entry.owner === filter.owner),
  );
  const narrowed = filter.category || filter.section || filter.owner;
  const base: ReviewFilter = {
    ...(filter.locale ? { locale: filter.locale } : {}),
    // New articles are not in the catalogue yet; they show unless the filter asks for a place.
    ...(narrowed ? { articleIds: matching.map((entry) => entry.id) } : {}),
    ...(filter.minAgeDays
      ? {
          createdBefore: new Date(
            filter.now.getTime() - filter.minAgeDays * 86_400_000,
          ).toISOString(),
        }
      : {}),
  };
  const proposalStatesWanted = filter.states?.filter((s) =>
    (proposalStates as readonly string[]).includes(s),
  );
  const flagStatesWanted = filter.states?.filter((s) =>
    (flagStates as readonly string[]).includes(s),
  );
  const [proposals, flags, proposalCounts, flagCounts] = await Promise.all([
    filter.states && proposalStatesWanted!.length === 0
      ? []
      : deps.stores.proposals.list({
          ...base,
          states: proposalStatesWanted?.length ? proposalStatesWanted : waitingProposalStates,
        }),
    filter.states && flagStatesWanted!.length === 0
      ? []
      : deps.stores.flags.list({
          ...base,
          states: flagStatesWanted?.length ? flagStatesWanted : waitingFlagStates,
        }),
    deps.stores.proposals.countByState(base),
    deps.stores.flags.countByState(base),
  ]);
  const article = (id: string) => {
    const entry = byId.get(id);
    return entry
      ? {
          id,
          title: entry.title,
          section: entry.section,
          category: entry.category,
          owner: entry.owner,
        }
      : null;
  };
  return {
    proposals: proposals.map((p) => ({ ...p, article: article(p.articleId) })),
    flags: flags.map((f) => ({ ...f, article: article(f.articleId) })),
    proposalCounts,
    flagCounts,
    owners: [...new Set(catalogue.map((entry) => entry.owner))].sort(),
  };
}
