import { isLocale, type Locale } from '../../i18n/locales.ts';
import { describeInstant, fill, timeWords } from '../../lib/format-due.ts';
import { readerTimeZone } from '../../lib/zoned-clock.ts';
import { minQueryLength } from '../../search/suggest.ts';
import { searchSettler, sendEvents, track } from '../analytics/beacon.ts';
import { draftStore } from './draft.ts';
import { showHoursInReaderZone, showOpenChannels } from './hours.ts';
import { rememberSent, watchSentAgain } from './sent-again.ts';
import { fetchQuote, sendTicket } from './service.ts';
import { englishBadge } from '../search/render.ts';
import { fetchSuggestions, type SuggestedArticle } from './suggestions.ts';
import { validateTicketForm, type FieldErrors } from './validate.ts';

/**
 * The contact page island: carries the help-centre context (article, search) into the ticket,
 * suggests articles as the subject is typed, shows open channels and when the reply is due, keeps
 * the draft, and sends with retries that never make a second ticket. Without scripts the same form
 * posts to the service and lands on the confirmation page.
 */
export function mountContactPage(form: HTMLFormElement): void {
  const locale = form.dataset['locale'];
  if (!isLocale(locale)) return;
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as Record<string, string>;
  const topics = JSON.parse(form.dataset['topics'] ?? '[]') as Array<{
    id: string;
    priority: string;
  }>;
  const s = (key: string, values: Record<string, string | number> = {}) =>
    fill(strings[key] ?? key, values);
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const drafts = draftStore(locale);
  // Without scripts the browser checks required fields itself; with them, our messages do.
  form.noValidate = true;

  // Context from the help centre: the article the reader came from and what they searched for.
  // The address carries it; a page the service sent back after a failed post carries it in the
  // hidden fields instead (its address is /api/tickets). The service names the article (and
  // forgets an id it does not know) with the first suggestions.
  const params = new URLSearchParams(location.search);
  const articleId = params.get('article') ?? field('articleId')?.value ?? '';
  const query = (params.get('q') ?? field('searchQuery')?.value ?? '').slice(0, 200);
  field('articleId')!.value = /^[a-z0-9][a-z0-9-]{0,99}$/.test(articleId) ? articleId : '';
  field('searchQuery')!.value = query;
  renderContext('', query);

  const opened = new Set<string>(drafts.read().opened ?? []);
  const suggested = new Set<string>();
  const syncLists = () => {
    field('openedArticles')!.value = [...opened].join(',');
    field('suggestedArticles')!.value = [...suggested].join(',');
  };
  syncLists();
  if (drafts.restore(form)) form.querySelector<HTMLElement>('.draft-note')!.hidden = false;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => drafts.save(form, [...opened]), 300);
  });

  // What leads see in the reports: suggestions shown and opened, and whether a ticket followed.
  track(locale, { kind: 'contact-view', source: 'contact' });
  const events = searchSettler(locale, 'contact');
  let shownFor = '';
  let shownIds = '';

  // Suggestions: first from the search that brought the reader here, then from the subject.
  const suggestionList = document.querySelector<HTMLElement>('[data-suggestions]');
  const unavailableNote = document.querySelector<HTMLElement>('[data-suggestions-unavailable]');
  let latest = 0;
  const showSuggestions = async (text: string, typed: boolean, fromArticle = '') => {
    const ticket = ++latest;
    const answer = await fetchSuggestions(locale, text, fromArticle);
    if (ticket !== latest || !suggestionList) return;
    if (fromArticle) {
      field('articleId')!.value = answer.context?.id ?? (answer.unavailable ? fromArticle : '');
      renderContext(answer.context?.title ?? '', query);
    }
    if (unavailableNote) unavailableNote.hidden = !answer.unavailable;
    const found = answer.articles;
    renderSuggestions(suggestionList, found, s);
    // What the customer typed is a search from the contact page; the context that came along is not.
    if (typed && text.trim().length >= minQueryLength[locale]) events.settle(text, found.length);
    const ids = found.map((article) => article.id);
    if (ids.length && ids.join() !== shownIds)
      track(locale, { kind: 'suggestions-shown', source: 'contact', articles: ids });
    shownFor = text;
    shownIds = ids.join();
    found.forEach((article) => suggested.add(article.id));
    suggestionList.dataset['settled'] = text;
    syncLists();
  };
  suggestionList?.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-article]');
    if (!link) return;
    const rank = [...suggestionList.querySelectorAll('a[data-article]')].indexOf(link) + 1;
    events.opened(shownFor, rank, link.dataset['article']!);
    opened.add(link.dataset['article']!);
    syncLists();
    drafts.save(form, [...opened]);
  });
  let suggestTimer: ReturnType<typeof setTimeout> | undefined;
  field('subject')?.addEventListener('input', (event) => {
    clearTimeout(suggestTimer);
    const text = (event.target as HTMLInputElement).value;
    suggestTimer = setTimeout(() => void showSuggestions(text, true), 250);
  });
  // First from what the reader brought along: the subject, the search, else the article's title.
  const initial = field('subject')?.value || query;
  const fromArticle = field('articleId')!.value;
  if (initial || fromArticle) void showSuggestions(initial, false, fromArticle);

  // When the reply is due, for the chosen topic's priority.
  const quote = form.querySelector<HTMLElement>('[data-quote]')!;
  const updateQuote = async () => {
    const topic = topics.find((t) => t.id === field('topic')?.value);
    const priority = topic?.priority ?? 'normal';
    const result = await fetchQuote(locale, priority);
    if (!result) return;
    quote.textContent = s(priority === 'urgent' ? 'contact.quote.urgent' : 'contact.quote.normal', {
      when: describeInstant(locale, result.firstReply.dueAt, {
        readerZone: readerTimeZone(),
        teamZone: result.timeZone,
        words: timeWords(strings),
      }),
    });
    quote.dataset['dueAt'] = result.firstReply.dueAt;
    quote.hidden = false;
  };
  (form.elements.namedItem('topic') as HTMLSelectElement | null)?.addEventListener(
    'change',
    () => void updateQuote(),
  );
  void updateQuote();
  showHoursInReaderZone(locale, s);
  void showOpenChannels(locale, s, strings);
  watchSentAgain(locale, form, strings, () => drafts.clear());

  // Sending.
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return; // a double click while the first send is under way
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const errors = validateTicketForm(data);
    if (showErrors(form, errors)) return;
    sending = true;
    button.disabled = true;
    button.textContent = s('contact.form.sending');
    const result = await sendTicket({
      locale,
      email: data['email'],
      name: data['name'] || undefined,
      role: data['role'],
      topic: data['topic'],
      subject: data['subject'],
      message: data['message'],
      website: data['website'] ?? '',
      articleId: field('articleId')!.value || undefined,
      searchQuery: query || undefined,
      suggestedArticles: [...suggested],
      openedArticles: [...opened],
    });
    sending = false;
    button.disabled = false;
    button.textContent = s('contact.form.submit');
    if (result.kind === 'created') {
      events.now();
      track(locale, { kind: 'ticket-sent', source: 'contact' });
      sendEvents();
      drafts.clear();
      rememberSent(locale, form, result.reference);
      location.assign(`/${locale}/contact/sent/?ref=${encodeURIComponent(result.reference)}`);
    } else if (result.kind === 'invalid') {
      const byField: FieldErrors = {};
      for (const error of result.errors)
        byField[error.field] = strings[`contact.errors.${error.field}`] ?? error.message;
      showErrors(
        form,
        Object.keys(byField).length ? byField : { form: s('contact.errors.generic') },
      );
    } else if (result.kind === 'rate-limited') {
      showErrors(form, {
        form: s(rateLimitKey(locale, result.retryAfterSeconds, strings), {
          count: Math.ceil(result.retryAfterSeconds / 60),
        }),
      });
    } else {
      showErrors(form, {
        form: s(result.kind === 'network' ? 'contact.errors.network' : 'contact.errors.generic'),
      });
    }
  });

  function renderContext(articleTitle: string, searched: string) {
    const section = document.querySelector<HTMLElement>('[data-context]');
    const list = section?.querySelector('ul');
    if (!section || !list) return;
    const items = [
      articleTitle && s('contact.context.article', { title: articleTitle }),
      searched && s('contact.context.search', { query: searched }),
    ].filter(Boolean);
    list.replaceChildren(
      ...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })),
    );
    section.hidden = items.length === 0;
  }
}

function rateLimitKey(locale: Locale, seconds: number, strings: Record<string, string>): string {
  const category = new Intl.PluralRules(locale).select(Math.ceil(seconds / 60));
  const key = `contact.errors.rateLimited_${category}`;
  return strings[key] ? key : 'contact.errors.rateLimited_other';
}

function renderSuggestions(
  section: HTMLElement,
  found: SuggestedArticle[],
  s: (key: string) => string,
) {
  const list = section.querySelector('ul')!;
  list.replaceChildren(
    ...found.map((doc) => {
      const li = document.createElement('li');
      const link = Object.assign(document.createElement('a'), {
        href: doc.url,
        textContent: doc.title,
      });
      link.dataset['article'] = doc.id;
      li.append(link);
      if (doc.english) {
        link.hreflang = 'en';
        li.append(
          ' ',
          englishBadge({
            inEnglish: s('search.inEnglish'),
            englishHint: s('article.englishTextHint'),
          }),
        );
      }
      const description = Object.assign(document.createElement('p'), {
        textContent: doc.description,
      });
      li.append(description);
      return li;
    }),
  );
  section.hidden = found.length === 0;
}

function showErrors(form: HTMLFormElement, errors: FieldErrors): boolean {
  const summary = form.querySelector<HTMLElement>('.error-summary')!;
  const list = summary.querySelector('ul')!;
  form.querySelectorAll<HTMLElement>('.field__error').forEach((p) => (p.hidden = true));
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const entries = Object.entries(errors);
  list.replaceChildren(
    ...entries.map(([name, message]) => {
      const control = form.elements.namedItem(name);
      const input =
        control instanceof RadioNodeList
          ? (control[0] as HTMLInputElement)
          : (control as HTMLInputElement | null);
      const slot = input?.id
        ? (document.getElementById(`${input.id}-error`) ??
          document.getElementById(`contact-${name}-error`))
        : document.getElementById(`contact-${name}-error`);
      if (slot) Object.assign(slot, { hidden: false, textContent: message });
      input?.setAttribute('aria-invalid', 'true');
      const li = document.createElement('li');
      if (input?.id)
        li.append(
          Object.assign(document.createElement('a'), {
            href: `#${input.id}`,
            textContent: message,
          }),
        );
      else li.textContent = message;
      return li;
    }),
  );
  summary.hidden = entries.length === 0;
  if (entries.length) summary.focus();
  return entries.length > 0;
}
