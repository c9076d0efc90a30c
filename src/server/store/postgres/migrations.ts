/**
 * Schema changes of the PostgreSQL database, applied in order at start under an advisory lock
 * and recorded in `schema_migrations`, like the SQLite ones (../sqlite/migrations.ts). The two
 * dialects keep the same tables and columns; instants stay ISO text in UTC with milliseconds in
 * both, so text order is time order and rows read back identically. Never edit a migration that
 * has shipped: add the next one.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'tickets, idempotency keys, ticket events and the delivery outbox',
    sql: `
      CREATE TABLE tickets (
        id text PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        created_at text NOT NULL,
        locale text NOT NULL,
        email text NOT NULL,
        name text,
        role text NOT NULL CHECK (role IN ('buyer', 'seller')),
        topic text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('normal', 'urgent')),
        subject text NOT NULL,
        message text NOT NULL,
        article_id text,
        search_query text,
        shown_articles jsonb NOT NULL DEFAULT '[]',
        opened_articles jsonb NOT NULL DEFAULT '[]',
        suggested_articles jsonb NOT NULL DEFAULT '[]',
        team text NOT NULL,
        received_at text NOT NULL,
        first_reply_due_at text NOT NULL,
        first_reply_hours double precision NOT NULL,
        first_reply_clock text NOT NULL CHECK (first_reply_clock IN ('calendar', 'business')),
        first_reply_starts_at text NOT NULL,
        sla_state text NOT NULL DEFAULT 'pending'
          CHECK (sla_state IN ('pending', 'achieved', 'breached', 'paused')),
        first_reply_at text,
        paused_ms bigint NOT NULL DEFAULT 0,
        paused_since text,
        solved_at text,
        channel text NOT NULL DEFAULT 'web'
      );
      CREATE INDEX tickets_sla_due ON tickets (sla_state, first_reply_due_at);
      CREATE INDEX tickets_by_received ON tickets (received_at);
      CREATE INDEX tickets_awaiting_reply ON tickets (first_reply_due_at)
        WHERE first_reply_at IS NULL AND solved_at IS NULL;

      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        fingerprint text NOT NULL,
        ticket_id text NOT NULL REFERENCES tickets (id),
        created_at text NOT NULL
      );

      CREATE TABLE ticket_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id text NOT NULL REFERENCES tickets (id),
        type text NOT NULL,
        at text NOT NULL,
        actor text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        external_id text
      );
      CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, at);
      CREATE UNIQUE INDEX ticket_events_external ON ticket_events (external_id)
        WHERE external_id IS NOT NULL;

      CREATE TABLE deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id text NOT NULL REFERENCES tickets (id),
        target text NOT NULL CHECK (target IN ('email', 'webhook')),
        idempotency_key text NOT NULL UNIQUE,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at text NOT NULL,
        leased_until text,
        last_error text,
        created_at text NOT NULL,
        delivered_at text,
        retried_by text,
        retried_at text,
        UNIQUE (ticket_id, target)
      );
      CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
    `,
  },
  {
    version: 2,
    name: 'people and sessions, flags and proposals, review, votes and readers’ events',
    // The tables of SQLite's migrations 2 to 5, as they stand after them.
    sql: `
      CREATE TABLE people (
        id text PRIMARY KEY,
        email text NOT NULL UNIQUE,
        name text,
        role text NOT NULL CHECK (role IN ('agent', 'manager', 'lead', 'admin')),
        languages jsonb NOT NULL DEFAULT '[]',
        created_at text NOT NULL,
        updated_at text NOT NULL,
        removed_at text
      );
      CREATE TABLE person_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        person_id text NOT NULL REFERENCES people (id),
        at text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX person_events_by_person ON person_events (person_id, id);

      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        person_id text NOT NULL REFERENCES people (id),
        method text NOT NULL CHECK (method IN ('email-link', 'oidc')),
        created_at text NOT NULL,
        last_seen_at text NOT NULL,
        expires_at text NOT NULL
      );
      CREATE INDEX sessions_by_person ON sessions (person_id);
      CREATE TABLE sign_in_tokens (
        token_hash text PRIMARY KEY,
        email text NOT NULL,
        next_path text,
        created_at text NOT NULL,
        expires_at text NOT NULL,
        used_at text
      );
      CREATE INDEX sign_in_tokens_by_email ON sign_in_tokens (email, created_at);
      CREATE TABLE pending_logins (
        state_hash text PRIMARY KEY,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        next_path text,
        expires_at text NOT NULL
      );

      CREATE TABLE flags (
        id text PRIMARY KEY,
        article_id text NOT NULL,
        locale text NOT NULL,
        revision text NOT NULL,
        block_key text NOT NULL,
        block_kind text NOT NULL,
        quote text NOT NULL,
        reason text NOT NULL,
        comment text,
        state text NOT NULL,
        created_by text NOT NULL REFERENCES people (id),
        created_at text NOT NULL,
        updated_at text NOT NULL,
        proposal_id text,
        decline_reason text
      );
      CREATE INDEX flags_by_passage ON flags (article_id, locale, block_key, state);
      CREATE INDEX flags_by_state ON flags (state, created_at);
      CREATE TABLE flag_supporters (
        flag_id text NOT NULL REFERENCES flags (id),
        person_id text NOT NULL REFERENCES people (id),
        ticket_ref text,
        comment text,
        at text NOT NULL,
        PRIMARY KEY (flag_id, person_id)
      );
      CREATE INDEX flag_supporters_by_person ON flag_supporters (person_id);
      CREATE TABLE flag_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        flag_id text NOT NULL REFERENCES flags (id),
        at text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        revision text,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX flag_events_by_flag ON flag_events (flag_id, id);

      CREATE TABLE proposals (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('edit', 'translation', 'new-article')),
        article_id text NOT NULL,
        locale text NOT NULL,
        base_revision text,
        base_text text,
        source_revision text,
        text text NOT NULL,
        title text NOT NULL,
        note text,
        flag_ids jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL,
        version integer NOT NULL,
        author_id text NOT NULL REFERENCES people (id),
        created_at text NOT NULL,
        updated_at text NOT NULL,
        reviewer_id text,
        commit_sha text,
        merge_status text,
        release_id text
      );
      CREATE INDEX proposals_by_author ON proposals (author_id, updated_at);
      CREATE INDEX proposals_by_article ON proposals (article_id, locale, state);
      CREATE INDEX proposals_by_state ON proposals (state, updated_at);
      CREATE TABLE proposal_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        proposal_id text NOT NULL REFERENCES proposals (id),
        at text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        revision text,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX proposal_events_by_proposal ON proposal_events (proposal_id, id);

      CREATE TABLE translation_tasks (
        id text PRIMARY KEY,
        article_id text NOT NULL,
        locale text NOT NULL,
        source_revision text NOT NULL,
        previous_source_revision text,
        changed_blocks jsonb NOT NULL DEFAULT '[]',
        proposal_id text,
        state text NOT NULL CHECK (state IN ('open', 'done', 'superseded')),
        created_at text NOT NULL,
        closed_at text,
        closed_by text
      );
      CREATE INDEX translation_tasks_open ON translation_tasks (locale, state, created_at);
      CREATE TABLE verifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id text NOT NULL,
        locale text NOT NULL,
        revision text NOT NULL,
        verified_by text NOT NULL REFERENCES people (id),
        at text NOT NULL
      );
      CREATE INDEX verifications_by_article ON verifications (article_id, locale, at);

      CREATE TABLE votes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id text NOT NULL,
        locale text NOT NULL,
        audience text NOT NULL CHECK (audience IN ('public', 'internal')),
        revision text NOT NULL,
        helpful boolean NOT NULL,
        reason text CHECK (reason IN ('incorrect', 'unclear', 'missing-information',
          'not-my-situation', 'disagree-with-policy', 'other')),
        comment text,
        voter text NOT NULL,
        day text NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        UNIQUE (voter, article_id, locale, revision)
      );
      CREATE INDEX votes_by_article ON votes (article_id, locale, revision);
      CREATE INDEX votes_by_day ON votes (day);
      CREATE TABLE daily_salts (
        day text PRIMARY KEY,
        salt text NOT NULL
      );

      CREATE TABLE reader_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at text NOT NULL,
        day text NOT NULL,
        locale text NOT NULL,
        source text NOT NULL CHECK (source IN ('search', 'quick', 'contact')),
        kind text NOT NULL CHECK (kind IN ('search', 'open', 'contact-view', 'suggestions-shown',
          'ticket-sent')),
        visit text NOT NULL,
        query text,
        results integer,
        rank integer,
        article_id text,
        articles jsonb NOT NULL DEFAULT '[]'
      );
      CREATE INDEX reader_events_by_day ON reader_events (day, locale, kind);
      CREATE INDEX reader_events_by_visit ON reader_events (visit, at);
      CREATE TABLE search_daily (
        day text NOT NULL,
        locale text NOT NULL,
        source text NOT NULL,
        query text NOT NULL,
        searches integer NOT NULL,
        no_result integer NOT NULL,
        no_click integer NOT NULL,
        opens integer NOT NULL,
        rank_sum integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, locale, source, query)
      );
      CREATE TABLE rolled_up_days (
        day text PRIMARY KEY,
        at text NOT NULL
      );
      CREATE TABLE deflection_daily (
        day text NOT NULL,
        locale text NOT NULL,
        contact_visits integer NOT NULL,
        visits_with_suggestions integer NOT NULL,
        visits_opened integer NOT NULL,
        visits_opened_no_ticket integer NOT NULL,
        visits_with_ticket integer NOT NULL,
        PRIMARY KEY (day, locale)
      );
      CREATE TABLE visitors_today (
        day text NOT NULL,
        locale text NOT NULL,
        visitor text NOT NULL,
        PRIMARY KEY (day, locale, visitor)
      );
      CREATE TABLE visitors_daily (
        day text NOT NULL,
        locale text NOT NULL,
        visitors integer NOT NULL,
        PRIMARY KEY (day, locale)
      );
    `,
  },
  {
    version: 3,
    name: 'one open flag per passage, and supporters in the order they joined',
    // Several instances raise flags at once: the index lets one flag per passage be open (open,
    // triaged, in-proposal), so a second raise joins it (src/server/store/postgres/flags.ts). seq
    // orders supporters who joined in the same millisecond, as rowid does on SQLite.
    sql: `
      CREATE UNIQUE INDEX flags_one_open_per_passage ON flags (article_id, locale, block_key)
        WHERE state IN ('open', 'triaged', 'in-proposal');
      ALTER TABLE flag_supporters ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
    `,
  },
  {
    version: 4,
    name: 'one open translation task per article and locale, kept in the order opened',
    // Several instances accept English changes at once: the index keeps one task per article and
    // locale open (src/server/store/postgres/tasks.ts supersedes under an advisory lock first).
    // seq orders tasks opened in the same millisecond, as rowid does on SQLite.
    sql: `
      CREATE UNIQUE INDEX translation_tasks_one_open ON translation_tasks (article_id, locale)
        WHERE state = 'open';
      ALTER TABLE translation_tasks ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
    `,
  },
  {
    version: 5,
    name: 'health checks write (a database that cannot take writes turns the health check red)',
    sql: `
      CREATE TABLE health_checks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        checked_at text NOT NULL,
        reserve bytea NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'rate limits shared by every instance',
    // One row per request that took a slot, kept for the window; the client is hashed, so no
    // address is stored (rate-limits.ts).
    sql: `
      CREATE TABLE rate_limit_hits (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        bucket text NOT NULL,
        client_hash text NOT NULL,
        at_ms bigint NOT NULL
      );
      CREATE INDEX rate_limit_hits_by_client ON rate_limit_hits (bucket, client_hash, at_ms);
      CREATE INDEX rate_limit_hits_by_age ON rate_limit_hits (at_ms);
    `,
  },
  {
    version: 7,
    name: 'suggested articles found after the commit (tickets/suggestion-filler.ts)',
    sql: `
      ALTER TABLE tickets ADD COLUMN suggestions_pending boolean NOT NULL DEFAULT false;
      CREATE INDEX tickets_suggestions_pending ON tickets (received_at) WHERE suggestions_pending;
    `,
  },
];
