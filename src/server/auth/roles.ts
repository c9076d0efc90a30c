/**
 * The roles of people who sign in, weakest first: each role can do everything the ones before it
 * can. agent: the internal help centre, flags and proposals. manager (a team manager): also the
 * reports and the list of tickets at risk. lead: also review, publishing, ticket delivery and
 * readers' comments. admin: also manages people.
 */
export const roles = ['agent', 'manager', 'lead', 'admin'] as const;

export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** True when `role` includes everything `needed` may do. */
export function hasRole(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed);
}

/** The strongest of several roles (an identity provider may map a person to more than one). */
export function strongest(candidates: readonly Role[]): Role | undefined {
  return [...candidates].sort((a, b) => roles.indexOf(b) - roles.indexOf(a))[0];
}
