/** The append-only history tables (person_events, flag_events, proposal_events) share one shape. */
import type { HistoryEntry } from '../types.ts';
import { jsonColumn, optionalText, type Row } from './columns.ts';

export type HistoryTable = 'person_events' | 'flag_events' | 'proposal_events';

/** The column naming what each table's entries are about. */
export const subjectColumn: Record<HistoryTable, string> = {
  person_events: 'person_id',
  flag_events: 'flag_id',
  proposal_events: 'proposal_id',
};

/** One step to record; person_events has no revision column, so a revision there is dropped. */
export interface HistoryStep {
  action: string;
  from?: string | null;
  to?: string | null;
  revision?: string | null;
  detail?: Record<string, unknown>;
}

export function historyEntryFromRow(row: Row): HistoryEntry {
  return {
    at: row['at'] as string,
    actor: row['actor'] as string,
    action: row['action'] as string,
    from: optionalText(row, 'from_state'),
    to: optionalText(row, 'to_state'),
    revision: optionalText(row, 'revision'),
    detail: jsonColumn<Record<string, unknown>>(row['detail'], {}),
  };
}
