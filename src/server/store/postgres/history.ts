/**
 * The append-only history tables (person_events, flag_events, proposal_events) on PostgreSQL:
 * the same shape and the same entries as ../sqlite/history.ts. `db` is the pool, or the client
 * of the transaction the change belongs to.
 */
import type pg from 'pg';
import {
  historyEntryFromRow,
  subjectColumn,
  type HistoryStep,
  type HistoryTable,
} from '../rows/history.ts';
import type { Change, HistoryEntry } from '../types.ts';
import type { Row } from './database.ts';

export async function appendHistory(
  db: pg.Pool | pg.PoolClient,
  table: HistoryTable,
  subjectId: string,
  change: Change,
  step: HistoryStep,
): Promise<void> {
  const values: unknown[] = [
    subjectId,
    change.at,
    change.actor,
    step.action,
    step.from ?? null,
    step.to ?? null,
    JSON.stringify(step.detail ?? {}),
  ];
  const withRevision = table !== 'person_events';
  if (withRevision) values.push(step.revision ?? null);
  await db.query(
    `INSERT INTO ${table} (${subjectColumn[table]}, at, actor, action, from_state, to_state, detail${withRevision ? ', revision' : ''})
     VALUES ($1, $2, $3, $4, $5, $6, $7${withRevision ? ', $8' : ''})`,
    values,
  );
}

export async function readHistory(
  db: pg.Pool | pg.PoolClient,
  table: HistoryTable,
  subjectId: string,
): Promise<HistoryEntry[]> {
  const { rows } = await db.query(
    `SELECT * FROM ${table} WHERE ${subjectColumn[table]} = $1 ORDER BY id`,
    [subjectId],
  );
  return rows.map((row: Row) => historyEntryFromRow(row));
}
