import { isLocale } from '../../i18n/locales.ts';
import { describeInstant, fill, type TimeWords } from '../../lib/format-due.ts';
import { readerTimeZone } from '../../lib/zoned-clock.ts';

/**
 * The confirmation page shows the reference and when the reply is due. The Node service fills
 * both in before sending the page (so it works without scripts), naming the team's time zone, as
 * it cannot know the reader's; this script then says the due time again in the reader's own zone,
 * with the team's beside it. On a static host it fills in both from /api/tickets/:reference.
 */
export async function mountConfirmation(root: HTMLElement): Promise<void> {
  const locale = root.dataset['locale'];
  const referenceSlot = root.querySelector<HTMLElement>('[data-ticket-reference]');
  const dueSlot = root.querySelector<HTMLElement>('[data-ticket-due]');
  if (!isLocale(locale) || !referenceSlot || !dueSlot) return;
  const reference = new URLSearchParams(location.search).get('ref');
  if (!reference || !/^[A-Z0-9-]{4,32}$/.test(reference)) return;
  if (root.dataset['filled'] !== 'true') referenceSlot.textContent = reference;
  const response = await fetch(`/api/tickets/${encodeURIComponent(reference)}`).catch(() => null);
  if (!response?.ok) return;
  const ticket = (await response.json()) as { firstReply?: { dueAt?: string } };
  const dueAt = ticket.firstReply?.dueAt;
  if (!dueAt) return;
  const words = JSON.parse(root.dataset['timeWords'] ?? '{}') as TimeWords;
  dueSlot.textContent = fill(root.dataset['dueTemplate'] ?? '{{when}}', {
    when: describeInstant(locale, dueAt, {
      readerZone: readerTimeZone(),
      teamZone: root.dataset['teamZone'],
      words,
    }),
  });
  dueSlot.dataset['dueAt'] = dueAt;
  dueSlot.hidden = false;
}
