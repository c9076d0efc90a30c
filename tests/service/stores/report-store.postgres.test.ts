import { beforeAll } from 'vitest';
import { emptyDatabase, usePostgresServer, withClient } from './postgres-database.ts';
import { openPostgresReaderData } from './reader-data.ts';
import { describeReportStore } from './report-store.contract.ts';

const server = usePostgresServer('reports');
/** A second database whose text sorts by language rules (ICU "en"), as a production one may. */
let linguistic: string;
beforeAll(async () => {
  const name = `${new URL(server.url).pathname.slice(1)}_icu`;
  await withClient(server.url, (client) =>
    client.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'
       LOCALE_PROVIDER icu ICU_LOCALE 'en'`,
    ),
  );
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  linguistic = url.href;
});

// Each test gets empty tables: the pool migrates on open, so dropping them is enough.
describeReportStore('PostgreSQL', async () => {
  await emptyDatabase(server.url);
  return openPostgresReaderData(server.url);
});

// The same figures in the same order (SQLite's byte order) whatever the database's collation.
describeReportStore('PostgreSQL with a linguistic collation', async () => {
  await emptyDatabase(linguistic);
  return openPostgresReaderData(linguistic);
});
