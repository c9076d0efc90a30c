/**
 * The leads' reports from the service's own dependencies: stores, support configuration (teams,
 * calendars, the at-risk share), content/ (translations, freshness) and the clock. The reports
 * API and the agents' reports page both call `reportFor`, so they show the same figures.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { locales } from '../../i18n/locales.ts';
import { readTranslationStatus } from '../../lib/translation-status.ts';
import { contentFreshness } from '../content/freshness.ts';
import type { ContentRepository } from '../content/repository.ts';
import type { FieldError } from '../problem.ts';
import { fieldErrorsOf } from '../problem.ts';
import { ticketSlaStatus } from '../sla/first-reply.ts';
import type { Stores } from '../store/types.ts';
import { hasRole, type Role } from '../auth/roles.ts';
import type { SupportConfig } from '../support/types.ts';
import { buildReport, type Report, type ReportRequest, type TicketSla } from './build.ts';
import { maxReportWeeks } from './period.ts';

export interface ReportDeps {
  stores: Stores;
  support: SupportConfig;
  content: ContentRepository;
  now: () => Date;
}

export async function reportFor(request: ReportRequest, deps: ReportDeps): Promise<Report> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  return buildReport(request, {
    store: deps.stores.reports,
    votes: deps.stores.votes,
    deliveries: deps.stores.deliveries,
    now,
    teams: deps.support.teams.filter((team) => team.channel === 'email').map((team) => team.id),
    topicTitles: Object.fromEntries(deps.support.topics.map((topic) => [topic.id, topic.title])),
    sla: (ticket, at): TicketSla => {
      const team = deps.support.teamById(ticket.team) ?? deps.support.team(ticket.locale, 'email');
      if (!team) throw new Error(`no team "${ticket.team}" nor an email team for ${ticket.locale}`);
      const status = ticketSlaStatus(
        ticket,
        team.businessCalendar,
        Temporal.Instant.fromEpochMilliseconds(at.getTime()),
        deps.support.atRisk,
      );
      return {
        state: status.state === 'pending' ? 'on-track' : status.state,
        replyHours: status.timeToFirstReply?.targetClockHours ?? null,
      };
    },
    freshness: async () =>
      contentFreshness(deps.content, await deps.stores.verifications.latest(), today).report,
    translations: () => readTranslationStatus(deps.content.dir),
  });
}

/**
 * Reports remembered for the minute they were made in: a month of tickets takes about a second
 * to work out, and a lead who reads the page and downloads a few of its tables as CSV gets the
 * same figures each time without paying for it again.
 */
export function rememberedReports(deps: ReportDeps): (request: ReportRequest) => Promise<Report> {
  const made = new Map<string, Promise<Report>>();
  return (request) => {
    const minute = Math.floor(deps.now().getTime() / 60_000);
    const key = `${minute}|${request.weeks}|${request.locale ?? 'all'}|${request.team ?? 'all'}`;
    let report = made.get(key);
    if (!report) {
      for (const old of made.keys()) if (!old.startsWith(`${minute}|`)) made.delete(old);
      report = reportFor(request, deps);
      made.set(key, report);
      // A failure is not remembered: the next request tries again.
      report.catch(() => made.delete(key));
    }
    return report;
  };
}

/** Readers' comments are for leads only: a team manager's report leaves them out. */
export function forRole(report: Report, role: Role): Report {
  if (hasRole(role, 'lead')) return report;
  const { comments: _left, ...tables } = report.tables;
  return { ...report, tables: tables as Report['tables'] };
}

/** What the page and the API accept: ?weeks=1–26 (default 4), ?locale=<locale>, ?team=<id>. */
export function parseReportRequest(
  query: Record<string, string | undefined>,
  support: SupportConfig,
): { ok: true; request: ReportRequest } | { ok: false; errors: FieldError[] } {
  const teams = support.teams.filter((team) => team.channel === 'email').map((team) => team.id);
  const schema = z.object({
    weeks: z.coerce
      .number({ error: 'weeks must be a whole number' })
      .int({ error: 'weeks must be a whole number' })
      .min(1, { error: 'weeks must be at least 1' })
      .max(maxReportWeeks, { error: `weeks must be at most ${maxReportWeeks}` })
      .default(4),
    locale: z
      .enum([...locales, 'all'], { error: `locale must be "all" or one of: ${locales.join(', ')}` })
      .default('all'),
    team: z
      .string()
      .refine((team) => team === 'all' || teams.includes(team), {
        error: `team must be "all" or one of: ${teams.join(', ')}`,
      })
      .default('all'),
  });
  const blank = (value: string | undefined) => (value === '' ? undefined : value);
  const parsed = schema.safeParse({
    weeks: blank(query.weeks),
    locale: blank(query.locale),
    team: blank(query.team),
  });
  if (!parsed.success)
    return {
      ok: false,
      errors: fieldErrorsOf(parsed.error.issues),
    };
  const { weeks, locale, team } = parsed.data;
  return {
    ok: true,
    request: {
      weeks,
      locale: locale === 'all' ? null : locale,
      team: team === 'all' ? null : team,
    },
  };
}
