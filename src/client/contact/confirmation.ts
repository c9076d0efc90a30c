import { isLocale } from '../../i18n/locales.ts';
import { fill, formatDue } from '../../lib/format-due.ts';

/**
 * The confirmation page shows the reference and when the reply is due. The Node service fills
 * both in before sending the page (so it works without scripts); on a static host this script
 * asks the service for the ticket's public view instead.
 */
export async function mountConfirmation(root: HTMLElement): Promise<void> {
  const locale = root.dataset['locale'];
  const referenceSlot = root.querySelector<HTMLElement>('[data-ticket-reference]');
  const dueSlot = root.querySelector<HTMLElement>('[data-ticket-due]');
  if (!isLocale(locale) || !referenceSlot || !dueSlot) return;
  if (root.dataset['filled'] === 'true') return;
  const reference = new URLSearchParams(location.search).get('ref');
  if (!reference || !/^[A-Z0-9-]{4,32}$/.test(reference)) return;
  referenceSlot.textContent = reference;
  const response = await fetch(`/api/tickets/${encodeURIComponent(reference)}`).catch(() => null);
  if (!response?.ok) return;
  const ticket = (await response.json()) as { firstReply?: { dueAt?: string } };
  if (!ticket.firstReply?.dueAt) return;
  dueSlot.textContent = fill(root.dataset['dueTemplate'] ?? '{{when}}', {
    when: formatDue(locale, ticket.firstReply.dueAt),
  });
  dueSlot.hidden = false;
}
