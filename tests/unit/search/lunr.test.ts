import { describe, expect, it } from 'vitest';
import { buildWithDocumentIdf, lunr } from '../../../src/search/lunr.ts';

function builderFor(docs: Array<{ id: string; title: string; body: string }>) {
  const builder = new lunr.Builder();
  builder.ref('id');
  builder.field('title');
  builder.field('body');
  for (const doc of docs) builder.add(doc);
  return builder;
}

function bodyWeight(index: lunr.Index, ref: string): number | undefined {
  const vectors = (index as unknown as { fieldVectors: Record<string, lunr.Vector> }).fieldVectors;
  return vectors[`body/${ref}`]?.toArray()[0];
}

describe('buildWithDocumentIdf', () => {
  it('weighs a term by the articles that contain it, not by the fields it appears in', () => {
    // alpha and gamma are each in one article of three; alpha is also in that article's title.
    const index = buildWithDocumentIdf(
      builderFor([
        { id: 'a', title: 'alpha', body: 'alpha' },
        { id: 'g', title: '', body: 'gamma' },
        { id: 'o', title: '', body: 'omega' },
      ]),
    );
    expect(bodyWeight(index, 'a')).toBeCloseTo(bodyWeight(index, 'g') ?? NaN, 10);
  });

  it("puts lunr's own weighting back afterwards, also when building fails", () => {
    const original = (lunr as unknown as { idf: unknown }).idf;
    buildWithDocumentIdf(builderFor([{ id: '1', title: 'one', body: 'two' }]));
    expect((lunr as unknown as { idf: unknown }).idf).toBe(original);
    const failing = builderFor([{ id: '1', title: 'one', body: 'two' }]);
    failing.build = () => {
      throw new Error('broken');
    };
    expect(() => buildWithDocumentIdf(failing)).toThrow('broken');
    expect((lunr as unknown as { idf: unknown }).idf).toBe(original);
  });
});
