import { randomUUID } from 'node:crypto';
import { PostgresVerificationStore } from '../../../src/server/store/postgres/tasks.ts';
import { useStoreDatabase } from './postgres-database.ts';
import { describeVerificationStore } from './verification-store.contract.ts';

const database = useStoreDatabase('verifications');

describeVerificationStore('PostgreSQL', async () => {
  const pool = await database.freshPool();
  return {
    verifications: new PostgresVerificationStore(pool),
    async addPerson(email) {
      const id = randomUUID();
      await pool.query(
        `INSERT INTO people (id, email, role, created_at, updated_at)
         VALUES ($1, $2, 'lead', $3, $3)`,
        [id, email, '2026-10-01T09:00:00.000Z'],
      );
      return id;
    },
    close: database.endPools,
  };
});
