/**
 * Which blocks of an article changed between two versions of its text: the blocks whose key is
 * in one version and not in the other. What a translator has to catch up on, and what the
 * rendered diff highlights.
 */
import { sourceBlocks, type SourceBlock } from './blocks.ts';
import { tryParseMdx } from './mdx-safety.ts';

export interface ChangedBlock {
  change: 'added' | 'removed';
  kind: string;
  text: string;
}

export function blocksOf(text: string): SourceBlock[] {
  const parsed = tryParseMdx(text);
  return parsed.ok ? sourceBlocks(parsed.tree) : [];
}

export function changedBlocks(before: string, after: string): ChangedBlock[] {
  const old = blocksOf(before);
  const now = blocksOf(after);
  const oldKeys = new Set(old.map((b) => b.key));
  const newKeys = new Set(now.map((b) => b.key));
  return [
    ...old
      .filter((b) => !newKeys.has(b.key))
      .map((b) => ({ change: 'removed' as const, kind: b.kind, text: b.text })),
    ...now
      .filter((b) => !oldKeys.has(b.key))
      .map((b) => ({ change: 'added' as const, kind: b.kind, text: b.text })),
  ];
}
