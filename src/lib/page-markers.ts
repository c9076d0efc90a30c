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
  /** Contact page: the ticket form, refilled by the service when a post without scripts fails. */
  contactForm: 'data-contact-form',
  /** Language links of a page (menu and footer): the search page adds its query to them. */
  localeLinks: 'data-locale-links',
  /** The language menu (a <details>): closes on Escape and outside clicks once opened. */
  languageMenu: 'data-language-menu',
} as const;

/**
 * Classes of the contact form that the browser island (src/client/contact) and the service
 * (src/server/tickets/refill-contact-form.ts) both fill with error messages.
 */
export const contactFormParts = {
  /** The list of what needs fixing at the top of the form; hidden while there is nothing. */
  errorSummary: 'error-summary',
  /** One per field, id `<control id>-error` (`contact-<name>-error` for the role radios). */
  fieldError: 'field__error',
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
