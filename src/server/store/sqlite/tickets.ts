/**
 * The ticket store on the service's SQLite file. WAL with `synchronous=FULL` makes every commit
 * durable before the service acknowledges the ticket; tickets arriving together share one commit
 * (group commit), so the fsync is paid once per batch.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { generateReference } from '../../tickets/reference.ts';
import { helpdeskEventFromRow, ticketFromRow } from '../rows/tickets.ts';
import type {
  ApplyHelpdeskEventResult,
  CreateTicketResult,
  DeliveryTarget,
  HelpdeskEventRecord,
  SlaDecision,
  SlaTicketFilter,
  IdempotencyClaim,
  StoredTicket,
  TicketDraft,
  TicketStore,
} from '../types.ts';
import { inTransaction, openDatabase, type Row, type SqliteOptions } from './database.ts';
import { writeProbe } from './health.ts';

export interface SqliteStoreOptions extends SqliteOptions {
  /** Source of references; tests replace it to force collisions. */
  newReference?: () => string;
  /**
   * Where every new ticket is delivered: one outbox row per target, in the ticket's own
   * transaction. Default ['email'] (the team's address; waits in the outbox without SMTP_URL).
   */
  deliveryTargets?: readonly DeliveryTarget[];
}

/** A write waiting for the next group commit: a new ticket, or a ticket's suggested articles. */
interface PendingWrite {
  run(): unknown;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** Most tickets committed together; bounds how long one commit holds the write lock. */
const MAX_BATCH = 100;

/** The ticket store alone on its own connection (tests, benchmarks). */
export function openSqliteTicketStore(options: SqliteStoreOptions): TicketStore {
  const db = openDatabase(options);
  return new SqliteTicketStore(
    db,
    options.newReference ?? (() => generateReference()),
    () => db.close(),
    options.deliveryTargets,
  );
}

export class SqliteTicketStore implements TicketStore {
  readonly #db: DatabaseSync;
  readonly #newReference: () => string;
  readonly #closeDatabase: () => void;
  readonly #insertTicket: StatementSync;
  readonly #updateSuggestions: StatementSync;
  readonly #insertKey: StatementSync;
  readonly #selectKey: StatementSync;
  readonly #selectById: StatementSync;
  readonly #selectByReference: StatementSync;
  readonly #insertDelivery: StatementSync;
  readonly #deliveryTargets: readonly DeliveryTarget[];
  readonly #proveWritable: () => void;
  readonly #queue: PendingWrite[] = [];
  #flushScheduled = false;

  /** closeDatabase: what close() does once the queue is flushed (the shared file closes elsewhere). */
  constructor(
    db: DatabaseSync,
    newReference: () => string,
    closeDatabase: () => void,
    deliveryTargets: readonly DeliveryTarget[] = ['email'],
  ) {
    this.#db = db;
    this.#deliveryTargets = deliveryTargets;
    this.#proveWritable = writeProbe(db);
    this.#insertDelivery = db.prepare(`INSERT INTO deliveries
      (ticket_id, target, idempotency_key, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)`);
    this.#newReference = newReference;
    this.#closeDatabase = closeDatabase;
    this.#insertTicket = db.prepare(`INSERT INTO tickets (
      id, reference, created_at, locale, email, name, role, topic, priority, subject, message,
      article_id, search_query, shown_articles, opened_articles, suggested_articles,
      suggestions_pending, team, received_at, first_reply_due_at, first_reply_hours,
      first_reply_clock, first_reply_starts_at
    ) VALUES (
      :id, :reference, :createdAt, :locale, :email, :name, :role, :topic, :priority, :subject,
      :message, :articleId, :searchQuery, :shownArticles, :openedArticles, :suggestedArticles,
      :suggestionsPending, :team, :receivedAt, :firstReplyDueAt, :firstReplyHours,
      :firstReplyClock, :firstReplyStartsAt
    )`);
    this.#insertKey = db.prepare(
      'INSERT INTO idempotency_keys (key, fingerprint, ticket_id, created_at) VALUES (?, ?, ?, ?)',
    );
    this.#selectKey = db.prepare(
      'SELECT fingerprint, ticket_id FROM idempotency_keys WHERE key = ?',
    );
    this.#selectById = db.prepare('SELECT * FROM tickets WHERE id = ?');
    this.#updateSuggestions = db.prepare(
      'UPDATE tickets SET suggested_articles = ?, suggestions_pending = 0 WHERE id = ? AND suggestions_pending = 1',
    );
    this.#selectByReference = db.prepare('SELECT * FROM tickets WHERE reference = ?');
  }

  createTicket(draft: TicketDraft, idempotency?: IdempotencyClaim): Promise<CreateTicketResult> {
    return this.#enqueue(() => this.#write(draft, idempotency));
  }

  #enqueue<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (result: unknown) => void, reject });
      this.#scheduleFlush();
    });
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // setImmediate runs after this turn's I/O: every ticket parsed in the same turn shares a commit.
    setImmediate(() => this.#flush());
  }

  /**
   * Group commit: one transaction, so one fsync, for every ticket waiting. Each ticket has its own
   * savepoint, so one failing write rejects only its own request. Nobody is answered before COMMIT.
   */
  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue.splice(0, MAX_BATCH);
    if (this.#queue.length > 0) this.#scheduleFlush();
    if (batch.length === 0) return;
    const outcomes: Array<{ result: unknown } | { error: unknown }> = [];
    try {
      inTransaction(this.#db, () => {
        for (const write of batch) {
          this.#db.exec('SAVEPOINT ticket');
          try {
            outcomes.push({ result: write.run() });
            this.#db.exec('RELEASE ticket');
          } catch (error) {
            // A full disk or an I/O error can end the whole transaction, savepoint and all:
            // then every ticket of the batch fails with that error, not "no such savepoint".
            if (!this.#db.isTransaction) throw error;
            this.#db.exec('ROLLBACK TO ticket');
            this.#db.exec('RELEASE ticket');
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index];
      if (outcome && 'result' in outcome) write.resolve(outcome.result);
      else write.reject(outcome?.error);
    });
  }

  #write(draft: TicketDraft, idempotency: IdempotencyClaim | undefined): CreateTicketResult {
    if (idempotency) {
      const earlier = this.#selectKey.get(idempotency.key) as Row | undefined;
      if (earlier) {
        if (earlier.fingerprint !== idempotency.fingerprint) return { outcome: 'key-reused' };
        const ticket = this.#selectById.get(earlier.ticket_id as string) as Row;
        return { outcome: 'replayed', ticket: ticketFromRow(ticket) };
      }
    }
    const id = randomUUID();
    const reference = this.#freeReference();
    this.#insertTicket.run({
      ...draft,
      id,
      reference,
      createdAt: draft.receivedAt,
      shownArticles: JSON.stringify(draft.shownArticles),
      openedArticles: JSON.stringify(draft.openedArticles),
      suggestedArticles: JSON.stringify(draft.suggestedArticles),
      suggestionsPending: draft.suggestionsPending ? 1 : 0,
    });
    if (idempotency) {
      this.#insertKey.run(idempotency.key, idempotency.fingerprint, id, draft.receivedAt);
    }
    // The outbox rows commit with the ticket: acknowledged means it will be delivered.
    for (const target of this.#deliveryTargets) {
      this.#insertDelivery.run(id, target, randomUUID(), draft.receivedAt, draft.receivedAt);
    }
    return { outcome: 'created', ticket: ticketFromRow(this.#selectById.get(id) as Row) };
  }

  async findByReference(reference: string): Promise<StoredTicket | undefined> {
    const row = this.#selectByReference.get(reference) as Row | undefined;
    return row ? ticketFromRow(row) : undefined;
  }

  async pendingSuggestions(limit: number): Promise<StoredTicket[]> {
    const rows = this.#db
      .prepare('SELECT * FROM tickets WHERE suggestions_pending = 1 ORDER BY received_at LIMIT ?')
      .all(limit) as Row[];
    return rows.map(ticketFromRow);
  }

  /**
   * Joins the next group commit: during a burst, suggestions found after their tickets ride on
   * the commits of newer tickets instead of paying an fsync each on the service's thread.
   */
  async saveSuggestions(id: string, articleIds: string[]): Promise<void> {
    await this.#enqueue(() => this.#updateSuggestions.run(JSON.stringify(articleIds), id));
  }

  async applyHelpdeskEvent(
    reference: string,
    event: HelpdeskEventRecord,
    decide: (ticket: StoredTicket, events: HelpdeskEventRecord[]) => SlaDecision,
  ): Promise<ApplyHelpdeskEventResult> {
    return inTransaction(this.#db, (): ApplyHelpdeskEventResult => {
      const row = this.#selectByReference.get(reference) as Row | undefined;
      const seen = this.#db
        .prepare('SELECT ticket_id, type FROM ticket_events WHERE external_id = ?')
        .get(event.externalId) as Row | undefined;
      if (seen) {
        if (!row || seen.ticket_id !== row.id || seen.type !== event.type)
          return { outcome: 'id-reused' };
        return { outcome: 'duplicate', ticket: ticketFromRow(row) };
      }
      if (!row) return { outcome: 'unknown-reference' };
      const ticket = ticketFromRow(row);
      const earlier = (
        this.#db
          .prepare(
            `SELECT external_id, type, at FROM ticket_events
             WHERE ticket_id = ? AND actor = 'helpdesk' ORDER BY at, id`,
          )
          .all(ticket.id) as Row[]
      ).map(helpdeskEventFromRow);
      const decision = decide(ticket, [...earlier, event]);
      if (decision.outcome === 'refuse') return { outcome: 'refused', reason: decision.reason };
      this.#db
        .prepare(
          `INSERT INTO ticket_events (ticket_id, type, at, actor, payload, external_id)
           VALUES (?, ?, ?, 'helpdesk', ?, ?)`,
        )
        .run(
          ticket.id,
          event.type,
          event.at,
          JSON.stringify(decision.ignored ? { ignored: decision.ignored } : {}),
          event.externalId,
        );
      const { update } = decision;
      this.#db
        .prepare(
          `UPDATE tickets SET sla_state = ?, first_reply_at = ?, paused_ms = ?, paused_since = ?,
             solved_at = ? WHERE id = ?`,
        )
        .run(
          update.slaState,
          update.firstReplyAt,
          Math.round(update.pausedMs),
          update.pausedSince,
          update.solvedAt,
          ticket.id,
        );
      const result = ticketFromRow(this.#selectById.get(ticket.id) as Row);
      return decision.ignored
        ? { outcome: 'applied', ticket: result, ignored: decision.ignored }
        : { outcome: 'applied', ticket: result };
    });
  }

  async listForSla(filter: SlaTicketFilter): Promise<StoredTicket[]> {
    if (filter.states.length === 0) return [];
    const where = [`sla_state IN (${filter.states.map(() => '?').join(', ')})`];
    const values: string[] = [...filter.states];
    if (filter.team !== undefined) {
      where.push('team = ?');
      values.push(filter.team);
    }
    if (filter.receivedFrom !== undefined) {
      where.push('received_at >= ?');
      values.push(filter.receivedFrom);
    }
    if (filter.receivedBefore !== undefined) {
      where.push('received_at < ?');
      values.push(filter.receivedBefore);
    }
    const rows = this.#db
      .prepare(
        `SELECT * FROM tickets WHERE ${where.join(' AND ')} ORDER BY received_at, id LIMIT ?`,
      )
      .all(...values, filter.limit) as Row[];
    return rows.map(ticketFromRow);
  }

  async ping(): Promise<void> {
    this.#proveWritable();
  }

  async close(): Promise<void> {
    while (this.#queue.length > 0) this.#flush();
    if (this.#db.isOpen) this.#closeDatabase();
  }

  #freeReference(): string {
    // 40 random bits make a collision rare, but the reference is a unique key: never guess.
    for (let attempt = 0; attempt < 10; attempt++) {
      const reference = this.#newReference();
      if (!this.#selectByReference.get(reference)) return reference;
    }
    throw new Error('could not find a free ticket reference after 10 attempts');
  }
}
