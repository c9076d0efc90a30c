import { openSqliteAuthStores } from './auth-stores.sqlite.ts';
import { describePersonStore } from './person-store.contract.ts';

describePersonStore('SQLite', openSqliteAuthStores);
