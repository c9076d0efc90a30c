/**
 * Korean verb endings on a noun, stripped so a question finds the noun the article uses:
 * 입금되나요 → 입금, 결제할 → 결제, 취소하려면 → 취소, 환불받을 → 환불. Most verbs customers type
 * are a Sino-Korean noun with a light verb (하다 "do", 되다 "become", 받다 "receive", 시키다
 * "make"), so the noun is what articles are indexed by. Shared by the search index, the Pagefind
 * normalisation of page text and the query analysis.
 *
 * A word is cut only when
 * - the light verb starts at the third syllable or later (the noun keeps two or more: 결제, 입금);
 * - everything after the light verb is made of ending syllables (나요, 려면, 었어요, ㄹ 수…), at
 *   most five of them, so a noun that merely contains 하 or 한 (결제한도 → protected, 출하 → too
 *   short) is left alone;
 * - the cut does not fall inside a protected noun (한도, 하자, 수하물 …).
 */
import { stripKoreanParticle } from './korean-particles.ts';

// Conjugated forms of the light verbs: the syllable that starts the ending.
const lightVerbSyllables = new Set(
  '하 해 했 할 한 함 합 되 돼 됐 될 된 됨 됩 받 시'.split(' '),
);

// Syllables that make up verb endings (어미) and the auxiliaries customers type after them.
const endingSyllables = new Set(
  (
    '다 요 나 고 기 는 니 려 면 며 세 시 지 어 야 서 도 주 줘 습 까 데 을 수 있 없 죠 네 게 자 ' +
    '던 든 라 가 아 었 았 였 겠 으 실 셨 신 켜 켰 킬 킨 킵 키 달 와 워 봐 보 냐 래 랬 대 요 용 ' +
    '해 했 할 한 함 합 되 돼 됐 될 된 됨 됩 드 려 린 릴 렸 립 죠 군 걸 건 께 뒀 둬 놓 놔 줄 준 줍'
  ).split(' '),
);

// Nouns in which a light-verb syllable is part of the noun itself.
const protectedNouns = (
  '한도 하자 하락 하루 하단 수하물 위해 손해 피해 이해 해외 해지 해제 해결 해당 시간 시작 시스템 ' +
  '시점 시세 받침 되돌 한국 한정 합계 합산 할인 할부 함께 지시 게시 표시 개시 기한 권한 ' +
  '제한 포함 최대한 무제한 통합 종합'
).split(' ');

const hangulWord = /^[\uAC00-\uD7A3]+$/;
const maxEndingSyllables = 5;

/** The noun of a light-verb form (결제할 → 결제); any other word comes back unchanged. */
export function stripKoreanVerbEnding(word: string): string {
  if (word.length < 3 || !hangulWord.test(word)) return word;
  for (let cut = 2; cut < word.length; cut++) {
    if (!lightVerbSyllables.has(word[cut]!)) continue;
    const ending = word.slice(cut + 1);
    if (ending.length > maxEndingSyllables) continue;
    if (![...ending].every((syllable) => endingSyllables.has(syllable))) continue;
    if (protectedNouns.some((noun) => cutsThrough(word, noun, cut))) continue;
    // 하다/되다 alone after the noun (결제하다) or with an ending: the noun is what is searched.
    return word.slice(0, cut);
  }
  return word;
}

function cutsThrough(word: string, noun: string, cut: number): boolean {
  for (let start = word.indexOf(noun); start !== -1; start = word.indexOf(noun, start + 1)) {
    if (start <= cut && start + noun.length > cut) return true;
  }
  return false;
}

/**
 * A light verb on its own with its ending (받으려면 "if I want to receive", 하려면, 되나요, 해야):
 * it says what the reader wants to do with the topic, not the topic, like "get" or "do". 시 is
 * left out: too many nouns start with it (시기, 시가, 시도).
 */
export function isBareLightVerb(word: string): boolean {
  if (word.length < 2 || !hangulWord.test(word)) return false;
  const [first, ...ending] = [...word];
  if (first === '시' || !lightVerbSyllables.has(first!) || ending.length > maxEndingSyllables) return false;
  if (protectedNouns.some((noun) => word.startsWith(noun))) return false;
  return ending.every((syllable) => endingSyllables.has(syllable));
}

/** A Korean word as search compares it: particle and verb ending stripped (결제할 → 결제). */
export function normaliseKoreanWord(word: string): string {
  return stripKoreanVerbEnding(stripKoreanParticle(word));
}

/** {@link normaliseKoreanWord} on every word of a text, leaving everything else as it is. */
export function normaliseKoreanText(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}\p{N}]+/gu, normaliseKoreanWord);
}
