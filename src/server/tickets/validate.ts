/**
 * Validation of a ticket submission ("Still need help?"), the same for JSON and HTML form posts.
 * Text is cleaned before it is measured: control characters stripped (the message keeps its
 * line breaks and tabs), trimmed, NFC-normalised, so "é" typed two ways is one character and one
 * stored string. Lengths count characters (code points), not UTF-16 units.
 */
import { z } from 'zod';
import { locales } from '../../i18n/locales.ts';
import type { FieldError } from '../problem.ts';
import { fieldErrorsOf, missingOr } from '../problem.ts';
import { idPattern } from '../../lib/ids.ts';

export const roles = ['buyer', 'seller'] as const;

// C0 controls, DEL and C1 controls; \t and \n are handled per field.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const CONTROLS_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** One-line text: line breaks and tabs become spaces, other controls go, runs of spaces stay. */
export function cleanLine(value: string): string {
  return value
    .toWellFormed()
    .replace(/[\t\n\r\v\f\u2028\u2029]/g, ' ')
    .replace(CONTROLS, '')
    .normalize('NFC')
    .trim();
}

/** Multi-line text: CRLF from form posts becomes \n; tabs and newlines are kept. */
export function cleanMultiline(value: string): string {
  return value
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS_EXCEPT_TAB_NEWLINE, '')
    .normalize('NFC')
    .trim();
}

const characters = (value: string) => [...value].length;

function requiredText(field: string, options: { min: number; max: number; multiline?: boolean }) {
  return z
    .string({ error: missingOr(field, `${field} must be text`) })
    .transform(options.multiline ? cleanMultiline : cleanLine)
    .refine((value) => characters(value) >= options.min, {
      error: `${field} must be at least ${options.min} characters (after trimming spaces)`,
      abort: true,
    })
    .refine((value) => characters(value) <= options.max, {
      error: `${field} must be at most ${options.max} characters`,
    });
}

/** Optional one-line text: missing, null and blank all mean "not given". */
function optionalLine(field: string, max: number) {
  return z
    .string({ error: `${field} must be text` })
    .nullish()
    .transform((value) => (value == null ? null : cleanLine(value) || null))
    .refine((value) => value === null || characters(value) <= max, {
      error: `${field} must be at most ${max} characters`,
    });
}

const articleIdMessage = 'must be an article id in lower case with dashes, e.g. "paying-for-lots"';

/**
 * A list of article ids: a JSON array, or (from a form) repeated fields or one comma-separated
 * value. Blank entries are dropped and duplicates kept once, in first-seen order.
 */
function articleIdList(field: string) {
  return z.preprocess(
    (value) => {
      if (value == null) return [];
      const items = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) return value;
      const ids = items.flatMap((item) => item.split(',')).map((id) => cleanLine(id));
      return [...new Set(ids.filter((id) => id !== ''))];
    },
    z
      .array(
        z
          .string({ error: `${field} entries ${articleIdMessage}` })
          .regex(idPattern, { error: `${field} entries ${articleIdMessage}` }),
        { error: `${field} must be a list of article ids` },
      )
      .max(50, { error: `${field} may list at most 50 articles` }),
  );
}

/**
 * The fields of a ticket submission. Unknown fields are ignored. `topicIds` comes from the
 * support configuration (content/support), so a new topic needs no code change.
 */
export function ticketSubmissionSchema(topicIds: readonly string[]) {
  const topicMessage = `topic must be one of: ${topicIds.join(', ')}`;
  return z.object({
    /** The reader's language; decides the team and the confirmation page. One of the 8 locales. */
    locale: z.enum(locales, {
      error: missingOr('locale', `locale must be one of: ${locales.join(', ')}`),
    }),
    /** Where the reply goes. Trimmed; at most 254 characters (the SMTP limit). */
    email: z
      .string({ error: missingOr('email', 'email must be text') })
      .transform(cleanLine)
      .pipe(
        z
          .email({ error: 'email must be an address like name@example.com' })
          .max(254, { error: 'email must be at most 254 characters' }),
      ),
    /** How to address the reader; optional, at most 100 characters. */
    name: optionalLine('name', 100),
    /** Buyer or seller: routes the ticket to the right queue. */
    role: z.enum(roles, { error: missingOr('role', `role must be one of: ${roles.join(', ')}`) }),
    /** A topic id from content/support; its priority decides the SLA. */
    topic: z
      .string({ error: missingOr('topic', topicMessage) })
      .refine((id) => topicIds.includes(id), { error: topicMessage }),
    /** One line, 3–150 characters. */
    subject: requiredText('subject', { min: 3, max: 150 }),
    /** Free text, 10–5,000 characters; newlines and tabs kept. */
    message: requiredText('message', { min: 10, max: 5000, multiline: true }),
    /** The article the reader was on when they chose to write; optional. */
    articleId: z
      .string({ error: `articleId ${articleIdMessage}` })
      .nullish()
      .transform((value) => (value == null ? null : cleanLine(value) || null))
      .refine((value) => value === null || idPattern.test(value), {
        error: `articleId ${articleIdMessage}`,
      }),
    /** The last search the reader ran, at most 200 characters; optional. */
    searchQuery: optionalLine('searchQuery', 200),
    /** Articles the help centre suggested while the reader typed (deflection reports). */
    suggestedArticles: articleIdList('suggestedArticles'),
    /** Articles the reader opened from those suggestions. */
    openedArticles: articleIdList('openedArticles'),
  });
}

export type TicketSubmission = z.output<ReturnType<typeof ticketSubmissionSchema>>;

export type ValidationResult =
  { ok: true; value: TicketSubmission } | { ok: false; errors: FieldError[] };

/** Builds the schema once (per support configuration) and returns the check for one body. */
export function createTicketValidator(
  topicIds: readonly string[],
): (input: Record<string, unknown>) => ValidationResult {
  const schema = ticketSubmissionSchema(topicIds);
  return (input) => {
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, value: result.data };
    return {
      ok: false,
      errors: fieldErrorsOf(result.error.issues),
    };
  };
}

/** Header `Idempotency-Key` or form field `idempotencyKey`: 1–255 visible ASCII characters. */
export function checkIdempotencyKey(key: string): FieldError | undefined {
  if (/^[\x21-\x7E]{1,255}$/.test(key)) return undefined;
  return {
    field: 'Idempotency-Key',
    message: 'Idempotency-Key must be 1–255 visible ASCII characters, for example a UUID',
  };
}

/** The honeypot field `website` is hidden from people; anything in it means a bot filled it. */
export function honeypotFilled(input: Record<string, unknown>): boolean {
  const value = input['website'];
  if (value == null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}
