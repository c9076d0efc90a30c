import { isLocale } from '../i18n/locales.ts';
import { searchSite } from './site-search.ts';

/**
 * Quick results under the header search field, loaded when the field first gets focus. Results
 * are plain links in a list (Tab or ↓ reaches them, Escape closes); the form still submits to the
 * full search page. Excerpts come from Pagefind with only <mark> added, so they are inserted as
 * HTML; titles are inserted as text.
 */
export function attachQuickSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = form.querySelector<HTMLElement>('.quick-results');
  const list = panel?.querySelector('ul');
  const status = panel?.querySelector('[role="status"]');
  const all = panel?.querySelector<HTMLAnchorElement>('.quick-results__all');
  const locale = form.dataset['locale'];
  if (!input || !panel || !list || !status || !all || !isLocale(locale)) return;
  const withFallback = form.dataset['fallback'] === 'true';
  const countForms = JSON.parse(form.dataset['countForms'] ?? '{}') as Record<string, string>;
  const plural = new Intl.PluralRules(locale);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const close = () => {
    panel.hidden = true;
  };
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query.length < 2) return close();
    const { total, hits } = await searchSite(locale, withFallback, query, 5);
    if (ticket !== latest) return; // a newer keystroke already asked
    list.replaceChildren(
      ...hits.map((hit) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = hit.url;
        const title = document.createElement('span');
        title.className = 'quick-results__title';
        title.textContent = hit.title;
        link.append(title);
        if (hit.inEnglish) {
          const badge = document.createElement('span');
          badge.className = 'badge';
          badge.lang = 'en';
          badge.textContent = form.dataset['inEnglish'] ?? 'English';
          link.append(' ', badge);
          link.hreflang = 'en';
        }
        const excerpt = document.createElement('span');
        excerpt.className = 'quick-results__excerpt';
        excerpt.innerHTML = hit.excerpt;
        link.append(excerpt);
        item.append(link);
        return item;
      }),
    );
    const form_ = countForms[plural.select(total)] ?? countForms['other'] ?? '{{count}}';
    status.textContent = form_.replace('{{count}}', String(total));
    all.textContent = (form.dataset['allResults'] ?? '{{query}}').replace('{{query}}', query);
    all.href = `${form.action}?q=${encodeURIComponent(query)}`;
    panel.hidden = false;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
    if (event.key === 'ArrowDown' && !panel.hidden) {
      event.preventDefault();
      list.querySelector('a')?.focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  // Letters typed while this module was loading are not lost.
  if (input.value.trim()) void run();
}
