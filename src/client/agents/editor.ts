/**
 * The proposal editor in the browser: CodeMirror 6 over the text area (which stays the form's
 * field), the service's check shown as it is typed (line, column, what to write instead), a live
 * preview in the sandboxed frame, the text kept on this device until it is saved, and saving as
 * JSON with the proposal's version, so two windows cannot overwrite each other.
 */
import type { ProposalIssue } from '../../proposals/check-proposal.ts';

type Strings = Record<string, string>;

const CHECK_DELAY_MS = 500;
const PREVIEW_DELAY_MS = 900;

function fill(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values[name] ?? ''),
  );
}

export async function enhanceEditor(form: HTMLFormElement): Promise<void> {
  const textarea = form.querySelector<HTMLTextAreaElement>('[data-editor-source]');
  const issuesBox = form.querySelector<HTMLElement>('[data-editor-issues]');
  const status = form.querySelector<HTMLElement>('[data-editor-status]');
  const previewButton = form.querySelector<HTMLButtonElement>('[data-preview-button]');
  if (!textarea || !issuesBox || !status || !previewButton) return;
  const text: Strings = JSON.parse(form.dataset['strings'] ?? '{}') as Strings;
  const storageKey = form.dataset['storageKey'] ?? 'proposal';
  const locale = document.documentElement.lang || 'en';

  const restored = readLocal(storageKey);
  if (restored !== undefined && restored !== textarea.value) {
    textarea.value = restored;
    status.textContent = text['agents.editor.restored'] ?? '';
  }

  const { createEditor } = await import('./codemirror.ts');
  const editor = createEditor(textarea, (value) => {
    textarea.value = value;
    writeLocal(storageKey, value);
    scheduleCheck();
    schedulePreview();
  });

  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleCheck = () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void check(), CHECK_DELAY_MS);
  };
  const schedulePreview = () => {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => form.requestSubmit(previewButton), PREVIEW_DELAY_MS);
  };

  async function check(): Promise<ProposalIssue[]> {
    const response = await fetch('/api/proposals/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: field('kind'),
        articleId: field('articleId'),
        locale: field('locale'),
        text: textarea!.value,
      }),
    }).catch(() => undefined);
    if (!response?.ok) return [];
    const { issues } = (await response.json()) as { issues: ProposalIssue[] };
    showIssues(issues);
    editor.showIssues(issues);
    return issues;
  }

  function showIssues(issues: ProposalIssue[]) {
    issuesBox!.replaceChildren();
    if (issues.length === 0) return;
    const heading = document.createElement('p');
    heading.className = 'editor-issues__title';
    const form = new Intl.PluralRules(locale).select(issues.length);
    heading.textContent = fill(
      text[`agents.editor.problems_${form}`] ?? text['agents.editor.problems_other'],
      { count: issues.length },
    );
    const list = document.createElement('ul');
    for (const issue of issues) {
      const item = document.createElement('li');
      const jump = document.createElement('button');
      jump.type = 'button';
      jump.className = 'button--link';
      jump.textContent = fill(text['agents.editor.position'], {
        line: issue.line,
        column: issue.column,
      });
      jump.addEventListener('click', () => editor.goTo(issue.line, issue.column));
      item.append(jump, `: ${issue.message}. ${issue.hint}.`);
      list.append(item);
    }
    issuesBox!.append(heading, list);
  }

  function field(name: string): string {
    const element = form.elements.namedItem(name);
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
      ? element.value
      : '';
  }

  form.addEventListener('submit', (event) => {
    const submitter = (event as SubmitEvent).submitter;
    if (!(submitter instanceof HTMLButtonElement) || !submitter.hasAttribute('data-save')) return;
    event.preventDefault();
    void save(submitter.value === 'true');
  });

  async function save(submit: boolean): Promise<void> {
    status!.textContent = '';
    const id = form.dataset['proposalId'];
    const data = new FormData(form);
    const body = {
      kind: data.get('kind'),
      articleId: data.get('articleId'),
      locale: data.get('locale'),
      text: textarea!.value,
      baseText: data.get('baseText'),
      note: data.get('note'),
      flagIds: String(data.get('flagIds') ?? ''),
      matchesSource: data.get('matchesSource') === 'true',
      version: form.dataset['version'] ? Number(form.dataset['version']) : undefined,
      submit,
    };
    const response = await fetch(id ? `/api/proposals/${id}` : '/api/proposals', {
      method: id ? 'PUT' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (!response) {
      status!.textContent = fill(text['agents.editor.failed'], { reason: 'offline' });
      return;
    }
    const answer = (await response.json().catch(() => ({}))) as {
      proposal?: { id: string; version: number };
      detail?: string;
      issues?: ProposalIssue[];
      type?: string;
    };
    if (!response.ok || !answer.proposal) {
      if (answer.issues) {
        showIssues(answer.issues);
        editor.showIssues(answer.issues);
      }
      status!.textContent =
        response.status === 409 && 'currentVersion' in answer
          ? (text['agents.editor.stale'] ?? '')
          : fill(text['agents.editor.failed'], {
              reason: answer.detail ?? String(response.status),
            });
      return;
    }
    clearLocal(storageKey);
    form.dataset['proposalId'] = answer.proposal.id;
    form.dataset['version'] = String(answer.proposal.version);
    status!.textContent = fill(text[submit ? 'agents.editor.submitted' : 'agents.editor.saved'], {
      id: answer.proposal.id,
    });
    if (submit) setTimeout(() => location.assign(form.dataset['feedbackUrl'] ?? '/agents/'), 1500);
  }

  void check();
  form.requestSubmit(previewButton);
}

function readLocal(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeLocal(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the text is still in the editor.
  }
}

function clearLocal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
