import { isLocale } from '../i18n/locales.ts';
import { normaliseForSearch } from '../search/normalise.ts';
import { fallbackBundlePath } from './site-search.ts';
import { urls } from '../lib/urls.ts';

/**
 * The full search page: Pagefind's Default UI (filters by category, sub-results per heading) over
 * the locale's index, merged with the English articles not yet translated into this locale, which
 * are marked as English. The query comes from ?q= (the header form) and is normalised the same way
 * the index was (Russian ё, Korean particles). The contact link carries the query along.
 */

interface PagefindResult {
  meta: Record<string, string | undefined>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void };
  }
}

function loadAsset(tag: 'script' | 'link', url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const element = document.createElement(tag);
    if (element instanceof HTMLScriptElement) element.src = url;
    else if (element instanceof HTMLLinkElement)
      Object.assign(element, { rel: 'stylesheet', href: url });
    element.addEventListener('load', () => resolve());
    element.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
    document.head.append(element);
  });
}

export async function mountSearchPage(
  root: HTMLElement | null,
  contact: HTMLElement | null,
): Promise<void> {
  const locale = root?.dataset['locale'];
  if (!root || !isLocale(locale)) return;
  await Promise.all([
    loadAsset('link', urls.asset('pagefind/pagefind-ui.css')),
    loadAsset('script', urls.asset('pagefind/pagefind-ui.js')),
  ]);
  if (!window.PagefindUI) return;
  const inEnglish = root.dataset['inEnglish'] ?? 'English';
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const ui = new window.PagefindUI({
    element: root,
    showSubResults: true,
    showImages: false,
    autofocus: query === '',
    resetStyles: false,
    processTerm: (term: string) => normaliseForSearch(locale, term),
    processResult: (result: PagefindResult) => {
      if (result.meta['fallback'] === 'true')
        result.meta['title'] = `${result.meta['title'] ?? ''} · ${inEnglish}`;
      // The marker did its job in the title; the UI would otherwise show it as a tag.
      delete result.meta['fallback'];
      return result;
    },
    mergeIndex: root.dataset['fallback']
      ? [{ bundlePath: fallbackBundlePath(locale), language: locale }]
      : [],
  });
  if (query) ui.triggerSearch(query);
  labelSearchField(root);

  // "Still need help?" takes what the reader searched for to the contact form.
  const input = root.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
  const updateContact = () => {
    if (!(contact instanceof HTMLAnchorElement)) return;
    const url = new URL(contact.href);
    const value = input?.value.trim() || query;
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    contact.href = url.pathname + url.search;
  };
  input?.addEventListener('input', updateContact);
  updateContact();
}

/** Pagefind's field has only a title; give it a real label so every reader hears its purpose. */
function labelSearchField(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
  if (!input || input.labels?.length) return;
  input.id ||= 'search-page-input';
  const label = Object.assign(document.createElement('label'), {
    htmlFor: input.id,
    className: 'visually-hidden',
    textContent: root.dataset['label'] ?? input.title,
  });
  input.before(label);
}
