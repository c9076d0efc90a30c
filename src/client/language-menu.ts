import { markers } from '../lib/page-markers.ts';

/**
 * What the language menu needs beyond a plain <details>, loaded when it is first opened: it closes
 * on Escape (focus back on its button) and when the reader clicks or tabs elsewhere, and on the
 * search page its links carry the query, so another language repeats the same search.
 */
export function attachLanguageMenu(menu: HTMLDetailsElement): void {
  const summary = menu.querySelector('summary');
  const close = () => {
    menu.open = false;
  };
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    const active = document.activeElement;
    close();
    if (!active || active === document.body || menu.contains(active)) summary?.focus();
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) close();
  });
  document.addEventListener('focusin', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) close();
  });
  menu.addEventListener('toggle', () => {
    if (menu.open) carryQuery();
  });
  if (menu.open) carryQuery();
}

/** Adds the current ?q= to every language link that leads to a search page (menu and footer). */
export function carryQuery(): void {
  const query = new URLSearchParams(location.search).get('q')?.trim();
  const links = document.querySelectorAll<HTMLAnchorElement>(`[${markers.localeLinks}] a[href]`);
  for (const link of links) {
    const url = new URL(link.href, location.href);
    if (!url.pathname.endsWith('/search/')) continue;
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    link.href = `${url.pathname}${url.search}`;
  }
}
