import { describeReaderEventStore } from './reader-event-store.contract.ts';
import { openSqliteReaderData } from './reader-data.ts';

describeReaderEventStore('SQLite', openSqliteReaderData);
