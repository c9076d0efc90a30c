import type { SearchStrings } from '../../i18n/search-text.ts';
import type { ExcerptSegment } from '../../search/excerpt.ts';
import type { SearchHit } from './engine.ts';

/**
 * Pieces of a search result shared by the search page, the quick results and the contact page.
 * Everything from an index or a page goes in as text; the only element made from a result is
 * <mark> around a matched word.
 */

export function segmentsInto(parent: HTMLElement, segments: readonly ExcerptSegment[]): void {
  parent.replaceChildren(
    ...segments.map((segment) =>
      segment.mark
        ? Object.assign(document.createElement('mark'), { textContent: segment.text })
        : document.createTextNode(segment.text),
    ),
  );
}

/** "English" next to a title whose article text is English, with the reason as a tooltip. */
export function englishBadge(strings: Pick<SearchStrings, 'inEnglish' | 'englishHint'>): HTMLElement {
  return Object.assign(document.createElement('span'), {
    className: 'badge',
    textContent: strings.inEnglish,
    title: strings.englishHint,
  });
}

/** "Buying › Paying" for a result card. */
export function trailText(hit: SearchHit): string {
  return hit.trail ? [hit.trail.category, hit.trail.section].filter(Boolean).join(' › ') : '';
}

/** A link to a result, marked as English (hreflang and badge) when its text is. */
export function resultLink(hit: SearchHit, strings: SearchStrings, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = hit.doc.url;
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  const title = Object.assign(document.createElement('span'), {
    className: 'result-title',
    textContent: hit.doc.title,
  });
  link.append(title);
  if (hit.doc.english) {
    link.hreflang = 'en';
    link.append(' ', englishBadge(strings));
  }
  return link;
}
