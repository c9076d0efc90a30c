/**
 * Attributes the built pages carry for the service to fill in at request time, named once so the
 * markup (Astro components) and the code that fills it (src/server) cannot drift apart.
 */
export const markers = {
  /** Sign-in page: one element per status message, hidden until the server shows the right one. */
  signInStatus: 'data-sign-in-status',
  /** Sign-in page: the single sign-on choice, hidden unless an identity provider is configured. */
  singleSignOn: 'data-single-sign-on',
  /** Sign-in page: the email-link form, hidden when email links are off. */
  emailLinks: 'data-email-links',
  /** Sign-in page: hidden input that carries ?next= through the forms. */
  nextPath: 'data-next-path',
  /** Link confirmation page: hidden input the server fills with the link's token. */
  signInToken: 'data-sign-in-token',
  /** Agents' help centre: where the signed-in person's name goes. */
  agentName: 'data-agent-name',
  /** Agents' help centre: elements shown only to a role ("lead", "admin"). */
  needsRole: 'data-needs-role',
} as const;

/** Text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
