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
    expect(messages({ ...valid, sourceRevision: ['abc'] })[0]).toMatch(/in quotes/);
    // A legacy unquoted revision of digits is a number to YAML; the content graph checks its text.
    expect(messages({ ...valid, sourceRevision: 123456789012 })).toEqual([]);
  });

  it('names a missing title with an example of what to write', () => {
    const { title: _title, ...rest } = valid;
    expect(messages(rest)).toEqual(['title: title is missing: add a line such as title: "How bidding works"']);
  });

  it('refuses unknown fields so a typo does not go unnoticed', () => {
    expect(messages({ ...valid, promotd: true })[0]).toMatch(/unknown field/);
  });
});

describe('search keywords and summary translations in frontmatter', () => {
  it('accepts keywords, one Korean syllable included, and a summary flag', () => {
    expect(articleSchema.parse({ ...valid, keywords: ['2fa', 'login code', '돈'], summary: true })).toMatchObject({
      keywords: ['2fa', 'login code', '돈'],
      summary: true,
    });
  });

  it('says what to write for keywords that are not a list, too short, too long or too many', () => {
    expect(messages({ ...valid, keywords: '2fa, login code' })).toEqual([
      'keywords: keywords must be a list, for example keywords: [2fa, login code]',
    ]);
    expect(messages({ ...valid, keywords: ['x'] })).toEqual([
      'keywords.0: a keyword needs at least 2 characters (one Korean syllable, such as 돈, is enough)',
    ]);
    expect(messages({ ...valid, keywords: ['a'.repeat(61)] })).toEqual([
      'keywords.0: a keyword is over 60 characters: keep each to the words a customer types',
    ]);
    expect(messages({ ...valid, keywords: Array.from({ length: 31 }, (_, i) => `word${i}`) })).toEqual([
      'keywords: keywords has over 30 entries: keep the words customers really type',
    ]);
    expect(messages({ ...valid, summary: 'yes' })).toEqual(['summary: summary must be true or false']);
  });
});
