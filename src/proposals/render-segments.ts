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

export type Segment = { kind: 'html'; html: string } | ComponentSegment<RootContent>;

const SLOT = /<hc-slot data-slot="(\d+)"><\/hc-slot>/;

/** An author component's node, from remark (mdast) or from Sätteri (hast): both look alike. */
export interface ComponentNode {
  name?: string | null;
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  children: unknown[];
}

/** The element that stands in for component number `index` until the HTML is cut there. */
export function componentSlot(index: number): Element {
  return {
    type: 'element',
    tagName: 'hc-slot',
    properties: { dataSlot: String(index) },
    children: [],
  };
}

/**
 * Cuts HTML with component slots in it into segments: the HTML between slots as it is, each slot
 * as its component with literal string attributes and its children (rendered by the caller).
 */
export function cutAtSlots<Child>(
  html: string,
  components: readonly ComponentNode[],
): Array<{ kind: 'html'; html: string } | ComponentSegment<Child>> {
  const segments: Array<{ kind: 'html'; html: string } | ComponentSegment<Child>> = [];
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
      children: node.children as Child[],
    });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) segments.push({ kind: 'html', html: rest });
  return segments;
}

export interface ComponentSegment<Child> {
  kind: 'component';
  name: string;
  props: Record<string, string>;
  children: Child[];
}

/** Segments of a list of sibling nodes; headings get the same kind of ids the build gives them. */
export function segmentsOf(
  nodes: readonly RootContent[],
  slugger = new GithubSlugger(),
): Segment[] {
  const components: Array<MdxJsxFlowElement | MdxJsxTextElement> = [];
  const placeholder = (_state: unknown, node: MdxJsxFlowElement | MdxJsxTextElement): Element => {
    components.push(node);
    return componentSlot(components.length - 1);
  };
  const root = { type: 'root', children: nodes.filter((n) => n.type !== 'yaml') } as Nodes;
  const hast = toHast(root, {
    handlers: {
      mdxJsxFlowElement: placeholder as never,
      mdxJsxTextElement: placeholder as never,
    },
  }) as HastRoot;
  addHeadingIds(hast, slugger);
  return cutAtSlots<RootContent>(toHtml(hast), components);
}

function addHeadingIds(tree: HastRoot, slugger: GithubSlugger): void {
  const visit = (node: HastNodes) => {
    if (node.type === 'element' && /^h[2-6]$/.test(node.tagName))
      node.properties = { ...node.properties, id: slugger.slug(textOf(node)) };
    if ('children' in node) for (const child of node.children as ElementContent[]) visit(child);
  };
  visit(tree);
}

export function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as HastNodes[]).map(textOf).join('');
  return '';
}
