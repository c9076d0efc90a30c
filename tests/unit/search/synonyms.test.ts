import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSynonyms } from '../../../src/search/synonyms.ts';

/** A content folder holding one synonyms file for en. */
function contentWith(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hc-synonyms-'));
  mkdirSync(join(dir, 'search', 'synonyms'), { recursive: true });
  writeFileSync(join(dir, 'search', 'synonyms', 'en.yaml'), yaml);
  return dir;
}

describe('synonyms files', () => {
  it('turns each group into rules both ways and each expansion into one rule', () => {
    const rules = loadSynonyms(contentWith('equivalent:\n  - [2fa, two-step sign-in]\nexpand:\n  refund: [money back]\n'), 'en');
    expect(rules).toEqual([
      { from: '2fa', to: ['two-step sign-in'] },
      { from: 'two-step sign-in', to: ['2fa'] },
      { from: 'refund', to: ['money back'] },
    ]);
  });

  it('has no synonyms when the locale has no file', () => {
    expect(loadSynonyms(mkdtempSync(join(tmpdir(), 'hc-synonyms-')), 'en')).toEqual([]);
  });

  it('names the file, the entry and what to write for every problem', () => {
    const dir = contentWith(
      'equivalent:\n  - [watchlist]\n  - [x, saved lots]\nexpand:\n  2fa: []\nsynonym: []\n',
    );
    expect(() => loadSynonyms(dir, 'en')).toThrowError(
      /en\.yaml: equivalent\[0\]: a group needs at least 2 entries: the word and what it means/,
    );
    let message = '';
    try {
      loadSynonyms(dir, 'en');
    } catch (error) {
      message = String((error as Error).message);
    }
    expect(message).toContain('equivalent[1][0]: an entry needs at least 2 characters');
    expect(message).toContain('expand.2fa: name at least one word or phrase it expands to');
    expect(message).toContain('unknown field "synonym": a synonyms file has only "equivalent" and "expand"');
  });

  it('refuses a word in two groups, which would silently join them', () => {
    const dir = contentWith('equivalent:\n  - [login, sign in]\n  - [Login, log on]\n');
    expect(() => loadSynonyms(dir, 'en')).toThrowError(
      /equivalent\[1\]: "Login" is also in equivalent\[0\]; merge the two groups into one/,
    );
  });
});
