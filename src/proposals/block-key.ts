/**
 * Keys of the blocks of an article (headings, paragraphs, list items, tables, quotes, code), the
 * same whether computed in the browser from the rendered page or in the service from the MDX
 * source: a short hash of the block's kind and its normalised text. A flag keeps the key and the
 * quoted text, so it finds its passage again while the text is unchanged, and by its quote after.
 * No imports: this file runs in the agent's browser.
 */
import type { BlockKind } from './vocabulary.ts';

/**
 * Text as both sides see it: typographic quotes, dashes and ellipses folded (the build may curl
 * quotes), every space removed (the rendered page and the source break lines differently).
 */
export function normaliseBlockText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** FNV-1a, 32 bits: stable and fast; a key only needs to tell a page's blocks apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function blockKey(kind: BlockKind, text: string): string {
  return `${kind}-${fnv1a(normaliseBlockText(text))}`;
}

/**
 * Keys for a page's blocks in order: a block whose text repeats an earlier one of the same kind
 * gets "-2", "-3", so every key on a page is unique.
 */
export function keyBlocks<T extends { kind: BlockKind; text: string }>(
  blocks: readonly T[],
): Array<T & { key: string }> {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    const base = blockKey(block.kind, block.text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...block, key: count === 1 ? base : `${base}-${count}` };
  });
}

/** The quote stored with a flag: the block's text with spaces collapsed, at most `max` chars. */
export function quoteOf(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
