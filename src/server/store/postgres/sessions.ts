/**
 * Sessions, sign-in links and pending OpenID Connect logins on PostgreSQL, for several instances
 * sharing one database. A link and a pending login are used once even when two instances get the
 * same one at the same moment: each is taken by one conditional statement (UPDATE … WHERE
 * used_at IS NULL, DELETE … RETURNING), so exactly one of them gets the row.
 */
import type pg from 'pg';
import type {
  ConsumeTokenResult,
  PendingLogin,
  Session,
  SessionStore,
  SignInStore,
  SignInToken,
} from '../types.ts';
import { consumedToken, pendingLoginFromRow, sessionFromRow } from '../rows/sessions.ts';
import type { Row } from './database.ts';

export class PostgresSessionStore implements SessionStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async create(session: Session): Promise<void> {
    await this.#pool.query(
      `INSERT INTO sessions (id_hash, person_id, method, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        session.idHash,
        session.personId,
        session.method,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      ],
    );
  }

  async find(idHash: string): Promise<Session | undefined> {
    const { rows } = await this.#pool.query('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    const row = rows[0] as Row | undefined;
    return row && sessionFromRow(row);
  }

  async touch(idHash: string, at: string): Promise<void> {
    await this.#pool.query('UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2', [
      at,
      idHash,
    ]);
  }

  async revoke(idHash: string): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async revokeAllFor(personId: string): Promise<number> {
    const result = await this.#pool.query('DELETE FROM sessions WHERE person_id = $1', [personId]);
    return result.rowCount ?? 0;
  }

  async deleteExpired(before: string): Promise<number> {
    const result = await this.#pool.query('DELETE FROM sessions WHERE expires_at < $1', [before]);
    return result.rowCount ?? 0;
  }
}

export class PostgresSignInStore implements SignInStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async issueToken(token: SignInToken): Promise<void> {
    await this.#pool.query(
      `INSERT INTO sign_in_tokens (token_hash, email, next_path, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [token.tokenHash, token.email, token.next, token.createdAt, token.expiresAt],
    );
  }

  async countTokensSince(email: string, since: string): Promise<number> {
    const { rows } = await this.#pool.query(
      'SELECT count(*)::int AS n FROM sign_in_tokens WHERE email = $1 AND created_at >= $2',
      [email, since],
    );
    return Number((rows[0] as Row)['n']);
  }

  async consumeToken(tokenHash: string, at: string): Promise<ConsumeTokenResult> {
    // One statement marks the token: of two instances using it at once, the second waits for
    // the first to commit, finds used_at set, and updates nothing.
    const { rows } = await this.#pool.query(
      `UPDATE sign_in_tokens SET used_at = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING email, next_path`,
      [tokenHash, at],
    );
    const consumed = rows[0] as Row | undefined;
    if (consumed) return consumedToken(consumed);
    // Nothing was marked: say why, in the order the SQLite store checks (used before expired).
    const row = (
      await this.#pool.query(
        'SELECT used_at, expires_at FROM sign_in_tokens WHERE token_hash = $1',
        [tokenHash],
      )
    ).rows[0] as Row | undefined;
    if (!row) return { outcome: 'unknown' };
    if (row['used_at'] !== null) return { outcome: 'used' };
    if ((row['expires_at'] as string) <= at) return { outcome: 'expired' };
    // Issued between the two statements: usable after all.
    return this.consumeToken(tokenHash, at);
  }

  async savePendingLogin(login: PendingLogin): Promise<void> {
    await this.#pool.query(
      `INSERT INTO pending_logins (state_hash, code_verifier, nonce, next_path, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [login.stateHash, login.codeVerifier, login.nonce, login.next, login.expiresAt],
    );
  }

  async takePendingLogin(stateHash: string, at: string): Promise<PendingLogin | undefined> {
    // DELETE … RETURNING: only the instance whose delete removed the row gets it. An expired
    // login is deleted too, and not returned.
    const { rows } = await this.#pool.query(
      'DELETE FROM pending_logins WHERE state_hash = $1 RETURNING *',
      [stateHash],
    );
    const row = rows[0] as Row | undefined;
    if (!row || (row['expires_at'] as string) <= at) return undefined;
    return pendingLoginFromRow(row);
  }

  async deleteExpired(before: string): Promise<void> {
    // Used links are kept for the per-address count until they are a day old.
    await this.#pool.query('DELETE FROM sign_in_tokens WHERE expires_at < $1', [before]);
    await this.#pool.query('DELETE FROM pending_logins WHERE expires_at < $1', [before]);
  }
}
