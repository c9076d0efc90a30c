/**
 * Managing people, shared by the admin API and `npm run people`: adding, changing a role, and
 * removing, with the one rule both must keep: the last admin cannot be removed or demoted, or
 * nobody could manage people any more.
 */
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { isRole, roles, type Role } from '../auth/roles.ts';
import { normaliseEmail } from '../auth/email-link.ts';
import type { Change, Person, PersonStore } from '../store/types.ts';

export class PeopleError extends Error {
  /** invalid: bad input. missing: no such person. last-admin: would leave no admin. exists. */
  readonly code: 'invalid' | 'missing' | 'last-admin' | 'exists';
  readonly field: string | undefined;
  constructor(code: PeopleError['code'], message: string, field?: string) {
    super(message);
    this.name = 'PeopleError';
    this.code = code;
    this.field = field;
  }
}

export function parseRole(value: unknown): Role {
  if (isRole(value)) return value;
  throw new PeopleError('invalid', `role must be one of ${roles.join(', ')}`, 'role');
}

export function parseLanguages(value: unknown): Locale[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  const languages = list.map((item) => String(item).trim()).filter((item) => item !== '');
  const wrong = languages.filter((item) => !isLocale(item));
  if (wrong.length)
    throw new PeopleError(
      'invalid',
      `unknown language ${wrong.join(', ')}: use en, nl, de, fr, it, es, ru or ko`,
      'languages',
    );
  return [...new Set(languages)] as Locale[];
}

export function parseEmail(value: unknown): string {
  const email = normaliseEmail(value);
  if (!email)
    throw new PeopleError('invalid', 'write an email address like name@example.com', 'email');
  return email;
}

export async function addPerson(
  people: PersonStore,
  input: { email: unknown; role: unknown; name?: unknown; languages?: unknown },
  change: Change,
): Promise<Person> {
  const email = parseEmail(input.email);
  const role = parseRole(input.role);
  const name =
    typeof input.name === 'string' && input.name.trim() ? input.name.trim().slice(0, 120) : null;
  const languages = parseLanguages(input.languages);
  const result = await people.add({ email, role, name, languages }, change);
  if (result.outcome === 'exists')
    throw new PeopleError(
      'exists',
      `${email} is already in the help centre as ${result.person.role}; change the role instead`,
      'email',
    );
  return result.person;
}

export async function changePerson(
  people: PersonStore,
  email: string,
  patch: { role?: unknown; name?: unknown; languages?: unknown },
  change: Change,
): Promise<Person> {
  const person = await findOrFail(people, email);
  const role = patch.role === undefined ? undefined : parseRole(patch.role);
  if (person.role === 'admin' && role !== undefined && role !== 'admin')
    await keepAnAdmin(people, person);
  const updated = await people.update(
    person.id,
    {
      ...(role ? { role } : {}),
      ...(typeof patch.name === 'string' ? { name: patch.name.trim().slice(0, 120) || null } : {}),
      ...(patch.languages !== undefined ? { languages: parseLanguages(patch.languages) } : {}),
    },
    change,
  );
  if (!updated) throw new PeopleError('missing', `${email} is not in the help centre`, 'email');
  return updated;
}

export async function removePerson(
  people: PersonStore,
  email: string,
  change: Change,
): Promise<Person> {
  const person = await findOrFail(people, email);
  if (person.role === 'admin') await keepAnAdmin(people, person);
  await people.remove(person.id, change);
  return person;
}

async function findOrFail(people: PersonStore, email: string): Promise<Person> {
  const person = await people.findByEmail(parseEmail(email));
  if (!person) throw new PeopleError('missing', `${email} is not in the help centre`, 'email');
  return person;
}

async function keepAnAdmin(people: PersonStore, leaving: Person): Promise<void> {
  const admins = (await people.list()).filter((p) => p.role === 'admin' && p.id !== leaving.id);
  if (admins.length === 0)
    throw new PeopleError(
      'last-admin',
      `${leaving.email} is the last admin; make someone else admin first`,
      'role',
    );
}
