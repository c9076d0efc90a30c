/**
 * Fills a lead's "Was this helpful?" summary on an internal article page from
 * GET /api/votes/summary. Everything readers wrote is set with textContent, so it stays text.
 */
import type { VoteReason } from '../../lib/votes.ts';
import type { VoteSummary, VoteTally } from '../../server/store/types.ts';

/** Texts in the page's language, written in at build time. */
export interface TallyStrings {
  /** "Yes: {{yes}} · No: {{no}}" */
  counts: string;
  none: string;
  reasons: Record<VoteReason, string>;
}

export async function fillTally(section: HTMLElement): Promise<void> {
  const data = section.dataset;
  const strings = JSON.parse(data['strings'] ?? '{}') as TallyStrings;
  const query = new URLSearchParams({
    articleId: data['articleId'] ?? '',
    locale: data['locale'] ?? '',
    revision: data['revision'] ?? '',
  });
  const response = await fetch(`/api/votes/summary?${query}`, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) return;
  const summary = (await response.json()) as VoteSummary;
  const number = new Intl.NumberFormat(data['lang']);
  const total = sum(summary.current);
  const counts = section.querySelector<HTMLElement>('[data-tally-counts]')!;
  counts.textContent =
    total.yes + total.no === 0
      ? strings.none
      : strings.counts
          .replace('{{yes}}', number.format(total.yes))
          .replace('{{no}}', number.format(total.no));
  const reasons = section.querySelector<HTMLElement>('[data-tally-reasons]')!;
  reasons.replaceChildren(
    ...Object.entries(total.reasons)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) =>
        item(`${strings.reasons[reason as VoteReason]}: ${number.format(count)}`),
      ),
  );
  const date = new Intl.DateTimeFormat(data['lang'], { dateStyle: 'medium' });
  const comments = section.querySelector<HTMLElement>('[data-tally-comments]')!;
  comments.replaceChildren(
    ...summary.comments.map((comment) => {
      const li = document.createElement('li');
      const meta = document.createElement('span');
      meta.className = 'muted';
      meta.textContent = [
        comment.reason ? strings.reasons[comment.reason] : '',
        date.format(new Date(comment.at)),
      ]
        .filter(Boolean)
        .join(' · ');
      const text = document.createElement('p');
      text.textContent = comment.comment;
      li.append(meta, text);
      return li;
    }),
  );
}

function item(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

/** The readers' and agents' answers on the revision, together. */
function sum(tallies: VoteTally[]): Pick<VoteTally, 'yes' | 'no' | 'reasons'> {
  const reasons = {} as Record<VoteReason, number>;
  let yes = 0;
  let no = 0;
  for (const tally of tallies) {
    yes += tally.yes;
    no += tally.no;
    for (const [reason, count] of Object.entries(tally.reasons))
      reasons[reason as VoteReason] = (reasons[reason as VoteReason] ?? 0) + count;
  }
  return { yes, no, reasons };
}
