/**
 * Agents' proposals of new text, on PostgreSQL, for several instances sharing one database. An
 * edit is one conditional UPDATE (… WHERE version = the one the author edited), so of two saves
 * based on one version, on any instance, exactly one is taken and the other is told it is stale.
 * State changes lock the row (FOR UPDATE) so each records the state it really moved from.
 */
import type pg from 'pg';
import { editableProposalStates, type ProposalState } from '../../../proposals/vocabulary.ts';
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
import { inTransaction, isUniqueViolation, type Row } from './database.ts';
import { appendHistory, readHistory } from './history.ts';
import { reviewFilterClause } from './review-filter.ts';

type Db = pg.Pool | pg.PoolClient;

export class PostgresProposalStore implements ProposalStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async create(input: NewProposal, change: Change): Promise<Proposal> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(this.#pool, (client) => this.#create(client, input, change));
      } catch (error) {
        // Two instances drew the same free id at once: draw again.
        if (isUniqueViolation(error, 'proposals_pkey') && attempt < 3) continue;
        throw error;
      }
    }
  }

  async #create(client: pg.PoolClient, input: NewProposal, change: Change): Promise<Proposal> {
    const id = await freeId(client);
    const { rows } = await client.query(
      `INSERT INTO proposals (id, kind, article_id, locale, base_revision, base_text,
         source_revision, text, title, note, flag_ids, state, version, author_id, created_at,
         updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14, $14)
       RETURNING *`,
      [
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
        JSON.stringify(input.flagIds),
        input.state,
        input.authorId,
        change.at,
      ],
    );
    for (const step of createdSteps(input))
      await appendHistory(client, 'proposal_events', id, change, step);
    return proposalFromRow(rows[0] as Row);
  }

  async update(
    id: string,
    expectedVersion: number,
    patch: ProposalPatch,
    change: Change,
  ): Promise<ProposalWriteResult> {
    return inTransaction(this.#pool, async (client): Promise<ProposalWriteResult> => {
      const { rows } = await client.query(
        `UPDATE proposals SET text = $1, title = $2, note = $3, source_revision = $4,
           flag_ids = $5, version = version + 1, updated_at = $6
         WHERE id = $7 AND version = $8 AND state = ANY($9)
         RETURNING *`,
        [
          patch.text,
          patch.title,
          patch.note,
          patch.sourceRevision,
          JSON.stringify(patch.flagIds),
          change.at,
          id,
          expectedVersion,
          editableProposalStates,
        ],
      );
      const saved = rows[0] as Row | undefined;
      if (!saved) {
        // Nothing taken: say why, a stale version first, as SQLite does.
        const current = await readProposal(client, id);
        if (!current) return { outcome: 'not-found' };
        if (current.version !== expectedVersion) return { outcome: 'stale', proposal: current };
        return { outcome: 'wrong-state', proposal: current };
      }
      const proposal = proposalFromRow(saved);
      await appendHistory(
        client,
        'proposal_events',
        id,
        change,
        editedStep(proposal.baseRevision, proposal.version, patch.text),
      );
      return { outcome: 'saved', proposal };
    });
  }

  async transition(
    id: string,
    from: readonly ProposalState[],
    to: ProposalState,
    change: Change & { comment?: string | null },
  ): Promise<ProposalWriteResult> {
    return inTransaction(this.#pool, async (client): Promise<ProposalWriteResult> => {
      const current = await lockProposal(client, id);
      if (!current) return { outcome: 'not-found' };
      if (!from.includes(current.state)) return { outcome: 'wrong-state', proposal: current };
      const { rows } = await client.query(
        `UPDATE proposals SET state = $1, version = version + 1, updated_at = $2,
           reviewer_id = coalesce($3, reviewer_id)
         WHERE id = $4 RETURNING *`,
        [to, change.at, reviewerOf(to, change), id],
      );
      await appendHistory(
        client,
        'proposal_events',
        id,
        change,
        proposalTransitionStep(current, to, change),
      );
      return { outcome: 'saved', proposal: proposalFromRow(rows[0] as Row) };
    });
  }

  async get(id: string): Promise<Proposal | undefined> {
    return readProposal(this.#pool, id);
  }

  async listByAuthor(authorId: string): Promise<Proposal[]> {
    const { rows } = await this.#pool.query(
      'SELECT * FROM proposals WHERE author_id = $1 ORDER BY updated_at DESC, id',
      [authorId],
    );
    return rows.map(proposalFromRow);
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return readHistory(this.#pool, 'proposal_events', id);
  }

  async list(filter: ReviewFilter): Promise<Proposal[]> {
    const { where, params } = reviewFilterClause(filter);
    const { rows } = await this.#pool.query(
      `SELECT * FROM proposals ${where} ORDER BY updated_at, id`,
      params,
    );
    return rows.map(proposalFromRow);
  }

  async countByState(filter: Omit<ReviewFilter, 'states'>): Promise<Record<string, number>> {
    const { where, params } = reviewFilterClause(filter);
    const { rows } = await this.#pool.query(
      `SELECT state, count(*) AS n FROM proposals ${where} GROUP BY state`,
      params,
    );
    return Object.fromEntries(rows.map((row: Row) => [row['state'] as string, Number(row['n'])]));
  }

  async accept(
    id: string,
    details: { commitSha: string; mergeStatus: string; text: string; revision: string },
    change: Change,
  ): Promise<ProposalWriteResult> {
    return inTransaction(this.#pool, async (client): Promise<ProposalWriteResult> => {
      // Only a submitted proposal is accepted: of two leads accepting at once, one is told no.
      const { rows } = await client.query(
        `UPDATE proposals SET state = 'accepted', text = $1, reviewer_id = $2, commit_sha = $3,
           merge_status = $4, version = version + 1, updated_at = $5
         WHERE id = $6 AND state = 'submitted' RETURNING *`,
        [details.text, change.actor, details.commitSha, details.mergeStatus, change.at, id],
      );
      if (!rows[0]) {
        const current = await readProposal(client, id);
        return current ? { outcome: 'wrong-state', proposal: current } : { outcome: 'not-found' };
      }
      await appendHistory(client, 'proposal_events', id, change, acceptedStep(details));
      return { outcome: 'saved', proposal: proposalFromRow(rows[0] as Row) };
    });
  }

  async markPublished(ids: readonly string[], releaseId: string, change: Change): Promise<number> {
    if (ids.length === 0) return 0;
    return inTransaction(this.#pool, async (client) => {
      // Like SQLite, publishing leaves the version as it was: nobody edits a published proposal.
      const { rows } = await client.query(
        `UPDATE proposals SET state = 'published', release_id = $1, updated_at = $2
         WHERE id = ANY($3) AND state = 'accepted' RETURNING id`,
        [releaseId, change.at, [...ids]],
      );
      const published = new Set(rows.map((row: Row) => row['id'] as string));
      // In the order given, so the history reads as the release listed them.
      for (const id of ids.filter((id, i) => published.has(id) && ids.indexOf(id) === i))
        await appendHistory(client, 'proposal_events', id, change, publishedStep(releaseId));
      return published.size;
    });
  }
}

async function readProposal(db: Db, id: string): Promise<Proposal | undefined> {
  const { rows } = await db.query('SELECT * FROM proposals WHERE id = $1', [id]);
  return rows[0] ? proposalFromRow(rows[0] as Row) : undefined;
}

async function lockProposal(client: pg.PoolClient, id: string): Promise<Proposal | undefined> {
  const { rows } = await client.query('SELECT * FROM proposals WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ? proposalFromRow(rows[0] as Row) : undefined;
}

async function freeId(client: pg.PoolClient): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = generateReference('PR-');
    const taken = await client.query('SELECT 1 FROM proposals WHERE id = $1', [id]);
    if (taken.rowCount === 0) return id;
  }
  throw new Error('could not find a free proposal id after 10 attempts');
}
