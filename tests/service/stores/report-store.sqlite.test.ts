import { describeReportStore } from './report-store.contract.ts';
import { openSqliteReaderData } from './reader-data.ts';

describeReportStore('SQLite', openSqliteReaderData);
