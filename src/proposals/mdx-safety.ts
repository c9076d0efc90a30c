/**
 * The MDX safety gate. MDX is JavaScript: an article could import modules, run expressions or
 * attach event handlers when the site is built or rendered. Agents' proposals are therefore only
 * ever *parsed* (remark-parse with remark-mdx: acorn reads expressions, nothing runs) and refused,
 * never silently stripped, when they contain anything beyond Markdown and the documented
 * components with literal attribute values (content/README.md, "Components").
 *
 * Every refusal names the line and column, what was found, and what to write instead.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { idPattern } from '../lib/ids.ts';

export interface MdxIssue {
  /** 1-based position in the file, frontmatter included. */
  line: number;
  column: number;
  /** A stable name of the rule, for tests and for the editor's markers. */
  rule: string;
  message: string;
  hint: string;
}

/** What each author component accepts; everything else is refused. */
export const componentAttributes: Readonly<Record<string, readonly string[]>> = {
  Callout: ['type', 'title'],
  Details: ['summary'],
  Figure: ['src', 'alt', 'caption'],
  Snippet: ['id'],
  Steps: [],
  Tab: ['label'],
  Tabs: [],
};
const requiredAttributes: Readonly<Record<string, readonly string[]>> = {
  Details: ['summary'],
  Figure: ['src', 'alt'],
  Snippet: ['id'],
  Tab: ['label'],
};
const calloutTypes = ['note', 'tip', 'warning'];
const componentList = Object.keys(componentAttributes).join(', ');

/** What to write instead of an HTML element people commonly reach for. */
const elementHints: Readonly<Record<string, string>> = {
  script: 'scripts never run in articles; describe the step in words instead',
  style: 'articles take the site’s styles; use Markdown emphasis or a <Callout> for attention',
  iframe: 'nothing can be embedded; link to the page with [its title](https://…)',
  object: 'nothing can be embedded; link to the file with [its title](https://…)',
  embed: 'nothing can be embedded; link to the file with [its title](https://…)',
  a: 'write links in Markdown: [text](https://…) or [text](../article-id/)',
  img: 'place pictures with <Figure src="file.png" alt="what it shows" />',
  br: 'end the line with a backslash (\\) or start a new paragraph with an empty line',
  details: 'use <Details summary="The question">…</Details>',
  table: 'write tables in Markdown with | columns |',
  form: 'forms cannot be part of an article; link to the page that has the form',
  input: 'forms cannot be part of an article; link to the page that has the form',
  button: 'buttons cannot be part of an article; link to the page instead',
};

const MAX_ISSUES = 50;

/** Parses MDX (with YAML frontmatter and GFM tables) without running anything. */
export function parseMdx(text: string): Root {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkMdx)
    .parse(text);
}

export type ParseResult = { ok: true; tree: Root } | { ok: false; issue: MdxIssue };

/** Parses, turning a syntax error into an issue with position and a hint. */
export function tryParseMdx(text: string): ParseResult {
  try {
    return { ok: true, tree: parseMdx(text) };
  } catch (error) {
    return { ok: false, issue: syntaxIssue(error, text) };
  }
}

/**
 * Every reason to refuse the body of a proposal, in document order (at most 50). An empty list
 * means the text is plain Markdown plus documented components with literal values.
 */
export function checkMdxSafety(tree: Root): MdxIssue[] {
  const issues: MdxIssue[] = [];
  const add = (node: { position?: Position }, rule: string, message: string, hint: string) => {
    if (issues.length >= MAX_ISSUES) return;
    const start = node.position?.start;
    issues.push({ line: start?.line ?? 1, column: start?.column ?? 1, rule, message, hint });
  };

  visit(tree, (node, _index, parent) => {
    switch (node.type) {
      case 'mdxjsEsm':
        add(
          node,
          'no-import-export',
          'import and export statements are not allowed in articles',
          `remove this line: the components (${componentList}) are available without importing`,
        );
        return 'skip';
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(
          node,
          'no-expression',
          `a JavaScript expression {${abbreviate(node.value)}} is not allowed`,
          'for a literal brace write \\{ (a backslash before it); for a placeholder write it in square brackets, for example [lot number]',
        );
        return 'skip';
      case 'html':
        add(
          node,
          'no-html',
          'raw HTML is not allowed',
          'use Markdown or one of the components: ' + componentList,
        );
        return 'skip';
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, parent?.type, parentName(parent), add);
        return undefined;
      case 'link':
      case 'definition':
        checkUrl(node, node.url, 'link', add);
        return undefined;
      case 'image':
      case 'imageReference':
        add(
          node,
          'no-markdown-image',
          'Markdown images are not allowed',
          'place pictures from content/images with <Figure src="file.png" alt="what it shows" />',
        );
        return undefined;
      default:
        return undefined;
    }
  });
  return issues;
}

interface Position {
  start: { line: number; column: number };
}
type Add = (node: { position?: Position }, rule: string, message: string, hint: string) => void;
type JsxNode = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function parentName(parent: unknown): string | null {
  const node = parent as { type?: string; name?: string | null } | undefined;
  return node && (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
    ? (node.name ?? null)
    : null;
}

function checkElement(
  node: JsxNode,
  _parentType: string | undefined,
  parent: string | null,
  add: Add,
): void {
  const name = node.name;
  if (name === null) {
    add(
      node,
      'no-fragment',
      'fragments (<>…</>) are not allowed',
      'remove the <> and </> around the text',
    );
    return;
  }
  const allowed = componentAttributes[name];
  if (!allowed) {
    const lower = name.toLowerCase();
    add(
      node,
      'unknown-element',
      `<${name}> is not an element articles may use`,
      elementHints[lower] ?? `use Markdown or one of the components: ${componentList}`,
    );
    // Its attributes are not checked one by one: the element is refused as a whole. Event
    // handlers are still named, so the message says everything that is wrong with it.
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && /^on/i.test(attribute.name))
        add(
          attribute,
          'no-event-handler',
          `the event handler ${attribute.name} is not allowed`,
          'articles run no code: remove the attribute',
        );
    }
    return;
  }
  if (name === 'Tab' && parent !== 'Tabs')
    add(node, 'tab-outside-tabs', '<Tab> must be inside <Tabs>', 'wrap the tabs in <Tabs>…</Tabs>');
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    checkAttribute(name, attribute, allowed, add);
    if (attribute.type === 'mdxJsxAttribute') seen.add(attribute.name);
  }
  for (const required of requiredAttributes[name] ?? []) {
    if (!seen.has(required))
      add(
        node,
        'missing-attribute',
        `<${name}> needs a ${required}="…" attribute`,
        exampleFor(name),
      );
  }
}

function checkAttribute(
  component: string,
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
  allowed: readonly string[],
  add: Add,
): void {
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    add(
      attribute,
      'no-spread-attribute',
      `a spread or expression attribute {${abbreviate(attribute.value)}} is not allowed on <${component}>`,
      `write each attribute as name="text": ${exampleFor(component)}`,
    );
    return;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    add(
      attribute,
      'no-event-handler',
      `the event handler ${name} is not allowed`,
      'articles run no code: remove the attribute',
    );
    return;
  }
  if (!allowed.includes(name)) {
    add(
      attribute,
      'unknown-attribute',
      `<${component}> has no attribute ${name}`,
      allowed.length
        ? `<${component}> takes ${allowed.map((a) => `${a}="…"`).join(', ')}`
        : `<${component}> takes no attributes: write <${component}>`,
    );
    return;
  }
  if (value === null || value === undefined || typeof value !== 'string') {
    const isExpression = typeof value === 'object' && value !== null;
    add(
      attribute,
      isExpression ? 'no-expression-attribute' : 'attribute-needs-text',
      isExpression
        ? `${name}={…} on <${component}> is an expression, which is not allowed`
        : `${name} on <${component}> needs a value`,
      `write the value in quotes: ${name}="…"`,
    );
    return;
  }
  if (component === 'Callout' && name === 'type' && !calloutTypes.includes(value))
    add(
      attribute,
      'callout-type',
      `<Callout type="${value}"> is not a callout type`,
      'use type="note", type="tip" or type="warning"',
    );
  if (
    component === 'Figure' &&
    name === 'src' &&
    !/^(internal\/)?[\w.-]+\.(png|jpe?g|webp)$/i.test(value)
  )
    add(
      attribute,
      'figure-src',
      `<Figure src="${abbreviate(value)}"> must name a picture in content/images`,
      'write only the file name, for example src="bid-panel.png"; pictures from other sites cannot be placed',
    );
  if (component === 'Figure' && name === 'alt' && value.trim().length < 5)
    add(
      attribute,
      'figure-alt',
      '<Figure alt="…"> is too short',
      'describe what the picture shows for people who cannot see it',
    );
  if (component === 'Snippet' && name === 'id' && !idPattern.test(value))
    add(
      attribute,
      'snippet-id',
      `<Snippet id="${abbreviate(value)}"> is not a snippet id`,
      'use the file name of a snippet in content/snippets/en/, for example id="payment-deadline"',
    );
}

function exampleFor(component: string): string {
  switch (component) {
    case 'Callout':
      return '<Callout type="tip" title="Good to know">…</Callout>';
    case 'Details':
      return '<Details summary="The question">…</Details>';
    case 'Figure':
      return '<Figure src="bid-panel.png" alt="what the picture shows" />';
    case 'Snippet':
      return '<Snippet id="payment-deadline" />';
    case 'Tab':
      return '<Tab label="Card">…</Tab>';
    default:
      return `<${component}>…</${component}>`;
  }
}

/**
 * Links may go to https:, mailto: or a relative address on this site. Browsers ignore tabs,
 * newlines and leading spaces inside a scheme ("java\tscript:"), so those are removed first.
 */
export function urlProblem(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (/^[/\\]{2}/.test(compact) || compact.startsWith('\\'))
      return 'a link starting with // or \\ leaves the site without saying how';
    return undefined;
  }
  if (scheme === 'https' || scheme === 'mailto') return undefined;
  return `links with ${scheme}: are not allowed`;
}

function checkUrl(node: { position?: Position }, url: string, what: string, add: Add): void {
  const problem = urlProblem(url);
  if (problem)
    add(
      node,
      'link-scheme',
      `${what} to "${abbreviate(url)}": ${problem}`,
      'link to https://…, mailto:… or another article with ../article-id/',
    );
}

function abbreviate(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A syntax error from the parser, with the most useful hint for what usually causes it. */
function syntaxIssue(error: unknown, text: string): MdxIssue {
  const message = error instanceof Error ? error.message : String(error);
  const place = error as { line?: number; column?: number };
  // Some messages carry the place only in their text: "… (7:1-7:22)".
  const written = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(message);
  const line = typeof place.line === 'number' ? place.line : Number(written?.[1] ?? 1);
  const column = typeof place.column === 'number' ? place.column : Number(written?.[2] ?? 1);
  const lineText = text.split('\n')[line - 1] ?? '';
  const at = lineText.slice(Math.max(0, column - 1));
  let hint = 'check that every tag is closed and every { is a literal \\{';
  if (at.startsWith('<!') || /comment/i.test(message))
    hint =
      'HTML comments are not possible in articles; remove the comment (a note for reviewers goes in the proposal’s note)';
  else if (
    /^<\s*[\d\s=]/.test(at) ||
    /before name, expected a character that can start a name/.test(message)
  )
    hint = 'a < that is not a tag must be written \\< (or say "less than")';
  else if (/^\{/.test(at) || /expression/i.test(message))
    hint =
      'for a literal brace write \\{; placeholders go in square brackets, for example [lot number]';
  else if (/closing tag|end tag|expected a closing/i.test(message))
    hint = 'close every component: <Callout>…</Callout>, or <Figure … /> for one without content';
  return {
    line,
    column,
    rule: 'syntax',
    message: `the text cannot be read as MDX: ${(message.split('\n')[0] ?? '').replace(/\s*\(note:.*$/, '')}`,
    hint,
  };
}
