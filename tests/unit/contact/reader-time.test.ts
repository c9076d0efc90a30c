import { describe, expect, it } from 'vitest';
import { describeInstant, formatDue, timeWords } from '../../../src/lib/format-due.ts';
import { uiStrings } from '../../../src/i18n/index.ts';
import { locales } from '../../../src/i18n/locales.ts';

const words = timeWords(uiStrings.en);
const due = '2026-12-01T07:00:00Z'; // Tuesday 08:00 in Amsterdam, 16:00 in Seoul

describe('a moment described for the reader', () => {
  it('names the reader’s zone and the team’s time beside it', () => {
    const text = describeInstant('en', due, {
      readerZone: 'Asia/Seoul',
      teamZone: 'Europe/Amsterdam',
      now: Date.parse('2026-11-28T03:00:00Z'),
      words,
    });
    expect(text).toBe(
      'Tuesday 1 December at 16:00 Korean Standard Time (08:00 Central European Standard Time for our team)',
    );
  });

  it('says today and tomorrow by the reader’s calendar, not the team’s', () => {
    // 1 December 00:30 in Seoul is still 30 November in Amsterdam.
    const now = Date.parse('2026-11-30T15:30:00Z');
    const seoul = describeInstant('en', due, { readerZone: 'Asia/Seoul', now, words });
    expect(seoul).toBe('today at 16:00 Korean Standard Time');
    const amsterdam = describeInstant('en', due, { readerZone: 'Europe/Amsterdam', now, words });
    expect(amsterdam).toBe('tomorrow at 08:00 Central European Standard Time');
  });

  it('gives the team’s day when it is another day than the reader’s', () => {
    // Monday 20:00 in Amsterdam is Tuesday 04:00 in Seoul.
    const text = describeInstant('en', '2026-11-30T19:00:00Z', {
      readerZone: 'Asia/Seoul',
      teamZone: 'Europe/Amsterdam',
      now: Date.parse('2026-11-30T12:00:00Z'),
      words,
    });
    expect(text).toBe(
      'tomorrow at 04:00 Korean Standard Time (today at 20:00 Central European Standard Time for our team)',
    );
  });

  it('names one zone when the reader’s clock reads like the team’s', () => {
    const text = describeInstant('en', due, {
      readerZone: 'Europe/Paris',
      teamZone: 'Europe/Amsterdam',
      now: Date.parse('2026-12-01T06:00:00Z'),
      words,
    });
    expect(text).toBe('today at 08:00 Central European Standard Time');
  });

  it('keeps Russian dates free of a nominative weekday', () => {
    const text = describeInstant('ru', due, {
      readerZone: 'Europe/Moscow',
      now: Date.parse('2026-11-20T12:00:00Z'),
      words: timeWords(uiStrings.ru),
    });
    expect(text).toMatch(/^1 декабря в 10:00 Москва, стандартное время$/);
  });

  it('has the words for today and tomorrow in every language', () => {
    for (const locale of locales) {
      const local = timeWords(uiStrings[locale]);
      const today = describeInstant(locale, due, {
        readerZone: 'Asia/Seoul',
        now: Date.parse('2026-12-01T01:00:00Z'),
        words: local,
      });
      const tomorrow = describeInstant(locale, due, {
        readerZone: 'Asia/Seoul',
        now: Date.parse('2026-11-30T01:00:00Z'),
        words: local,
      });
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      expect(today.toLowerCase()).toContain(rtf.format(0, 'day').toLowerCase());
      expect(tomorrow.toLowerCase()).toContain(rtf.format(1, 'day').toLowerCase());
      expect(today).not.toContain('{{');
    }
  });
});

describe('the due time the server writes without knowing the reader', () => {
  it('names the team’s zone in full for readers and briefly for agents', () => {
    expect(formatDue('en', due, 'Europe/Amsterdam', 'long')).toBe(
      'Tuesday 1 December at 08:00 Central European Standard Time',
    );
    expect(formatDue('ko', due, 'Europe/Amsterdam', 'long')).toContain('중부유럽 표준시');
    expect(formatDue('de', due, 'Europe/Amsterdam')).toMatch(/MEZ/);
  });
});
