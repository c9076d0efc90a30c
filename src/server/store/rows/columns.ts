/**
 * Reading a column the same way from either database. The dialects differ in what their drivers
 * hand back: SQLite returns JSON columns as text and booleans as 0/1, PostgreSQL returns jsonb
 * parsed and booleans as booleans. Integers come back as numbers from both (the PostgreSQL pool
 * parses int8 to a number).
 */

/** A row as either driver returns it: column name to value. */
export type Row = Record<string, unknown>;

/** A JSON column: text is parsed, a parsed value passes through, NULL gives the fallback. */
export function jsonColumn<T>(value: unknown, fallback: T): T {
  if (typeof value === 'string') return JSON.parse(value) as T;
  return (value as T | null | undefined) ?? fallback;
}

/** A boolean column: SQLite's 1 or PostgreSQL's true. */
export function booleanColumn(value: unknown): boolean {
  return value === 1 || value === true;
}

/** A nullable text column; a column the query did not select reads as null too. */
export function optionalText(row: Row, key: string): string | null {
  return (row[key] as string | null | undefined) ?? null;
}
