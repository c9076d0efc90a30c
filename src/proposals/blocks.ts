/**
 * The blocks of an article's MDX source, keyed the way the agent's browser keys the rendered page
 * (block-key.ts), and where a flag's passage is now: unchanged, changed (found by its quote) or
 * gone (orphaned, shown with the quote it was raised on).
 */
import { DIFF_DELETE, DIFF_EQUAL, makeDiff, type Diff } from '@sanity/diff-match-patch';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { keyBlocks, normaliseBlockText } from './block-key.ts';
import type { BlockKind } from './vocabulary.ts';

export interface SourceBlock {
  key: string;
  kind: BlockKind;
  text: string;
  /** 1-based line of the block in the file. */
  line: number;
}

const kindOf: Partial<Record<Nodes['type'], BlockKind>> = {
  heading: 'heading',
  paragraph: 'paragraph',
  listItem: 'list-item',
  table: 'table',
  blockquote: 'quote',
  code: 'code',
};

/** Blocks in document order, as the page shows them (the h1 title is not in the body). */
export function sourceBlocks(tree: Root): SourceBlock[] {
  return blockNodes(tree).map(({ node: _node, ...block }) => block);
}

/** The blocks with the mdast node each comes from, for marking them (the rendered diff). */
export function blockNodes(tree: Root): Array<SourceBlock & { node: Nodes }> {
  const found: Array<{ kind: BlockKind; text: string; line: number; node: Nodes }> = [];
  const walk = (node: Nodes, insideTextBlock: boolean) => {
    const kind = kindOf[node.type];
    // A paragraph inside a list item or quote is part of that block, as in the browser.
    const counts = kind !== undefined && !(kind === 'paragraph' && insideTextBlock);
    if (counts)
      found.push({ kind, text: toString(node), line: node.position?.start.line ?? 1, node });
    if (kind === 'table' || kind === 'code') return;
    if ('children' in node)
      for (const child of node.children as Nodes[])
        walk(child, insideTextBlock || kind === 'list-item' || kind === 'quote');
  };
  for (const child of tree.children) walk(child, false);
  return keyBlocks(found);
}

export type FlagLocation =
  | { status: 'found'; block: SourceBlock }
  /** The block's text changed; this is the closest block now (similarity 0–1). */
  | { status: 'changed'; block: SourceBlock; similarity: number }
  | { status: 'orphaned' };

/** Below this similarity a changed passage is not the same passage any more. */
const SAME_PASSAGE = 0.6;

export function locatePassage(
  passage: { blockKey: string; quote: string },
  blocks: readonly SourceBlock[],
): FlagLocation {
  const exact = blocks.find((block) => block.key === passage.blockKey);
  if (exact) return { status: 'found', block: exact };
  const quote = normaliseBlockText(passage.quote.replace(/…$/, ''));
  if (!quote) return { status: 'orphaned' };
  let best: { block: SourceBlock; similarity: number } | undefined;
  for (const block of blocks) {
    const text = normaliseBlockText(block.text).slice(0, quote.length + 200);
    if (!text) continue;
    const distance = levenshtein(makeDiff(quote, text));
    const similarity = 1 - distance / Math.max(quote.length, text.length);
    if (!best || similarity > best.similarity) best = { block, similarity };
  }
  return best && best.similarity >= SAME_PASSAGE
    ? { status: 'changed', block: best.block, similarity: Math.round(best.similarity * 100) / 100 }
    : { status: 'orphaned' };
}

/** Edit distance from a diff: each run of changes costs its larger side (as diff-match-patch). */
function levenshtein(diffs: Diff[]): number {
  let distance = 0;
  let inserted = 0;
  let deleted = 0;
  for (const [operation, text] of diffs) {
    if (operation === DIFF_EQUAL) {
      distance += Math.max(inserted, deleted);
      inserted = 0;
      deleted = 0;
    } else if (operation === DIFF_DELETE) deleted += text.length;
    else inserted += text.length;
  }
  return distance + Math.max(inserted, deleted);
}
