/**
 * Three-way merge of a proposal with the article as it is now: base → proposal against
 * base → current, line by line (node-diff3). Clean when the article did not change since the
 * proposal's base; merged automatically when both changed different lines; conflict where both
 * changed the same lines, each conflict to be resolved by keeping the proposal, keeping the
 * current text, or writing the block anew.
 */
import { diff3Merge } from 'node-diff3';

export type MergeBlock =
  | { kind: 'ok'; lines: string[] }
  | { kind: 'conflict'; id: number; proposal: string[]; base: string[]; current: string[] };

export type MergeStatus = 'clean' | 'merged' | 'conflict';

export interface MergeOutcome {
  status: MergeStatus;
  blocks: MergeBlock[];
  /** The merged text, when there is no conflict. */
  text: string | undefined;
}

export type Resolution =
  { choice: 'proposal' } | { choice: 'current' } | { choice: 'edit'; text: string };

const lines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

export function mergeProposal(base: string, proposal: string, current: string): MergeOutcome {
  if (normalise(current) === normalise(base))
    return { status: 'clean', blocks: [{ kind: 'ok', lines: lines(proposal) }], text: proposal };
  const regions = diff3Merge(lines(proposal), lines(base), lines(current), {
    excludeFalseConflicts: true,
  });
  const blocks: MergeBlock[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      const last = blocks.at(-1);
      if (last?.kind === 'ok') last.lines.push(...region.ok);
      else blocks.push({ kind: 'ok', lines: [...region.ok] });
    } else if (region.conflict) {
      blocks.push({
        kind: 'conflict',
        id: conflicts++,
        proposal: region.conflict.a,
        base: region.conflict.o,
        current: region.conflict.b,
      });
    }
  }
  if (conflicts > 0) return { status: 'conflict', blocks, text: undefined };
  return { status: 'merged', blocks, text: joinBlocks(blocks, {}) };
}

/** The merged text once every conflict has a resolution; the ids still open otherwise. */
export function resolveMerge(
  outcome: MergeOutcome,
  resolutions: Readonly<Record<number, Resolution>>,
): { ok: true; text: string } | { ok: false; open: number[] } {
  const open = outcome.blocks.flatMap((block) =>
    block.kind === 'conflict' && !resolutions[block.id] ? [block.id] : [],
  );
  if (open.length > 0) return { ok: false, open };
  return { ok: true, text: joinBlocks(outcome.blocks, resolutions) };
}

function joinBlocks(
  blocks: MergeBlock[],
  resolutions: Readonly<Record<number, Resolution>>,
): string {
  return blocks
    .flatMap((block) => {
      if (block.kind === 'ok') return block.lines;
      const resolution = resolutions[block.id];
      if (!resolution) return block.proposal;
      if (resolution.choice === 'proposal') return block.proposal;
      if (resolution.choice === 'current') return block.current;
      return lines(resolution.text);
    })
    .join('\n');
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
