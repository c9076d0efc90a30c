import { describe, expect, it } from 'vitest';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';
import { normaliseKoreanText, stripKoreanVerbEnding } from '../../../src/search/analysers/korean-endings.ts';
import { normaliseForSearch } from '../../../src/search/normalise.ts';

describe('stripKoreanVerbEnding', () => {
  it.each([
    ['입금되나요', '입금'],
    ['결제할', '결제'],
    ['결제하려면', '결제'],
    ['결제했어요', '결제'],
    ['취소하고', '취소'],
    ['취소할', '취소'],
    ['배송되었어요', '배송'],
    ['배송돼요', '배송'],
    ['배송됐나요', '배송'],
    ['환불받을', '환불'],
    ['환불받으려면', '환불'],
    ['등록하다', '등록'],
    ['로그인했는데', '로그인'],
    ['입찰하세요', '입찰'],
    ['결제시', '결제'],
  ])('finds the noun of %s', (word, noun) => {
    expect(stripKoreanVerbEnding(word)).toBe(noun);
  });

  it.each([
    ['결제', 'a bare noun'],
    ['배송비', 'a noun ending in a syllable that is no light verb'],
    ['결제한도', '한도 is a noun, not 한 + 도'],
    ['해외배송', '해 at the start belongs to the noun'],
    ['신용카드', '드 is no light verb'],
    ['수하물', '하 inside a protected noun'],
    ['할인', 'two syllables: too short to carry a noun and an ending'],
    ['계약해지', '해지 is a noun'],
    ['최대한', 'a protected noun'],
    ['payment', 'not Korean'],
  ])('leaves %s alone (%s)', (word) => {
    expect(stripKoreanVerbEnding(word)).toBe(word);
  });

  it('strips a particle and a verb ending in one pass of page text, keeping everything else', () => {
    expect(normaliseKoreanText('결제를 언제까지 결제해야 하나요? PayPal로!')).toBe('결제 언제 결제 하나요? PayPal!');
    expect(normaliseForSearch('ko', '입금되나요')).toBe('입금');
  });

  it('makes a question with verb endings search like the nouns the article uses', async () => {
    const korean = await loadAnalyser('ko');
    const terms = (text: string) => korean.queryWords(text).flatMap((word) => word.terms);
    expect(terms('판매 대금은 언제 입금되나요')).toEqual(['판매', '대금', '입금']);
    expect(terms('카드로 결제할 수 있나요')).toEqual(['카드', '결제']);
    expect(korean.indexTerms('결제가 입금되면')).toEqual(['결제', '입금']);
  });
});

describe('a light verb on its own is not searched for', () => {
  it.each([
    ['구매자 보호를 받으려면', ['구매자', '보호']],
    ['환불을 하려면 어떻게 해야 되나요', ['환불']],
    ['할인 시기', ['할인', '시기']], // nouns that start like a light verb stay
    ['해외 배송', ['해외', '배송']],
  ] as const)('%s', async (question, words) => {
    const korean = await loadAnalyser('ko');
    expect(korean.queryWords(question).map((word) => word.surface)).toEqual(words);
  });
});
