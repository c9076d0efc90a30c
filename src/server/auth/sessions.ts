/**
 * Sessions as rows in the database, named by a random id in a cookie. Only the id's SHA-256 is
 * stored. A new id at every sign-in; idle for 8 hours or 12 hours old and the session ends. The
 * person is read again on every request, so a removed or demoted person loses access at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Person, Session, SignInMethod, Stores } from '../store/types.ts';

export const sessionPolicy = {
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** last_seen_at is written at most once a minute, not on every request. */
  touchAfterMs: 60 * 1000,
} as const;

/**
 * `__Host-` pins the cookie to this host and path /, and needs Secure. Browsers accept Secure
 * cookies over HTTPS and on localhost; elsewhere over plain HTTP (a LAN test) the cookie goes
 * without the prefix and without Secure, and the server warns at start.
 */
export const cookieNames = { secure: '__Host-hb_session', plain: 'hb_session' } as const;

export function isSecureOrigin(url: URL): boolean {
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface Viewer {
  person: Person;
  session: Session;
}

export function sessionCookie(url: URL, id: string, maxAgeSeconds: number): string {
  const secure = isSecureOrigin(url);
  const name = secure ? cookieNames.secure : cookieNames.plain;
  return [
    `${name}=${id}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Cookies that clear both possible names. */
export function clearedSessionCookies(url: URL): string[] {
  const secure = isSecureOrigin(url);
  return [
    `${cookieNames.secure}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
    ...(secure ? [] : [`${cookieNames.plain}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`]),
  ];
}

export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieNames.secure || name === cookieNames.plain) {
      const id = value.join('=');
      if (/^[A-Za-z0-9_-]{43}$/.test(id)) return id;
    }
  }
  return undefined;
}

/** Starts a session for a person and returns the Set-Cookie value that carries it. */
export async function startSession(
  stores: Pick<Stores, 'sessions'>,
  person: Person,
  method: SignInMethod,
  now: Date,
  url: URL,
): Promise<string> {
  const id = newSecret();
  const at = now.toISOString();
  await stores.sessions.create({
    idHash: hashSecret(id),
    personId: person.id,
    method,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + sessionPolicy.absoluteMs).toISOString(),
  });
  return sessionCookie(url, id, sessionPolicy.absoluteMs / 1000);
}

/**
 * The signed-in person behind a cookie, or undefined: no cookie, unknown id, idle too long, past
 * the absolute end, or the person was removed. Ended sessions are deleted on the way.
 */
export async function resolveViewer(
  stores: Pick<Stores, 'sessions' | 'people'>,
  cookieHeader: string | undefined,
  now: Date,
): Promise<Viewer | undefined> {
  const id = sessionIdFrom(cookieHeader);
  if (!id) return undefined;
  const idHash = hashSecret(id);
  const session = await stores.sessions.find(idHash);
  if (!session) return undefined;
  const nowMs = now.getTime();
  const idle = nowMs - Date.parse(session.lastSeenAt) > sessionPolicy.idleMs;
  const expired = nowMs >= Date.parse(session.expiresAt);
  const person = idle || expired ? undefined : await stores.people.findById(session.personId);
  if (!person) {
    await stores.sessions.revoke(idHash);
    return undefined;
  }
  if (nowMs - Date.parse(session.lastSeenAt) > sessionPolicy.touchAfterMs) {
    const at = now.toISOString();
    await stores.sessions.touch(idHash, at);
    session.lastSeenAt = at;
  }
  return { person, session };
}
