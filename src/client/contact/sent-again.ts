import type { Locale } from '../../i18n/locales.ts';
import { describeInstant, fill, timeWords } from '../../lib/format-due.ts';
import { readerTimeZone } from '../../lib/zoned-clock.ts';

/**
 * After Back from the confirmation page the form can come back filled in (from the back-forward
 * cache, or restored by the browser) with nothing saying it was already sent. The send is
 * remembered in this tab; when the page is shown again with that same request in the form, a note
 * says when it was sent, under which reference, and links to its confirmation.
 */

interface SentRecord {
  reference: string;
  /** ISO instant the service accepted the request (by this browser's clock). */
  sentAt: string;
  /** The visitor's own words, to tell this request from a new one typed later in the tab. */
  fingerprint: string;
}

const key = (locale: Locale) => `hc-contact-sent:${locale}`;

function fingerprintOf(form: HTMLFormElement): string {
  const data = new FormData(form);
  return JSON.stringify(['topic', 'subject', 'message'].map((name) => data.get(name) ?? ''));
}

/** Remembers a request the service accepted, just before leaving for its confirmation. */
export function rememberSent(locale: Locale, form: HTMLFormElement, reference: string): void {
  const record: SentRecord = {
    reference,
    sentAt: new Date().toISOString(),
    fingerprint: fingerprintOf(form),
  };
  try {
    sessionStorage.setItem(key(locale), JSON.stringify(record));
  } catch {
    // No session storage: the note is a courtesy; the idempotency key still prevents a duplicate.
  }
}

function readSent(locale: Locale): SentRecord | null {
  try {
    return JSON.parse(sessionStorage.getItem(key(locale)) ?? 'null') as SentRecord | null;
  } catch {
    return null;
  }
}

/**
 * Shows the note whenever the page is shown (first load, reload, back-forward cache) with the sent
 * request in the form, and calls `onSent` so the caller can drop the draft of it.
 */
export function watchSentAgain(
  locale: Locale,
  form: HTMLFormElement,
  strings: Record<string, string>,
  onSent: () => void,
): void {
  const note = form.querySelector<HTMLElement>('[data-sent-note]');
  if (!note) return;
  const check = () => {
    const sent = readSent(locale);
    const same = sent !== null && sent.fingerprint === fingerprintOf(form);
    note.hidden = !same;
    if (!sent || !same) return;
    const when = describeInstant(locale, sent.sentAt, {
      readerZone: readerTimeZone(),
      words: timeWords(strings),
    });
    note.querySelector('p')!.textContent = fill(strings['contact.sent.again'] ?? '', {
      when,
      reference: sent.reference,
    });
    note.querySelector('a')!.href =
      `/${locale}/contact/sent/?ref=${encodeURIComponent(sent.reference)}`;
    onSent();
  };
  check();
  // A page restored from the back-forward cache runs no scripts again; pageshow still fires. On
  // a fresh load it fires after the browser has put back what the fields held.
  window.addEventListener('pageshow', check);
}
