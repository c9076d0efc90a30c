/**
 * Which Content-Security-Policy a page gets, by where it is: the agents' pages may frame each
 * other (the proposal editor's preview), the sign-in pages may send their single sign-on form on to
 * the identity provider, every other page is framed by nobody and posts only to the help centre.
 */
import { contentSecurityPolicy } from './content-security-policy.ts';

/** The policy for a page at `pathname` whose inline scripts hash to `scriptHashes`. */
export type PagePolicy = (pathname: string, scriptHashes: readonly string[]) => string;

export interface PagePolicyOptions {
  /** Origins the sign-in forms may reach through redirects: the identity provider's. */
  signInFormActions?: readonly string[];
}

const SIGN_IN_PAGE = /^\/[a-z]{2}\/sign-in\//;

export function pagePolicy(options: PagePolicyOptions = {}): PagePolicy {
  return (pathname, scriptHashes) =>
    contentSecurityPolicy({
      scriptHashes,
      frameAncestors: /^\/agents(?:\/|$)/.test(pathname) ? 'self' : 'none',
      formActions: SIGN_IN_PAGE.test(pathname) ? (options.signInFormActions ?? []) : [],
    });
}

/** The origin of an identity provider's issuer URL, for form-action; nothing when it has none. */
export function providerOrigins(issuer: string | undefined): string[] {
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}
