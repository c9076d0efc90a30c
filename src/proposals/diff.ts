/**
 * The source diff a reviewer reads: lines that stayed, went, came, or changed, and inside a
 * changed line the words that changed. Words are found with Intl.Segmenter in the text's
 * language, so scripts without spaces between words (and Korean particles glued to nouns) split
 * where a reader of that language would.
 */
import { diffLines, diffWords } from 'diff';

export type WordPart = { change: 'same' | 'removed' | 'added'; text: string };

export type DiffRow =
  | { kind: 'same'; oldLine: number; newLine: number; text: string }
  | { kind: 'removed'; oldLine: number; text: string }
  | { kind: 'added'; newLine: number; text: string }
  | { kind: 'changed'; oldLine: number; newLine: number; old: WordPart[]; new: WordPart[] };

export function sourceDiff(oldText: string, newText: string, locale: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  const parts = diffLines(normalise(oldText), normalise(newText));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const partLines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of partLines)
        rows.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text });
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A run of removed lines followed by added ones: pair them up as changed lines.
      const added = splitLines(next.value);
      const pairs = Math.min(partLines.length, added.length);
      for (let j = 0; j < pairs; j++)
        rows.push({
          kind: 'changed',
          oldLine: oldLine++,
          newLine: newLine++,
          ...wordDiff(partLines[j]!, added[j]!, locale),
        });
      for (const text of partLines.slice(pairs))
        rows.push({ kind: 'removed', oldLine: oldLine++, text });
      for (const text of added.slice(pairs)) rows.push({ kind: 'added', newLine: newLine++, text });
      i++;
      continue;
    }
    for (const text of partLines)
      rows.push(
        part.removed
          ? { kind: 'removed', oldLine: oldLine++, text }
          : { kind: 'added', newLine: newLine++, text },
      );
  }
  return rows;
}

/** The words of two versions of a line, each marked same, removed or added. */
export function wordDiff(
  oldText: string,
  newText: string,
  locale: string,
): { old: WordPart[]; new: WordPart[] } {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const changes = diffWords(oldText, newText, { intlSegmenter: segmenter });
  const before: WordPart[] = [];
  const after: WordPart[] = [];
  for (const change of changes) {
    if (change.added) after.push({ change: 'added', text: change.value });
    else if (change.removed) before.push({ change: 'removed', text: change.value });
    else {
      before.push({ change: 'same', text: change.value });
      after.push({ change: 'same', text: change.value });
    }
  }
  return { old: before, new: after };
}

/** Rows with nothing changed far from any change are folded away; `context` lines are kept. */
export function foldUnchanged(
  rows: DiffRow[],
  context = 3,
): Array<DiffRow | { kind: 'fold'; count: number }> {
  const near = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === 'same') return;
    for (let j = Math.max(0, index - context); j <= Math.min(rows.length - 1, index + context); j++)
      near[j] = true;
  });
  const folded: Array<DiffRow | { kind: 'fold'; count: number }> = [];
  let hidden = 0;
  rows.forEach((row, index) => {
    if (near[index]) {
      if (hidden) folded.push({ kind: 'fold', count: hidden });
      hidden = 0;
      folded.push(row);
    } else hidden++;
  });
  if (hidden) folded.push({ kind: 'fold', count: hidden });
  return folded;
}

function normalise(text: string): string {
  const unified = text.replace(/\r\n?/g, '\n');
  return unified.endsWith('\n') ? unified : `${unified}\n`;
}

function splitLines(value: string): string[] {
  const parts = value.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}
