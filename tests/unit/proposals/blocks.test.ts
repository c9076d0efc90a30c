import { describe, expect, it } from 'vitest';
import { blockKey, keyBlocks, normaliseBlockText } from '../../../src/proposals/block-key.ts';
import { locatePassage, sourceBlocks } from '../../../src/proposals/blocks.ts';
import { parseMdx } from '../../../src/proposals/mdx-safety.ts';

const article = (body: string) => sourceBlocks(parseMdx(`---\ntitle: T\n---\n\n${body}`));

const original = `## Paying

Pay within 3 days of the auction closing.

- Card, iDEAL or PayPal arrive at once.
- A bank transfer takes 1–2 business days.

<Callout type="tip">

Use the payment reference from your invoice.

</Callout>

| Method | Time |
| --- | --- |
| Card | now |`;

describe('blocks of an article source', () => {
  it('lists headings, paragraphs, list items and tables in order, with the line they start on', () => {
    const blocks = article(original);
    expect(blocks.map((b) => [b.kind, b.line])).toEqual([
      ['heading', 5],
      ['paragraph', 7],
      ['list-item', 9],
      ['list-item', 10],
      ['paragraph', 14],
      ['table', 18],
    ]);
  });

  it('keys a block by its kind and text, the way the browser keys the rendered page', () => {
    const [heading] = article(original);
    // The rendered page may curl quotes and break lines differently; the key does not change.
    expect(heading!.key).toBe(blockKey('heading', 'Paying'));
    expect(blockKey('paragraph', 'It’s “due”\n  now…')).toBe(
      blockKey('paragraph', 'It\'s "due" now...'),
    );
    expect(normaliseBlockText(' A  b\nC ')).toBe('abc');
  });

  it('gives repeated blocks of the same text their own keys', () => {
    const keys = keyBlocks([
      { kind: 'paragraph' as const, text: 'Same.' },
      { kind: 'paragraph' as const, text: 'Same.' },
      { kind: 'heading' as const, text: 'Same.' },
    ]).map((b) => b.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys[1]).toBe(`${keys[0]}-2`);
  });
});

describe('finding a flagged passage again', () => {
  const flagged = article(original)[1]!; // "Pay within 3 days…"
  const passage = { blockKey: flagged.key, quote: flagged.text };

  it('finds the passage while its text is unchanged, even when other blocks moved', () => {
    const moved = article(`Intro added above.\n\n${original}`);
    expect(locatePassage(passage, moved)).toMatchObject({ status: 'found', block: { line: 9 } });
  });

  it('finds a rewritten passage by its quote, as changed', () => {
    const edited = article(original.replace('within 3 days', 'within three days'));
    const location = locatePassage(passage, edited);
    expect(location).toMatchObject({ status: 'changed', block: { kind: 'paragraph' } });
    expect(location.status === 'changed' && location.similarity).toBeGreaterThan(0.8);
  });

  it('shows the flag as orphaned when the passage is gone', () => {
    const removed = article(original.replace('Pay within 3 days of the auction closing.\n\n', ''));
    expect(locatePassage(passage, removed)).toEqual({ status: 'orphaned' });
  });
});
