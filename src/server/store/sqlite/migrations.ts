/**
 * Schema changes of the SQLite ticket database, applied in order at start and recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table others refer to (SQLite's way to change a constraint): foreign keys are off
   * while it runs, as SQLite's documentation prescribes, and checked before the commit.
   */
  rebuildsTables?: boolean;
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
  {
    version: 4,
    name: 'ticket delivery outbox, helpdesk SLA events, article votes, search and deflection events',
    sql: `
      -- The outbox: one row per ticket and target, written in the ticket's own transaction, so a
      -- ticket the service acknowledged is delivered at least once, whatever restarts between.
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        target TEXT NOT NULL CHECK (target IN ('email', 'webhook')),
        -- Sent with every attempt (header, Message-ID): the receiver drops repeats.
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        -- A worker owns the row until then; after a crash the lease runs out and it is retried.
        leased_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT,
        -- A lead put a dead row back to pending: who and when, so the list shows it was retried.
        retried_by TEXT,
        retried_at TEXT,
        UNIQUE (ticket_id, target)
      ) STRICT;
      CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);

      -- The helpdesk reports first reply, pause, resume and solve; its event id makes a retried
      -- webhook harmless.
      ALTER TABLE ticket_events ADD COLUMN external_id TEXT;
      CREATE UNIQUE INDEX ticket_events_external ON ticket_events (external_id)
        WHERE external_id IS NOT NULL;
      ALTER TABLE tickets ADD COLUMN solved_at TEXT;
      ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT 'web';
      CREATE INDEX tickets_by_received ON tickets (received_at);
      -- Tickets still waiting for a first reply, for "at risk now": a small part of all tickets.
      CREATE INDEX tickets_awaiting_reply ON tickets (first_reply_due_at)
        WHERE first_reply_at IS NULL AND solved_at IS NULL;

      -- "Was this helpful?": one vote per reader per article revision. voter is a hash of the
      -- reader's address and browser with a salt that changes every day and is then thrown away,
      -- so no address is kept and yesterday's votes cannot be linked to today's.
      CREATE TABLE votes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
        revision TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        reason TEXT CHECK (reason IN ('incorrect', 'unclear', 'missing-information',
          'not-my-situation', 'disagree-with-policy', 'other')),
        comment TEXT,
        voter TEXT NOT NULL,
        day TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (voter, article_id, locale, revision)
      ) STRICT;
      CREATE INDEX votes_by_article ON votes (article_id, locale, revision);
      CREATE INDEX votes_by_day ON votes (day);

      CREATE TABLE daily_salts (
        day TEXT PRIMARY KEY,
        salt TEXT NOT NULL
      ) STRICT;

      -- Readers' search and contact-page events, raw for 30 days; then only the daily rows below.
      -- kind: search (a settled query and its result count), open (a result or suggestion opened,
      -- with its rank), contact-view, suggestions-shown, ticket-sent. visit links the events of
      -- one tab (a random id kept in sessionStorage, never a cookie).
      CREATE TABLE reader_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        locale TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('search', 'quick', 'contact')),
        kind TEXT NOT NULL CHECK (kind IN ('search', 'open', 'contact-view', 'suggestions-shown',
          'ticket-sent')),
        visit TEXT NOT NULL,
        query TEXT,
        results INTEGER,
        rank INTEGER,
        article_id TEXT,
        articles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(articles))
      ) STRICT;
      CREATE INDEX reader_events_by_day ON reader_events (day, locale, kind);
      -- The rollup follows each visit's events (what came after a search, what a contact visit did).
      CREATE INDEX reader_events_by_visit ON reader_events (visit, at);

      -- Daily rows kept after the raw events are gone. One row per day, locale, source and query.
      CREATE TABLE search_daily (
        day TEXT NOT NULL,
        locale TEXT NOT NULL,
        source TEXT NOT NULL,
        query TEXT NOT NULL,
        searches INTEGER NOT NULL,
        no_result INTEGER NOT NULL,
        -- searches (with results) after which nothing was opened in the same visit
        no_click INTEGER NOT NULL,
        opens INTEGER NOT NULL,
        -- the ranks of those opens added up: rank_sum / opens is the mean rank opened
        rank_sum INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, locale, source, query)
      ) STRICT;
      -- Finished days already rolled up. A day's raw events are final once it is over (events
      -- carry the service's time), so the hourly rollup need not redo them; only the last one
      -- before a new day, whose visits may have gone on past midnight.
      CREATE TABLE rolled_up_days (
        day TEXT PRIMARY KEY,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE deflection_daily (
        day TEXT NOT NULL,
        locale TEXT NOT NULL,
        contact_visits INTEGER NOT NULL,
        visits_with_suggestions INTEGER NOT NULL,
        visits_opened INTEGER NOT NULL,
        visits_opened_no_ticket INTEGER NOT NULL,
        visits_with_ticket INTEGER NOT NULL,
        PRIMARY KEY (day, locale)
      ) STRICT;

      -- Help-centre visitors: a daily-salted hash per page view, counted per day and locale, then
      -- folded into visitors_daily when the day is over.
      CREATE TABLE visitors_today (
        day TEXT NOT NULL,
        locale TEXT NOT NULL,
        visitor TEXT NOT NULL,
        PRIMARY KEY (day, locale, visitor)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE visitors_daily (
        day TEXT NOT NULL,
        locale TEXT NOT NULL,
        visitors INTEGER NOT NULL,
        PRIMARY KEY (day, locale)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'the manager role (team managers read the reports)',
    // SQLite cannot change a CHECK constraint: the table is rebuilt. Other tables refer to
    // people (id) by name, and find the new table under that name.
    rebuildsTables: true,
    sql: `
      CREATE TABLE people_new (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT,
        role TEXT NOT NULL CHECK (role IN ('agent', 'manager', 'lead', 'admin')),
        languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
      INSERT INTO people_new SELECT * FROM people;
      DROP TABLE people;
      ALTER TABLE people_new RENAME TO people;
    `,
  },
  {
    version: 6,
    name: 'health checks write (a full or read-only database turns the health check red)',
    // GET /api/health inserts a row with a few pages of reserve, then deletes the one before:
    // it needs fresh pages the way a ticket does, so a full disk fails it too (sqlite/health.ts).
    sql: `
      CREATE TABLE health_checks (
        id INTEGER PRIMARY KEY,
        checked_at TEXT NOT NULL,
        reserve BLOB NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'suggested articles found after the commit (tickets/suggestion-filler.ts)',
    sql: `
      ALTER TABLE tickets ADD COLUMN suggestions_pending INTEGER NOT NULL DEFAULT 0
        CHECK (suggestions_pending IN (0, 1));
      CREATE INDEX tickets_suggestions_pending ON tickets (received_at)
        WHERE suggestions_pending = 1;
    `,
  },
];
