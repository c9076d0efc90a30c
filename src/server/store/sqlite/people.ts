/** People and their roles on the service's SQLite file. */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
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
import { inTransaction, json, type Row } from './database.ts';
import { appendHistory, readHistory } from './history.ts';

export class SqlitePersonStore implements PersonStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const row = this.#db
      .prepare('SELECT * FROM people WHERE email = ? AND removed_at IS NULL')
      .get(email.toLowerCase()) as Row | undefined;
    return row && personFromRow(row);
  }

  async findById(id: string): Promise<Person | undefined> {
    const row = this.#db
      .prepare('SELECT * FROM people WHERE id = ? AND removed_at IS NULL')
      .get(id) as Row | undefined;
    return row && personFromRow(row);
  }

  async list(): Promise<Person[]> {
    const rows = this.#db
      .prepare('SELECT * FROM people WHERE removed_at IS NULL ORDER BY email')
      .all() as Row[];
    return rows.map(personFromRow);
  }

  async add(input: NewPerson, change: Change): Promise<AddPersonResult> {
    const email = input.email.toLowerCase();
    return inTransaction(this.#db, () => {
      const existing = this.#db.prepare('SELECT * FROM people WHERE email = ?').get(email) as
        Row | undefined;
      if (existing && existing.removed_at === null) {
        return { outcome: 'exists', person: personFromRow(existing) };
      }
      const languages = json.write(input.languages ?? []);
      if (existing) {
        this.#db
          .prepare(
            `UPDATE people SET role = ?, name = coalesce(?, name), languages = ?, updated_at = ?,
             removed_at = NULL WHERE id = ?`,
          )
          .run(input.role, input.name ?? null, languages, change.at, existing.id as string);
        appendHistory(this.#db, 'person_events', existing.id as string, change, {
          action: 'restored',
          from: 'removed',
          to: input.role,
        });
        return { outcome: 'added', person: this.#byIdAnyState(existing.id as string) };
      }
      const id = randomUUID();
      this.#db
        .prepare(
          `INSERT INTO people (id, email, name, role, languages, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, email, input.name ?? null, input.role, languages, change.at, change.at);
      appendHistory(this.#db, 'person_events', id, change, { action: 'added', to: input.role });
      return { outcome: 'added', person: this.#byIdAnyState(id) };
    });
  }

  async update(id: string, patch: PersonPatch, change: Change): Promise<Person | undefined> {
    return inTransaction(this.#db, () => {
      const row = this.#db
        .prepare('SELECT * FROM people WHERE id = ? AND removed_at IS NULL')
        .get(id) as Row | undefined;
      if (!row) return undefined;
      const before = personFromRow(row);
      const after = patchedPerson(before, patch);
      this.#db
        .prepare('UPDATE people SET role = ?, name = ?, languages = ?, updated_at = ? WHERE id = ?')
        .run(after.role, after.name, json.write(after.languages), change.at, id);
      for (const step of personUpdateSteps(before, after))
        appendHistory(this.#db, 'person_events', id, change, step);
      return this.#byIdAnyState(id);
    });
  }

  async remove(id: string, change: Change): Promise<boolean> {
    return inTransaction(this.#db, () => {
      const row = this.#db
        .prepare('SELECT role FROM people WHERE id = ? AND removed_at IS NULL')
        .get(id) as Row | undefined;
      if (!row) return false;
      this.#db
        .prepare('UPDATE people SET removed_at = ?, updated_at = ? WHERE id = ?')
        .run(change.at, change.at, id);
      // Their sessions end in the same transaction: nothing signed in outlives the removal.
      this.#db.prepare('DELETE FROM sessions WHERE person_id = ?').run(id);
      appendHistory(this.#db, 'person_events', id, change, {
        action: 'removed',
        from: row.role as string,
        to: 'removed',
      });
      return true;
    });
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return readHistory(this.#db, 'person_events', id);
  }

  #byIdAnyState(id: string): Person {
    return personFromRow(this.#db.prepare('SELECT * FROM people WHERE id = ?').get(id) as Row);
  }
}
