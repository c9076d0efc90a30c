/**
 * Counting readers without cookies and without keeping their addresses, the way privacy-first
 * analytics (Plausible, Fathom) do: a reader is a SHA-256 of a salt, the client address and the
 * browser's User-Agent. The salt is random, made once per UTC day, kept in the database so every
 * process of the service agrees, and deleted when the day is over, after which nobody (us
 * included) can link a hash back to an address or to the same reader on another day.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/** The UTC day of an instant, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Salts by day, read from and written to the daily_salts table. */
export function dailySalts(db: DatabaseSync): (day: string) => string {
  const select = db.prepare('SELECT salt FROM daily_salts WHERE day = ?');
  // INSERT OR IGNORE then SELECT: two processes racing for a new day end with the same salt.
  const insert = db.prepare('INSERT OR IGNORE INTO daily_salts (day, salt) VALUES (?, ?)');
  const forget = db.prepare('DELETE FROM daily_salts WHERE day < ?');
  const cache = new Map<string, string>();
  return (day) => {
    const known = cache.get(day);
    if (known) return known;
    insert.run(day, randomBytes(32).toString('hex'));
    forget.run(day);
    const salt = (select.get(day) as { salt: string }).salt;
    cache.clear();
    cache.set(day, salt);
    return salt;
  };
}

/** The reader's hash for one day; `scope` (e.g. an article and revision) narrows it further. */
export function readerHash(
  salt: string,
  clientAddress: string,
  userAgent: string,
  scope = '',
): string {
  return createHash('sha256')
    .update(`${salt}\n${clientAddress}\n${userAgent}\n${scope}`)
    .digest('base64url')
    .slice(0, 22);
}
