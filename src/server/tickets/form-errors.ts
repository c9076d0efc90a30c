/**
 * What a reader who posted the contact form without scripts is told when the service refused it:
 * the service's problem turned into the same localised messages the browser's own checks show
 * (src/client/contact/validate.ts, `contact.errors.*`), one per field the reader can fix, and a
 * message about the request as a whole for everything else.
 */
import { useTranslations, type UiKey } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import { problemTypes, type Problem } from '../problem.ts';

/** The fields the reader sees, in the order of the form (and of the summary). */
export const visibleFields = ['email', 'name', 'role', 'topic', 'subject', 'message'] as const;
type VisibleField = (typeof visibleFields)[number];

const fieldKeys: Record<VisibleField, UiKey> = {
  email: 'contact.errors.email',
  name: 'contact.errors.name',
  role: 'contact.errors.role',
  topic: 'contact.errors.topic',
  subject: 'contact.errors.subject',
  message: 'contact.errors.message',
};

/** Fields the page fills in for the reader; a bad one is left out when the form comes back. */
const contextFields = new Set([
  'articleId',
  'searchQuery',
  'suggestedArticles',
  'openedArticles',
  'idempotencyKey',
  'Idempotency-Key',
]);

export interface ReaderErrors {
  /** Localised message per visible field, in form order. */
  fields: Partial<Record<VisibleField, string>>;
  /** Localised messages about the request as a whole. */
  form: string[];
  /** Context fields to send back empty, because the service refused what they held. */
  drop: string[];
  /** Whether the form needs a new idempotency key (the old one is used or invalid). */
  newKey: boolean;
}

/**
 * The reader's messages for a problem, or undefined when the problem is nothing a reader of the
 * form can act on (a filled honeypot, a body no browser sends).
 */
export function readerErrorsOf(
  problem: Problem,
  submitted: Readonly<Record<string, unknown>>,
  locale: Locale,
  retryAfterSeconds: number | undefined,
): ReaderErrors | undefined {
  const t = useTranslations(locale);
  const result: ReaderErrors = { fields: {}, form: [], drop: [], newKey: false };
  switch (problem.type) {
    case problemTypes.validation:
      return fieldErrorsOf(problem, submitted, t, result);
    case problemTypes.rateLimited: {
      const count = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
      result.form.push(t('contact.errors.rateLimited', { count }));
      return result;
    }
    case problemTypes.payloadTooLarge:
      result.form.push(t('contact.errors.tooLarge'));
      result.newKey = true;
      return result;
    case problemTypes.idempotencyKeyReused:
      result.form.push(t('contact.errors.alreadySent'));
      result.newKey = true;
      return result;
    default:
      if (problem.status < 500) return undefined;
      result.form.push(t('contact.errors.generic'));
      return result;
  }
}

function fieldErrorsOf(
  problem: Problem,
  submitted: Readonly<Record<string, unknown>>,
  t: ReturnType<typeof useTranslations>,
  result: ReaderErrors,
): ReaderErrors {
  const named = new Set((problem.errors ?? []).map((error) => error.field.split('.')[0] ?? ''));
  for (const field of visibleFields) {
    if (named.has(field)) result.fields[field] = t(messageKey(field, submitted[field]));
  }
  const unfixable = [...named].filter(
    (field) => !(visibleFields as readonly string[]).includes(field),
  );
  for (const field of unfixable) {
    if (field === 'Idempotency-Key' || field === 'idempotencyKey') result.newKey = true;
    else if (contextFields.has(field)) result.drop.push(field);
  }
  // The page sends these itself: the reader cannot fix them, only send again without them.
  if (unfixable.length > 0) result.form.push(t('contact.errors.generic'));
  return result;
}

/** An address with nothing after the @ but a single word ("minji@gmail") gets its own advice. */
function messageKey(field: VisibleField, value: unknown): UiKey {
  if (field === 'email' && typeof value === 'string' && /^[^\s@]+@[^\s@.]+$/.test(value.trim()))
    return 'contact.errors.emailDomain';
  return fieldKeys[field];
}
