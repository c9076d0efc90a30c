/**
 * The excerpt of a search result: the window of the article text where the matched words are
 * densest, as segments to render (never HTML), so text from any page is only ever shown as text.
 * Word positions are Pagefind's: the n-th whitespace-separated word of the page's content.
 */

export interface ExcerptSegment {
  text: string;
  /** A matched word, shown highlighted. */
  mark: boolean;
}

/** A matched word position with how much it counts (the weight of the word searched for). */
export interface WeightedPosition {
  position: number;
  weight: number;
}

const wordSeparators = /[^\S\uFEFF]+/;

export function buildExcerpt(
  content: string,
  matches: readonly WeightedPosition[],
  length = 28,
): ExcerptSegment[] {
  // The same split as Pagefind's, so its word positions point at the same words.
  const words = content.split(wordSeparators);
  if (content.trim() === '') return [];
  const weightAt = new Map<number, number>();
  for (const { position, weight } of matches)
    weightAt.set(position, Math.max(weightAt.get(position) ?? 0, weight));
  const start = densestWindow(words.length, weightAt, length);
  const end = Math.min(words.length, start + length);
  const segments: ExcerptSegment[] = [];
  const push = (text: string, mark: boolean) => {
    const last = segments.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else segments.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    push(words[i]!, weightAt.has(i));
  }
  if (end < words.length) push(' …', false);
  return segments;
}

/** Where a window of `length` words holds the most match weight (the first such window). */
function densestWindow(
  wordCount: number,
  weightAt: ReadonlyMap<number, number>,
  length: number,
): number {
  if (wordCount <= length || weightAt.size === 0) return 0;
  let best = 0;
  let bestStart = 0;
  let sum = 0;
  for (let i = 0; i < wordCount; i++) {
    sum += weightAt.get(i) ?? 0;
    if (i >= length) sum -= weightAt.get(i - length) ?? 0;
    if (i >= length - 1 && sum > best) {
      best = sum;
      bestStart = i - length + 1;
    }
  }
  // A little context before the first match reads better than starting on it.
  const firstMatch =
    [...weightAt.keys()].filter((p) => p >= bestStart).sort((a, b) => a - b)[0] ?? bestStart;
  return Math.max(0, Math.min(bestStart, firstMatch - 3));
}

/**
 * Marks the words of a short text (a description) that match what was searched, using the
 * analyser's view of each word: `matches` says whether an analysed word was searched for.
 */
export function markWords(text: string, matches: (word: string) => boolean): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  for (const part of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    if (part === '') continue;
    const mark = /[\p{L}\p{N}]/u.test(part) && matches(part);
    const last = segments.at(-1);
    if (last && !last.mark && !mark) last.text += part;
    else segments.push({ text: part, mark });
  }
  return segments;
}
