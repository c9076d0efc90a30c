/**
 * Schema changes of the SQLite ticket database, applied in order at start and recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'tickets, idempotency keys and ticket events',
    sql: `
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        locale TEXT NOT NULL,
        email TEXT NOT NULL,
        name TEXT,
        role TEXT NOT NULL CHECK (role IN ('buyer', 'seller')),
        topic TEXT NOT NULL,
        priority TEXT NOT NULL CHECK (priority IN ('normal', 'urgent')),
        subject TEXT NOT NULL,
        message TEXT NOT NULL,
        article_id TEXT,
        search_query TEXT,
        shown_articles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(shown_articles)),
        opened_articles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(opened_articles)),
        suggested_articles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(suggested_articles)),
        team TEXT NOT NULL,
        received_at TEXT NOT NULL,
        first_reply_due_at TEXT NOT NULL,
        first_reply_hours REAL NOT NULL,
        first_reply_clock TEXT NOT NULL CHECK (first_reply_clock IN ('calendar', 'business')),
        first_reply_starts_at TEXT NOT NULL,
        sla_state TEXT NOT NULL DEFAULT 'pending'
          CHECK (sla_state IN ('pending', 'achieved', 'breached', 'paused')),
        first_reply_at TEXT,
        paused_ms INTEGER NOT NULL DEFAULT 0,
        paused_since TEXT
      ) STRICT;
      CREATE INDEX tickets_sla_due ON tickets (sla_state, first_reply_due_at);

      -- The key is unique, and it is written in the same transaction as the ticket: two
      -- concurrent requests with one key can never both create a ticket.
      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        created_at TEXT NOT NULL
      ) STRICT;

      -- Agents' events (replies, pauses, notes) arrive with a later issue; the SLA state is
      -- recomputed from them and the columns above.
      CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
      ) STRICT;
      CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, at);
    `,
  },
];
