/**
 * Flags on passages: validating what the agent's page sends, raising (or joining) the flag, and
 * where each flag's passage is in the article as it is now.
 */
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { locatePassage, sourceBlocks, type FlagLocation } from '../../proposals/blocks.ts';
import { tryParseMdx } from '../../proposals/mdx-safety.ts';
import {
  blockKinds,
  feedbackLimits,
  flagReasons,
  type BlockKind,
  type FlagReason,
} from '../../proposals/vocabulary.ts';
import type { ContentRepository } from '../content/repository.ts';
import type { FieldError } from '../problem.ts';
import type { Flag, NewFlag } from '../store/types.ts';

const REVISION = /^[0-9a-f]{12}$/;
const BLOCK_KEY = new RegExp(`^(${blockKinds.join('|')})-[0-9a-f]{8}(-[0-9]{1,4})?$`);
const TICKET_REF = /^[A-Za-z0-9#][\w#./-]{0,39}$/;

export type FlagInput = { ok: true; flag: NewFlag } | { ok: false; errors: FieldError[] };

export function validateFlag(
  fields: Record<string, unknown>,
  content: ContentRepository,
): FlagInput {
  const errors: FieldError[] = [];
  // One message per field, the first: "must be text" says more than what an empty value fails.
  const refuse = (field: string, message: string) => {
    if (!errors.some((error) => error.field === field)) errors.push({ field, message });
  };
  const text = (name: string) => {
    const value = fields[name];
    if (value == null) return '';
    if (typeof value === 'string') return value.trim();
    refuse(name, 'must be text');
    return '';
  };
  const articleId = text('articleId');
  const locale = text('locale');
  if (!isLocale(locale)) refuse('locale', 'must be one of the eight locales');
  else if (!content.article(locale, articleId))
    refuse(
      'articleId',
      articleId === '' ? 'is required' : `there is no article "${articleId}" in ${locale}`,
    );
  const revision = text('revision');
  if (!REVISION.test(revision)) refuse('revision', 'must be the 12-character revision of the page');
  const blockKey = text('blockKey');
  if (!BLOCK_KEY.test(blockKey)) refuse('blockKey', 'must be the key of a block on the page');
  const blockKind = text('blockKind');
  if (!(blockKinds as readonly string[]).includes(blockKind))
    refuse('blockKind', `must be one of ${blockKinds.join(', ')}`);
  const quote = text('quote');
  if (!quote || quote.length > feedbackLimits.quoteChars)
    refuse('quote', `must be the passage's text, at most ${feedbackLimits.quoteChars} characters`);
  const reason = text('reason');
  if (!(flagReasons as readonly string[]).includes(reason))
    refuse('reason', `choose one of ${flagReasons.join(', ')}`);
  const comment = text('comment');
  if (comment.length > feedbackLimits.commentChars)
    refuse(
      'comment',
      `is ${comment.length} characters; keep it under ${feedbackLimits.commentChars}`,
    );
  const ticketRef = text('ticketRef');
  if (ticketRef && !TICKET_REF.test(ticketRef))
    refuse(
      'ticketRef',
      'write the ticket reference as the helpdesk shows it, for example HB-7K2M9Q0Z or #48213',
    );
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    flag: {
      articleId,
      locale: locale as Locale,
      revision,
      blockKey,
      blockKind: blockKind as BlockKind,
      quote,
      reason: reason as FlagReason,
      comment: comment || null,
      ticketRef: ticketRef ? ticketRef.toUpperCase() : null,
    },
  };
}

export interface LocatedFlag extends Flag {
  /** Where the passage is in the article as it is now. */
  location: FlagLocation;
  /** The revision of the file now; equal to flag.revision when nothing changed. */
  currentRevision: string | null;
}

/** Finds each flag's passage again in the current text of its article. */
export function locateFlags(flags: readonly Flag[], content: ContentRepository): LocatedFlag[] {
  const blocksOf = new Map<string, ReturnType<typeof sourceBlocks> | null>();
  const current = new Map<string, string | null>();
  return flags.map((flag) => {
    const key = `${flag.locale}/${flag.articleId}`;
    if (!blocksOf.has(key)) {
      const source = content.article(flag.locale, flag.articleId);
      const parsed = source ? tryParseMdx(source.text) : undefined;
      blocksOf.set(key, parsed?.ok ? sourceBlocks(parsed.tree) : null);
      current.set(key, source?.revision ?? null);
    }
    const blocks = blocksOf.get(key);
    return {
      ...flag,
      location: blocks ? locatePassage(flag, blocks) : { status: 'orphaned' },
      currentRevision: current.get(key) ?? null,
    };
  });
}
