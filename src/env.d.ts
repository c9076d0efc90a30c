/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Language of the article text being rendered; snippets follow it. */
    textLocale?: import('./i18n/locales.ts').Locale;
    /** Source file of the article being rendered, for authors' error messages. */
    articleFile?: string;
  }
}
