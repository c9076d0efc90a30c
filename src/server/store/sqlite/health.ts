/**
 * The health check's proof that the database takes writes: one small transaction through the
 * same path a ticket takes (BEGIN IMMEDIATE, the WAL, a durable COMMIT). It inserts a row with
 * a reserve of a few pages before deleting the one from the check before, so it needs fresh
 * pages the way a new ticket does: on a full disk it fails with SQLITE_FULL instead of updating a
 * page in place. A few pages and one fsync: cheap enough for a load balancer every few seconds.
 */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './database.ts';

/** About a few tickets' worth: the check turns red a little before tickets start failing. */
const RESERVE_BYTES = 16 * 1024;

export function writeProbe(db: DatabaseSync): () => void {
  const insert = db.prepare(
    'INSERT INTO health_checks (checked_at, reserve) VALUES (?, zeroblob(?))',
  );
  const forget = db.prepare('DELETE FROM health_checks WHERE id < ?');
  return () =>
    inTransaction(db, () => {
      const { lastInsertRowid } = insert.run(new Date().toISOString(), RESERVE_BYTES);
      forget.run(lastInsertRowid);
    });
}
