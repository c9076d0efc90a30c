/**
 * The email a support team gets for a new ticket, in the team's language: the customer's words,
 * their context (article, search, suggestions) and the SLA due time in the team's time zone.
 * Reply-To is the customer, so answering the email answers them.
 */
import { languageName, useTranslations } from '../../i18n/index.ts';
import { localeInfo, type Locale } from '../../i18n/locales.ts';
import { formatDue } from '../../lib/format-due.ts';
import type { StoredTicket } from '../store/types.ts';
import type { SupportConfig, Team } from '../support/types.ts';
import { articleUrl } from './ticket-payload.ts';

/** Quotation marks around the customer's search, as each language writes them. */
const quotes: Record<Locale, [string, string]> = {
  en: ['“', '”'],
  nl: ['‘', '’'],
  de: ['„', '“'],
  fr: ['«\u00a0', '\u00a0»'],
  it: ['«', '»'],
  es: ['«', '»'],
  ru: ['«', '»'],
  ko: ['“', '”'],
};

/** The domain in Message-IDs: a repeat of a delivery carries the same Message-ID. */
export const messageIdDomain = 'hammerbid-help-centre';

export interface TicketEmail {
  to: string;
  replyTo: { name: string; address: string };
  subject: string;
  text: string;
  /** `<key@hammerbid-help-centre>`: mail clients and helpdesks fold repeats into one. */
  messageId: string;
  headers: Record<string, string>;
}

export function composeTicketEmail(
  ticket: StoredTicket,
  team: Team & { address: string },
  options: { idempotencyKey: string; siteUrl: string; support: SupportConfig },
): TicketEmail {
  const locale = team.locale;
  const t = useTranslations(locale);
  const none = t('delivery.email.none');
  const link = (id: string) => `${id} – ${articleUrl(options.siteUrl, ticket.locale, id)}`;
  const list = (ids: string[]) =>
    ids.length === 0 ? [`  ${none}`] : ids.map((id) => `  - ${link(id)}`);
  const when = (instant: string) => formatDue(locale, instant, team.timeZone);
  const topic = options.support.topic(ticket.topic)?.title[locale] ?? ticket.topic;
  const customer = ticket.name ? `${ticket.name} <${ticket.email}>` : ticket.email;
  const urgent = ticket.priority === 'urgent';

  // French puts a (no-break) space before the colon.
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  const line = (label: string, value: string) => `${label}${colon} ${value}`;
  const [open, close] = quotes[locale];

  const lines = [
    t('delivery.email.intro', { customer }),
    '',
    line(t('delivery.email.reference'), ticket.reference),
    line(t('contact.form.subject'), ticket.subject),
    line(t('contact.form.topic'), topic),
    line(t('delivery.email.role'), t(`contact.form.role.${ticket.role}`)),
    line(t('delivery.email.language'), `${languageName(locale, ticket.locale)} (${ticket.locale})`),
    line(t('delivery.email.priority'), t(`delivery.email.priority.${ticket.priority}`)),
    line(t('delivery.email.due'), when(ticket.firstReplyDueAt)),
    line(t('delivery.email.received'), when(ticket.receivedAt)),
    '',
    `${t('contact.form.message')}${colon}`,
    '',
    ticket.message,
    '',
    `${t('delivery.email.context')}${colon}`,
    line(t('delivery.email.article'), ticket.articleId ? link(ticket.articleId) : none),
    line(
      t('delivery.email.search'),
      ticket.searchQuery ? `${open}${ticket.searchQuery}${close}` : none,
    ),
    `${t('delivery.email.shown')}${colon}`,
    ...list(ticket.shownArticles),
    `${t('delivery.email.opened')}${colon}`,
    ...list(ticket.openedArticles),
    `${t('delivery.email.suggested')}${colon}`,
    ...list(ticket.suggestedArticles),
    '',
    '-- ',
    t('delivery.email.footer', { key: options.idempotencyKey }),
  ];
  return {
    to: team.address,
    replyTo: { name: ticket.name ?? '', address: ticket.email },
    subject: t(urgent ? 'delivery.email.subjectUrgent' : 'delivery.email.subject', {
      reference: ticket.reference,
      subject: ticket.subject,
    }),
    text: lines.join('\n') + '\n',
    messageId: `<${options.idempotencyKey}@${messageIdDomain}>`,
    headers: {
      'X-Idempotency-Key': options.idempotencyKey,
      'X-Hammerbid-Ticket': ticket.reference,
      'Content-Language': localeInfo[locale].tag,
    },
  };
}
