/**
 * The sign-in pages are static (built in every locale, in the site's own look); on Node the
 * server fills in what only it knows: which ways of signing in are on, the status message after
 * a form post, where to go afterwards, and the token of a sign-in link. Without scripts, all of
 * it works.
 */
import { escapeHtml, markers } from '../lib/page-markers.ts';
import { safeNextPath, localeOfPath } from './auth/next-path.ts';

export interface SignInPageOptions {
  emailLinks: boolean;
  /** The provider's name on the button, when single sign-on is configured. */
  singleSignOn: string | undefined;
}

/** Fills a sign-in or link-confirmation page for one request. */
export type SignInPageFiller = (html: string, url: URL) => string;

export function signInPages(options: SignInPageOptions): SignInPageFiller {
  return (html, url) => {
    const status = url.searchParams.get('status');
    const next = safeNextPath(url.searchParams.get('next'), localeOfPath(url.pathname));
    const token = url.searchParams.get('token') ?? '';
    let filled = setValue(html, markers.nextPath, next);
    filled = setValue(
      filled,
      markers.signInToken,
      /^[A-Za-z0-9_-]{1,64}$/.test(token) ? token : '',
    );
    filled = filled.replaceAll(
      'data-sso-name></span>',
      `data-sso-name>${escapeHtml(options.singleSignOn ?? '')}</span>`,
    );
    if (status && /^[a-z-]{2,30}$/.test(status))
      filled = unhide(filled, `${markers.signInStatus}="${status}"`);
    if (options.singleSignOn) filled = unhide(filled, markers.singleSignOn);
    if (options.emailLinks) filled = unhide(filled, markers.emailLinks);
    return filled;
  };
}

/** Sets value="…" on every <input> carrying the marker, wherever the attributes are. */
function setValue(html: string, marker: string, value: string): string {
  return html.replace(new RegExp(`<input\\b[^>]*\\b${marker}\\b[^>]*>`, 'g'), (tag) =>
    // Astro writes an empty value as a bare `value`.
    tag.replace(/\bvalue(="[^"]*")?(?=[\s>/])/, `value="${escapeHtml(value)}"`),
  );
}

/** Removes `hidden` from every element carrying the marker. */
function unhide(html: string, marker: string): string {
  return html.replace(
    new RegExp(`(<[a-z]+\\b[^>]*\\b${marker}(?:="[^"]*")?[^>]*?)\\s+hidden(?:="[^"]*")?`, 'g'),
    '$1',
  );
}
