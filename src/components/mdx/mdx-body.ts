/**
 * Article and snippet bodies, rendered from their MDX tree at page time instead of being compiled
 * into a JavaScript module each. Compiling made Vite bundle one module per article (51 s and most
 * of the build's memory at 10,000 pages) for text that never needs code: articles are Markdown
 * plus the seven author components with literal attributes (content/README.md).
 *
 * Sätteri, the parser Astro's own MDX uses, reads the text with the same features (GFM, smart
 * punctuation), so the HTML is the one the compiled module gave. Anything that would need code to
 * run (expressions, import and export, spread or expression attributes) or an element that is no
 * author component is an error naming the file, the line and what to write instead.
 */
import { readFileSync } from 'node:fs';
import type { ElementContent, Nodes, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { componentAttributes } from '../../proposals/mdx-safety.ts';
import {
  componentSlot,
  cutAtSlots,
  textOf,
  type ComponentNode,
  type ComponentSegment,
} from '../../proposals/render-segments.ts';

export interface MdxHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A body ready to render: its top-level nodes (headings have their ids) and its headings. */
export interface MdxBody {
  nodes: RootContent[];
  headings: MdxHeading[];
}

export type BodySegment = { kind: 'html'; html: string } | ComponentSegment<RootContent>;

/** The features Astro's MDX integration gives Sätteri by default. */
const features = { gfm: true, smartPunctuation: true, frontmatter: true } as const;
const componentList = Object.keys(componentAttributes).join(', ');

/**
 * Parses a body (the text after the frontmatter) of `file`, checks it and gives its headings ids
 * in document order, components' children included, as Astro's heading plugin does.
 */
export function mdxBody(body: string, file: string): MdxBody {
  let tree: Root;
  try {
    tree = mdxToHast(body, { features }) as Root;
  } catch (error) {
    // Sätteri says "line:column: what" (and the position again in brackets).
    const message = (error as Error).message;
    const [, line = '1', column = '1', what = message] =
      /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\([\w:-]+\))?$/s.exec(message) ?? [];
    throw new Error(
      `${file}:${Number(line) + linesBefore(body, file)}:${column}: this is not valid MDX: ${what}. A < or { that is meant as text needs a backslash before it (\\< or \\{).`,
    );
  }
  const problem = firstProblem(tree);
  if (problem) {
    const { line, column } = problem.node.position?.start ?? { line: 1, column: 1 };
    throw new Error(`${file}:${line + linesBefore(body, file)}:${column}: ${problem.message}`);
  }
  const slugger = new GithubSlugger();
  const headings: MdxHeading[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const text = textOf(node);
      const slug = slugger.slug(text);
      node.properties = { ...node.properties, id: slug };
      headings.push({ depth: Number(node.tagName[1]), slug, text });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { nodes: tree.children, headings };
}

/**
 * Sibling nodes cut into HTML and author components, each component with its literal attributes
 * and its children (rendered by the caller, through the same cut).
 */
export function bodySegments(nodes: readonly RootContent[]): BodySegment[] {
  const components: ComponentNode[] = [];
  const prepare = (node: RootContent): RootContent => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      components.push(node as unknown as ComponentNode);
      return componentSlot(components.length - 1);
    }
    if (node.type === 'text') return { type: 'raw', value: escapeText(node.value) };
    // Only comments are left of expressions (mdxBody refused the rest): they render nothing.
    if (
      (node.type as string) === 'mdxFlowExpression' ||
      (node.type as string) === 'mdxTextExpression'
    )
      return { type: 'raw', value: '' };
    if (node.type !== 'element') return node;
    return { ...node, children: node.children.map(prepare) as ElementContent[] };
  };
  const html = toHtml(
    { type: 'root', children: nodes.map(prepare) },
    { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } },
  );
  return cutAtSlots<RootContent>(html, components);
}

/**
 * Text escaped as Sätteri's serializer (and so the compiled MDX) escapes it: &, < and > as named
 * references. hast-util-to-html leaves > as it is, which is valid but not the same bytes.
 */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;',
  );
}

interface Problem {
  node: { position?: { start: { line: number; column: number } } };
  message: string;
}

/** An MDX comment, {/* like this *\/}, is allowed: it renders nothing, as in MDX. */
const onlyComments = /^\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*(?:\n\s*|$))*$/;

function firstProblem(node: Nodes): Problem | undefined {
  switch (node.type as string) {
    case 'mdxjsEsm':
      return {
        node,
        message: `import and export are not needed in articles: the components (${componentList}) are there without importing. Remove this line.`,
      };
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (onlyComments.test((node as unknown as { value: string }).value)) return undefined;
      return {
        node,
        message:
          'a JavaScript expression {…} cannot be part of an article. For a literal brace write \\{ (a backslash before it).',
      };
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const element = node as unknown as ComponentNode & Problem['node'];
      const allowed = componentAttributes[element.name ?? ''];
      if (!allowed)
        return {
          node,
          message: `<${element.name ?? ''}> is not a component articles can use. Use Markdown or one of: ${componentList}.`,
        };
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string')
          return {
            node,
            message: `<${element.name}> takes only literal text attributes, like ${allowed[0] ?? 'label'}="…"; remove ${attribute.name ? `the value of ${attribute.name}` : 'the {…}'}.`,
          };
        if (!allowed.includes(attribute.name!))
          return {
            node,
            message: `<${element.name}> has no attribute ${attribute.name}. ${allowed.length ? `It takes ${allowed.join(', ')}.` : 'It takes none.'}`,
          };
      }
      break;
    }
  }
  if ('children' in node)
    for (const child of node.children as Nodes[]) {
      const problem = firstProblem(child);
      if (problem) return problem;
    }
  return undefined;
}

/** Lines of frontmatter above the body, so an error points at the line in the file. */
function linesBefore(body: string, file: string): number {
  try {
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(body);
    return at > 0 ? text.slice(0, at).split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}
