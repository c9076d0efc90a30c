/**
 * The tickets team managers should look at: at risk of missing their first-reply target, or past
 * it. Read by GET /api/sla/tickets and the agents' page /agents/<locale>/sla/. A pending ticket
 * past its due time is breached here even before anything marks it so in the database.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Locale } from '../../i18n/locales.ts';
import { calendarOf, roundShare } from '../helpdesk/apply-events.ts';
import type { FieldError } from '../problem.ts';
import { fieldErrorsOf } from '../problem.ts';
import { ticketSlaStatus } from '../sla/first-reply.ts';
import type { SlaState, TicketStore } from '../store/types.ts';
import type { SupportConfig } from '../support/types.ts';

export const slaListStates = ['at-risk', 'breached'] as const;
export type SlaListState = (typeof slaListStates)[number];

export interface SlaListFilter {
  /** Which tickets: at risk, breached, or both (default). */
  states: SlaListState[];
  /** One team's tickets ("email-en"); default every team. */
  team?: string;
  /** Tickets received in the last this many days. Default 30, range 1–366. */
  days: number;
}

export interface SlaListEntry {
  reference: string;
  team: string;
  locale: Locale;
  topic: string;
  priority: 'normal' | 'urgent';
  /** ISO instant the ticket arrived. */
  receivedAt: string;
  /** ISO instant the first reply is (was) due, moved by pauses. */
  dueAt: string;
  /** Share of the target used, 1 at the due time (3 decimals). */
  usedShare: number;
  state: SlaListState;
  firstReplyAt: string | null;
}

export interface SlaList {
  generatedAt: string;
  /** The at-risk share from sla-policies.yaml. */
  atRiskShare: number;
  /** The time zone the teams work in, for showing times (every default team: Europe/Amsterdam). */
  timeZone: string;
  filter: SlaListFilter;
  /** Most urgent first: earliest due time first. */
  tickets: SlaListEntry[];
}

/** Most tickets read per list; far more than a team's open queue. */
const MAX_CANDIDATES = 5000;

/** Stored states that can turn out at risk or breached when read now. */
const candidates: Record<SlaListState, SlaState[]> = {
  'at-risk': ['pending'],
  breached: ['pending', 'paused', 'breached'],
};

/** The query (?state=at-risk|breached&team=email-en&days=30), checked with friendly messages. */
export function slaListQuerySchema(teamIds: readonly string[]) {
  return z.object({
    state: z
      .enum(slaListStates, { error: `state must be one of: ${slaListStates.join(', ')}` })
      .optional(),
    team: z
      .string()
      .refine((team) => teamIds.includes(team), {
        error: `team must be one of: ${teamIds.join(', ')}`,
      })
      .optional(),
    days: z
      .string()
      .regex(/^\d{1,3}$/, { error: 'days must be a whole number from 1 to 366' })
      .transform(Number)
      .refine((days) => days >= 1 && days <= 366, {
        error: 'days must be a whole number from 1 to 366',
      })
      .optional(),
  });
}

export function parseSlaListQuery(
  query: Record<string, string | undefined>,
  support: SupportConfig,
): { ok: true; filter: SlaListFilter } | { ok: false; errors: FieldError[] } {
  const result = slaListQuerySchema(support.teams.map((team) => team.id)).safeParse(query);
  if (!result.success)
    return {
      ok: false,
      errors: fieldErrorsOf(result.error.issues),
    };
  const { state, team, days } = result.data;
  return {
    ok: true,
    filter: {
      states: state ? [state] : [...slaListStates],
      days: days ?? 30,
      ...(team ? { team } : {}),
    },
  };
}

export async function listSlaTickets(
  deps: { store: TicketStore; support: SupportConfig; now: () => Temporal.Instant },
  filter: SlaListFilter,
): Promise<SlaList> {
  const now = deps.now();
  const stored = [...new Set(filter.states.flatMap((state) => candidates[state]))];
  const tickets = await deps.store.listForSla({
    states: stored,
    ...(filter.team ? { team: filter.team } : {}),
    receivedFrom: now.subtract({ hours: 24 * filter.days }).toString({ fractionalSecondDigits: 3 }),
    limit: MAX_CANDIDATES,
  });
  const entries: SlaListEntry[] = [];
  for (const ticket of tickets) {
    const status = ticketSlaStatus(
      ticket,
      calendarOf(deps.support, ticket),
      now,
      deps.support.atRisk,
    );
    const state = status.state;
    if (state !== 'at-risk' && state !== 'breached') continue;
    if (!filter.states.includes(state)) continue;
    entries.push({
      reference: ticket.reference,
      team: ticket.team,
      locale: ticket.locale,
      topic: ticket.topic,
      priority: ticket.priority,
      receivedAt: ticket.receivedAt,
      dueAt: status.dueAt,
      usedShare: roundShare(status.usedShare),
      state,
      firstReplyAt: ticket.firstReplyAt,
    });
  }
  entries.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return {
    generatedAt: now.toString({ fractionalSecondDigits: 3 }),
    atRiskShare: deps.support.atRisk,
    timeZone: deps.support.teams[0]?.timeZone ?? 'UTC',
    filter,
    tickets: entries,
  };
}
