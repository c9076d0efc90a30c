/**
 * The fields of a "Was this helpful?" answer, the same for JSON and HTML form posts. Whether the
 * article and revision exist is checked afterwards, against content/ (see cast.ts).
 */
import { z } from 'zod';
import { locales } from '../../i18n/locales.ts';
import {
  voteAudiences,
  voteCommentMaxLength,
  voteReasons,
  type VoteAudience,
  type VoteReason,
} from '../../lib/votes.ts';
import type { FieldError } from '../problem.ts';
import { fieldErrorsOf, missingOr } from '../problem.ts';
import { cleanLine, cleanMultiline } from '../tickets/validate.ts';
import { idPattern } from '../../lib/ids.ts';

const REVISION = /^[0-9a-f]{12}$/;
const characters = (value: string) => [...value].length;

const articleIdMessage =
  'articleId must be an article id in lower case with dashes, e.g. "paying-for-lots"';
const localeMessage = `locale must be one of: ${locales.join(', ')}`;
const revisionMessage = 'revision must be 12 lower-case hex digits';

/** "yes"/"no" from a form button, true/false from JSON. */
const helpful = z.preprocess(
  (value) => (value === 'yes' ? true : value === 'no' ? false : value),
  z.boolean({ error: missingOr('helpful', 'helpful must be "yes" or "no"') }),
);

const voteSchema = z
  .object({
    /** The article voted on, as in its URL. */
    articleId: z
      .string({ error: missingOr('articleId', articleIdMessage) })
      .transform(cleanLine)
      .refine((id) => idPattern.test(id), { error: articleIdMessage }),
    /** The locale of the page the reader voted on (not necessarily the language of the text). */
    locale: z.enum(locales, { error: missingOr('locale', localeMessage) }),
    /** The revision of the text the page showed: 12 hex digits (src/lib/revision.ts). */
    revision: z
      .string({ error: missingOr('revision', revisionMessage) })
      .regex(REVISION, { error: revisionMessage }),
    /** Which help centre the page belongs to. Default public. */
    audience: z
      .enum(voteAudiences, { error: `audience must be one of: ${voteAudiences.join(', ')}` })
      .default('public'),
    helpful,
    /** Why not; only with helpful "no". Blank means not given. */
    reason: z
      .union([z.literal(''), z.enum(voteReasons)], {
        error: `reason must be one of: ${voteReasons.join(', ')}`,
      })
      .nullish()
      .transform((value) => (value ? value : null)),
    /** Optional, only with helpful "no"; at most 1000 characters after trimming. */
    comment: z
      .string({ error: 'comment must be text' })
      .nullish()
      .transform((value) => (value == null ? null : cleanMultiline(value) || null))
      .refine((value) => value === null || characters(value) <= voteCommentMaxLength, {
        error: `comment must be at most ${voteCommentMaxLength} characters`,
      }),
  })
  .superRefine((vote, context) => {
    if (!vote.helpful) return;
    if (vote.reason !== null)
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'reason is only accepted with helpful "no"',
      });
    if (vote.comment !== null)
      context.addIssue({
        code: 'custom',
        path: ['comment'],
        message: 'comment is only accepted with helpful "no"',
      });
  });

export interface VoteRequest {
  articleId: string;
  locale: (typeof locales)[number];
  revision: string;
  audience: VoteAudience;
  helpful: boolean;
  reason: VoteReason | null;
  comment: string | null;
}

export type VoteValidation = { ok: true; value: VoteRequest } | { ok: false; errors: FieldError[] };

export function validateVote(input: Record<string, unknown>): VoteValidation {
  const result = voteSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: fieldErrorsOf(result.error.issues),
  };
}

/** The locale the body asked for, when it names a valid one: the language of an error page. */
export function localeOfBody(input: Record<string, unknown>): (typeof locales)[number] | undefined {
  const locale = input['locale'];
  return (locales as readonly unknown[]).includes(locale)
    ? (locale as (typeof locales)[number])
    : undefined;
}

const summaryQuerySchema = z.object({
  articleId: z
    .string({ error: missingOr('articleId', articleIdMessage) })
    .regex(idPattern, { error: articleIdMessage }),
  locale: z.enum(locales, { error: missingOr('locale', localeMessage) }),
  /** The revision the page shows: its tallies are `current`. */
  revision: z
    .string({ error: missingOr('revision', revisionMessage) })
    .regex(REVISION, { error: revisionMessage }),
});

export function validateSummaryQuery(
  query: Record<string, string>,
): { ok: true; value: z.output<typeof summaryQuerySchema> } | { ok: false; errors: FieldError[] } {
  const result = summaryQuerySchema.safeParse(query);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: fieldErrorsOf(result.error.issues, '(query)'),
  };
}
