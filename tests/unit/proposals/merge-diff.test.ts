import { describe, expect, it } from 'vitest';
import { foldUnchanged, sourceDiff, wordDiff } from '../../../src/proposals/diff.ts';
import { mergeProposal, resolveMerge } from '../../../src/proposals/merge.ts';

const base = 'title\n\nFirst paragraph.\n\nSecond paragraph.\n';

describe('three-way merge of a proposal with the article as it is now', () => {
  it('is clean when the article did not change since the proposal’s base', () => {
    const proposal = base.replace('First', 'The first');
    expect(mergeProposal(base, proposal, base)).toMatchObject({ status: 'clean', text: proposal });
  });

  it('merges automatically when both changed different lines', () => {
    const outcome = mergeProposal(
      base,
      base.replace('First', 'The first'),
      base.replace('Second', 'The second'),
    );
    expect(outcome).toMatchObject({
      status: 'merged',
      text: 'title\n\nThe first paragraph.\n\nThe second paragraph.\n',
    });
  });

  it('reports a conflict where both changed the same line, and resolves it three ways', () => {
    const outcome = mergeProposal(
      base,
      base.replace('First', 'Proposed first'),
      base.replace('First', 'Current first'),
    );
    expect(outcome.status).toBe('conflict');
    expect(outcome.blocks.filter((b) => b.kind === 'conflict')).toEqual([
      {
        kind: 'conflict',
        id: 0,
        proposal: ['Proposed first paragraph.'],
        base: ['First paragraph.'],
        current: ['Current first paragraph.'],
      },
    ]);
    expect(resolveMerge(outcome, {})).toEqual({ ok: false, open: [0] });
    expect(resolveMerge(outcome, { 0: { choice: 'proposal' } })).toEqual({
      ok: true,
      text: base.replace('First', 'Proposed first'),
    });
    expect(resolveMerge(outcome, { 0: { choice: 'current' } })).toEqual({
      ok: true,
      text: base.replace('First', 'Current first'),
    });
    expect(resolveMerge(outcome, { 0: { choice: 'edit', text: 'Both.' } })).toEqual({
      ok: true,
      text: base.replace('First paragraph.', 'Both.'),
    });
  });

  it('takes the same change on both sides as no conflict', () => {
    const same = base.replace('First', 'The first');
    expect(mergeProposal(base, same, same)).toMatchObject({ status: 'merged', text: same });
  });
});

describe('the source diff', () => {
  it('pairs changed lines and marks the words that changed', () => {
    const rows = sourceDiff(
      'a\nThe lot ships in 3 days.\nc\n',
      'a\nThe lot ships in 5 days.\nc\nd\n',
      'en',
    );
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'same', 'added']);
    const changed = rows[1]!;
    expect(
      changed.kind === 'changed' &&
        changed.new.filter((w) => w.change === 'added').map((w) => w.text),
    ).toEqual(['5']);
  });

  it('splits Korean into words with Intl.Segmenter, so a changed particle word is its own change', () => {
    const { old, new: after } = wordDiff('결제를 완료하세요', '결제는 내일 완료하세요', 'ko');
    expect(old).toEqual([
      { change: 'removed', text: '결제를' },
      { change: 'same', text: ' 완료하세요' },
    ]);
    expect(after.find((w) => w.change === 'same')?.text).toBe(' 완료하세요');
  });

  it('folds long unchanged stretches, keeping three lines of context', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const folded = foldUnchanged(sourceDiff(old, old.replace('line 10', 'line ten'), 'en'));
    expect(folded.map((row) => row.kind)).toEqual([
      'fold',
      'same',
      'same',
      'same',
      'changed',
      'same',
      'same',
      'same',
      'fold',
    ]);
  });
});
