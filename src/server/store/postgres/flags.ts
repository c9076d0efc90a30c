/**
 * Agents' flags on passages of articles, on PostgreSQL, for several instances sharing one
 * database. SQLite's single writer made "find the open flag of the passage, else open one" safe;
 * here a unique partial index (flags_one_open_per_passage, migration 3) allows one open flag per
 * passage, the open flag is locked (FOR UPDATE) while an agent joins it, and an insert that lost
 * the race to another instance joins the flag that won.
 */
import type pg from 'pg';
import type { Locale } from '../../../i18n/locales.ts';
import { openFlagStates, type FlagState } from '../../../proposals/vocabulary.ts';
import { flagFromRow, flagTransitionStep, openFlagStatesSql, raisedStep } from '../rows/flags.ts';
import { generateReference } from '../../tickets/reference.ts';
import type {
  Change,
  Flag,
  FlagChange,
  FlagStore,
  FlagWriteResult,
  HistoryEntry,
  NewFlag,
  RaiseFlagResult,
  ReviewFilter,
} from '../types.ts';
import { inTransaction, isUniqueViolation, type Row } from './database.ts';
import { appendHistory, readHistory } from './history.ts';
import { reviewFilterClause } from './review-filter.ts';

type Db = pg.Pool | pg.PoolClient;

/** The index's predicate, spelled as its migration spells it so ON CONFLICT can name it. */
const OPEN_PREDICATE = `state IN (${openFlagStatesSql})`;
const ONE_OPEN_PER_PASSAGE = 'flags_one_open_per_passage';

export class PostgresFlagStore implements FlagStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async raise(input: NewFlag, change: Change): Promise<RaiseFlagResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(this.#pool, (client) => this.#raise(client, input, change));
      } catch (error) {
        // Two instances drew the same free id at once: draw again.
        if (isUniqueViolation(error, 'flags_pkey') && attempt < 3) continue;
        throw error;
      }
    }
  }

  async #raise(client: pg.PoolClient, input: NewFlag, change: Change): Promise<RaiseFlagResult> {
    // A lost insert means another instance's open flag is now committed: the next round joins it.
    for (let round = 0; round < 3; round++) {
      const open = await client.query(
        `SELECT id FROM flags WHERE article_id = $1 AND locale = $2 AND block_key = $3
           AND state = ANY($4) ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
        [input.articleId, input.locale, input.blockKey, openFlagStates],
      );
      const openId = (open.rows[0] as Row | undefined)?.['id'] as string | undefined;
      if (openId) return this.#join(client, openId, input, change);
      const id = await freeId(client);
      // Waits for an instance inserting on the same passage; when that one commits, inserts nothing.
      const inserted = await client.query(
        `INSERT INTO flags (id, article_id, locale, revision, block_key, block_kind, quote,
           reason, comment, state, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $11)
         ON CONFLICT (article_id, locale, block_key) WHERE ${OPEN_PREDICATE} DO NOTHING
         RETURNING id`,
        [
          id,
          input.articleId,
          input.locale,
          input.revision,
          input.blockKey,
          input.blockKind,
          input.quote,
          input.reason,
          input.comment,
          change.actor,
          change.at,
        ],
      );
      if (inserted.rowCount === 0) continue;
      await addSupporter(client, id, input, change);
      await appendHistory(client, 'flag_events', id, change, raisedStep('opened', input));
      return { outcome: 'opened', flag: (await readFlag(client, id))! };
    }
    throw new Error('could not open or join a flag on the passage after 3 rounds');
  }

  /** The open flag is locked: agents joining it, on any instance, join one after the other. */
  async #join(
    client: pg.PoolClient,
    id: string,
    input: NewFlag,
    change: Change,
  ): Promise<RaiseFlagResult> {
    const added = await addSupporter(client, id, input, change);
    if (!added) {
      if (input.ticketRef)
        await client.query(
          `UPDATE flag_supporters SET ticket_ref = $1
           WHERE flag_id = $2 AND person_id = $3 AND ticket_ref IS NULL`,
          [input.ticketRef, id, change.actor],
        );
      return { outcome: 'already-raised', flag: (await readFlag(client, id))! };
    }
    await client.query('UPDATE flags SET updated_at = $1 WHERE id = $2', [change.at, id]);
    await appendHistory(client, 'flag_events', id, change, raisedStep('joined', input));
    return { outcome: 'joined', flag: (await readFlag(client, id))! };
  }

  async get(id: string): Promise<Flag | undefined> {
    return readFlag(this.#pool, id);
  }

  async listInvolving(personId: string): Promise<Flag[]> {
    const { rows } = await this.#pool.query(
      `SELECT f.* FROM flags f WHERE f.created_by = $1 OR EXISTS (
         SELECT 1 FROM flag_supporters s WHERE s.flag_id = f.id AND s.person_id = $1)
       ORDER BY f.updated_at DESC, f.id`,
      [personId],
    );
    return withSupporters(this.#pool, rows);
  }

  async listForArticle(articleId: string, locale?: Locale): Promise<Flag[]> {
    const { rows } = locale
      ? await this.#pool.query(
          'SELECT * FROM flags WHERE article_id = $1 AND locale = $2 ORDER BY created_at, id',
          [articleId, locale],
        )
      : await this.#pool.query(
          'SELECT * FROM flags WHERE article_id = $1 ORDER BY created_at, id',
          [articleId],
        );
    return withSupporters(this.#pool, rows);
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return readHistory(this.#pool, 'flag_events', id);
  }

  async list(filter: ReviewFilter): Promise<Flag[]> {
    const { where, params } = reviewFilterClause(filter);
    const { rows } = await this.#pool.query(
      `SELECT * FROM flags ${where} ORDER BY created_at, id`,
      params,
    );
    return withSupporters(this.#pool, rows);
  }

  async countByState(filter: Omit<ReviewFilter, 'states'>): Promise<Record<string, number>> {
    const { where, params } = reviewFilterClause(filter);
    const { rows } = await this.#pool.query(
      `SELECT state, count(*) AS n FROM flags ${where} GROUP BY state`,
      params,
    );
    return Object.fromEntries(rows.map((row: Row) => [row['state'] as string, Number(row['n'])]));
  }

  async transition(
    id: string,
    from: readonly FlagState[],
    to: FlagState,
    change: FlagChange,
  ): Promise<FlagWriteResult> {
    try {
      return await inTransaction(this.#pool, (client) =>
        this.#transition(client, id, from, to, change),
      );
    } catch (error) {
      // Back to an open state while the passage has another open flag: one open flag per passage.
      if (!isUniqueViolation(error, ONE_OPEN_PER_PASSAGE)) throw error;
      const current = await readFlag(this.#pool, id);
      if (!current) return { outcome: 'not-found' };
      return { outcome: 'wrong-state', flag: current };
    }
  }

  async #transition(
    client: pg.PoolClient,
    id: string,
    from: readonly FlagState[],
    to: FlagState,
    change: FlagChange,
  ): Promise<FlagWriteResult> {
    // FOR UPDATE: two leads moving one flag, on any instance, decide one after the other.
    const locked = await client.query('SELECT state FROM flags WHERE id = $1 FOR UPDATE', [id]);
    const state = (locked.rows[0] as Row | undefined)?.['state'] as FlagState | undefined;
    if (!state) return { outcome: 'not-found' };
    if (!from.includes(state))
      return { outcome: 'wrong-state', flag: (await readFlag(client, id))! };
    await client.query(
      `UPDATE flags SET state = $1, updated_at = $2,
         proposal_id = coalesce($3, proposal_id), decline_reason = coalesce($4, decline_reason)
       WHERE id = $5`,
      [
        to,
        change.at,
        change.proposalId ?? null,
        to === 'declined' ? (change.reason ?? null) : null,
        id,
      ],
    );
    await appendHistory(client, 'flag_events', id, change, flagTransitionStep(state, to, change));
    return { outcome: 'saved', flag: (await readFlag(client, id))! };
  }
}

/** Adds the actor as a supporter; false when they already are one. */
async function addSupporter(
  client: pg.PoolClient,
  flagId: string,
  input: NewFlag,
  change: Change,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO flag_supporters (flag_id, person_id, ticket_ref, comment, at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (flag_id, person_id) DO NOTHING`,
    [flagId, change.actor, input.ticketRef, input.comment, change.at],
  );
  return rowCount === 1;
}

async function readFlag(db: Db, id: string): Promise<Flag | undefined> {
  const { rows } = await db.query('SELECT * FROM flags WHERE id = $1', [id]);
  return (await withSupporters(db, rows))[0];
}

/** The flags of these rows, in their order, each with its supporters oldest first. */
async function withSupporters(db: Db, rows: Row[]): Promise<Flag[]> {
  if (rows.length === 0) return [];
  // seq keeps the order supporters joined in when two joined in the same millisecond.
  const supporters = await db.query(
    'SELECT * FROM flag_supporters WHERE flag_id = ANY($1) ORDER BY at, seq',
    [rows.map((row) => row['id'] as string)],
  );
  const byFlag = new Map<string, Row[]>();
  for (const s of supporters.rows as Row[]) {
    const flagId = s['flag_id'] as string;
    byFlag.set(flagId, [...(byFlag.get(flagId) ?? []), s]);
  }
  return rows.map((row) => flagFromRow(row, byFlag.get(row['id'] as string) ?? []));
}

async function freeId(client: pg.PoolClient): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = generateReference('FL-');
    const taken = await client.query('SELECT 1 FROM flags WHERE id = $1', [id]);
    if (taken.rowCount === 0) return id;
  }
  throw new Error('could not find a free flag id after 10 attempts');
}
