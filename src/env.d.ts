/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Language of the article text being rendered; snippets follow it. */
    textLocale?: import('./i18n/locales.ts').Locale;
    /** Source file of the article being rendered, for authors' error messages. */
    articleFile?: string;
    /** Agents' help centre, pages rendered at request time: set by the service. */
    hc?: import('./site/internal/locals.ts').InternalLocals;
  }
}

// For plain `tsc`: .astro files are type-checked by `astro check`; here they are opaque components.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
