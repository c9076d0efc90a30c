import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src/lib/content-schema.ts';

const valid = {
  title: 'How bidding works',
  description: 'Place a bid and follow the auction.',
  section: 'bidding',
  audience: 'buyers',
  updated: '2026-10-01',
  owner: 'marketplace-team',
  reviewBy: '2027-01-01',
};

function messages(data: unknown) {
  const result = articleSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('article frontmatter', () => {
  it('accepts a complete article and fills the defaults', () => {
    const parsed = articleSchema.parse(valid);
    expect(parsed).toMatchObject({ visibility: 'public', promoted: false, labels: [], related: [] });
    expect(parsed.updated).toBeInstanceOf(Date);
  });

  it('explains how to fix each wrong field instead of dumping the validator', () => {
    expect(messages({ ...valid, audience: 'bidders' })).toEqual(['audience: audience must be one of buyers, sellers, both']);
    expect(messages({ ...valid, visibility: 'secret' })).toEqual(['visibility: visibility must be "public" or "internal"']);
    expect(messages({ ...valid, updated: 'last week' })).toEqual([
      'updated: updated must be a date written as YYYY-MM-DD, for example updated: 2026-11-01',
    ]);
    expect(messages({ ...valid, section: 'Bidding Help' })[0]).toMatch(/section must be an id in lower case with dashes/);
    expect(messages({ ...valid, sourceRevision: 'abc' })[0]).toMatch(/npm run translations/);
  });

  it('names a missing title with an example of what to write', () => {
    const { title: _title, ...rest } = valid;
    expect(messages(rest)).toEqual(['title: title is missing: add a line such as title: "How bidding works"']);
  });

  it('refuses unknown fields so a typo does not go unnoticed', () => {
    expect(messages({ ...valid, promotd: true })[0]).toMatch(/unknown field/);
  });
});
