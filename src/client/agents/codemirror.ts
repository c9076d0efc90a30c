/**
 * CodeMirror 6 over the editor's text area: Markdown highlighting, line numbers, wrapping, the
 * service's check shown as diagnostics. The text area stays in the form (hidden) and is kept in
 * step, so the form and the preview post what the agent sees.
 *
 * Markdown comes straight from @lezer/markdown (GFM tables included): @codemirror/lang-markdown
 * would also bundle the HTML, CSS and JavaScript grammars for code blocks, three times the size.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  defaultHighlightStyle,
  defineLanguageFacet,
  Language,
  LanguageSupport,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { GFM, parser, type MarkdownConfig } from '@lezer/markdown';
import type { ProposalIssue } from '../../proposals/check-proposal.ts';

/** What an article editor needs; no autocompletion or folding, and Tab moves focus on. */
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  highlightActiveLine(),
  highlightSelectionMatches(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  lintGutter(),
  keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
];

/** The frontmatter between the first two --- lines, shown as such (not as a heading). */
const frontmatter: MarkdownConfig = {
  defineNodes: [{ name: 'Frontmatter', block: true, style: tags.meta }],
  parseBlock: [
    {
      name: 'Frontmatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || line.text !== '---') return false;
        const start = cx.lineStart;
        while (cx.nextLine()) {
          if (line.text === '---') {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt('Frontmatter', start, cx.prevLineEnd()));
        return true;
      },
    },
  ],
};

const markdown = new LanguageSupport(
  new Language(defineLanguageFacet({}), parser.configure([GFM, frontmatter]), [], 'markdown'),
);

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
      setup,
      markdown,
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
