import type { NewPerson } from '../../src/server/store/types.ts';

/** People added before the browser tests, for email sign-in (single sign-on adds its own). */
export const e2ePeople: NewPerson[] = [
  { email: 'mia.agent@hammerbid.test', name: 'Mia Agent', role: 'agent', languages: ['ko', 'en'] },
  { email: 'rui.agent@hammerbid.test', name: 'Rui Agent', role: 'agent', languages: ['ru'] },
  { email: 'max.manager@hammerbid.test', name: 'Max Manager', role: 'manager' },
  { email: 'lena.lead@hammerbid.test', name: 'Lena Lead', role: 'lead' },
  { email: 'ada.admin@hammerbid.test', name: 'Ada Admin', role: 'admin' },
];
