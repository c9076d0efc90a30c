import { describe, expect, it } from 'vitest';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';
import { stripKoreanParticle } from '../../../src/search/normalise.ts';
import { suggesterFor, type DocRow } from './suggest-helpers.ts';

describe('stripKoreanParticle', () => {
  it.each([
    ['결제를', '결제'],
    ['결제는', '결제'],
    ['결제가', '결제'],
    ['결제도', '결제'],
    ['배송비는', '배송비'],
    ['배송비가', '배송비'],
    ['번호로', '번호'],
    ['번호를', '번호'],
    ['계정으로', '계정'],
    ['서울로', '서울'],
    ['현금으로', '현금'],
    ['계좌에서', '계좌'],
    ['판매자에게', '판매자'],
    ['판매자에게서', '판매자'],
    ['계좌에서는', '계좌'],
    ['경매란', '경매'],
    ['입찰이란', '입찰'],
    ['배송비인가요', '배송비'],
    ['카드나', '카드'],
    ['결과는', '결과'],
    ['한도를', '한도'],
    ['고양이가', '고양이'],
    ['PayPal로', 'PayPal'],
    ['iDEAL을', 'iDEAL'],
    ['3일이', '3일'],
    ['50유로를', '50유로'],
  ])('strips the particle from %s', (word, stem) => {
    expect(stripKoreanParticle(word)).toBe(stem);
  });

  it.each([
    ['배송비', 'ends in 비, which is no particle'],
    ['번호', 'ends in 호, which is no particle'],
    ['아이', '이 follows a vowel, so it is not the subject particle'],
    ['페이', '이 follows a vowel'],
    ['마을', '을 follows a vowel'],
    ['경로', '로 follows ㅇ, not a vowel or ㄹ'],
    ['평가', '가 follows a final consonant'],
    ['카카오페이', '이 follows a vowel, however long the word'],
    ['시골마을', '을 follows a vowel, however long the word'],
    ['배송경로', '로 follows ㅇ, however long the word'],
    ['상품평가', '가 follows a final consonant, however long the word'],
    ['한도', 'one syllable is too short a stem for 도'],
    ['문의', 'one syllable is too short a stem for 의'],
    ['미만', 'one syllable is too short a stem for 만'],
    ['하나', 'one syllable is too short a stem for 나'],
    ['필요', '요 is not treated as a particle'],
    ['결과', '결과 is a noun, not 결 + 과'],
    ['검색결과', 'compounds ending in 결과 are protected'],
    ['결제한도', 'compounds ending in 한도 are protected'],
    ['어린이', '어린이 is a noun, not 어린 + 이'],
    ['에서', 'a particle alone has no stem to keep'],
    ['payment', 'not Korean'],
  ])('leaves %s whole: %s', (word) => {
    expect(stripKoreanParticle(word)).toBe(word);
  });
});

const articles: DocRow[] = [
  [
    'payment-methods',
    '결제 방법',
    '카드, iDEAL, PayPal 또는 SEPA 계좌 이체로 낙찰 금액을 냅니다.',
    '경매가 끝난 후 3일 안에 완료하세요. 계좌 이체는 도착까지 1–2 영업일이 걸립니다.',
  ],
  [
    'shipping-costs',
    '배송비 안내',
    '판매자가 정하고 로트 페이지에 표시됩니다.',
    '50유로 이상은 추적 배송, 500유로 이상은 보험 배송이 필요합니다.',
  ],
  [
    'tracking',
    '배송 조회',
    '보낸 로트가 어디에 있는지 확인하세요.',
    '추적 번호는 판매자가 입력합니다.',
  ],
  [
    'phone-number',
    '전화번호 변경',
    '2단계 로그인에 쓰는 전화번호를 바꿉니다.',
    'SMS 코드를 받을 수 있어야 합니다.',
  ],
];

describe('Korean suggestions', () => {
  it('finds an article that writes 결제 bare when the query has a particle', async () => {
    const suggest = await suggesterFor('ko', articles);
    expect(suggest('결제를')[0]).toBe('payment-methods');
    expect(suggest('결제는')[0]).toBe('payment-methods');
    expect(suggest('결제')[0]).toBe('payment-methods');
  });

  it('finds an article that writes 결제 and 배송비 only with particles when the query is bare', async () => {
    const suggest = await suggesterFor('ko', [
      [
        'payment-deadline',
        '낙찰 후 기한',
        '결제는 3일 안에 해야 합니다.',
        '48시간 후에 알림을 보냅니다.',
      ],
      [
        'who-pays-shipping',
        '누가 부담하나요',
        '배송비는 구매자가 냅니다.',
        '로트 페이지에 적혀 있습니다.',
      ],
    ]);
    expect(suggest('결제')).toEqual(['payment-deadline']);
    expect(suggest('배송비')).toEqual(['who-pays-shipping']);
  });

  it('tells 배송비 (shipping cost) from 배송 (shipping) in both directions', async () => {
    const suggest = await suggesterFor('ko', articles);
    expect(suggest('배송비는')[0]).toBe('shipping-costs');
    expect(suggest('배송비 ')[0]).toBe('shipping-costs');
    expect(suggest('배송을 ')[0]).toBe('tracking');
  });

  it('keeps words that end like a particle whole, so 전화번호를 finds 전화번호', async () => {
    const suggest = await suggesterFor('ko', articles);
    expect(suggest('전화번호를')[0]).toBe('phone-number');
    expect(suggest('전화번호')[0]).toBe('phone-number');
  });

  it('finds Latin product names followed by a particle', async () => {
    const suggest = await suggesterFor('ko', articles);
    expect(suggest('PayPal로 ')[0]).toBe('payment-methods');
  });

  it('suggests while a syllable is still being composed', async () => {
    const suggest = await suggesterFor('ko', articles);
    expect(suggest('배송ㅂ')).toContain('shipping-costs');
    expect(suggest('결젤')[0]).toBe('payment-methods');
  });

  it('ignores a particle that markup split off its noun', async () => {
    const analyser = await loadAnalyser('ko');
    expect(analyser.indexTerms('**결제**를 3일이 지나기 전에')).toEqual([
      '결제',
      '3',
      '일',
      '지나기',
      '전에',
    ]);
  });

  it('needs two characters and ignores question words', async () => {
    const suggest = await suggesterFor('ko', articles);
    expect(suggest('결')).toEqual([]);
    expect(suggest('어떻게 하나요')).toEqual([]);
  });
});
