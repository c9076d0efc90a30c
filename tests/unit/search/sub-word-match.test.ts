import { describe, expect, it } from 'vitest';
import { isMeaninglessSplit } from '../../../src/search/sub-word-match.ts';

describe('a text match on a tiny part of a word the index does not know does not count', () => {
  it.each([
    ['내나요', '내', true], // "do I pay" found as "my"
    ['notawordbid', 'bid', true],
    ['getting', 'get', false], // Pagefind's stem, not a split
    ['абракадабра', 'а', true], // a nonsense word found as the conjunction "а"
    ['заплачу', 'за', true],
    ['배송비', '배송비', false], // the word itself
    ['배송', '배송비는', false], // a prefix of the article's word
    ['käuferaufgeld', 'käufer', false], // a long part of a compound means something
    ['versandkosten', 'Versand,', false],
    ['payout', 'bid', false], // not a split of the searched word at all
  ] as const)('%s found as "%s": %s', (searched, found, meaningless) => {
    expect(isMeaninglessSplit(searched, found)).toBe(meaningless);
  });
});
