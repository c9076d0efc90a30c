/**
 * How a report cell reads on the page, in the reader's locale through Intl: shares as
 * percentages, ratios and hours with one decimal, counts grouped. The CSV keeps the raw values.
 */
import { localeInfo, type Locale } from '../../i18n/locales.ts';
import type { Cell, ColumnKind } from '../../server/reports/tables.ts';

export function cellFormatter(
  locale: Locale,
  topicTitles: Record<string, Readonly<Record<Locale, string>>> = {},
): (kind: ColumnKind, value: Cell) => string {
  const tag = localeInfo[locale].intl;
  const count = new Intl.NumberFormat(tag);
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const oneDecimal = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  return (kind, value) => {
    if (value === null || value === '') return '—';
    if (typeof value === 'number') {
      if (kind === 'share') return share.format(value);
      if (kind === 'ratio' || kind === 'hours') return oneDecimal.format(value);
      return count.format(value);
    }
    if (kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return day.format(new Date(`${value}T00:00:00Z`));
    if (kind === 'locale' && value in localeInfo) return localeInfo[value as Locale].nativeName;
    if (kind === 'topic') return topicTitles[value]?.[locale] ?? value;
    return value;
  };
}
