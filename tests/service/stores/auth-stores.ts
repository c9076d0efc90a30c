/**
 * The stores behind sign-in, opened together on one database for the person and session
 * contracts: removing a person ends their sessions, and a session belongs to a person.
 */
import type {
  Change,
  PersonStore,
  Session,
  SessionStore,
  SignInStore,
} from '../../../src/server/store/types.ts';

export interface AuthStores {
  people: PersonStore;
  sessions: SessionStore;
  signIn: SignInStore;
  close(): Promise<void>;
}

/** Opens the stores on an empty database. */
export type OpenAuthStores = () => Promise<AuthStores>;

export const byAdmin = (at: string): Change => ({ actor: 'admin-1', at });

export function session(personId: string, overrides: Partial<Session> = {}): Session {
  return {
    idHash: 'a'.repeat(64),
    personId,
    method: 'email-link',
    createdAt: '2026-12-01T09:00:00.000Z',
    lastSeenAt: '2026-12-01T09:00:00.000Z',
    expiresAt: '2026-12-01T21:00:00.000Z',
    ...overrides,
  };
}

/** Runs `work` on freshly opened stores and closes them whatever happens. */
export async function using<T>(
  open: OpenAuthStores,
  work: (stores: AuthStores) => Promise<T>,
): Promise<T> {
  const stores = await open();
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}
