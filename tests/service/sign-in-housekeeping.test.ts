import { describe, expect, test } from 'vitest';
import { startSignInHousekeeping } from '../../src/server/auth/housekeeping.ts';
import { consoleLogger } from '../../src/server/log.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { tempDir } from './helpers.ts';

describe('sign-in housekeeping', () => {
  test('deletes ended sessions and day-old links, keeps what still counts', async () => {
    const stores = openSqliteStores({ dataDir: tempDir('housekeeping') });
    try {
      const change = { actor: 'test', at: '2026-12-01T00:00:00.000Z' };
      const added = await stores.people.add({ email: 'mia@example.com', role: 'agent' }, change);
      if (added.outcome !== 'added') throw new Error(added.outcome);
      const session = (idHash: string, expiresAt: string) => ({
        idHash,
        personId: added.person.id,
        method: 'email-link' as const,
        createdAt: '2026-11-20T00:00:00.000Z',
        lastSeenAt: '2026-11-20T00:00:00.000Z',
        expiresAt,
      });
      await stores.sessions.create(session('ended', '2026-12-01T09:00:00.000Z'));
      await stores.sessions.create(session('current', '2026-12-02T09:00:00.000Z'));
      const link = (tokenHash: string, expiresAt: string) => ({
        tokenHash,
        email: 'mia@example.com',
        next: null,
        createdAt: '2026-11-30T00:00:00.000Z',
        expiresAt,
      });
      await stores.signIn.issueToken(link('old', '2026-11-30T08:00:00.000Z'));
      await stores.signIn.issueToken(link('recent', '2026-12-01T08:00:00.000Z'));
      const housekeeping = startSignInHousekeeping({
        stores,
        log: consoleLogger,
        now: () => new Date('2026-12-01T10:00:00.000Z'),
      });
      housekeeping.stop();
      // It runs at start too; a second run finds nothing more to delete.
      await housekeeping.run();
      expect(await housekeeping.run()).toBe(0);
      expect(await stores.sessions.find('ended')).toBeUndefined();
      expect(await stores.sessions.find('current')).toBeDefined();
      // The recent link still counts toward the per-address limit; the day-old one is gone.
      expect(
        await stores.signIn.countTokensSince('mia@example.com', '2026-11-29T00:00:00.000Z'),
      ).toBe(1);
    } finally {
      await stores.close();
    }
  });
});
