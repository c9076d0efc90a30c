import { PostgresSaltStore } from '../../../src/server/store/postgres/salts.ts';
import { useStoreDatabase } from './postgres-database.ts';
import { describeSaltStore } from './salt-store.contract.ts';

const database = useStoreDatabase('salts');

// Another instance is another pool, with its own memory of the day's salt.
describeSaltStore('PostgreSQL', async () => ({
  salts: new PostgresSaltStore(await database.freshPool()),
  anotherInstance: async () => new PostgresSaltStore(await database.anotherPool()),
  async storedDays() {
    const { rows } = await database.query('SELECT day FROM daily_salts ORDER BY day');
    return rows.map((row: { day: string }) => row.day);
  },
  close: database.endPools,
}));
