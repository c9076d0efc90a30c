/**
 * The ticket as the support team's tools receive it: reference, message, the customer's context
 * (the article they came from, what they searched, the suggestions shown and opened) and the SLA
 * due time. The webhook body is this object as JSON; the email shows the same facts as text.
 */
import type { Locale } from '../../i18n/locales.ts';
import { urls } from '../../lib/urls.ts';
import type { StoredTicket, TicketPriority, TicketRole } from '../store/types.ts';

/** An article with its public address, so the receiver can link it without knowing our URLs. */
export interface ArticleLink {
  id: string;
  url: string;
}

export interface TicketPayload {
  /** Always "ticket.created": one kind of event today, named so others can follow. */
  type: 'ticket.created';
  /** The delivery's key, also in the Idempotency-Key header: the same on every retry. */
  idempotencyKey: string;
  ticket: {
    reference: string;
    receivedAt: string;
    locale: Locale;
    /** Id of the team that owns the first reply (content/support/teams.yaml). */
    team: string;
    topic: string;
    role: TicketRole;
    priority: TicketPriority;
    customer: { email: string; name: string | null };
    subject: string;
    message: string;
    /** The article the customer came from, if any. */
    article: ArticleLink | null;
    /** What the customer searched for before writing. */
    searchQuery: string | null;
    /** Articles the help centre suggested while they wrote. */
    shownArticles: ArticleLink[];
    /** Suggested articles they opened. */
    openedArticles: ArticleLink[];
    /** Articles the service matched to the ticket text, for the agent. */
    suggestedArticles: ArticleLink[];
    sla: {
      firstReplyDueAt: string;
      firstReplyHours: number;
      clock: 'calendar' | 'business';
      /** First business moment at or after receipt: where the clock started. */
      startsAt: string;
    };
  };
}

/** The public address of an article in a locale, on the help centre at `siteUrl`. */
export function articleUrl(siteUrl: string, locale: Locale, id: string): string {
  return new URL(urls.article(locale, id), siteUrl).toString();
}

export function ticketPayload(
  ticket: StoredTicket,
  idempotencyKey: string,
  siteUrl: string,
): TicketPayload {
  const link = (id: string): ArticleLink => ({ id, url: articleUrl(siteUrl, ticket.locale, id) });
  return {
    type: 'ticket.created',
    idempotencyKey,
    ticket: {
      reference: ticket.reference,
      receivedAt: ticket.receivedAt,
      locale: ticket.locale,
      team: ticket.team,
      topic: ticket.topic,
      role: ticket.role,
      priority: ticket.priority,
      customer: { email: ticket.email, name: ticket.name },
      subject: ticket.subject,
      message: ticket.message,
      article: ticket.articleId ? link(ticket.articleId) : null,
      searchQuery: ticket.searchQuery,
      shownArticles: ticket.shownArticles.map(link),
      openedArticles: ticket.openedArticles.map(link),
      suggestedArticles: ticket.suggestedArticles.map(link),
      sla: {
        firstReplyDueAt: ticket.firstReplyDueAt,
        firstReplyHours: ticket.firstReplyHours,
        clock: ticket.firstReplyClock,
        startsAt: ticket.firstReplyStartsAt,
      },
    },
  };
}
