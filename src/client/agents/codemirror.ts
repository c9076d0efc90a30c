/**
 * CodeMirror 6 over the editor's text area: Markdown highlighting, line numbers, wrapping, the
 * service's check shown as diagnostics. The text area stays in the form (hidden) and is kept in
 * step, so the form and the preview post what the agent sees.
 */
import { markdown } from '@codemirror/lang-markdown';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import type { ProposalIssue } from '../../proposals/check-proposal.ts';

export interface Editor {
  showIssues(issues: readonly ProposalIssue[]): void;
  goTo(line: number, column: number): void;
}

export function createEditor(
  textarea: HTMLTextAreaElement,
  onChange: (text: string) => void,
): Editor {
  const label = textarea.labels?.[0]?.textContent ?? 'MDX';
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      markdown(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        'aria-label': label,
        'aria-describedby': textarea.getAttribute('aria-describedby') ?? '',
        lang: textarea.lang,
        spellcheck: 'true',
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
  view.dom.classList.add('code-editor');
  view.dom.dataset['codeEditor'] = '';
  textarea.insertAdjacentElement('afterend', view.dom);
  textarea.hidden = true;

  const offsetOf = (line: number, column: number) => {
    const doc = view.state.doc;
    const safeLine = Math.min(Math.max(line, 1), doc.lines);
    const start = doc.line(safeLine);
    return Math.min(start.from + Math.max(column - 1, 0), start.to);
  };
  return {
    showIssues(issues) {
      const diagnostics: Diagnostic[] = issues.map((issue) => {
        const from = offsetOf(issue.line, issue.column);
        const lineEnd = view.state.doc.lineAt(from).to;
        return {
          from,
          to: Math.max(from, lineEnd),
          severity: 'error',
          message: `${issue.message}. ${issue.hint}.`,
        };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goTo(line, column) {
      const at = offsetOf(line, column);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
  };
}
