/** Session and pending-login rows, mapped the same from either database. */
import type { PendingLogin, Session } from '../types.ts';
import { optionalText, type Row } from './columns.ts';

export function sessionFromRow(row: Row): Session {
  return {
    idHash: row['id_hash'] as string,
    personId: row['person_id'] as string,
    method: row['method'] as Session['method'],
    createdAt: row['created_at'] as string,
    lastSeenAt: row['last_seen_at'] as string,
    expiresAt: row['expires_at'] as string,
  };
}

export function pendingLoginFromRow(row: Row): PendingLogin {
  return {
    stateHash: row['state_hash'] as string,
    codeVerifier: row['code_verifier'] as string,
    nonce: row['nonce'] as string,
    next: optionalText(row, 'next_path'),
    expiresAt: row['expires_at'] as string,
  };
}

/** A sign-in link taken: where it signs in and where it leads. */
export function consumedToken(row: Row): {
  outcome: 'consumed';
  email: string;
  next: string | null;
} {
  return {
    outcome: 'consumed',
    email: row['email'] as string,
    next: optionalText(row, 'next_path'),
  };
}
