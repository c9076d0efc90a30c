/**
 * What every SaltStore promises, whatever the database: run by salt-store.sqlite.test.ts and
 * salt-store.postgres.test.ts. Another instance is another process on the same database (a
 * second connection to the SQLite file, a second pool on PostgreSQL), with its own memory.
 */
import { describe, expect, test } from 'vitest';
import type { SaltStore } from '../../../src/server/store/types.ts';

export interface SaltStores {
  salts: SaltStore;
  /** The same store as another instance of the service would open it on the same database. */
  anotherInstance(): Promise<SaltStore>;
  /** The days whose salts the database holds, in order. */
  storedDays(): Promise<string[]>;
  /** Closes every instance opened. */
  close(): Promise<void>;
}

export interface OpenSaltStore {
  (): Promise<SaltStores>;
}

export function describeSaltStore(database: string, open: OpenSaltStore): void {
  describe(`the salt store on ${database}`, () => {
    test('makes a random salt for a day on first use and gives the same one all day', async () => {
      const { salts, storedDays, close } = await open();
      try {
        const salt = await salts.forDay('2026-12-01');
        expect(salt).toMatch(/^[0-9a-f]{64}$/);
        expect(await salts.forDay('2026-12-01')).toBe(salt);
        expect(await storedDays()).toEqual(['2026-12-01']);
      } finally {
        await close();
      }
    });

    test('every instance gets the same salt for the day, the first asker’s', async () => {
      const { salts, anotherInstance, close } = await open();
      try {
        const salt = await salts.forDay('2026-12-01');
        const other = await anotherInstance();
        expect(await other.forDay('2026-12-01')).toBe(salt);
      } finally {
        await close();
      }
    });

    test('instances asking for a new day at once all get one salt', async () => {
      const { salts, anotherInstance, storedDays, close } = await open();
      try {
        const instances = [salts, await anotherInstance(), await anotherInstance()];
        const given = await Promise.all(
          Array.from({ length: 12 }, (_, i) => instances[i % 3]!.forDay('2026-12-02')),
        );
        expect(new Set(given).size).toBe(1);
        expect(await storedDays()).toEqual(['2026-12-02']);
      } finally {
        await close();
      }
    });

    test('a new day gets another salt and the days before are deleted for good', async () => {
      const { salts, anotherInstance, storedDays, close } = await open();
      try {
        const first = await salts.forDay('2026-12-01');
        const second = await salts.forDay('2026-12-02');
        expect(second).not.toBe(first);
        expect(await storedDays()).toEqual(['2026-12-02']);
        // Nobody can get yesterday's salt back, not even an instance that never saw it.
        const other = await anotherInstance();
        const remade = await other.forDay('2026-12-01');
        expect(remade).not.toBe(first);
        expect(remade).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        await close();
      }
    });
  });
}
