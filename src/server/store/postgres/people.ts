/**
 * People and their roles on PostgreSQL, for several instances sharing one database. Adding
 * inserts with ON CONFLICT on the address, so two instances adding one person at once make one
 * row (the other answers "exists"); changes lock the person's row, so two changes on two
 * instances apply one after the other and each records the step from the state it really saw.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { patchedPerson, personFromRow, personUpdateSteps } from '../rows/people.ts';
import type {
  AddPersonResult,
  Change,
  HistoryEntry,
  NewPerson,
  Person,
  PersonPatch,
  PersonStore,
} from '../types.ts';
import { inTransaction, type Row } from './database.ts';
import { appendHistory, readHistory } from './history.ts';

export class PostgresPersonStore implements PersonStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const { rows } = await this.#pool.query(
      'SELECT * FROM people WHERE email = $1 AND removed_at IS NULL',
      [email.toLowerCase()],
    );
    return rows[0] ? personFromRow(rows[0] as Row) : undefined;
  }

  async findById(id: string): Promise<Person | undefined> {
    const { rows } = await this.#pool.query(
      'SELECT * FROM people WHERE id = $1 AND removed_at IS NULL',
      [id],
    );
    return rows[0] ? personFromRow(rows[0] as Row) : undefined;
  }

  async list(): Promise<Person[]> {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    const { rows } = await this.#pool.query(
      'SELECT * FROM people WHERE removed_at IS NULL ORDER BY email COLLATE "C"',
    );
    return rows.map((row: Row) => personFromRow(row));
  }

  async add(input: NewPerson, change: Change): Promise<AddPersonResult> {
    const email = input.email.toLowerCase();
    const languages = JSON.stringify(input.languages ?? []);
    return inTransaction(this.#pool, async (client): Promise<AddPersonResult> => {
      // Waits for another instance inserting the same address, then does nothing.
      const inserted = await client.query(
        `INSERT INTO people (id, email, name, role, languages, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (email) DO NOTHING RETURNING *`,
        [randomUUID(), email, input.name ?? null, input.role, languages, change.at],
      );
      const added = inserted.rows[0] as Row | undefined;
      if (added) {
        await appendHistory(client, 'person_events', added['id'] as string, change, {
          action: 'added',
          to: input.role,
        });
        return { outcome: 'added', person: personFromRow(added) };
      }
      const existing = (
        await client.query('SELECT * FROM people WHERE email = $1 FOR UPDATE', [email])
      ).rows[0] as Row;
      if (existing['removed_at'] === null)
        return { outcome: 'exists', person: personFromRow(existing) };
      const restored = await client.query(
        `UPDATE people SET role = $1, name = coalesce($2, name), languages = $3, updated_at = $4,
           removed_at = NULL WHERE id = $5 RETURNING *`,
        [input.role, input.name ?? null, languages, change.at, existing['id']],
      );
      await appendHistory(client, 'person_events', existing['id'] as string, change, {
        action: 'restored',
        from: 'removed',
        to: input.role,
      });
      return { outcome: 'added', person: personFromRow(restored.rows[0] as Row) };
    });
  }

  async update(id: string, patch: PersonPatch, change: Change): Promise<Person | undefined> {
    return inTransaction(this.#pool, async (client) => {
      const row = (
        await client.query('SELECT * FROM people WHERE id = $1 AND removed_at IS NULL FOR UPDATE', [
          id,
        ])
      ).rows[0] as Row | undefined;
      if (!row) return undefined;
      const before = personFromRow(row);
      const after = patchedPerson(before, patch);
      const updated = await client.query(
        `UPDATE people SET role = $1, name = $2, languages = $3, updated_at = $4 WHERE id = $5
         RETURNING *`,
        [after.role, after.name, JSON.stringify(after.languages), change.at, id],
      );
      for (const step of personUpdateSteps(before, after))
        await appendHistory(client, 'person_events', id, change, step);
      return personFromRow(updated.rows[0] as Row);
    });
  }

  async remove(id: string, change: Change): Promise<boolean> {
    return inTransaction(this.#pool, async (client) => {
      // Of two removals at once, the second waits here and then finds the person removed.
      const row = (
        await client.query(
          'SELECT role FROM people WHERE id = $1 AND removed_at IS NULL FOR UPDATE',
          [id],
        )
      ).rows[0] as Row | undefined;
      if (!row) return false;
      await client.query('UPDATE people SET removed_at = $1, updated_at = $1 WHERE id = $2', [
        change.at,
        id,
      ]);
      // Their sessions end in the same transaction: nothing signed in outlives the removal.
      await client.query('DELETE FROM sessions WHERE person_id = $1', [id]);
      await appendHistory(client, 'person_events', id, change, {
        action: 'removed',
        from: row['role'] as string,
        to: 'removed',
      });
      return true;
    });
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return readHistory(this.#pool, 'person_events', id);
  }
}
