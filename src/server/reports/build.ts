/**
 * Turns the stored rows into the leads' reports for a window of weeks, one locale or all, one
 * team or all. Every figure is defined next to the code that computes it, and the reports page
 * says the same words (reports.definition.*).
 */
import { locales, type Locale } from '../../i18n/locales.ts';
import type { OverdueEntry } from '../../releases/reports.ts';
import type { ArticleTranslations } from '../../lib/translation-status.ts';
import type { DeliveryStore, ReportStore, ReportTicket, VoteStore } from '../store/types.ts';
import { reportWeeks, startOfDay, weekOfDay, type ReportWeek } from './period.ts';
import { reportColumns, type Cell, type ReportTable, type ReportTableId } from './tables.ts';

/** How one ticket stands against its first-reply target at `now`. */
export interface TicketSla {
  state: 'achieved' | 'breached' | 'at-risk' | 'on-track' | 'paused';
  /** Hours from the start of the clock to the first reply, in the target's clock, pauses excluded. */
  replyHours: number | null;
}

export interface ReportRequest {
  weeks: number;
  locale: Locale | null;
  team: string | null;
}

export interface ReportSources {
  store: ReportStore;
  votes: Pick<VoteStore, 'tallies' | 'recentComments'>;
  deliveries: Pick<DeliveryStore, 'counts'>;
  now: Date;
  sla(ticket: ReportTicket, now: Date): TicketSla;
  /** Email teams, in the order shown. */
  teams: readonly string[];
  topicTitles: Record<string, Readonly<Record<Locale, string>>>;
  /** Overdue reviews per owner (the freshness report). */
  freshness(): Promise<Record<string, OverdueEntry[]>>;
  translations(): ArticleTranslations[];
}

export interface Report {
  generatedAt: string;
  /** Contact topics' titles per locale, for the page (tables and CSV keep the ids). */
  topicTitles: Record<string, Readonly<Record<Locale, string>>>;
  weeks: ReportWeek[];
  request: ReportRequest;
  tables: Record<ReportTableId, ReportTable>;
}

/** Rows kept in the "top" tables (queries, articles, comments). */
const topRows = 25;

export async function buildReport(request: ReportRequest, sources: ReportSources): Promise<Report> {
  const weeks = reportWeeks(sources.now, request.weeks);
  const fromDay = weeks[0]!.fromDay;
  const toDay = weeks.at(-1)!.toDay;
  const { store, votes } = sources;
  const inLocale = (locale: string) => request.locale === null || locale === request.locale;
  const shownLocales = request.locale ? [request.locale] : [...locales];
  const shownTeams = request.team ? [request.team] : [...sources.teams];
  const weekIds = weeks.map((week) => week.id);

  const tickets = (await store.ticketsReceived(startOfDay(fromDay), startOfDay(toDay))).filter(
    (ticket) => inLocale(ticket.locale),
  );
  const table = (id: ReportTableId, rows: Array<Record<string, Cell>>): ReportTable => ({
    id,
    columns: reportColumns[id],
    rows,
  });
  const count = <T>(items: readonly T[], key: (item: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) {
      const k = key(item);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const ticketsByWeekLocale = count(tickets, (t) => `${weekOfDay(t.receivedAt)}|${t.locale}`);

  // Self-service ratio: distinct help-centre visitors (per day, summed over the week) for each
  // ticket received in the same week and locale. Empty when there were no tickets.
  const visitors = new Map<string, number>();
  for (const row of await store.visitorsByDay(fromDay, toDay)) {
    const key = `${weekOfDay(row.day)}|${row.locale}`;
    visitors.set(key, (visitors.get(key) ?? 0) + row.visitors);
  }
  const selfService = weekIds.flatMap((week) =>
    shownLocales.map((locale) => {
      const key = `${week}|${locale}`;
      const seen = visitors.get(key) ?? 0;
      const sent = ticketsByWeekLocale.get(key) ?? 0;
      return {
        week,
        locale,
        visitors: seen,
        tickets: sent,
        selfServiceRatio: sent === 0 ? null : round(seen / sent, 2),
      };
    }),
  );

  // Deflection: contact-page visits that opened a suggestion and sent no ticket, as a share of
  // all contact-page visits; beside it, tickets sent although the customer opened a suggestion.
  const deflection = new Map<string, { visits: number; opened: number; deflected: number }>();
  for (const row of await store.deflectionByDay(fromDay, toDay)) {
    const key = `${weekOfDay(row.day)}|${row.locale}`;
    const sum = deflection.get(key) ?? { visits: 0, opened: 0, deflected: 0 };
    sum.visits += row.contactVisits;
    sum.opened += row.visitsOpened;
    sum.deflected += row.visitsOpenedNoTicket;
    deflection.set(key, sum);
  }
  const afterSuggestion = count(
    tickets.filter((t) => t.openedSuggestion),
    (t) => `${weekOfDay(t.receivedAt)}|${t.locale}`,
  );
  const deflectionRows = weekIds.flatMap((week) =>
    shownLocales.map((locale) => {
      const key = `${week}|${locale}`;
      const sum = deflection.get(key) ?? { visits: 0, opened: 0, deflected: 0 };
      return {
        week,
        locale,
        contactVisits: sum.visits,
        visitsOpened: sum.opened,
        deflected: sum.deflected,
        deflectionRate: sum.visits === 0 ? null : round(sum.deflected / sum.visits, 4),
        tickets: ticketsByWeekLocale.get(key) ?? 0,
        ticketsAfterSuggestion: afterSuggestion.get(key) ?? 0,
      };
    }),
  );

  // SLA attainment per team and week of receipt: of the tickets whose outcome is known (replied,
  // or past due without a reply), the share answered within target. Reply times are those of the
  // tickets replied to: median and 90th percentile (nearest rank), in the target's own clock.
  const outcomesOf = new Map<string, TicketSla[]>();
  for (const t of tickets) {
    const key = `${weekOfDay(t.receivedAt)}|${t.team}`;
    const outcomes = outcomesOf.get(key) ?? [];
    outcomes.push(sources.sla(t, sources.now));
    outcomesOf.set(key, outcomes);
  }
  const slaRows = weekIds.flatMap((week) =>
    shownTeams.map((team) => {
      const outcomes = outcomesOf.get(`${week}|${team}`) ?? [];
      const achieved = outcomes.filter((o) => o.state === 'achieved').length;
      const breached = outcomes.filter((o) => o.state === 'breached').length;
      const hours = outcomes
        .map((o) => o.replyHours)
        .filter((h): h is number => h !== null)
        .sort((a, b) => a - b);
      return {
        week,
        team,
        tickets: outcomes.length,
        replied: hours.length,
        withinTarget: achieved,
        breached,
        attainment: achieved + breached === 0 ? null : round(achieved / (achieved + breached), 4),
        medianHours: nearestRank(hours, 0.5),
        p90Hours: nearestRank(hours, 0.9),
      };
    }),
  );

  // Right now, whatever the window: tickets waiting for a first reply, at risk and past due.
  const awaiting = (await store.ticketsAwaitingReply()).filter((t) => inLocale(t.locale));
  const atRiskNow = shownTeams.map((team) => {
    const states = awaiting
      .filter((t) => t.team === team)
      .map((t) => sources.sla(t, sources.now).state);
    return {
      team,
      awaiting: states.length,
      atRisk: states.filter((s) => s === 'at-risk').length,
      breached: states.filter((s) => s === 'breached').length,
    };
  });

  const perWeek = (key: (t: ReportTicket) => string, name: string) => {
    const counts = count(tickets, (t) => `${weekOfDay(t.receivedAt)}|${key(t)}`);
    return [...counts]
      .map(([k, n]) => {
        const [week, value] = k.split('|') as [string, string];
        return { week, [name]: value, tickets: n };
      })
      .sort(
        (a, b) =>
          a.week.localeCompare(b.week) ||
          b.tickets - a.tickets ||
          String(a[name]).localeCompare(String(b[name])),
      );
  };

  const queries = async (which: 'no-result' | 'no-click') =>
    (await store.searchQueries(fromDay, toDay, which, topRows * locales.length))
      .filter((row) => inLocale(row.locale))
      .slice(0, topRows)
      .map((row) => ({
        locale: row.locale,
        query: row.query,
        searches: row.searches,
        count: row.count,
      }));

  const flagged = (await store.flagCounts(startOfDay(fromDay), startOfDay(toDay)))
    .filter((row) => inLocale(row.locale))
    .sort(
      (a, b) =>
        b.flags + b.supporters - (a.flags + a.supporters) || a.articleId.localeCompare(b.articleId),
    )
    .slice(0, topRows)
    .map((row) => ({
      article: row.articleId,
      locale: row.locale,
      flags: row.flags,
      supporters: row.supporters,
      open: row.open,
      reasons: reasonList(row.reasons),
    }));

  // Least helpful: revisions with at least one "no", most "no" first, then the lowest share of "yes".
  const leastHelpful = (await votes.tallies({ since: fromDay, until: toDay }))
    .filter((row) => inLocale(row.locale) && row.no > 0)
    .map((row) => ({ row, share: row.yes / (row.yes + row.no) }))
    .sort(
      (a, b) =>
        b.row.no - a.row.no || a.share - b.share || a.row.articleId.localeCompare(b.row.articleId),
    )
    .slice(0, topRows)
    .map(({ row, share }) => ({
      article: row.articleId,
      locale: row.locale,
      revision: row.revision,
      yes: row.yes,
      no: row.no,
      helpfulShare: round(share, 4),
      reasons: reasonList(row.reasons),
    }));

  const comments = (
    await votes.recentComments({
      since: fromDay,
      until: toDay,
      limit: topRows * 2,
      ...(request.locale ? { locale: request.locale } : {}),
    })
  ).map((row) => ({
    day: row.at.slice(0, 10),
    article: row.articleId,
    locale: row.locale,
    reason: row.reason,
    comment: row.comment,
  }));

  const translations = sources.translations();
  const translationRows = shownLocales
    .filter((locale) => locale !== 'en')
    .map((locale) => {
      const states = translations.map((article) => ({
        id: article.id,
        state: article.states[locale],
      }));
      const of = (state: string) => states.filter((s) => s.state === state);
      return {
        locale,
        current: of('current').length,
        outdated: of('outdated').length,
        summary: of('summary').length,
        missing: of('missing').length,
        outdatedArticles: of('outdated')
          .map((s) => s.id)
          .join(' '),
      };
    });

  const overdue = Object.entries(await sources.freshness())
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([owner, entries]) =>
      entries.map((entry) => ({
        owner,
        article: entry.articleId,
        reason: entry.reason,
        reviewBy: entry.reviewBy,
      })),
    );

  const deliveryCounts = await sources.deliveries.counts();
  const delivery = (['email', 'webhook'] as const)
    .map((target) => ({ target, ...deliveryCounts[target] }))
    .filter((row) => row.pending + row.delivered + row.dead > 0);

  return {
    generatedAt: sources.now.toISOString(),
    topicTitles: sources.topicTitles,
    weeks,
    request,
    tables: {
      'self-service': table('self-service', selfService),
      deflection: table('deflection', deflectionRows),
      sla: table('sla', slaRows),
      'at-risk-now': table('at-risk-now', atRiskNow),
      channels: table(
        'channels',
        perWeek((t) => t.channel, 'channel'),
      ),
      topics: table(
        'topics',
        perWeek((t) => t.topic, 'topic'),
      ),
      'no-result': table('no-result', await queries('no-result')),
      'no-click': table('no-click', await queries('no-click')),
      flagged: table('flagged', flagged),
      'least-helpful': table('least-helpful', leastHelpful),
      comments: table('comments', comments),
      translations: table('translations', translationRows),
      overdue: table('overdue', overdue),
      delivery: table('delivery', delivery),
    },
  };
}

/** The nearest-rank percentile of sorted values: the smallest value with at least p of them at
 * or below it. Null for no values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!, 2);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** "wrong 3, unclear 1": most frequent first. */
function reasonList(reasons: Record<string, number>): string {
  return Object.entries(reasons)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
}
