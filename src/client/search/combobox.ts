// As text in this chunk, not a page stylesheet: reading pages carry none of it until a field is focused.
import quickResultsCss from '../../styles/quick-results.css?inline';
import { isLocale } from '../../i18n/locales.ts';
import { countText, fill, type SearchStrings } from '../../i18n/search-text.ts';
import { searchSettler } from '../analytics/beacon.ts';
import { asYouType } from './as-you-type.ts';
import { loadSiteSearch, type SiteSearch } from './engine.ts';
import { trailText, resultLink } from './render.ts';

/**
 * Instant results under a search field, as the ARIA combobox pattern: focus stays in the field,
 * ↑ and ↓ move the active option (announced through aria-activedescendant), Enter opens it or,
 * with none active, the search page; Escape closes the list, or empties the field when it is
 * closed. Options are links, so a click, a middle click or "open in new tab" work as links do.
 * The last option is "all results" or, when nothing fits, contact support with the query.
 */

const maxQuick = 5;

export function attachSearchCombobox(form: HTMLFormElement): void {
  addStylesOnce();
  const input = form.querySelector<HTMLInputElement>('input[role="combobox"]');
  const panel = form.querySelector<HTMLElement>('.quick-results');
  const listbox = panel?.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const locale = form.dataset['locale'];
  if (!input || !panel || !listbox || !status || !isLocale(locale) || form.dataset['attached']) return;
  form.dataset['attached'] = 'true';
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as SearchStrings;
  const contactUrl = form.dataset['contact'] ?? `/${locale}/contact/`;
  let search: SiteSearch | undefined;
  let latest = 0;
  let active = -1;
  let shownQuery = '';
  const events = searchSettler(locale, 'quick');

  const options = () => [...listbox.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = () => {
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const option = (id: string, content: HTMLAnchorElement, className: string) => {
    content.id = id;
    content.setAttribute('role', 'option');
    content.setAttribute('aria-selected', 'false');
    content.tabIndex = -1;
    content.className = className;
    return content;
  };

  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query.length < 2) {
      close();
      events.settle('', 0); // the query was taken back before it settled
      status.textContent = '';
      return;
    }
    try {
      search ??= await loadSiteSearch(locale);
    } catch {
      status.textContent = strings.unavailable;
      return;
    }
    const { hits } = await search.search(query);
    if (ticket !== latest) return; // a newer keystroke already asked
    const shown = hits.slice(0, maxQuick);
    const items = shown.map((hit, i) => {
      const link = option(`${listbox.id}-${i}`, resultLink(hit, strings, { 'data-article': hit.doc.id }), 'quick-results__option');
      const trail = trailText(hit);
      if (trail)
        link.append(Object.assign(document.createElement('span'), { className: 'quick-results__trail', textContent: trail }));
      return link;
    });
    const last = document.createElement('a');
    if (shown.length > 0) {
      last.href = `${form.action}?q=${encodeURIComponent(query)}`;
      last.textContent = fill(strings.allResults, { query });
    } else {
      const url = new URL(contactUrl, location.href);
      url.searchParams.set('q', query);
      last.href = url.pathname + url.search;
      last.append(
        Object.assign(document.createElement('span'), { className: 'quick-results__none', textContent: fill(strings.noResults, { query }) }),
        Object.assign(document.createElement('span'), { className: 'result-title', textContent: strings.contact }),
      );
    }
    items.push(option(`${listbox.id}-more`, last, 'quick-results__option quick-results__more'));
    listbox.replaceChildren(...items);
    status.textContent = countText(strings, locale, hits.length);
    shownQuery = query;
    events.settle(query, hits.length);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    open();
  };

  input.addEventListener('input', asYouType(run));
  input.addEventListener('keydown', (event) => {
    const expanded = !panel.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded) {
          if (options().length) open();
          else return void run();
        }
        setActive(active === -1 && event.key === 'ArrowUp' ? -1 : active + (event.key === 'ArrowDown' ? 1 : -1));
        return;
      case 'Enter': {
        const current = options()[active];
        if (expanded && current) {
          event.preventDefault();
          current.click();
        }
        return; // otherwise the form submits to the search page
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          status.textContent = '';
        }
        return;
      case 'Tab':
        close();
        return;
    }
  });
  listbox.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the field
  const opened = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-article]');
    if (!link) return;
    events.opened(shownQuery, options().indexOf(link) + 1, link.dataset['article']!);
  };
  listbox.addEventListener('click', opened);
  listbox.addEventListener('auxclick', opened);
  form.addEventListener('submit', () => events.now());
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (options().length && input.value.trim().length >= 2) open();
  });
  // Letters typed while this module was loading are not lost.
  if (input.value.trim()) void run();
  // Loading starts at focus, so the first keystroke finds the index ready.
  void loadSiteSearch(locale).catch(() => undefined);
}

function addStylesOnce(): void {
  if (document.querySelector('style[data-quick-results]')) return;
  const style = document.createElement('style');
  style.dataset['quickResults'] = '';
  style.textContent = quickResultsCss;
  document.head.append(style);
}
