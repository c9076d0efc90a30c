/**
 * What the pages the agents' help centre renders at request time may read (Astro.locals.hc):
 * the signed-in person and reads through the service's stores and content/, each limited to what
 * the person's role may see.
 */
import { sourceLocale, type Locale } from '../i18n/locales.ts';
import { sourceRevisionOf } from '../lib/revision.ts';
import { readFrontmatter, statedSourceRevision } from '../lib/translation-status.ts';
import { translationFromSummary } from '../proposals/template.ts';
import { checkProposal } from '../proposals/check-proposal.ts';
import type { InternalLocals } from '../site/internal/locals.ts';
import { hasRole } from './auth/roles.ts';
import { contentFreshness } from './content/freshness.ts';
import type { Viewer } from './auth/sessions.ts';
import type { InternalSiteDeps } from './internal-site.ts';
import { locateFlags } from './proposals/flags.ts';
import { parseQueueFilter, reviewQueue } from './reviews/queue.ts';
import { reviewProposal } from './reviews/review.ts';
import { forRole } from './reports/service.ts';
import { slaListStates, type SlaListFilter } from './tickets/sla-list.ts';

export function internalLocals(viewer: Viewer, deps: InternalSiteDeps): InternalLocals {
  const { person } = viewer;
  const isLead = hasRole(person.role, 'lead');
  const isManager = hasRole(person.role, 'manager');
  const now = deps.now ?? (() => new Date());
  return {
    viewer: {
      id: person.id,
      email: person.email,
      name: person.name,
      role: person.role,
      languages: person.languages,
    },
    editorSource(locale: Locale, articleId: string) {
      const english = deps.content.article(sourceLocale, articleId);
      if (!english) return undefined;
      const own = deps.content.article(locale, articleId);
      const frontmatter = own ? readFrontmatter(own.text) : {};
      const englishRevision = sourceRevisionOf(english.text);
      return {
        articleId,
        locale,
        kind: own ? 'edit' : 'translation',
        // A summary translation is finished by translating the English text under its frontmatter.
        text:
          own && frontmatter['summary'] === true
            ? translationFromSummary(own.text, english.text)
            : (own?.text ?? english.text),
        fileText: own?.text ?? null,
        revision: own?.revision ?? null,
        sourceRevision: englishRevision,
        matchesSource: locale === sourceLocale || statedSourceRevision(own?.text ?? '') === englishRevision,
      };
    },
    check(text, target) {
      const result = checkProposal(text, target, deps.content.facts());
      return result.ok ? { ok: true } : { ok: false, issues: result.issues };
    },
    async myFlags() {
      return locateFlags(await deps.stores.flags.listInvolving(person.id), deps.content);
    },
    flagHistory: (id) => deps.stores.flags.history(id),
    myProposals: () => deps.stores.proposals.listByAuthor(person.id),
    async proposal(id) {
      const proposal = await deps.stores.proposals.get(id);
      if (!proposal || (proposal.authorId !== person.id && !isLead)) return undefined;
      return { proposal, history: await deps.stores.proposals.history(id) };
    },
    async peopleNames(ids) {
      const names: Record<string, string> = {};
      for (const id of new Set(ids)) {
        if (id === 'cli' || id === 'sso') continue;
        const someone = await deps.stores.people.findById(id);
        names[id] = someone ? (someone.name ?? someone.email) : id;
      }
      return names;
    },
    sections() {
      return [...deps.content.facts().sections].map(([id, visibility]) => ({ id, visibility }));
    },
    async reviewQueue(query) {
      if (!isLead) throw new Error('review queue for leads only');
      return reviewQueue(deps, parseQueueFilter(query, now()));
    },
    async review(id) {
      if (!isLead) return undefined;
      const proposal = await deps.stores.proposals.get(id);
      if (!proposal) return undefined;
      const linked = (await deps.stores.flags.list({})).filter(
        (flag) => flag.proposalId === proposal.id || proposal.flagIds.includes(flag.id),
      );
      return {
        proposal,
        review: reviewProposal(proposal, deps.content),
        history: await deps.stores.proposals.history(id),
        flags: linked,
        tasks: (await deps.stores.translationTasks.listOpen()).filter(
          (task) => task.proposalId === id,
        ),
      };
    },
    translationTasks: (locale) => deps.stores.translationTasks.listOpen(locale),
    releases() {
      if (!isLead || !deps.releases) return undefined;
      const registry = deps.releases;
      return {
        live: registry.current(),
        previous: registry.previous(),
        list: registry.list(),
        history: registry.history().slice(-30).reverse(),
        job: deps.jobs?.latest(),
        timeZone: deps.releaseTimeZone ?? 'UTC',
      };
    },
    async freshness() {
      if (!isLead) return {};
      const verifications = await deps.stores.verifications.latest();
      return contentFreshness(deps.content, verifications, now().toISOString().slice(0, 10)).report;
    },
    async slaTickets(query) {
      if (!isManager || !deps.slaTickets) return undefined;
      const state = query.get('state');
      const days = Number(query.get('days'));
      const filter: SlaListFilter = {
        states: slaListStates.find((known) => known === state)
          ? [state as SlaListFilter['states'][number]]
          : [...slaListStates],
        days: Number.isInteger(days) && days >= 1 && days <= 366 ? days : 30,
        ...(query.get('team') ? { team: query.get('team')! } : {}),
      };
      return deps.slaTickets(filter);
    },
    slaTeams() {
      return deps.slaTeams?.() ?? [];
    },
    async reports(query) {
      if (!isManager || !deps.reports) return undefined;
      const result = await deps.reports(Object.fromEntries(query));
      return 'report' in result ? { report: forRole(result.report, person.role) } : result;
    },
    structure() {
      const seen = new Map<string, string>();
      for (const entry of deps.content.catalogue()) seen.set(entry.section, entry.category);
      return [...seen].map(([section, category]) => ({ section, category }));
    },
  };
}
