/**
 * The ticket store on the service's SQLite file. WAL with `synchronous=FULL` makes every commit
 * durable before the service acknowledges the ticket; tickets arriving together share one commit
 * (group commit), so the fsync is paid once per batch.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { generateReference } from '../../tickets/reference.ts';
import type {
  CreateTicketResult,
  IdempotencyClaim,
  StoredTicket,
  TicketDraft,
  TicketStore,
} from '../types.ts';
import { inTransaction, openDatabase, type Row, type SqliteOptions } from './database.ts';

export interface SqliteStoreOptions extends SqliteOptions {
  /** Source of references; tests replace it to force collisions. */
  newReference?: () => string;
}

interface PendingWrite {
  draft: TicketDraft;
  idempotency: IdempotencyClaim | undefined;
  resolve(result: CreateTicketResult): void;
  reject(error: unknown): void;
}

/** Most tickets committed together; bounds how long one commit holds the write lock. */
const MAX_BATCH = 100;

/** The ticket store alone on its own connection (tests, benchmarks). */
export function openSqliteTicketStore(options: SqliteStoreOptions): TicketStore {
  const db = openDatabase(options);
  return new SqliteTicketStore(db, options.newReference ?? (() => generateReference()), () =>
    db.close(),
  );
}

export class SqliteTicketStore implements TicketStore {
  readonly #db: DatabaseSync;
  readonly #newReference: () => string;
  readonly #closeDatabase: () => void;
  readonly #insertTicket: StatementSync;
  readonly #insertKey: StatementSync;
  readonly #selectKey: StatementSync;
  readonly #selectById: StatementSync;
  readonly #selectByReference: StatementSync;
  readonly #queue: PendingWrite[] = [];
  #flushScheduled = false;

  /** closeDatabase: what close() does once the queue is flushed (the shared file closes elsewhere). */
  constructor(db: DatabaseSync, newReference: () => string, closeDatabase: () => void) {
    this.#db = db;
    this.#newReference = newReference;
    this.#closeDatabase = closeDatabase;
    this.#insertTicket = db.prepare(`INSERT INTO tickets (
      id, reference, created_at, locale, email, name, role, topic, priority, subject, message,
      article_id, search_query, shown_articles, opened_articles, suggested_articles, team,
      received_at, first_reply_due_at, first_reply_hours, first_reply_clock,
      first_reply_starts_at
    ) VALUES (
      :id, :reference, :createdAt, :locale, :email, :name, :role, :topic, :priority, :subject,
      :message, :articleId, :searchQuery, :shownArticles, :openedArticles, :suggestedArticles,
      :team, :receivedAt, :firstReplyDueAt, :firstReplyHours, :firstReplyClock,
      :firstReplyStartsAt
    )`);
    this.#insertKey = db.prepare(
      'INSERT INTO idempotency_keys (key, fingerprint, ticket_id, created_at) VALUES (?, ?, ?, ?)',
    );
    this.#selectKey = db.prepare(
      'SELECT fingerprint, ticket_id FROM idempotency_keys WHERE key = ?',
    );
    this.#selectById = db.prepare('SELECT * FROM tickets WHERE id = ?');
    this.#selectByReference = db.prepare('SELECT * FROM tickets WHERE reference = ?');
  }

  createTicket(draft: TicketDraft, idempotency?: IdempotencyClaim): Promise<CreateTicketResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ draft, idempotency, resolve, reject });
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
    const outcomes: Array<{ result: CreateTicketResult } | { error: unknown }> = [];
    try {
      inTransaction(this.#db, () => {
        for (const write of batch) {
          this.#db.exec('SAVEPOINT ticket');
          try {
            outcomes.push({ result: this.#write(write.draft, write.idempotency) });
            this.#db.exec('RELEASE ticket');
          } catch (error) {
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
        return { outcome: 'replayed', ticket: toTicket(ticket) };
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
    });
    if (idempotency) {
      this.#insertKey.run(idempotency.key, idempotency.fingerprint, id, draft.receivedAt);
    }
    return { outcome: 'created', ticket: toTicket(this.#selectById.get(id) as Row) };
  }

  async findByReference(reference: string): Promise<StoredTicket | undefined> {
    const row = this.#selectByReference.get(reference) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
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

function toTicket(row: Row): StoredTicket {
  const text = (key: string) => row[key] as string;
  const optionalText = (key: string) => (row[key] as string | null) ?? null;
  return {
    id: text('id'),
    reference: text('reference'),
    createdAt: text('created_at'),
    locale: text('locale') as StoredTicket['locale'],
    email: text('email'),
    name: optionalText('name'),
    role: text('role') as StoredTicket['role'],
    topic: text('topic'),
    priority: text('priority') as StoredTicket['priority'],
    subject: text('subject'),
    message: text('message'),
    articleId: optionalText('article_id'),
    searchQuery: optionalText('search_query'),
    shownArticles: JSON.parse(text('shown_articles')) as string[],
    openedArticles: JSON.parse(text('opened_articles')) as string[],
    suggestedArticles: JSON.parse(text('suggested_articles')) as string[],
    team: text('team'),
    receivedAt: text('received_at'),
    firstReplyDueAt: text('first_reply_due_at'),
    firstReplyHours: row.first_reply_hours as number,
    firstReplyClock: text('first_reply_clock') as StoredTicket['firstReplyClock'],
    firstReplyStartsAt: text('first_reply_starts_at'),
    slaState: text('sla_state') as StoredTicket['slaState'],
    firstReplyAt: optionalText('first_reply_at'),
    pausedMs: row.paused_ms as number,
    pausedSince: optionalText('paused_since'),
  };
}
