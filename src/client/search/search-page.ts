import { isLocale, type Locale } from '../../i18n/locales.ts';
import { countText, fill, type SearchStrings } from '../../i18n/search-text.ts';
import { searchSettler } from '../analytics/beacon.ts';
import { asYouType } from './as-you-type.ts';
import { loadSiteSearch, type SearchHit } from './engine.ts';
import { resultLink, segmentsInto, trailText } from './render.ts';

/**
 * The search page: runs the query from ?q= (and as the reader types), draws result cards, and
 * filters them by category and audience with counts (values that would show nothing are left
 * out). The page title carries the query; the contact links carry it too.
 */

const pageSize = 10;

export function mountSearchPage(
  root: HTMLElement | null,
  form: HTMLFormElement | null,
  contact: HTMLElement | null,
): void {
  const locale = root?.dataset['locale'];
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!root || !form || !input || !isLocale(locale)) return;
  const view = elementsOf(root);
  if (!view) return;
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as SearchStrings;
  const siteName = document.title.split(' · ').at(-1) ?? '';
  const originalTitle = document.title;
  let hits: SearchHit[] = [];
  let shown = pageSize;
  let latest = 0;
  // What leads see in the reports: settled queries, their result counts, the results opened.
  const events = searchSettler(locale, 'search');

  const filters = () => ({
    category: view.filters.querySelector<HTMLInputElement>('input[name="category"]:checked')?.value ?? '',
    audience: view.filters.querySelector<HTMLInputElement>('input[name="audience"]:checked')?.value ?? '',
  });
  const matchesAudience = (hit: SearchHit, audience: string) =>
    !audience || hit.doc.audience === audience || hit.doc.audience === 'both';

  const draw = () => {
    const query = input.value.trim();
    const { category, audience } = filters();
    const visible = hits.filter(
      (hit) => (!category || hit.categoryId === category) && matchesAudience(hit, audience),
    );
    drawFilters(view, hits, category, audience, strings, matchesAudience, root);
    view.filters.hidden = hits.length === 0;
    view.count.textContent = query ? countText(strings, locale, visible.length) : '';
    view.results.replaceChildren(...visible.slice(0, shown).map((hit) => card(hit, strings)));
    view.more.hidden = visible.length <= shown;
    view.none.hidden = !query || visible.length > 0;
    view.noneTitle.textContent = fill(strings.noResults, { query });
    root.dataset['settled'] = query;
  };

  const run = async (query: string) => {
    const ticket = ++latest;
    updateLocation(query);
    document.title = query ? `${fill(strings.titleWithQuery, { query })} · ${siteName}` : originalTitle;
    updateContact(contact, query);
    if (!query) {
      hits = [];
      events.settle('', 0); // the query was taken back before it settled
      draw();
      return;
    }
    view.count.textContent = strings.searching;
    try {
      const search = await loadSiteSearch(locale);
      const outcome = await search.search(query);
      if (ticket !== latest) return;
      hits = outcome.hits;
    } catch {
      if (ticket !== latest) return;
      hits = [];
      view.count.textContent = strings.unavailable;
      return;
    }
    shown = pageSize;
    draw();
    events.settle(query, hits.length);
  };

  input.value = new URLSearchParams(location.search).get('q') ?? '';
  if (!input.value) input.focus();
  input.addEventListener('input', asYouType(() => run(input.value.trim())));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value.trim()).then(events.now);
  });
  const opened = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const card = (event.target as Element).closest<HTMLElement>('a')?.closest<HTMLElement>('[data-search-result]');
    if (!card) return;
    const rank = [...view.results.children].indexOf(card) + 1;
    events.opened(root.dataset['settled'] ?? input.value.trim(), rank, card.dataset['searchResult']!);
  };
  view.results.addEventListener('click', opened);
  view.results.addEventListener('auxclick', opened);
  view.filters.addEventListener('change', () => {
    shown = pageSize;
    draw();
  });
  view.more.addEventListener('click', () => {
    shown += pageSize;
    draw();
    view.results.querySelectorAll('a')[shown - pageSize]?.focus();
  });
  void run(input.value.trim());
}

function elementsOf(root: HTMLElement) {
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const filters = find('[data-filters]');
  const count = find('[data-count]');
  const results = find('[data-results]');
  const more = find<HTMLButtonElement>('[data-more]');
  const none = find('[data-none]');
  const noneTitle = find('[data-none-title]');
  if (!filters || !count || !results || !more || !none || !noneTitle) return undefined;
  return { filters, count, results, more, none, noneTitle };
}

function card(hit: SearchHit, strings: SearchStrings): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'result-card';
  item.dataset['searchResult'] = hit.doc.id;
  const heading = document.createElement('h2');
  heading.append(resultLink(hit, strings));
  const trail = Object.assign(document.createElement('p'), {
    className: 'result-card__trail',
    textContent: trailText(hit),
  });
  const excerpt = Object.assign(document.createElement('p'), { className: 'result-card__excerpt' });
  excerptLoaders.set(excerpt, () =>
    void hit.excerpt().then((segments) => {
      if (segments.length) segmentsInto(excerpt, segments);
    }),
  );
  excerptsInView().observe(excerpt);
  item.append(heading, trail, excerpt);
  return item;
}

/**
 * A card gets its excerpt when it comes near the screen: the passage of the article text that
 * matched, or the description. Each is a download (a fragment, or a file of descriptions), so a
 * phone that shows three cards downloads three, not ten.
 */
const excerptLoaders = new WeakMap<Element, () => void>();
let excerptObserver: IntersectionObserver | undefined;
function excerptsInView(): IntersectionObserver {
  excerptObserver ??= new IntersectionObserver(
    (entries, observer) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        excerptLoaders.get(entry.target)?.();
        excerptLoaders.delete(entry.target);
      }
    },
    { rootMargin: '200px 0px' },
  );
  return excerptObserver;
}

/** Chips with counts; a value that would show nothing is not offered. */
function drawFilters(
  view: NonNullable<ReturnType<typeof elementsOf>>,
  hits: SearchHit[],
  category: string,
  audience: string,
  strings: SearchStrings,
  matchesAudience: (hit: SearchHit, audience: string) => boolean,
  root: HTMLElement,
) {
  const categoryField = view.filters.querySelector<HTMLFieldSetElement>('[data-filter="category"]')!;
  const inAudience = hits.filter((hit) => matchesAudience(hit, audience));
  const counts = new Map<string, { title: string; count: number }>();
  for (const hit of inAudience) {
    if (!hit.categoryId || !hit.trail) continue;
    const entry = counts.get(hit.categoryId) ?? { title: hit.trail.category, count: 0 };
    entry.count++;
    counts.set(hit.categoryId, entry);
  }
  const allLabel = root.querySelector<HTMLTemplateElement>('[data-filter-all]')?.content.textContent ?? '';
  const chip = (value: string, label: string, count: number, checked: boolean) => {
    const labelElement = document.createElement('label');
    const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'category', value, checked });
    labelElement.append(radio, `${label} `, Object.assign(document.createElement('span'), { className: 'chips__count', textContent: `(${count})` }));
    return labelElement;
  };
  const legend = categoryField.querySelector('legend')!;
  const stillThere = !category || counts.has(category);
  categoryField.replaceChildren(
    legend,
    chip('', allLabel, inAudience.length, !category || !stillThere),
    ...[...counts].map(([id, { title, count }]) => chip(id, title, count, id === category)),
  );
  categoryField.hidden = counts.size < 2 && !category;
  // Audience: hide a choice that would show nothing within the chosen category.
  const inCategory = hits.filter((hit) => !category || !stillThere || hit.categoryId === category);
  for (const radio of view.filters.querySelectorAll<HTMLInputElement>('input[name="audience"]')) {
    const n = inCategory.filter((hit) => matchesAudience(hit, radio.value)).length;
    radio.parentElement!.hidden = radio.value !== '' && n === 0 && radio.value !== audience;
  }
  void strings;
}

function updateLocation(query: string) {
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url.pathname + url.search);
}

/** "Still need help?" takes what the reader searched for to the contact form. */
function updateContact(contact: HTMLElement | null, query: string) {
  if (!(contact instanceof HTMLAnchorElement)) return;
  const url = new URL(contact.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  contact.href = url.pathname + url.search;
}

export type { Locale };
