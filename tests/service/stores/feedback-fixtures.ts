/**
 * What the flag and proposal contract suites need around their store: people to name (flags and
 * proposals point at people.id), seeded the way each dialect can. People are seeded here rather than through a shared PostgreSQL person store, so these
 * suites do not depend on it.
 */
import type pg from 'pg';
import type { PersonStore } from '../../../src/server/store/types.ts';

/** Ids of people present in the database: agents first, then a lead. */
export interface FeedbackPeople {
  agents: string[];
  lead: string;
}

const AGENTS = 6;
const SEEDED_AT = '2026-11-30T08:00:00.000Z';

export async function seedSqlitePeople(people: PersonStore): Promise<FeedbackPeople> {
  const change = { actor: 'cli', at: SEEDED_AT };
  const add = async (email: string, role: 'agent' | 'lead') => {
    const result = await people.add({ email, name: email.split('@')[0]!, role }, change);
    return result.person.id;
  };
  const agents: string[] = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await add(`agent${i}@example.com`, 'agent'));
  return { agents, lead: await add('lead@example.com', 'lead') };
}

export async function seedPostgresPeople(pool: pg.Pool): Promise<FeedbackPeople> {
  const people = [
    ...Array.from({ length: AGENTS }, (_, i) => [`person-agent-${i}`, `agent${i}@example.com`]),
    ['person-lead', 'lead@example.com'],
  ];
  for (const [id, email] of people)
    await pool.query(
      `INSERT INTO people (id, email, name, role, languages, created_at, updated_at)
       VALUES ($1, $2, $3, $4, '[]', $5, $5)`,
      [id, email, email!.split('@')[0], id === 'person-lead' ? 'lead' : 'agent', SEEDED_AT],
    );
  return { agents: people.slice(0, AGENTS).map(([id]) => id!), lead: 'person-lead' };
}
