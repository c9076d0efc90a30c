/**
 * CSV of a report table (RFC 4180: comma, CRLF, quotes doubled). A cell that a spreadsheet would
 * read as a formula (=, +, -, @, tab, carriage return at the start) gets a leading apostrophe:
 * search queries and comments are readers' text, and a CSV must not run it (OWASP CSV injection).
 */
import type { ReportTable } from './tables.ts';

export function toCsv(table: ReportTable, headings: (key: string) => string): string {
  const lines = [table.columns.map((column) => cell(headings(column.label)))];
  for (const row of table.rows)
    lines.push(table.columns.map((column) => cell(row[column.key] ?? null)));
  // A byte-order mark, so spreadsheet programs read Korean and Russian text as UTF-8.
  return '\uFEFF' + lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
