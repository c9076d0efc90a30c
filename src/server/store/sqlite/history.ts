/** The append-only history tables (person_events, flag_events, proposal_events) share one shape. */
import type { DatabaseSync } from 'node:sqlite';
import {
  historyEntryFromRow,
  subjectColumn,
  type HistoryStep,
  type HistoryTable,
} from '../rows/history.ts';
import type { Change, HistoryEntry } from '../types.ts';
import { json, type Row } from './database.ts';

export function appendHistory(
  db: DatabaseSync,
  table: HistoryTable,
  subjectId: string,
  change: Change,
  step: HistoryStep,
): void {
  const revisionColumn = table === 'person_events' ? '' : ', revision';
  const revisionValue = table === 'person_events' ? '' : ', :revision';
  db.prepare(
    `INSERT INTO ${table} (${subjectColumn[table]}, at, actor, action, from_state, to_state, detail${revisionColumn})
     VALUES (:subject, :at, :actor, :action, :from, :to, :detail${revisionValue})`,
  ).run({
    subject: subjectId,
    at: change.at,
    actor: change.actor,
    action: step.action,
    from: step.from ?? null,
    to: step.to ?? null,
    detail: json.write(step.detail ?? {}),
    ...(table === 'person_events' ? {} : { revision: step.revision ?? null }),
  });
}

export function readHistory(
  db: DatabaseSync,
  table: HistoryTable,
  subjectId: string,
): HistoryEntry[] {
  const rows = db
    .prepare(`SELECT * FROM ${table} WHERE ${subjectColumn[table]} = ? ORDER BY id`)
    .all(subjectId) as Row[];
  return rows.map(historyEntryFromRow);
}
