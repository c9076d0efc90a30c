/**
 * A reader without scripts posts the contact form and the service refuses it (a field to fix, too
 * many requests, a body too large, a failure on our side): instead of problem+json, which a
 * browser shows as raw English text, they get the contact page of their language back, filled in
 * with what they typed and saying what to fix. Scripts and API clients (JSON, or no preference for
 * HTML) get the problem exactly as before.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { useTranslations } from '../../i18n/index.ts';
import { isLocale, sourceLocale, type Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../context.ts';
import { readBodyBytes } from '../middleware/body-limit.ts';
import type { Problem } from '../problem.ts';
import { parseTicketBody } from '../request-body.ts';
import { readerErrorsOf, visibleFields, type ReaderErrors } from './form-errors.ts';
import { refillContactForm } from './refill-contact-form.ts';
import { checkIdempotencyKey } from './validate.ts';

export interface FormPostPageOptions {
  /** The public build (dist/), read per request: a release switch can change it. */
  publicDir: () => string;
  /**
   * The ticket route's body limit, for a body still unread when the route refused the request
   * (the route reads it before the rate limit, so a 429 has it already).
   */
  maxBodyBytes: number;
}

/** Put first on POST /api/tickets: it looks at the answer the rest of the route gave. */
export function answerFormPostsWithPage(
  options: FormPostPageOptions | undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!options || !wantsPage(c.req.raw.headers)) return;
    if (!(c.res.headers.get('content-type') ?? '').startsWith('application/problem+json')) return;
    const problem = (await c.res.clone().json()) as Problem;
    const submitted = await submittedFields(c, problem, options.maxBodyBytes);
    const locale = localeOf(submitted, c.req.header('referer'));
    const retryAfter = Number(c.res.headers.get('retry-after'));
    const errors = readerErrorsOf(
      problem,
      submitted,
      locale,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
    if (!errors) return;
    const html = contactPage(options.publicDir(), locale, submitted, errors);
    if (html === undefined) return;
    // Setting c.res keeps the problem's other headers (Retry-After).
    c.res = new Response(html, {
      status: problem.status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Language': locale,
        'Cache-Control': 'no-store',
      },
    });
  };
}

/** A browser's form post: a form body and an Accept that ranks HTML above JSON. */
export function wantsPage(headers: Headers): boolean {
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return false;
  const ranges = (headers.get('accept') ?? '').split(',').map((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0 };
  });
  const best = (wanted: readonly string[]) =>
    Math.max(0, ...ranges.filter((r) => wanted.includes(r.range)).map((r) => r.quality));
  const html = best(['text/html', 'application/xhtml+xml']);
  return html > 0 && html >= best(['application/json', 'application/problem+json']);
}

/**
 * The form sends its page's locale; a body too large to read has none, but the page it came from
 * (the Referer, /<locale>/contact/) still says which language the reader reads.
 */
function localeOf(
  submitted: Readonly<Record<string, unknown>>,
  referer: string | undefined,
): Locale {
  if (isLocale(submitted['locale'])) return submitted['locale'];
  let fromPage: string | undefined;
  try {
    fromPage = referer ? new URL(referer).pathname.split('/')[1] : undefined;
  } catch {
    fromPage = undefined;
  }
  return isLocale(fromPage) ? fromPage : sourceLocale;
}

/** What the reader sent; nothing when the body was too large to keep (or unreadable). */
async function submittedFields(
  c: Context<AppEnv>,
  problem: Problem,
  maxBodyBytes: number,
): Promise<Record<string, unknown>> {
  if (problem.status === 413) return {};
  try {
    const body =
      (c.var.body as Uint8Array | undefined) ?? (await readBodyBytes(c.req.raw, maxBodyBytes));
    return body ? parseTicketBody(body, 'form') : {};
  } catch {
    return {};
  }
}

function contactPage(
  root: string,
  locale: Locale,
  submitted: Readonly<Record<string, unknown>>,
  errors: ReaderErrors,
): string | undefined {
  const file = join(root, locale, 'contact', 'index.html');
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  const t = useTranslations(locale);
  const fieldErrors = Object.fromEntries(
    visibleFields.flatMap((field) => {
      const message = errors.fields[field];
      return message === undefined ? [] : [[field, message]];
    }),
  );
  try {
    return refillContactForm(readFileSync(file, 'utf8'), {
      values: valuesToRefill(submitted, errors),
      fieldErrors,
      formErrors: errors.form,
      title: (built) => t('contact.errors.pageTitle', { title: built }),
    });
  } catch {
    // A page whose markup the refill cannot follow: the problem itself is still a true answer.
    return undefined;
  }
}

const REFILLED = [
  ...visibleFields,
  'articleId',
  'searchQuery',
  'suggestedArticles',
  'openedArticles',
];

/** Every field as the reader sent it, except context the service refused and the locale. */
function valuesToRefill(
  submitted: Readonly<Record<string, unknown>>,
  errors: ReaderErrors,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of REFILLED) {
    const value = submitted[name];
    values[name] = errors.drop.includes(name)
      ? ''
      : Array.isArray(value)
        ? value.filter((item) => typeof item === 'string').join(',')
        : typeof value === 'string'
          ? value
          : '';
  }
  // The same key again makes a second send of the fixed form one ticket, not two.
  const key = submitted['idempotencyKey'];
  const keep = typeof key === 'string' && key.trim() !== '' && !checkIdempotencyKey(key.trim());
  values['idempotencyKey'] = keep && !errors.newKey ? key.trim() : randomUUID();
  return values;
}
