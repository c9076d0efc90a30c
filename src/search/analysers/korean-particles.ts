/**
 * Korean particles (josa) stripped from the end of a word, so 결제를, 결제는 and 결제 all search
 * as 결제. Shared by the Korean analyser and by the Pagefind normalisation of page text.
 *
 * A particle is stripped only when it can really be one:
 * - the sound before it fits: 이/은/을/과/으로 follow a final consonant (batchim), 가/는/를/와/로
 *   follow a vowel (로 also ㄹ), so 아이, 페이, 마을 and 경로 keep their last syllable;
 * - enough of the word remains: a one-syllable particle needs a stem of two syllables, a longer
 *   one a stem of one, so 한도, 정도, 문의, 미만 and 하나 stay whole (after a number, one syllable
 *   is enough: 3일이 → 3일);
 * - the cut does not fall inside a noun that only looks like stem + particle (결과, 한도, 고양이),
 *   which also protects compounds such as 검색결과 and 결제한도.
 * Only one particle is stripped; stacked particles that are common (에서는, 으로도) are listed whole.
 */

/** Which sound must end the stem for the particle to attach to it. */
type Attachment = 'any' | 'vowel' | 'consonant' | 'consonant-not-rieul' | 'vowel-or-rieul';

// Deliberately left out: 요 (it ends 필요, 중요, 수요, 주요) and plural 들 (a suffix, not a particle).
const particlesByAttachment: Record<Attachment, string> = {
  any:
    '에서부터 에게서 한테서 에서는 에서도 에게는 에게도 한테는 까지는 까지도 부터는 보다는 입니다 ' +
    '인가요 에서 에게 한테 께서 까지 부터 처럼 보다 하고 조차 마저 밖에 마다 에는 에도 에 의 도 만 께',
  consonant: '이라고 이라는 이에요 이나 이랑 이란 이요 이며 이든 과는 과도 은 이 을 과',
  'consonant-not-rieul': '으로부터 으로서 으로써 으로는 으로도 으로',
  vowel: '라고 라는 예요 와는 와도 는 가 를 와 나 랑 란',
  'vowel-or-rieul': '로부터 로서 로써 로는 로도 로',
};

/** Longest first, so 에서부터 wins over 부터 and 에서는 over 는. */
const particles = Object.entries(particlesByAttachment)
  .flatMap(([attachment, list]) =>
    list.split(' ').map((text) => ({ text, attachment: attachment as Attachment })),
  )
  .sort((a, b) => b.text.length - a.text.length);

/**
 * Nouns whose last syllable(s) look like a particle. A strip that would cut through one of them is
 * refused, which also protects compounds that end in them (검색결과, 결제한도, 상자길이). Kept short
 * on purpose: each entry also blocks stem + particle wherever the stem ends in its first syllable
 * (문의 would block 주문의, 정도 계정도, 용도 비용도), so only nouns whose first syllable rarely ends
 * another stem are listed. A two-syllable noun on its own needs no entry: one syllable is too short
 * a stem for a one-syllable particle.
 */
const nounsEndingLikeAParticle = (
  '결과 한도 속도 난이도 미만 최저가 최고가 어린이 고양이 목걸이 귀걸이 옷걸이 놀이 높이 길이 넓이 ' +
  '깊이 바나나'
).split(' ');

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const FINAL_CONSONANTS = 28;
const FINAL_RIEUL = 8;
const trailingSyllables = /[\uAC00-\uD7A3]+$/;
const endsWithLetterOrDigit = /[\p{L}\p{N}]$/u;

/** The final consonant (jongseong) index of a Hangul syllable: 0 when it ends in a vowel. */
export function finalConsonantOf(syllable: string): number {
  const code = syllable.charCodeAt(0);
  if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return -1;
  return (code - FIRST_SYLLABLE) % FINAL_CONSONANTS;
}

function attachesTo(lastSyllable: string, attachment: Attachment): boolean {
  const final = finalConsonantOf(lastSyllable);
  switch (attachment) {
    case 'any':
      return true;
    case 'vowel':
      return final === 0;
    case 'consonant':
      return final > 0;
    case 'consonant-not-rieul':
      return final > 0 && final !== FINAL_RIEUL;
    case 'vowel-or-rieul':
      return final === 0 || final === FINAL_RIEUL;
  }
}

function cutsThroughProtectedNoun(word: string, cut: number): boolean {
  return nounsEndingLikeAParticle.some((noun) => {
    for (let start = word.indexOf(noun); start !== -1; start = word.indexOf(noun, start + 1)) {
      if (start < cut && start + noun.length > cut) return true;
    }
    return false;
  });
}

/**
 * Strips one trailing particle from a word: 결제를 → 결제, 배송비는 → 배송비, PayPal로 → PayPal.
 * Words without a particle (배송비, 번호, 한도) and words that are not Korean come back unchanged.
 * Expects NFC text (what browsers and the build produce); case and other characters are kept.
 */
export function stripKoreanParticle(word: string): string {
  const hangulEnd = trailingSyllables.exec(word);
  if (!hangulEnd) return word;
  const head = word.slice(0, hangulEnd.index);
  const hangul = hangulEnd[0];
  for (const particle of particles) {
    if (!hangul.endsWith(particle.text)) continue;
    const stem = hangul.slice(0, -particle.text.length);
    if (stem === '') {
      // A particle right after a Latin word or a number (PayPal로, iDEAL을): nothing to check.
      if (endsWithLetterOrDigit.test(head)) return head;
      continue;
    }
    // After a number or Latin word the Hangul part is a counter or suffix (3일이, 50유로를).
    const minimumStem = particle.text.length === 1 && head === '' ? 2 : 1;
    if (stem.length < minimumStem) continue;
    if (!attachesTo(stem.slice(-1), particle.attachment)) continue;
    if (cutsThroughProtectedNoun(hangul, stem.length)) continue;
    return head + stem;
  }
  return word;
}

const particleTexts = new Set(particles.map((particle) => particle.text));

/** Whether a word is nothing but a particle, as when markup split it off its noun (**결제**를). */
export function isKoreanParticle(word: string): boolean {
  return particleTexts.has(word);
}

/** Applies {@link stripKoreanParticle} to every word of a text, leaving everything else as it is. */
export function stripKoreanParticles(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}\p{N}]+/gu, stripKoreanParticle);
}
