/**
 * The ticket store on PostgreSQL, for several instances sharing one database. Every ticket is its
 * own transaction: PostgreSQL commits concurrent transactions together on its own (group
 * commit), so there is no batching here as there is on SQLite. The idempotency key is inserted in
 * the ticket's transaction with ON CONFLICT DO NOTHING: of two requests with one key, the second
 * waits for the first to commit and then rolls its own ticket back and answers with the first's.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { generateReference } from '../../tickets/reference.ts';
import { helpdeskEventFromRow, ticketFromRow } from '../rows/tickets.ts';
import type {
  ApplyHelpdeskEventResult,
  CreateTicketResult,
  DeliveryTarget,
  HelpdeskEventRecord,
  IdempotencyClaim,
  SlaDecision,
  SlaTicketFilter,
  StoredTicket,
  TicketDraft,
  TicketStore,
} from '../types.ts';
import { inTransaction, isUniqueViolation, openPostgres, type Row } from './database.ts';

export interface PostgresTicketStoreOptions {
  url: string;
  /** Source of references; tests replace it to force collisions. */
  newReference?: () => string;
  /** One outbox row per target, in the ticket's own transaction. Default ['email']. */
  deliveryTargets?: readonly DeliveryTarget[];
}

/** The ticket store alone on its own pool (tests, benchmarks). */
export async function openPostgresTicketStore(
  options: PostgresTicketStoreOptions,
): Promise<TicketStore> {
  const pool = await openPostgres({ url: options.url });
  return new PostgresTicketStore(
    pool,
    options.newReference ?? (() => generateReference()),
    () => pool.end(),
    options.deliveryTargets,
  );
}

/** Thrown inside the transaction when another request took the idempotency key first. */
class KeyTaken extends Error {}

export class PostgresTicketStore implements TicketStore {
  readonly #pool: pg.Pool;
  readonly #newReference: () => string;
  readonly #closePool: () => Promise<void>;
  readonly #deliveryTargets: readonly DeliveryTarget[];

  constructor(
    pool: pg.Pool,
    newReference: () => string,
    closePool: () => Promise<void>,
    deliveryTargets: readonly DeliveryTarget[] = ['email'],
  ) {
    this.#pool = pool;
    this.#newReference = newReference;
    this.#closePool = closePool;
    this.#deliveryTargets = deliveryTargets;
  }

  async createTicket(
    draft: TicketDraft,
    idempotency?: IdempotencyClaim,
  ): Promise<CreateTicketResult> {
    if (idempotency) {
      const earlier = await this.#claimed(idempotency);
      if (earlier) return earlier;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(this.#pool, (client) => this.#write(client, draft, idempotency));
      } catch (error) {
        if (error instanceof KeyTaken && idempotency) {
          const earlier = await this.#claimed(idempotency);
          if (earlier) return earlier;
        }
        // Two instances drew the same free reference at once: draw again.
        if (isUniqueViolation(error, 'tickets_reference_key') && attempt < 3) continue;
        throw error;
      }
    }
  }

  async #claimed(idempotency: IdempotencyClaim): Promise<CreateTicketResult | undefined> {
    const { rows } = await this.#pool.query(
      `SELECT k.fingerprint, t.* FROM idempotency_keys k JOIN tickets t ON t.id = k.ticket_id
       WHERE k.key = $1`,
      [idempotency.key],
    );
    const row = rows[0] as Row | undefined;
    if (!row) return undefined;
    if (row['fingerprint'] !== idempotency.fingerprint) return { outcome: 'key-reused' };
    return { outcome: 'replayed', ticket: ticketFromRow(row) };
  }

  async #write(
    client: pg.PoolClient,
    draft: TicketDraft,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<CreateTicketResult> {
    const id = randomUUID();
    const reference = await this.#freeReference(client);
    const { rows } = await client.query(
      `INSERT INTO tickets (
         id, reference, created_at, locale, email, name, role, topic, priority, subject, message,
         article_id, search_query, shown_articles, opened_articles, suggested_articles, team,
         received_at, first_reply_due_at, first_reply_hours, first_reply_clock,
         first_reply_starts_at, suggestions_pending
       ) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19, $20, $21, $22, $23)
       RETURNING *`,
      [
        id,
        reference,
        draft.receivedAt,
        draft.locale,
        draft.email,
        draft.name,
        draft.role,
        draft.topic,
        draft.priority,
        draft.subject,
        draft.message,
        draft.articleId,
        draft.searchQuery,
        JSON.stringify(draft.shownArticles),
        JSON.stringify(draft.openedArticles),
        JSON.stringify(draft.suggestedArticles),
        draft.team,
        draft.receivedAt,
        draft.firstReplyDueAt,
        draft.firstReplyHours,
        draft.firstReplyClock,
        draft.firstReplyStartsAt,
        draft.suggestionsPending ?? false,
      ],
    );
    if (idempotency) {
      const claimed = await client.query(
        `INSERT INTO idempotency_keys (key, fingerprint, ticket_id, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [idempotency.key, idempotency.fingerprint, id, draft.receivedAt],
      );
      if (claimed.rowCount === 0) throw new KeyTaken();
    }
    // The outbox rows commit with the ticket: acknowledged means it will be delivered.
    for (const target of this.#deliveryTargets) {
      await client.query(
        `INSERT INTO deliveries (ticket_id, target, idempotency_key, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, target, randomUUID(), draft.receivedAt, draft.receivedAt],
      );
    }
    return { outcome: 'created', ticket: ticketFromRow(rows[0] as Row) };
  }

  async #freeReference(client: pg.PoolClient): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const reference = this.#newReference();
      const taken = await client.query('SELECT 1 FROM tickets WHERE reference = $1', [reference]);
      if (taken.rowCount === 0) return reference;
    }
    throw new Error('could not find a free ticket reference after 10 attempts');
  }

  async findByReference(reference: string): Promise<StoredTicket | undefined> {
    const { rows } = await this.#pool.query('SELECT * FROM tickets WHERE reference = $1', [
      reference,
    ]);
    return rows[0] ? ticketFromRow(rows[0] as Row) : undefined;
  }

  async pendingSuggestions(limit: number): Promise<StoredTicket[]> {
    const { rows } = await this.#pool.query(
      'SELECT * FROM tickets WHERE suggestions_pending ORDER BY received_at LIMIT $1',
      [limit],
    );
    return rows.map((row) => ticketFromRow(row as Row));
  }

  async saveSuggestions(id: string, articleIds: string[]): Promise<void> {
    await this.#pool.query(
      `UPDATE tickets SET suggested_articles = $1, suggestions_pending = false
       WHERE id = $2 AND suggestions_pending`,
      [JSON.stringify(articleIds), id],
    );
  }

  async applyHelpdeskEvent(
    reference: string,
    event: HelpdeskEventRecord,
    decide: (ticket: StoredTicket, events: HelpdeskEventRecord[]) => SlaDecision,
  ): Promise<ApplyHelpdeskEventResult> {
    try {
      return await this.#applyOnce(reference, event, decide);
    } catch (error) {
      // The same event id arrived for two tickets at once: the second now sees the first.
      if (isUniqueViolation(error, 'ticket_events_external'))
        return this.#applyOnce(reference, event, decide);
      throw error;
    }
  }

  #applyOnce(
    reference: string,
    event: HelpdeskEventRecord,
    decide: (ticket: StoredTicket, events: HelpdeskEventRecord[]) => SlaDecision,
  ): Promise<ApplyHelpdeskEventResult> {
    return inTransaction(this.#pool, async (client): Promise<ApplyHelpdeskEventResult> => {
      // FOR UPDATE: two events for one ticket, on any instance, decide one after the other.
      const row = (
        await client.query('SELECT * FROM tickets WHERE reference = $1 FOR UPDATE', [reference])
      ).rows[0] as Row | undefined;
      const seen = (
        await client.query('SELECT ticket_id, type FROM ticket_events WHERE external_id = $1', [
          event.externalId,
        ])
      ).rows[0] as Row | undefined;
      if (seen) {
        if (!row || seen['ticket_id'] !== row['id'] || seen['type'] !== event.type)
          return { outcome: 'id-reused' };
        return { outcome: 'duplicate', ticket: ticketFromRow(row) };
      }
      if (!row) return { outcome: 'unknown-reference' };
      const ticket = ticketFromRow(row);
      const earlier = (
        await client.query(
          `SELECT external_id, type, at FROM ticket_events
           WHERE ticket_id = $1 AND actor = 'helpdesk' ORDER BY at, id`,
          [ticket.id],
        )
      ).rows.map((e: Row) => helpdeskEventFromRow(e));
      const decision = decide(ticket, [...earlier, event]);
      if (decision.outcome === 'refuse') return { outcome: 'refused', reason: decision.reason };
      await client.query(
        `INSERT INTO ticket_events (ticket_id, type, at, actor, payload, external_id)
         VALUES ($1, $2, $3, 'helpdesk', $4, $5)`,
        [
          ticket.id,
          event.type,
          event.at,
          JSON.stringify(decision.ignored ? { ignored: decision.ignored } : {}),
          event.externalId,
        ],
      );
      const { update } = decision;
      const updated = await client.query(
        `UPDATE tickets SET sla_state = $1, first_reply_at = $2, paused_ms = $3, paused_since = $4,
           solved_at = $5 WHERE id = $6 RETURNING *`,
        [
          update.slaState,
          update.firstReplyAt,
          Math.round(update.pausedMs),
          update.pausedSince,
          update.solvedAt,
          ticket.id,
        ],
      );
      const result = ticketFromRow(updated.rows[0] as Row);
      return decision.ignored
        ? { outcome: 'applied', ticket: result, ignored: decision.ignored }
        : { outcome: 'applied', ticket: result };
    });
  }

  async listForSla(filter: SlaTicketFilter): Promise<StoredTicket[]> {
    if (filter.states.length === 0) return [];
    const values: unknown[] = [filter.states];
    const where = ['sla_state = ANY($1)'];
    const add = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      values.push(value);
      where.push(`${clause} $${values.length}`);
    };
    add('team =', filter.team);
    add('received_at >=', filter.receivedFrom);
    add('received_at <', filter.receivedBefore);
    values.push(filter.limit);
    const { rows } = await this.#pool.query(
      `SELECT * FROM tickets WHERE ${where.join(' AND ')}
       ORDER BY received_at, id LIMIT $${values.length}`,
      values,
    );
    return rows.map((row: Row) => ticketFromRow(row));
  }

  /**
   * Proves a write, as the SQLite store's does: a small row with a reserve of a few pages in a
   * committed transaction, the one from the check before deleted. A standby, a read-only
   * database or a full disk fail it.
   */
  async ping(): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO health_checks (checked_at, reserve) VALUES ($1, decode(repeat('00', 16384), 'hex'))
         RETURNING id`,
        [new Date().toISOString()],
      );
      await client.query('DELETE FROM health_checks WHERE id < $1', [rows[0]!.id]);
    });
  }

  async close(): Promise<void> {
    await this.#closePool();
  }
}
