import { describe, expect, test } from 'vitest';
import { toCsv } from '../../../src/server/reports/csv.ts';
import type { ReportTable } from '../../../src/server/reports/tables.ts';

const table = (rows: ReportTable['rows']): ReportTable => ({
  id: 'no-result',
  columns: [
    { key: 'locale', label: 'locale', kind: 'locale' },
    { key: 'query', label: 'query', kind: 'text' },
    { key: 'count', label: 'noResultSearches', kind: 'count' },
  ],
  rows,
});

describe('report CSV', () => {
  test('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv(table([{ locale: 'ko', query: '배송비', count: 3 }]), (label) => label);
    expect(csv).toBe('\uFEFFlocale,query,noResultSearches\r\nko,배송비,3\r\n');
  });

  test('quotes commas, quotes and line breaks', () => {
    const csv = toCsv(
      table([{ locale: 'en', query: 'fees, "buyer" premium\nwhy', count: 1 }]),
      (l) => l,
    );
    expect(csv.split('\r\n')[1]).toBe('en,"fees, ""buyer"" premium\nwhy",1');
  });

  test('defuses readers’ text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@']) {
      const csv = toCsv(
        table([{ locale: 'en', query: `${start}HYPERLINK("x")`, count: 1 }]),
        (l) => l,
      );
      expect(csv.split('\r\n')[1]).toBe(`en,"'${start}HYPERLINK(""x"")",1`);
    }
  });

  test('writes nothing for a missing figure', () => {
    expect(
      toCsv(table([{ locale: 'en', query: 'x', count: null }]), (l) => l).split('\r\n')[1],
    ).toBe('en,x,');
  });
});
