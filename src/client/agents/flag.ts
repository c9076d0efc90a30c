/**
 * Flag a passage: the article's blocks (headings, paragraphs, list items, tables, quotes, code)
 * become selectable with mouse and keyboard; picking one opens a dialog for the reason, a
 * comment and the ticket; the flag is bound to the block's key and text and the page's revision.
 */
import type { BlockKind } from '../../proposals/vocabulary.ts';
import { blockKey, quoteOf } from '../../proposals/block-key.ts';
import type { RaiseFlagResult } from '../../server/store/types.ts';

type Strings = Record<string, string>;

const BLOCK_SELECTOR = 'h2, h3, h4, h5, h6, p, li, table, blockquote, pre';
const kindOfTag: Record<string, BlockKind> = {
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  P: 'paragraph',
  LI: 'list-item',
  TABLE: 'table',
  BLOCKQUOTE: 'quote',
  PRE: 'code',
};

interface Block {
  element: HTMLElement;
  kind: BlockKind;
  key: string;
  text: string;
}

function strings(tools: HTMLElement): Strings {
  return JSON.parse(tools.dataset['strings'] ?? '{}') as Strings;
}

function fill(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values[name] ?? ''),
  );
}

/**
 * The blocks an agent can flag, keyed the way the service keys the MDX source. Paragraphs inside
 * list items and quotes belong to those; text that is not the article's own (a snippet, a
 * callout's title, a tab's label) is not offered.
 */
export function articleBlocks(prose: HTMLElement): Block[] {
  const candidates = [...prose.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)].filter((element) => {
    if (element.closest('.snippet, .callout__title, .tab-panel__label, [role="tablist"]'))
      return false;
    // Paragraphs inside list items and quotes are part of those blocks, as in the source.
    if (element.tagName === 'P' && element.parentElement?.closest('li, blockquote')) return false;
    // A table is one block, whatever its cells hold.
    return element.tagName === 'TABLE' || !element.closest('table');
  });
  const seen = new Map<string, number>();
  return candidates.map((element) => {
    const kind = kindOfTag[element.tagName] ?? 'paragraph';
    const text = element.textContent ?? '';
    const base = blockKey(kind, text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { element, kind, text, key: count === 1 ? base : `${base}-${count}` };
  });
}

let active: { stop(): void } | undefined;

export function toggleFlagging(tools: HTMLElement): void {
  if (active) {
    active.stop();
    return;
  }
  const prose = document.querySelector<HTMLElement>('.article .prose');
  const start = tools.querySelector<HTMLButtonElement>('[data-flag-start]');
  const status = tools.querySelector<HTMLElement>('[data-flag-status]');
  if (!prose || !start || !status) return;
  const text = strings(tools);
  const blocks = articleBlocks(prose);
  prose.classList.add('is-flagging');
  start.setAttribute('aria-pressed', 'true');
  status.textContent = text['agents.tools.flagHint'] ?? '';
  for (const block of blocks) {
    block.element.classList.add('flaggable');
    block.element.tabIndex = 0;
    block.element.setAttribute('role', 'button');
    block.element.dataset['blockKey'] = block.key;
  }
  const pick = (event: Event) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('.flaggable');
    const block = blocks.find((b) => b.element === element);
    if (!block) return;
    event.preventDefault();
    stop();
    void openDialog(tools, block, text);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') stop();
    else if (
      (event.key === 'Enter' || event.key === ' ') &&
      (event.target as HTMLElement).classList.contains('flaggable')
    )
      pick(event);
  };
  function stop() {
    prose!.classList.remove('is-flagging');
    start!.setAttribute('aria-pressed', 'false');
    for (const block of blocks) {
      block.element.classList.remove('flaggable');
      block.element.removeAttribute('tabindex');
      block.element.removeAttribute('role');
      delete block.element.dataset['blockKey'];
    }
    prose!.removeEventListener('click', pick, true);
    document.removeEventListener('keydown', onKey, true);
    status!.textContent = '';
    active = undefined;
  }
  prose.addEventListener('click', pick, true);
  document.addEventListener('keydown', onKey, true);
  active = { stop };
  blocks[0]?.element.focus();
}

async function openDialog(tools: HTMLElement, block: Block, text: Strings): Promise<void> {
  const dialog = tools.querySelector<HTMLDialogElement>('[data-flag-dialog]');
  const form = tools.querySelector<HTMLFormElement>('[data-flag-form]');
  const quote = tools.querySelector<HTMLElement>('[data-flag-quote]');
  const error = tools.querySelector<HTMLElement>('[data-flag-error]');
  const status = tools.querySelector<HTMLElement>('[data-flag-status]');
  if (!dialog || !form || !quote || !error || !status) return;
  quote.textContent = quoteOf(block.text, 600);
  error.hidden = true;
  block.element.classList.add('is-flag-target');
  dialog.showModal();
  const choice = await new Promise<string>((resolve) =>
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }),
  );
  block.element.classList.remove('is-flag-target');
  if (choice !== 'send') {
    block.element.focus();
    return;
  }
  const data = new FormData(form);
  const response = await fetch('/api/flags', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      articleId: tools.dataset['articleId'],
      locale: tools.dataset['textLocale'],
      revision: tools.dataset['revision'],
      blockKey: block.key,
      blockKind: block.kind,
      quote: quoteOf(block.text, 600),
      reason: data.get('reason'),
      comment: data.get('comment'),
      ticketRef: data.get('ticketRef'),
    }),
  }).catch(() => undefined);
  if (!response?.ok) {
    const problem = (await response?.json().catch(() => undefined)) as
      { detail?: string; errors?: Array<{ field: string; message: string }> } | undefined;
    const reason =
      problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ??
      problem?.detail ??
      String(response?.status ?? 'offline');
    error.textContent = fill(text['agents.flag.failed'], { reason });
    error.hidden = false;
    dialog.showModal();
    return;
  }
  const result = (await response.json()) as RaiseFlagResult;
  const message = {
    opened: 'agents.flag.opened',
    joined: 'agents.flag.joined',
    'already-raised': 'agents.flag.alreadyRaised',
  }[result.outcome];
  status.textContent = fill(text[message], { id: result.flag.id });
  form.reset();
  block.element.classList.add('has-flag');
  void showOpenFlags(tools);
}

/** "2 open flags on this article", and their passages marked. */
export async function showOpenFlags(tools: HTMLElement): Promise<void> {
  const line = tools.querySelector<HTMLElement>('[data-open-flags]');
  const locale = tools.dataset['textLocale'];
  const articleId = tools.dataset['articleId'];
  if (!line || !locale || !articleId) return;
  const response = await fetch(`/api/flags/article/${locale}/${articleId}`).catch(() => undefined);
  if (!response?.ok) return;
  const { flags } = (await response.json()) as {
    flags: Array<{ blockKey: string; location: { status: string; block?: { key: string } } }>;
  };
  const text = strings(tools);
  const pageLocale = document.documentElement.lang || 'en';
  const form = new Intl.PluralRules(pageLocale).select(flags.length);
  line.textContent = fill(
    text[`agents.tools.openFlags_${form}`] ?? text['agents.tools.openFlags_other'],
    {
      count: flags.length,
    },
  );
  line.hidden = flags.length === 0;
  const prose = document.querySelector<HTMLElement>('.article .prose');
  if (!prose) return;
  const keys = new Set(
    flags.flatMap((f) => (f.location.block ? [f.location.block.key] : [f.blockKey])),
  );
  for (const block of articleBlocks(prose))
    block.element.classList.toggle('has-flag', keys.has(block.key));
}
