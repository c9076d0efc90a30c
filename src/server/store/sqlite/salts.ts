/** Daily salts on the service's SQLite file (the daily_salts table of migration 4). */
import type { DatabaseSync } from 'node:sqlite';
import { dailySalts } from '../../privacy/daily-salt.ts';
import type { SaltStore } from '../types.ts';

export class SqliteSaltStore implements SaltStore {
  readonly #salts: (day: string) => string;

  constructor(db: DatabaseSync) {
    this.#salts = dailySalts(db);
  }

  async forDay(day: string): Promise<string> {
    return this.#salts(day);
  }
}
