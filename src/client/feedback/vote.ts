/**
 * The "Was this helpful?" island: sends the same forms the page has with fetch() instead of a
 * reload. "Yes" → thanks; "no" → the reason form → thanks. Focus stays in the widget (the first
 * reason, then the widget itself), a polite live region says thank you, and refusals are shown
 * in the page's language (texts written into the page at build time).
 */
import type { Problem } from '../../server/problem.ts';
import {
  voteFragments,
  voteMarkers,
  voteProblemOf,
  type VoteAnswer,
  type VoteMessages,
  type VoteStep,
} from '../../lib/votes.ts';

/** Takes over the widget; returns the handler for its forms' submit events. */
export function enhanceVote(widget: HTMLElement): (event: SubmitEvent) => void {
  const messages = JSON.parse(widget.getAttribute(voteMarkers.messages) ?? '{}') as VoteMessages;
  const status = widget.querySelector<HTMLElement>(`[${voteMarkers.status}]`)!;
  const error = widget.querySelector<HTMLElement>(`[${voteMarkers.error}]`)!;
  let sending = false;

  const show = (step: VoteStep) => {
    widget.dataset['state'] = step;
    // A fragment left by a plain post would keep its step visible beside this one.
    if (Object.values(voteFragments).includes(location.hash.slice(1) as never))
      history.replaceState(history.state, '', location.pathname + location.search);
    if (step === 'why') {
      widget.querySelector<HTMLInputElement>(`[${voteMarkers.why}] input[type=radio]`)?.focus();
    } else {
      widget.focus();
      status.textContent = messages.thanks;
    }
  };

  const fail = (text: string) => {
    error.textContent = text;
    error.hidden = false;
  };

  return (event) => {
    const form = event.target as HTMLFormElement;
    if (sending || !form.closest(`[${voteMarkers.widget}]`)) return;
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) body.append(name, String(value));
    const submitter = event.submitter as HTMLButtonElement | null;
    if (submitter?.name) body.set(submitter.name, submitter.value);
    sending = true;
    error.hidden = true;
    const buttons = [...form.querySelectorAll('button')];
    for (const button of buttons) button.setAttribute('aria-disabled', 'true');
    fetch(form.action, {
      method: 'POST',
      body,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(async (response) => {
        if (response.ok) return show(((await response.json()) as VoteAnswer).next);
        const problem = (await response.json().catch(() => ({}))) as Partial<Problem>;
        const fields = (problem.errors ?? []).map((item) => item.field);
        fail(messages[voteProblemOf(response.status, fields)]);
      })
      .catch(() => fail(messages.failed))
      .finally(() => {
        sending = false;
        for (const button of buttons) button.removeAttribute('aria-disabled');
      });
  };
}
