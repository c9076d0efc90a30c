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
  {
    version: 2,
    name: 'people, sessions, sign-in tokens, flags and proposals, each with its history',
    sql: `
      -- People who sign in: agents, leads, admins. A removed person keeps the row (their flags
      -- and proposals still name them) but can no longer sign in: removed_at is set.
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT,
        role TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
        languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;

      CREATE TABLE person_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL REFERENCES people (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX person_events_by_person ON person_events (person_id, id);

      -- Only the SHA-256 of the session id is stored: a copy of the database opens no session.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id),
        method TEXT NOT NULL CHECK (method IN ('email-link', 'oidc')),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_person ON sessions (person_id);

      CREATE TABLE sign_in_tokens (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        next_path TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;
      CREATE INDEX sign_in_tokens_by_email ON sign_in_tokens (email, created_at);

      -- An OpenID Connect sign-in between the redirect to the provider and its callback.
      CREATE TABLE pending_logins (
        state_hash TEXT PRIMARY KEY,
        code_verifier TEXT NOT NULL,
        nonce TEXT NOT NULL,
        next_path TEXT,
        expires_at TEXT NOT NULL
      ) STRICT;

      -- A flag is bound to the passage an agent saw: article, locale, the file's revision, the
      -- block key and the quoted text, so it can be found again after edits.
      CREATE TABLE flags (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        revision TEXT NOT NULL,
        block_key TEXT NOT NULL,
        block_kind TEXT NOT NULL,
        quote TEXT NOT NULL,
        reason TEXT NOT NULL,
        comment TEXT,
        state TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES people (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX flags_by_passage ON flags (article_id, locale, block_key, state);

      -- Everyone who raised the flag, the first agent included, with the ticket that showed it.
      CREATE TABLE flag_supporters (
        flag_id TEXT NOT NULL REFERENCES flags (id),
        person_id TEXT NOT NULL REFERENCES people (id),
        ticket_ref TEXT,
        comment TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (flag_id, person_id)
      ) STRICT;
      CREATE INDEX flag_supporters_by_person ON flag_supporters (person_id);

      CREATE TABLE flag_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        flag_id TEXT NOT NULL REFERENCES flags (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        revision TEXT,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX flag_events_by_flag ON flag_events (flag_id, id);

      -- A proposal keeps the whole file text it proposes and the text it was based on, so review
      -- can diff and merge against the article as it is by then.
      CREATE TABLE proposals (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'translation', 'new-article')),
        article_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        base_revision TEXT,
        base_text TEXT,
        source_revision TEXT,
        text TEXT NOT NULL,
        title TEXT NOT NULL,
        note TEXT,
        flag_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flag_ids)),
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        author_id TEXT NOT NULL REFERENCES people (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX proposals_by_author ON proposals (author_id, updated_at);
      CREATE INDEX proposals_by_article ON proposals (article_id, locale, state);

      CREATE TABLE proposal_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        proposal_id TEXT NOT NULL REFERENCES proposals (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        revision TEXT,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX proposal_events_by_proposal ON proposal_events (proposal_id, id);
    `,
  },
  {
    version: 3,
    name: 'review: accepted proposals, flags linked or declined, translation tasks, verifications',
    sql: `
      ALTER TABLE proposals ADD COLUMN reviewer_id TEXT;
      ALTER TABLE proposals ADD COLUMN commit_sha TEXT;
      ALTER TABLE proposals ADD COLUMN merge_status TEXT;
      ALTER TABLE proposals ADD COLUMN release_id TEXT;
      CREATE INDEX proposals_by_state ON proposals (state, updated_at);

      ALTER TABLE flags ADD COLUMN proposal_id TEXT;
      ALTER TABLE flags ADD COLUMN decline_reason TEXT;
      CREATE INDEX flags_by_state ON flags (state, created_at);

      -- An English source changed under a translation: the translation has catching up to do.
      CREATE TABLE translation_tasks (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        source_revision TEXT NOT NULL,
        previous_source_revision TEXT,
        changed_blocks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changed_blocks)),
        proposal_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('open', 'done', 'superseded')),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT
      ) STRICT;
      CREATE INDEX translation_tasks_open ON translation_tasks (locale, state, created_at);

      -- "Verified": this revision of the article was checked by this lead at this time.
      CREATE TABLE verifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        revision TEXT NOT NULL,
        verified_by TEXT NOT NULL REFERENCES people (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX verifications_by_article ON verifications (article_id, locale, at);
    `,
  },
];
