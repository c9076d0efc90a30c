/**
 * The confirmation page after a form post (/<locale>/contact/sent/?ref=HB-…) is static HTML
 * that a script fills in from /api/tickets/:reference. Without scripts it would show "—", so on
 * Node the server fills in the reference and the due time before sending it, and marks the page
 * `data-filled="true"` so the script leaves it alone.
 */
import type { Locale } from '../i18n/locales.ts';
import { fill, formatDue } from '../lib/format-due.ts';

export interface ConfirmationDetails {
  reference: string;
  /** ISO instant the first reply is due. */
  dueAt: string;
  /** The team's time zone: the server does not know the reader's, so it names the team's. */
  timeZone: string;
}

/** The page with the ticket filled in; unchanged when the page lacks the expected markers. */
export function fillConfirmationPage(
  html: string,
  locale: Locale,
  details: ConfirmationDetails,
): string {
  const template = /\bdata-due-template="([^"]*)"/.exec(html)?.[1];
  const due = fill(unescapeAttribute(template ?? '{{when}}'), {
    when: formatDue(locale, details.dueAt, details.timeZone, 'long'),
  });
  return html
    .replace(/(<[^>]*\bdata-confirmation\b)/, '$1 data-filled="true"')
    .replace(
      /(<strong\b[^>]*\bdata-ticket-reference\b[^>]*>)[^<]*(<\/strong>)/,
      (_match, open: string, close: string) => `${open}${escapeText(details.reference)}${close}`,
    )
    .replace(
      /<p\b([^>]*\bdata-ticket-due\b[^>]*)>[^<]*<\/p>/,
      (_match, attributes: string) =>
        `<p${attributes.replace(/\s+hidden(?:="[^"]*")?/, '')}>${escapeText(due)}</p>`,
    );
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
