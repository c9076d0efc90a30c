/**
 * The Content-Security-Policy of every HTML page the server answers. Scripts come from the site
 * itself or are inline scripts named by their hash; nothing else runs.
 */

export interface PolicyOptions {
  /** Hash sources of the page's inline scripts (inline-scripts.ts). */
  scriptHashes: readonly string[];
  /**
   * Who may frame the page: nobody for the public site; the agents' site frames its own preview
   * (the proposal editor posts to an iframe).
   */
  frameAncestors: 'none' | 'self';
  /**
   * Origins a form may go to besides this one: the sign-in page's single sign-on form goes to the
   * help centre, which redirects to the identity provider, and browsers check form-action on
   * every hop of that redirect.
   */
  formActions?: readonly string[];
}

export function contentSecurityPolicy(options: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Pagefind compiles its WebAssembly search engine in the page and in a worker.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...options.scriptHashes],
    // 'unsafe-inline' for styles only: Astro inlines small stylesheets as <style>, components set
    // style attributes, and CodeMirror injects its theme at run time. Styles cannot run code.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['frame-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'", ...(options.formActions ?? [])],
    ['frame-ancestors', `'${options.frameAncestors}'`],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}
