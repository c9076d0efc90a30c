import { createAnalyser, remembered } from './analyser.ts';
import { isBareLightVerb, normaliseKoreanWord } from './korean-endings.ts';
import { finalConsonantOf, isKoreanParticle } from './korean-particles.ts';
import { isSingleLetter, unique, wordsOf } from './text.ts';

/**
 * Korean: words split on whitespace and punctuation (Intl.Segmenter does not split particles),
 * the particle stripped from each word (결제를 → 결제), then Hangul and Latin parts separated so
 * "PayPal계정" indexes paypal and 계정. No stemmer: Korean nouns do not inflect, and verbs are
 * rare in what visitors type as a subject. Needs no lunr-languages file.
 */

// Loose jamo appear while an IME is composing a syllable (결ㅈ) and in chat style (ㅠㅠ, ㅋㅋ).
const looseJamo = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uD7B0-\uD7FF]+/g;
const scriptParts = /[\uAC00-\uD7A3]+|[^\uAC00-\uD7A3]+/g;
const hangul = /^[\uAC00-\uD7A3]+$/;

/** Function words and question words that say nothing about the topic of a question. */
const stopWords = new Set(
  (
    '어떻게 어떤 무엇 뭐 무슨 왜 언제 어디 어느 누가 얼마 그리고 그러나 그런데 하지만 또는 혹은 및 ' +
    '등 그 이 저 것 수 좀 더 안 못 잘 제 저는 제가 저의 내가 우리 있나요 없나요 하나요 되나요 ' +
    '있어요 없어요 해요 돼요 되요 합니다 됩니다 있습니다 없습니다 싶어요 싶습니다 주세요 ' +
    '알려주세요 하는 해야 할 한 된 되는 있는 없는 때 경우 관련'
  ).split(' '),
);

const normalised = remembered(normaliseKoreanWord);

function words(text: string): string[] {
  return wordsOf(text.replace(looseJamo, ' '))
    .map(normalised)
    .flatMap((word) => word.match(scriptParts) ?? [])
    .filter((part) => !isSingleLetter(part));
}

/**
 * While a syllable is being composed, the input briefly shows the next consonant as a final one
 * (결제 → 결젤 on the way to 결제를) or a syllable of the coming particle (배송비느). Dropping the
 * final consonant of the last syllable, or the last syllable of a long word, keeps a match.
 */
function prefixes(word: string): string[] {
  const forms = [word];
  if (!hangul.test(word)) return forms;
  const last = word.slice(-1);
  const final = finalConsonantOf(last);
  if (final > 0) forms.push(word.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) - final));
  if (word.length >= 3) forms.push(word.slice(0, -1));
  return unique(forms);
}

export const analyser = createAnalyser({
  locale: 'ko',
  words,
  isStopWord: (word) => stopWords.has(word) || isKoreanParticle(word) || isBareLightVerb(word),
  stems: (word) => [word],
  surface: (word) => word,
  prefixes,
});
