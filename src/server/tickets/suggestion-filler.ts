/**
 * Suggested articles for new tickets, found after the commit instead of before it. Searching a
 * help centre of thousands of articles costs milliseconds per ticket, which is most of what a
 * ticket costs: on the request path it capped a 10,000-page site at about a hundred tickets a
 * second. A ticket is stored with its suggestions pending; they are filled in the background,
 * and before any delivery, so the helpdesk always gets them. Pending tickets survive a restart in
 * the database and are filled when the service starts again.
 */
import type { Logger } from '../log.ts';
import type { StoredTicket, TicketStore } from '../store/types.ts';
import type { ArticleSuggester } from './suggestions.ts';

/** How many suggested articles travel with a ticket. */
export const SUGGESTED_ARTICLES = 5;
/** The start of a message says what it is about. */
const SUGGESTION_TEXT_LIMIT = 1000;
/**
 * At most this share of the time goes to the background work while tickets keep coming (one came
 * within the quiet time): a burst is answered first and its suggestions follow it at full speed.
 */
const backgroundShare = 0.1;
const quietMs = 200;
/** Tickets searched together when it is quiet (a few milliseconds each at 10,000 pages). */
const quietSliceSize = 8;
/** Pending tickets read per look at the database after a start. */
const recoveryBatch = 200;

export interface SuggestionFiller {
  /** The ticket with its suggestions, finding and storing them now if they are pending. */
  fill(ticket: StoredTicket): Promise<StoredTicket>;
  /** Fills the ticket's suggestions in the background, soon. */
  queue(ticket: StoredTicket): void;
  /** Queues every ticket left pending by an earlier run. */
  recover(): Promise<void>;
  /** Resolves when nothing is queued or being filled (for tests and shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export function createSuggestionFiller(deps: {
  store: TicketStore;
  suggester: ArticleSuggester;
  log: Logger;
}): SuggestionFiller {
  const inFlight = new Map<string, Promise<StoredTicket>>();
  const waiting: StoredTicket[] = [];
  let draining: Promise<void> | undefined;
  let stopped = false;
  let lastQueued = 0;

  const fill = (ticket: StoredTicket): Promise<StoredTicket> => {
    if (!ticket.suggestionsPending) return Promise.resolve(ticket);
    let running = inFlight.get(ticket.id);
    if (!running) {
      running = (async () => {
        const text = `${ticket.subject}\n${ticket.message}`.slice(0, SUGGESTION_TEXT_LIMIT);
        const ids = await deps.suggester.suggest(ticket.locale, text, SUGGESTED_ARTICLES);
        await deps.store.saveSuggestions(ticket.id, ids);
        return { ...ticket, suggestedArticles: ids, suggestionsPending: false };
      })().finally(() => inFlight.delete(ticket.id));
      inFlight.set(ticket.id, running);
    }
    return running;
  };

  const drain = async () => {
    while (waiting.length > 0 && !stopped) {
      // While tickets keep coming, one at a time, so no request waits behind several searches
      // (its suggestions join the next tickets' commit); when it is quiet, a few per commit.
      const busyBefore = performance.now() - lastQueued < quietMs;
      const slice = waiting.splice(0, busyBefore ? 1 : quietSliceSize);
      const started = performance.now();
      await Promise.all(
        slice.map((ticket) =>
          fill(ticket).catch((error: unknown) =>
            // Left pending in the database: the next start (or its delivery) fills it.
            deps.log.error(
              `suggesting articles for ${ticket.reference} failed; it stays pending`,
              error,
            ),
          ),
        ),
      );
      const spent = performance.now() - started;
      const busy = performance.now() - lastQueued < quietMs;
      await new Promise((resolve) =>
        busy
          ? // At most the quiet time: a pause owed to one slow slice must not outlast the burst.
            setTimeout(
              resolve,
              Math.min((spent * (1 - backgroundShare)) / backgroundShare, quietMs),
            )
          : setImmediate(resolve),
      );
    }
  };
  const kick = () => {
    draining ??= drain().finally(() => {
      draining = undefined;
      if (waiting.length > 0 && !stopped) kick();
    });
  };

  return {
    fill,
    queue(ticket) {
      if (!ticket.suggestionsPending || stopped) return;
      lastQueued = performance.now();
      waiting.push(ticket);
      kick();
    },
    async recover() {
      const seen = new Set<string>();
      for (;;) {
        const pending = (await deps.store.pendingSuggestions(recoveryBatch)).filter(
          (t) => !seen.has(t.id),
        );
        if (pending.length === 0 || stopped) break;
        for (const ticket of pending) {
          seen.add(ticket.id);
          await fill(ticket).catch((error: unknown) =>
            deps.log.error(
              `suggesting articles for ${ticket.reference} failed; it stays pending`,
              error,
            ),
          );
        }
      }
      if (seen.size > 0)
        deps.log.info(`suggested articles for ${seen.size} tickets left pending by the last run`);
    },
    async idle() {
      while (draining || inFlight.size > 0) {
        await draining;
        await Promise.all(inFlight.values());
      }
    },
    stop() {
      stopped = true;
      waiting.length = 0;
    },
  };
}
