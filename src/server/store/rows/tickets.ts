/** A ticket row as the stores return it, from either database. */
import type { HelpdeskEventRecord, StoredTicket } from '../types.ts';
import { jsonColumn, optionalText, type Row } from './columns.ts';

export function ticketFromRow(row: Row): StoredTicket {
  const text = (key: string) => row[key] as string;
  const optional = (key: string) => optionalText(row, key);
  return {
    id: text('id'),
    reference: text('reference'),
    createdAt: text('created_at'),
    locale: text('locale') as StoredTicket['locale'],
    email: text('email'),
    name: optional('name'),
    role: text('role') as StoredTicket['role'],
    topic: text('topic'),
    priority: text('priority') as StoredTicket['priority'],
    subject: text('subject'),
    message: text('message'),
    articleId: optional('article_id'),
    searchQuery: optional('search_query'),
    shownArticles: jsonColumn<string[]>(row['shown_articles'], []),
    openedArticles: jsonColumn<string[]>(row['opened_articles'], []),
    suggestedArticles: jsonColumn<string[]>(row['suggested_articles'], []),
    // 0/1 in SQLite, a boolean in PostgreSQL.
    suggestionsPending: Boolean(row['suggestions_pending']),
    team: text('team'),
    receivedAt: text('received_at'),
    firstReplyDueAt: text('first_reply_due_at'),
    firstReplyHours: row['first_reply_hours'] as number,
    firstReplyClock: text('first_reply_clock') as StoredTicket['firstReplyClock'],
    firstReplyStartsAt: text('first_reply_starts_at'),
    slaState: text('sla_state') as StoredTicket['slaState'],
    firstReplyAt: optional('first_reply_at'),
    pausedMs: row['paused_ms'] as number,
    pausedSince: optional('paused_since'),
    solvedAt: optional('solved_at'),
  };
}

/** A helpdesk event the ticket already has (external_id, type, at of ticket_events). */
export function helpdeskEventFromRow(row: Row): HelpdeskEventRecord {
  return {
    externalId: row['external_id'] as string,
    type: row['type'] as HelpdeskEventRecord['type'],
    at: row['at'] as string,
  };
}
