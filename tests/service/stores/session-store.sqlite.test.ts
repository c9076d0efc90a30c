import { openSqliteAuthStores } from './auth-stores.sqlite.ts';
import { describeSessionStore } from './session-store.contract.ts';

describeSessionStore('SQLite', openSqliteAuthStores);
