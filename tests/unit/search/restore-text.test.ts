import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from '../../../src/search/normalise.ts';
import { restoreWrittenWords } from '../../../src/search/restore-text.ts';
import { buildExcerpt } from '../../../src/search/excerpt.ts';

const fold = (word: string) => normaliseForSearch('ru', word);

describe('restoring written words in indexed Russian text', () => {
  const written = 'Счёт придёт на почту. Всё ещё нет счёта? Все счета — в профиле.';

  it('keeps ё in the text shown to readers, though the index folds it', () => {
    const indexed = normaliseForSearch('ru', written);
    expect(indexed).not.toContain('ё');
    expect(restoreWrittenWords(indexed, written, fold)).toBe(written);
  });

  it('tells всё from все by position, not by a word list', () => {
    const restored = restoreWrittenWords(
      'Все еще нет. Все счета.',
      'Всё ещё нет. Все счета.',
      fold,
    );
    expect(restored).toBe('Всё ещё нет. Все счета.');
  });

  it('skips text the index left out and keeps the word positions', () => {
    const indexed = 'Шаг ставки. Ваша ставка еще выше.';
    const page = 'Шаг ставки Для покупателей · Обновлено 14 октября Ваша ставка ещё выше.';
    const restored = restoreWrittenWords(indexed, page, fold);
    expect(restored).toBe('Шаг ставки. Ваша ставка ещё выше.');
    expect(restored.split(/\s+/)).toHaveLength(indexed.split(/\s+/).length);
  });

  it('shows ё in a search excerpt built from the restored text', () => {
    const restored = restoreWrittenWords(normaliseForSearch('ru', written), written, fold);
    const text = buildExcerpt(restored, [{ position: 4, weight: 1 }])
      .map((segment) => segment.text)
      .join('');
    expect(text).toContain('Всё ещё');
  });

  it('keeps a word the page does not have as indexed', () => {
    expect(restoreWrittenWords('новое слово', 'другой текст', fold)).toBe('новое слово');
  });
});
