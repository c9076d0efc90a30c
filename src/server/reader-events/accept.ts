/**
 * Checking a batch of reader events from the browser: the envelope strictly (an object with at
 * most 50 events), each event leniently (an invalid one is dropped and counted, the rest of the
 * batch is kept, so one odd event from an old page does not lose a visit's figures). Queries are
 * masked here again whatever the browser did: the service never trusts the client with that.
 */
import { z } from 'zod';
import { locales } from '../../i18n/locales.ts';
import {
  maxArticlesPerEvent,
  maxEventsPerBatch,
  readerEventKinds,
  readerEventSources,
} from '../../lib/reader-events.ts';
import { maskQuery } from '../../search/mask-query.ts';
import { missingOr, type FieldError } from '../problem.ts';
import type { ReaderEvent } from '../store/types.ts';
import { idPattern } from '../../lib/ids.ts';

const articleIdMessage = 'articleId must be an article id in lower case with dashes';
const articleId = z
  .string({ error: missingOr('articleId', articleIdMessage) })
  .max(100, { error: articleIdMessage })
  .regex(idPattern, { error: articleIdMessage });

/** A query as typed (bounded), masked; one that masks to nothing is refused. */
const query = z
  .string({ error: missingOr('query', 'query must be text') })
  .max(1000, { error: 'query must be at most 1000 characters' })
  .transform(maskQuery)
  .refine((masked) => masked !== '', { error: 'query is empty' });

const visitMessage =
  'visit must be a random id of 8 to 64 letters, digits and dashes, such as a UUID';

/** A whole number in a range, with a message that says so whatever was wrong with it. */
const wholeNumber = (field: string, min: number, max: number) => {
  const message = `${field} must be a whole number from ${min} to ${max}`;
  return z
    .number({ error: missingOr(field, message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const common = {
  /** One of the eight locales; anything else is refused. */
  locale: z.enum(locales, {
    error: missingOr('locale', `locale must be one of: ${locales.join(', ')}`),
  }),
  /** The tab's random visit id (a UUID in practice): 8 to 64 letters, digits and dashes. */
  visit: z
    .string({ error: missingOr('visit', visitMessage) })
    .regex(/^[A-Za-z0-9-]{8,64}$/, { error: visitMessage }),
};
const searchSource = z.enum(readerEventSources, {
  error: missingOr('source', `source must be one of: ${readerEventSources.join(', ')}`),
});
/** Events of the contact page are from the contact page, whatever the client says otherwise. */
const contactSource = z.literal('contact').default('contact');

const eventSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('search'),
      source: searchSource,
      ...common,
      query,
      /** Results the query had: 0 to 10,000. */
      results: wholeNumber('results', 0, 10_000),
    }),
    z.object({
      kind: z.literal('open'),
      source: searchSource,
      ...common,
      /** What was searched; a contact-page suggestion may have come from no typed query. */
      query: query.optional(),
      /** 1-based position in the list the reader saw. */
      rank: wholeNumber('rank', 1, 1000),
      articleId,
    }),
    z.object({ kind: z.literal('contact-view'), source: contactSource, ...common }),
    z.object({
      kind: z.literal('suggestions-shown'),
      source: contactSource,
      ...common,
      articles: z
        .array(articleId, { error: 'articles must be a list of article ids' })
        .max(maxArticlesPerEvent, {
          error: `articles may list at most ${maxArticlesPerEvent} articles`,
        }),
    }),
    z.object({ kind: z.literal('ticket-sent'), source: contactSource, ...common }),
  ],
  { error: `kind must be one of: ${readerEventKinds.join(', ')}` },
);

/** The envelope; anything but an object with an events list of 1 to 50 is refused whole. */
export const eventBatchSchema = z.object({
  events: z
    .array(z.unknown(), { error: 'events must be a list of events' })
    .min(1, { error: 'events is empty' })
    .max(maxEventsPerBatch, { error: `at most ${maxEventsPerBatch} events per batch` }),
});

export interface CheckedBatch {
  events: ReaderEvent[];
  /** Per dropped event: what was wrong, named `events.<index>.<field>`. */
  errors: FieldError[];
  dropped: number;
}

/** The valid events of a batch, stamped with `at` and masked; the invalid ones counted. */
export function checkEvents(raw: readonly unknown[], at: Date): CheckedBatch {
  const events: ReaderEvent[] = [];
  const errors: FieldError[] = [];
  raw.forEach((candidate, index) => {
    const result = eventSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0];
      errors.push({
        field: ['events', index, ...(issue?.path ?? [])].join('.'),
        message: issue?.message ?? 'invalid event',
      });
      return;
    }
    const event = result.data;
    events.push({
      at: at.toISOString(),
      kind: event.kind,
      source: event.source,
      locale: event.locale,
      visit: event.visit,
      query: 'query' in event ? (event.query ?? null) : null,
      results: 'results' in event ? event.results : null,
      rank: 'rank' in event ? event.rank : null,
      articleId: 'articleId' in event ? event.articleId : null,
      articles: 'articles' in event ? event.articles : [],
    });
  });
  return { events, errors, dropped: errors.length };
}
