/** Person rows, and the steps a change to a person records, the same on either database. */
import type { Locale } from '../../../i18n/locales.ts';
import type { Role } from '../../auth/roles.ts';
import type { Person, PersonPatch } from '../types.ts';
import { jsonColumn, optionalText, type Row } from './columns.ts';
import type { HistoryStep } from './history.ts';

export function personFromRow(row: Row): Person {
  return {
    id: row['id'] as string,
    email: row['email'] as string,
    name: optionalText(row, 'name'),
    role: row['role'] as Role,
    languages: jsonColumn<Locale[]>(row['languages'], []),
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
  };
}

/** The person as the patch leaves them: what it names changes, the rest stays. */
export function patchedPerson(before: Person, patch: PersonPatch): Person {
  return {
    ...before,
    ...(patch.role ? { role: patch.role } : {}),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.languages ? { languages: patch.languages } : {}),
  };
}

/** What an update records: a role change, and a change of name or languages, each when it happened. */
export function personUpdateSteps(before: Person, after: Person): HistoryStep[] {
  const steps: HistoryStep[] = [];
  if (after.role !== before.role)
    steps.push({ action: 'role-changed', from: before.role, to: after.role });
  if (after.name !== before.name || after.languages.join() !== before.languages.join())
    steps.push({
      action: 'details-changed',
      detail: { name: after.name, languages: after.languages },
    });
  return steps;
}
