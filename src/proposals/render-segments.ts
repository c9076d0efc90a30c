/**
 * A proposal's MDX (already through the safety gate) cut into what the preview renders: runs of
 * plain Markdown as HTML, and the author components with their literal attributes and their
 * children, to be rendered by the site's real components. Nothing is compiled or evaluated.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export type Segment =
  | { kind: 'html'; html: string }
  | {
      kind: 'component';
      name: string;
      props: Record<string, string>;
      children: RootContent[];
    };

const SLOT = /<hc-slot data-slot="(\d+)"><\/hc-slot>/;

/** Segments of a list of sibling nodes; headings get the same kind of ids the build gives them. */
export function segmentsOf(
  nodes: readonly RootContent[],
  slugger = new GithubSlugger(),
): Segment[] {
  const components: Array<MdxJsxFlowElement | MdxJsxTextElement> = [];
  const placeholder = (_state: unknown, node: MdxJsxFlowElement | MdxJsxTextElement): Element => {
    components.push(node);
    return {
      type: 'element',
      tagName: 'hc-slot',
      properties: { dataSlot: String(components.length - 1) },
      children: [],
    };
  };
  const root = { type: 'root', children: nodes.filter((n) => n.type !== 'yaml') } as Nodes;
  const hast = toHast(root, {
    handlers: {
      mdxJsxFlowElement: placeholder as never,
      mdxJsxTextElement: placeholder as never,
    },
  }) as HastRoot;
  addHeadingIds(hast, slugger);
  const html = toHtml(hast);

  const segments: Segment[] = [];
  let rest = html;
  for (let match = SLOT.exec(rest); match; match = SLOT.exec(rest)) {
    if (match.index > 0) segments.push({ kind: 'html', html: rest.slice(0, match.index) });
    const node = components[Number(match[1])]!;
    segments.push({
      kind: 'component',
      name: node.name ?? '',
      props: Object.fromEntries(
        node.attributes.flatMap((a) =>
          a.type === 'mdxJsxAttribute' && typeof a.value === 'string' ? [[a.name, a.value]] : [],
        ),
      ),
      children: node.children as RootContent[],
    });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) segments.push({ kind: 'html', html: rest });
  return segments;
}

function addHeadingIds(tree: HastRoot, slugger: GithubSlugger): void {
  const visit = (node: HastNodes) => {
    if (node.type === 'element' && /^h[2-6]$/.test(node.tagName))
      node.properties = { ...node.properties, id: slugger.slug(textOf(node)) };
    if ('children' in node) for (const child of node.children as ElementContent[]) visit(child);
  };
  visit(tree);
}

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as HastNodes[]).map(textOf).join('');
  return '';
}
