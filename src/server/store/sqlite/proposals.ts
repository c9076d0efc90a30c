/** Agents' proposals of new text, on the service's SQLite file. */
import type { DatabaseSync } from 'node:sqlite';
import type { ProposalState } from '../../../proposals/vocabulary.ts';
import { generateReference } from '../../tickets/reference.ts';
import {
  acceptedStep,
  createdSteps,
  editedStep,
  proposalFromRow,
  proposalTransitionStep,
  publishedStep,
  reviewerOf,
} from '../rows/proposals.ts';
import type {
  Change,
  HistoryEntry,
  NewProposal,
  Proposal,
  ProposalPatch,
  ProposalStore,
  ProposalWriteResult,
  ReviewFilter,
} from '../types.ts';
import { inTransaction, json, type Row } from './database.ts';
import { filterClause } from './filter.ts';
import { appendHistory, readHistory } from './history.ts';

export class SqliteProposalStore implements ProposalStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async create(input: NewProposal, change: Change): Promise<Proposal> {
    return inTransaction(this.#db, () => {
      const id = this.#freeId();
      this.#db
        .prepare(
          `INSERT INTO proposals (id, kind, article_id, locale, base_revision, base_text,
             source_revision, text, title, note, flag_ids, state, version, author_id, created_at,
             updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        )
        .run(
          id,
          input.kind,
          input.articleId,
          input.locale,
          input.baseRevision,
          input.baseText,
          input.sourceRevision,
          input.text,
          input.title,
          input.note,
          json.write(input.flagIds),
          input.state,
          input.authorId,
          change.at,
          change.at,
        );
      for (const step of createdSteps(input))
        appendHistory(this.#db, 'proposal_events', id, change, step);
      return this.#read(id)!;
    });
  }

  async update(
    id: string,
    expectedVersion: number,
    patch: ProposalPatch,
    change: Change,
  ): Promise<ProposalWriteResult> {
    return inTransaction(this.#db, () => {
      const current = this.#read(id);
      if (!current) return { outcome: 'not-found' };
      if (current.version !== expectedVersion) return { outcome: 'stale', proposal: current };
      if (current.state !== 'draft' && current.state !== 'changes-requested')
        return { outcome: 'wrong-state', proposal: current };
      this.#db
        .prepare(
          `UPDATE proposals SET text = ?, title = ?, note = ?, source_revision = ?, flag_ids = ?,
             version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(
          patch.text,
          patch.title,
          patch.note,
          patch.sourceRevision,
          json.write(patch.flagIds),
          change.at,
          id,
        );
      appendHistory(
        this.#db,
        'proposal_events',
        id,
        change,
        editedStep(current.baseRevision, current.version + 1, patch.text),
      );
      return { outcome: 'saved', proposal: this.#read(id)! };
    });
  }

  async transition(
    id: string,
    from: readonly ProposalState[],
    to: ProposalState,
    change: Change & { comment?: string | null },
  ): Promise<ProposalWriteResult> {
    return inTransaction(this.#db, () => {
      const current = this.#read(id);
      if (!current) return { outcome: 'not-found' };
      if (!from.includes(current.state)) return { outcome: 'wrong-state', proposal: current };
      this.#db
        .prepare(
          'UPDATE proposals SET state = ?, version = version + 1, updated_at = ? WHERE id = ?',
        )
        .run(to, change.at, id);
      if (to !== 'accepted')
        this.#db
          .prepare('UPDATE proposals SET reviewer_id = coalesce(?, reviewer_id) WHERE id = ?')
          .run(reviewerOf(to, change), id);
      appendHistory(
        this.#db,
        'proposal_events',
        id,
        change,
        proposalTransitionStep(current, to, change),
      );
      return { outcome: 'saved', proposal: this.#read(id)! };
    });
  }

  async get(id: string): Promise<Proposal | undefined> {
    return this.#read(id);
  }

  async listByAuthor(authorId: string): Promise<Proposal[]> {
    const rows = this.#db
      .prepare('SELECT * FROM proposals WHERE author_id = ? ORDER BY updated_at DESC')
      .all(authorId) as Row[];
    return rows.map(proposalFromRow);
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return readHistory(this.#db, 'proposal_events', id);
  }

  async list(filter: ReviewFilter): Promise<Proposal[]> {
    const { where, params } = filterClause(filter);
    const rows = this.#db
      .prepare(`SELECT * FROM proposals ${where} ORDER BY updated_at, id`)
      .all(...params) as Row[];
    return rows.map(proposalFromRow);
  }

  async countByState(filter: Omit<ReviewFilter, 'states'>): Promise<Record<string, number>> {
    const { where, params } = filterClause(filter);
    const rows = this.#db
      .prepare(`SELECT state, count(*) AS n FROM proposals ${where} GROUP BY state`)
      .all(...params) as Row[];
    return Object.fromEntries(rows.map((row) => [row.state as string, Number(row.n)]));
  }

  async accept(
    id: string,
    details: { commitSha: string; mergeStatus: string; text: string; revision: string },
    change: Change,
  ): Promise<ProposalWriteResult> {
    return inTransaction(this.#db, () => {
      const current = this.#read(id);
      if (!current) return { outcome: 'not-found' };
      if (current.state !== 'submitted') return { outcome: 'wrong-state', proposal: current };
      this.#db
        .prepare(
          `UPDATE proposals SET state = 'accepted', text = ?, reviewer_id = ?, commit_sha = ?,
             merge_status = ?, version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(details.text, change.actor, details.commitSha, details.mergeStatus, change.at, id);
      appendHistory(this.#db, 'proposal_events', id, change, acceptedStep(details));
      return { outcome: 'saved', proposal: this.#read(id)! };
    });
  }

  async markPublished(ids: readonly string[], releaseId: string, change: Change): Promise<number> {
    return inTransaction(this.#db, () => {
      let count = 0;
      for (const id of ids) {
        const current = this.#read(id);
        if (current?.state !== 'accepted') continue;
        this.#db
          .prepare(
            `UPDATE proposals SET state = 'published', release_id = ?, updated_at = ? WHERE id = ?`,
          )
          .run(releaseId, change.at, id);
        appendHistory(this.#db, 'proposal_events', id, change, publishedStep(releaseId));
        count++;
      }
      return count;
    });
  }

  #read(id: string): Proposal | undefined {
    const row = this.#db.prepare('SELECT * FROM proposals WHERE id = ?').get(id) as Row | undefined;
    return row && proposalFromRow(row);
  }

  #freeId(): string {
    for (let attempt = 0; attempt < 10; attempt++) {
      const id = generateReference('PR-');
      if (!this.#db.prepare('SELECT 1 FROM proposals WHERE id = ?').get(id)) return id;
    }
    throw new Error('could not find a free proposal id after 10 attempts');
  }
}
