/** The rows the leads' reports read, mapped the same from either database. */
import type {
  DailyDeflection,
  DailyVisitors,
  FlagCount,
  QueryCount,
  ReportTicket,
} from '../types.ts';
import { booleanColumn, optionalText, type Row } from './columns.ts';

export function reportTicketFromRow(row: Row): ReportTicket {
  const optional = (key: string) => optionalText(row, key);
  return {
    id: row['id'] as string,
    locale: row['locale'] as ReportTicket['locale'],
    team: row['team'] as string,
    topic: row['topic'] as string,
    channel: row['channel'] as string,
    receivedAt: row['received_at'] as string,
    firstReplyStartsAt: row['first_reply_starts_at'] as string,
    firstReplyDueAt: row['first_reply_due_at'] as string,
    firstReplyHours: Number(row['first_reply_hours']),
    firstReplyClock: row['first_reply_clock'] as ReportTicket['firstReplyClock'],
    firstReplyAt: optional('first_reply_at'),
    pausedMs: Number(row['paused_ms']),
    pausedSince: optional('paused_since'),
    solvedAt: optional('solved_at'),
    openedSuggestion: booleanColumn(row['opened_suggestion']),
  };
}

export function dailyVisitorsFromRow(row: Row): DailyVisitors {
  return {
    day: row['day'] as string,
    locale: row['locale'] as string,
    visitors: Number(row['visitors']),
  };
}

export function dailyDeflectionFromRow(row: Row): DailyDeflection {
  return {
    day: row['day'] as string,
    locale: row['locale'] as string,
    contactVisits: Number(row['contact_visits']),
    visitsWithSuggestions: Number(row['visits_with_suggestions']),
    visitsOpened: Number(row['visits_opened']),
    visitsOpenedNoTicket: Number(row['visits_opened_no_ticket']),
    visitsWithTicket: Number(row['visits_with_ticket']),
  };
}

export function queryCountFromRow(row: Row): QueryCount {
  return {
    locale: row['locale'] as string,
    query: row['query'] as string,
    searches: Number(row['searches']),
    count: Number(row['count']),
  };
}

/** An article's flag counts; the reasons are counted by a query of their own on SQLite. */
export function flagCountFromRow(row: Row, reasons: Record<string, number>): FlagCount {
  return {
    articleId: row['article_id'] as string,
    locale: row['locale'] as string,
    flags: Number(row['flags']),
    supporters: Number(row['supporters']),
    open: Number(row['open']),
    reasons,
  };
}
