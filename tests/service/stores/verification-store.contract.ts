/**
 * What every VerificationStore promises, whatever the database: run by
 * verification-store.sqlite.test.ts and verification-store.postgres.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { Verification, VerificationStore } from '../../../src/server/store/types.ts';

export interface OpenVerificationStore {
  (): Promise<{
    verifications: VerificationStore;
    /** Adds a person (verifications name one) and answers their id. */
    addPerson(email: string): Promise<string>;
    close(): Promise<void>;
  }>;
}

export function describeVerificationStore(database: string, open: OpenVerificationStore) {
  describe(`the verification store on ${database}`, () => {
    test('knows no verification before the first', async () => {
      const { verifications, close } = await open();
      try {
        expect(await verifications.latest()).toEqual([]);
      } finally {
        await close();
      }
    });

    test('keeps the newest verification of every article and locale, by article then locale', async () => {
      const { verifications, addPerson, close } = await open();
      try {
        const anna = await addPerson('anna@example.com');
        const bram = await addPerson('bram@example.com');
        const verified = (
          articleId: string,
          locale: Verification['locale'],
          revision: string,
          verifiedBy: string,
          at: string,
        ): Verification => ({ articleId, locale, revision, verifiedBy, at });
        const steps = [
          verified('paying-for-lots', 'nl', 'aaaaaaaaaaaa', anna, '2026-11-01T09:00:00.000Z'),
          verified('paying-for-lots', 'en', 'bbbbbbbbbbbb', anna, '2026-11-02T09:00:00.000Z'),
          verified('bidding', 'ko', 'cccccccccccc', bram, '2026-11-03T09:00:00.000Z'),
          verified('paying-for-lots', 'nl', 'dddddddddddd', bram, '2026-11-04T09:00:00.000Z'),
        ];
        for (const step of steps) await verifications.record(step);
        expect(await verifications.latest()).toEqual([steps[2], steps[1], steps[3]]);
      } finally {
        await close();
      }
    });

    test('verifying the same revision again moves its time and verifier forward', async () => {
      const { verifications, addPerson, close } = await open();
      try {
        const anna = await addPerson('anna@example.com');
        const bram = await addPerson('bram@example.com');
        const first: Verification = {
          articleId: 'paying-for-lots',
          locale: 'en',
          revision: 'aaaaaaaaaaaa',
          verifiedBy: anna,
          at: '2026-11-01T09:00:00.000Z',
        };
        await verifications.record(first);
        await verifications.record({ ...first, verifiedBy: bram, at: '2026-12-01T09:00:00.000Z' });
        expect(await verifications.latest()).toEqual([
          { ...first, verifiedBy: bram, at: '2026-12-01T09:00:00.000Z' },
        ]);
      } finally {
        await close();
      }
    });

    test('refuses a verification by someone who is not a person of the service', async () => {
      const { verifications, close } = await open();
      try {
        await expect(
          verifications.record({
            articleId: 'paying-for-lots',
            locale: 'en',
            revision: 'aaaaaaaaaaaa',
            verifiedBy: 'nobody-at-all',
            at: '2026-11-01T09:00:00.000Z',
          }),
        ).rejects.toThrow();
        expect(await verifications.latest()).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
