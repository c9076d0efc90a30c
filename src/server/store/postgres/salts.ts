/**
 * Daily salts on PostgreSQL (the daily_salts table), with the behaviour of dailySalts() in
 * ../../privacy/daily-salt.ts: made on first use, shared by every instance, the days before
 * deleted, the current day's kept in memory.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { SaltStore } from '../types.ts';

/**
 * Salts by day. INSERT … ON CONFLICT DO NOTHING, then SELECT in a statement of its own: of two
 * instances making a new day's salt at once, the second waits for the first to commit, keeps
 * nothing of its own, and then reads the first's, so both hash readers with the same salt.
 */
export function postgresDailySalts(pool: pg.Pool): (day: string) => Promise<string> {
  const cache = new Map<string, string>();
  return async (day) => {
    const known = cache.get(day);
    if (known) return known;
    let salt: string | undefined;
    // An instance whose clock is already in the next day may delete this day between our
    // statements: then it is made again.
    while (salt === undefined) {
      await pool.query(
        'INSERT INTO daily_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING',
        [day, randomBytes(32).toString('hex')],
      );
      await pool.query('DELETE FROM daily_salts WHERE day < $1', [day]);
      const { rows } = await pool.query<{ salt: string }>(
        'SELECT salt FROM daily_salts WHERE day = $1',
        [day],
      );
      salt = rows[0]?.salt;
    }
    cache.clear();
    cache.set(day, salt);
    return salt;
  };
}

export class PostgresSaltStore implements SaltStore {
  readonly #salts: (day: string) => Promise<string>;

  constructor(pool: pg.Pool) {
    this.#salts = postgresDailySalts(pool);
  }

  forDay(day: string): Promise<string> {
    return this.#salts(day);
  }
}
