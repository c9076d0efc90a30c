/** Sessions, sign-in links and pending OpenID Connect logins on the service's SQLite file. */
import type { DatabaseSync } from 'node:sqlite';
import type {
  ConsumeTokenResult,
  PendingLogin,
  Session,
  SessionStore,
  SignInStore,
  SignInToken,
} from '../types.ts';
import { consumedToken, pendingLoginFromRow, sessionFromRow } from '../rows/sessions.ts';
import { inTransaction, type Row } from './database.ts';

export class SqliteSessionStore implements SessionStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async create(session: Session): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO sessions (id_hash, person_id, method, created_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.idHash,
        session.personId,
        session.method,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      );
  }

  async find(idHash: string): Promise<Session | undefined> {
    const row = this.#db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
      Row | undefined;
    return row && sessionFromRow(row);
  }

  async touch(idHash: string, at: string): Promise<void> {
    this.#db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
  }

  async revoke(idHash: string): Promise<void> {
    this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async revokeAllFor(personId: string): Promise<number> {
    const result = this.#db.prepare('DELETE FROM sessions WHERE person_id = ?').run(personId);
    return Number(result.changes);
  }

  async deleteExpired(before: string): Promise<number> {
    const result = this.#db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(before);
    return Number(result.changes);
  }
}

export class SqliteSignInStore implements SignInStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async issueToken(token: SignInToken): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO sign_in_tokens (token_hash, email, next_path, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(token.tokenHash, token.email, token.next, token.createdAt, token.expiresAt);
  }

  async countTokensSince(email: string, since: string): Promise<number> {
    const row = this.#db
      .prepare('SELECT count(*) AS n FROM sign_in_tokens WHERE email = ? AND created_at >= ?')
      .get(email, since) as Row;
    return Number(row.n);
  }

  async consumeToken(tokenHash: string, at: string): Promise<ConsumeTokenResult> {
    return inTransaction(this.#db, () => {
      const row = this.#db
        .prepare('SELECT * FROM sign_in_tokens WHERE token_hash = ?')
        .get(tokenHash) as Row | undefined;
      if (!row) return { outcome: 'unknown' };
      if (row.used_at !== null) return { outcome: 'used' };
      if ((row.expires_at as string) <= at) return { outcome: 'expired' };
      this.#db
        .prepare('UPDATE sign_in_tokens SET used_at = ? WHERE token_hash = ?')
        .run(at, tokenHash);
      return consumedToken(row);
    });
  }

  async savePendingLogin(login: PendingLogin): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO pending_logins (state_hash, code_verifier, nonce, next_path, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(login.stateHash, login.codeVerifier, login.nonce, login.next, login.expiresAt);
  }

  async takePendingLogin(stateHash: string, at: string): Promise<PendingLogin | undefined> {
    return inTransaction(this.#db, () => {
      const row = this.#db
        .prepare('SELECT * FROM pending_logins WHERE state_hash = ?')
        .get(stateHash) as Row | undefined;
      if (!row) return undefined;
      this.#db.prepare('DELETE FROM pending_logins WHERE state_hash = ?').run(stateHash);
      if ((row.expires_at as string) <= at) return undefined;
      return pendingLoginFromRow(row);
    });
  }

  async deleteExpired(before: string): Promise<void> {
    // Used links are kept for the per-address count until they are a day old.
    this.#db.prepare('DELETE FROM sign_in_tokens WHERE expires_at < ?').run(before);
    this.#db.prepare('DELETE FROM pending_logins WHERE expires_at < ?').run(before);
  }
}
